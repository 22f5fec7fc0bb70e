package org.clinicaloutcomes.metrics;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaNStrategy;

/**
 * Median and quartiles with linear interpolation between order statistics: sample quantile
 * type 7 of Hyndman &amp; Fan (1996), R's default {@code quantile()}, Excel's
 * {@code PERCENTILE.INC}. For sorted values {@code x(1) ≤ … ≤ x(n)} and probability {@code p}:
 * {@code h = (n − 1) p + 1}, {@code Q(p) = x(⌊h⌋) + (h − ⌊h⌋)(x(⌊h⌋ + 1) − x(⌊h⌋))}. Computed with
 * Commons Math's {@link Percentile} and {@link Percentile.EstimationType#R_7}.
 *
 * <p>Reference: R. J. Hyndman &amp; Y. Fan (1996), Sample quantiles in statistical packages.
 * The American Statistician 50(4), 361–365.
 *
 * @param median 0.5 quantile
 * @param q1     0.25 quantile
 * @param q3     0.75 quantile
 */
public record Quantiles(double median, double q1, double q3) {

    /** Type 7 quartiles of {@code values}; {@code null} when there are none. */
    public static Quantiles of(double[] values) {
        if (values.length == 0) {
            return null;
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("quantiles need finite values, got " + value);
            }
        }
        Percentile percentile = new Percentile()
                .withEstimationType(Percentile.EstimationType.R_7)
                .withNaNStrategy(NaNStrategy.FAILED);
        percentile.setData(values); // copies the array
        return new Quantiles(percentile.evaluate(50.0), percentile.evaluate(25.0), percentile.evaluate(75.0));
    }

    /**
     * Type 7 quartiles of values given as distinct values and how often each occurs (a reference
     * group's baselines at 2.7 million episodes are a few dozen distinct scores), without
     * expanding them: the order statistics {@code x(⌊h⌋)} and {@code x(⌊h⌋ + 1)} are read off the
     * cumulative counts, and {@code h} and the interpolation are those of {@link Percentile}'s
     * {@code R_7}, operation for operation, so the result equals {@link #of(double[])} of the
     * expanded values bit for bit. {@code null} when the counts add up to nothing.
     *
     * @param ascending distinct finite values, strictly ascending in {@link Double#compare}'s order
     *                  (as {@link java.util.Arrays#sort(double[])} puts them)
     * @param counts    how many times each occurs (non-negative)
     */
    public static Quantiles ofCounted(double[] ascending, long[] counts) {
        if (ascending.length != counts.length) {
            throw new IllegalArgumentException(ascending.length + " values but " + counts.length + " counts");
        }
        long n = 0;
        for (int i = 0; i < ascending.length; i++) {
            if (!Double.isFinite(ascending[i]) || (i > 0 && Double.compare(ascending[i], ascending[i - 1]) <= 0) || counts[i] < 0) {
                throw new IllegalArgumentException("values must be finite and strictly ascending, counts non-negative");
            }
            n = Math.addExact(n, counts[i]);
        }
        if (n == 0) {
            return null;
        }
        return new Quantiles(counted(ascending, counts, n, 0.5), counted(ascending, counts, n, 0.25),
                counted(ascending, counts, n, 0.75));
    }

    /** Percentile's R_7 estimate: {@code pos = 1 + (n − 1) p}, {@code x(⌊pos⌋) + d (x(⌊pos⌋+1) − x(⌊pos⌋))}. */
    private static double counted(double[] ascending, long[] counts, long n, double p) {
        double pos = 1 + (n - 1) * p;
        double floor = Math.floor(pos);
        long low = (long) floor;
        double lower = orderStatistic(ascending, counts, low);
        if (low >= n) {
            return lower;
        }
        double upper = orderStatistic(ascending, counts, low + 1);
        return lower + (pos - floor) * (upper - lower);
    }

    /** The {@code k}-th smallest value ({@code 1 ≤ k ≤ n}) of counted values. */
    private static double orderStatistic(double[] ascending, long[] counts, long k) {
        long seen = 0;
        for (int i = 0; i < ascending.length; i++) {
            seen += counts[i];
            if (seen >= k) {
                return ascending[i];
            }
        }
        throw new IllegalStateException("counts do not reach " + k);
    }

    /** Type 7 quartiles of integer values (such as session counts); {@code null} when empty. */
    public static Quantiles of(int[] values) {
        double[] asDoubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            asDoubles[i] = values[i];
        }
        return of(asDoubles);
    }
}
