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

    /** Type 7 quartiles of integer values (such as session counts); {@code null} when empty. */
    public static Quantiles of(int[] values) {
        double[] asDoubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            asDoubles[i] = values[i];
        }
        return of(asDoubles);
    }
}
