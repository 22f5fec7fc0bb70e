package org.clinicaloutcomes.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Descriptive statistics and quantiles shared by the metrics, returning {@code null} where a
 * value is not defined (METRICS.md: never {@code NaN} or {@code Infinity}).
 *
 * <ul>
 *   <li>Mean: {@code m = Σx / n}, refined by the correction term {@code Σ(x − m) / n} (two-pass
 *       mean, as Commons Math's {@code Mean}). With it the mean of identical values is exactly
 *       that value, so their SD is exactly 0.</li>
 *   <li>Sample SD: {@code sqrt((Σ(x − m)² − (Σ(x − m))² / n) / (n − 1))}, the corrected two-pass
 *       algorithm (Chan, Golub &amp; LeVeque 1983), divisor {@code n − 1}; {@code null} for
 *       {@code n < 2}.</li>
 *   <li>Pearson correlation: {@code Σ dx dy / sqrt(Σ dx² × Σ dy²)} on deviations from the
 *       means; {@code null} for {@code n < 2} or when either SD is 0.</li>
 * </ul>
 */
public final class Statistics {

    /**
     * The exact 0.975 quantile of the standard normal distribution (1.959963984540054…), used
     * for the g CI and the Wilson interval. Not the rounded 1.96.
     */
    public static final double Z_975 =
            new NormalDistribution(null, 0.0, 1.0).inverseCumulativeProbability(0.975);

    /**
     * Inverse-CDF solver accuracy of {@link TDistribution}: the default (1e-9) is far too coarse
     * for quantiles that must agree with R's {@code qt} to about 1e-12.
     */
    static final double T_INVERSE_ACCURACY = 1e-14;

    private Statistics() {
    }

    /** Arithmetic mean, or {@code null} for no values. */
    public static Double mean(double[] values) {
        if (values.length == 0) {
            return null;
        }
        return finiteOrNull(correctedMean(values));
    }

    /** Sample standard deviation (divisor {@code n − 1}), or {@code null} for fewer than 2 values. */
    public static Double sampleSd(double[] values) {
        int n = values.length;
        if (n < 2) {
            return null;
        }
        double mean = correctedMean(values);
        double sumSquares = 0.0;
        double sumDeviations = 0.0;
        for (double value : values) {
            double deviation = value - mean;
            sumSquares += deviation * deviation;
            sumDeviations += deviation;
        }
        double variance = (sumSquares - sumDeviations * sumDeviations / n) / (n - 1);
        // Rounding can leave a tiny negative variance for (nearly) identical values.
        return finiteOrNull(Math.sqrt(Math.max(0.0, variance)));
    }

    /**
     * Pearson product-moment correlation of paired values, clamped to [−1, 1] against rounding;
     * {@code null} for fewer than 2 pairs or when either variable has an SD of 0.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        if (x.length < 2) {
            return null;
        }
        double meanX = correctedMean(x);
        double meanY = correctedMean(y);
        double sxx = 0.0;
        double syy = 0.0;
        double sxy = 0.0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0.0 || syy == 0.0) {
            return null;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return finiteOrNull(Math.max(-1.0, Math.min(1.0, r)));
    }

    /**
     * Percentage {@code 100.0 * k / n} (this order of operations: {@code 100 * 3 / 7} gives
     * 42.857142857142854 like the reference, {@code 100 * (3 / 7)} does not); {@code null} when
     * {@code n = 0}.
     */
    public static Double percent(long k, long n) {
        if (n == 0) {
            return null;
        }
        return finiteOrNull(100.0 * k / n);
    }

    /**
     * The 0.975 quantile of Student's t distribution with {@code df} degrees of freedom, exact
     * to about 1e-12 (for example 12.706204736174707 for 1 df).
     *
     * @throws IllegalArgumentException when {@code df < 1}
     */
    public static double tQuantile975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1: " + df);
        }
        return new TDistribution(null, df, T_INVERSE_ACCURACY).inverseCumulativeProbability(0.975);
    }

    /** {@code value} boxed, or {@code null} when it is {@code NaN} or infinite. */
    public static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Upper tail probability {@code 1 − cdf}, clamped to [0, 1] against rounding. */
    static double upperTail(double cumulativeProbability) {
        return Math.max(0.0, Math.min(1.0, 1.0 - cumulativeProbability));
    }

    private static double correctedMean(double[] values) {
        int n = values.length;
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / n;
        double correction = 0.0;
        for (double value : values) {
            correction += value - mean;
        }
        return mean + correction / n;
    }
}
