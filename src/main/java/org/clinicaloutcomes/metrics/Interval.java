package org.clinicaloutcomes.metrics;

/**
 * A closed confidence interval {@code [low, high]} with finite ends.
 *
 * <p>{@link #tMean(double, double, int)} is the Student t interval of a mean:
 * {@code mean ± t(0.975, n − 1) × SD / sqrt(n)} (METRICS.md, "Per group"), with the t quantile
 * exact to about 1e-12 ({@link Statistics#tQuantile975(int)}). It needs {@code n ≥ 2}; with
 * an SD of 0 it is the single point {@code [mean, mean]}.
 *
 * @param low  lower end
 * @param high upper end, not below {@code low}
 */
public record Interval(double low, double high) {

    public Interval {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("interval ends must be finite: [" + low + ", " + high + "]");
        }
        if (low > high) {
            throw new IllegalArgumentException("interval low above high: [" + low + ", " + high + "]");
        }
    }

    /** The lower end of an interval that may be missing: {@code null} for {@code null}. */
    public static Double lowOf(Interval interval) {
        return interval == null ? null : interval.low();
    }

    /** The upper end of an interval that may be missing: {@code null} for {@code null}. */
    public static Double highOf(Interval interval) {
        return interval == null ? null : interval.high();
    }

    /**
     * 95% t confidence interval of a mean from its summary statistics; {@code null} when
     * {@code n < 2} or the result is not finite.
     */
    public static Interval tMean(double mean, double sd, int n) {
        if (n < 2 || !Double.isFinite(mean) || !Double.isFinite(sd) || sd < 0) {
            return null;
        }
        double half = Statistics.tQuantile975(n - 1) * sd / Math.sqrt(n);
        return ofFinite(mean - half, mean + half);
    }

    /** 95% t confidence interval of the mean of {@code values}; {@code null} for fewer than 2. */
    public static Interval tMean(double[] values) {
        if (values.length < 2) {
            return null;
        }
        Double mean = Statistics.mean(values);
        Double sd = Statistics.sampleSd(values);
        return mean == null || sd == null ? null : tMean(mean, sd, values.length);
    }

    /** This interval clamped to {@code [min, max]}. */
    public Interval clamp(double min, double max) {
        return new Interval(Math.max(min, Math.min(max, low)), Math.max(min, Math.min(max, high)));
    }

    /** The interval, or {@code null} when an end is not finite. */
    static Interval ofFinite(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high) && low <= high ? new Interval(low, high) : null;
    }
}
