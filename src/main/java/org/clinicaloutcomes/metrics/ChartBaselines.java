package org.clinicaloutcomes.metrics;

import java.util.SortedMap;

/**
 * The three baselines at which the expected-recovery chart draws its curves (MONITORING.md,
 * "Chart", reading 35): the type 7 first quartile, median and third quartile of the reference
 * episodes' baselines on the primary instrument ({@link Quantiles}, Hyndman &amp; Fan 1996), each
 * rounded to the nearest whole point with halves away from zero ({@code 32.5 → 33},
 * {@code −2.5 → −3}; not {@link Math#round(double)}, which takes {@code −2.5} to {@code −2}).
 *
 * @param q1     rounded 0.25 quantile
 * @param median rounded 0.5 quantile
 * @param q3     rounded 0.75 quantile
 */
public record ChartBaselines(long q1, long median, long q3) {

    /** The rounded quartiles of {@code baselines} (one per reference episode); {@code null} when empty. */
    public static ChartBaselines of(double[] baselines) {
        return of(Quantiles.of(baselines));
    }

    /**
     * The rounded quartiles of baselines given as how often each occurs
     * ({@link Quantiles#ofCounted}: the same as {@link #of(double[])} of the expanded values);
     * {@code null} when there is none.
     */
    public static ChartBaselines ofCounted(SortedMap<Double, Long> counts) {
        return of(Quantiles.ofCounted(counts));
    }

    private static ChartBaselines of(Quantiles quantiles) {
        if (quantiles == null) {
            return null;
        }
        return new ChartBaselines(roundHalfAwayFromZero(quantiles.q1()),
                roundHalfAwayFromZero(quantiles.median()), roundHalfAwayFromZero(quantiles.q3()));
    }

    /**
     * {@code value} rounded to the nearest integer, halves away from zero. The fractional part
     * {@code |v| − ⌊|v|⌋} is computed exactly, so {@code 0.49999999999999994} rounds to 0.
     *
     * @throws IllegalArgumentException when {@code value} is not finite
     */
    public static long roundHalfAwayFromZero(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot round " + value);
        }
        double magnitude = Math.abs(value);
        double whole = Math.floor(magnitude);
        double rounded = magnitude - whole >= 0.5 ? whole + 1.0 : whole;
        return (long) Math.copySign(rounded, value);
    }
}
