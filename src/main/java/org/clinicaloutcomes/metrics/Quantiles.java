package org.clinicaloutcomes.metrics;

import java.util.Map;
import java.util.SortedMap;
import java.util.function.LongToDoubleFunction;

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
     * Type 7 quartiles of values given as how often each distinct value occurs (a reference
     * group's baselines at 2.7 million episodes are a few dozen distinct scores), without
     * expanding them: the order statistics are read off the cumulative counts
     * ({@link #typeSeven}), so the result equals {@link #of(double[])} of the expanded values bit
     * for bit. {@code null} when the counts add up to nothing.
     *
     * @param counts how many times each distinct finite value occurs (non-negative), in the map's
     *               ascending order
     */
    public static Quantiles ofCounted(SortedMap<Double, Long> counts) {
        long n = 0;
        for (Map.Entry<Double, Long> entry : counts.entrySet()) {
            if (!Double.isFinite(entry.getKey()) || entry.getValue() < 0) {
                throw new IllegalArgumentException("values must be finite, counts non-negative");
            }
            n = Math.addExact(n, entry.getValue());
        }
        if (n == 0) {
            return null;
        }
        long total = n;
        LongToDoubleFunction orderStatistic = k -> {
            long seen = 0;
            for (Map.Entry<Double, Long> entry : counts.entrySet()) {
                seen += entry.getValue();
                if (seen >= k) {
                    return entry.getKey();
                }
            }
            throw new IllegalStateException("counts do not reach " + k + " of " + total);
        };
        return new Quantiles(typeSeven(n, 0.5, orderStatistic), typeSeven(n, 0.25, orderStatistic),
                typeSeven(n, 0.75, orderStatistic));
    }

    /**
     * The type 7 quantile of probability {@code p} of {@code n} values whose {@code k}-th smallest
     * ({@code 1 ≤ k ≤ n}) {@code orderStatistic} gives, as Percentile's {@code R_7} computes it,
     * operation for operation: {@code pos = 1 + (n − 1) p}, then
     * {@code x(⌊pos⌋) + (pos − ⌊pos⌋)(x(⌊pos⌋ + 1) − x(⌊pos⌋))}, or {@code x(n)} when {@code ⌊pos⌋ = n}.
     */
    static double typeSeven(long n, double p, LongToDoubleFunction orderStatistic) {
        double pos = 1 + (n - 1) * p;
        double floor = Math.floor(pos);
        long low = (long) floor;
        double lower = orderStatistic.applyAsDouble(low);
        if (low >= n) {
            return lower;
        }
        return lower + (pos - floor) * (orderStatistic.applyAsDouble(low + 1) - lower);
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
