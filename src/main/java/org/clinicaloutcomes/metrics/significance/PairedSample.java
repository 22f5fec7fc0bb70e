package org.clinicaloutcomes.metrics.significance;

import java.util.Arrays;
import java.util.Objects;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * The sample statistics of the complete pairs (SIGNIFICANCE.md, sections 0 and 1), computed once
 * from all {@code n} pairs passed to a method, pooled across groups:
 * <pre>
 *   M_pre  = mean(pre)          M_post  = mean(post)
 *   SD_pre = SD(pre)            SD_post = SD(post)        sample SDs, divisor n − 1
 *   r12    = Pearson(pre, post)
 * </pre>
 * computed by {@link Statistics} (two-pass corrected mean and SD, as R's {@code mean} and
 * {@code sd}). {@code SD_pre} and {@code SD_post} are {@code NaN} for {@code n < 2}; {@code r12}
 * is {@code NaN} when either SD is 0 (or {@code n < 2}). The methods that need a value reject
 * those cases (section 2.7); this record only carries them.
 *
 * @param n     number of complete pairs
 * @param mPre  mean of the pre scores
 * @param mPost mean of the post scores
 * @param sdPre sample SD of the pre scores
 * @param sdPost sample SD of the post scores
 * @param r12   Pearson correlation of pre and post
 */
public record PairedSample(int n, double mPre, double mPost, double sdPre, double sdPost, double r12) {

    /**
     * The statistics of paired scores.
     *
     * @throws IllegalArgumentException when the arrays differ in length, are empty, or hold a
     *                                  score that is not finite
     */
    public static PairedSample of(double[] pre, double[] post) {
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(post, "post");
        if (pre.length != post.length) {
            throw new IllegalArgumentException("pre and post differ in length: " + pre.length + " and "
                    + post.length);
        }
        if (pre.length == 0) {
            throw new IllegalArgumentException("no complete pairs");
        }
        for (int i = 0; i < pre.length; i++) {
            Checks.finite("pre score " + i, pre[i]);
            Checks.finite("post score " + i, post[i]);
        }
        return new PairedSample(pre.length, Statistics.mean(pre), Statistics.mean(post),
                orNaN(Statistics.sampleSd(pre)), orNaN(Statistics.sampleSd(post)),
                orNaN(Statistics.pearson(pre, post)));
    }

    /** The change scores {@code post − pre}. */
    public static double[] changes(double[] pre, double[] post) {
        if (pre.length != post.length) {
            throw new IllegalArgumentException("pre and post differ in length: " + pre.length + " and "
                    + post.length);
        }
        double[] change = new double[pre.length];
        Arrays.setAll(change, i -> post[i] - pre[i]);
        return change;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
