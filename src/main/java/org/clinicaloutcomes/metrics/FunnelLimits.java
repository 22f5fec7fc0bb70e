package org.clinicaloutcomes.metrics;

/**
 * Funnel-plot control limits for a clinician's rate in percent around the practice proportion
 * {@code p} (METRICS.md, "Clinicians"), for {@code n} paired episodes:
 * {@code 100 × (p ± z × sqrt(p (1 − p) / n))}, clamped to [0, 100], with the literal
 * {@code z = 1.96} (95%) and {@code z = 3.09} (99.8%) of the funnel-plot convention.
 *
 * <p>Reference: D. J. Spiegelhalter (2005), Funnel plots for comparing institutional
 * performance. Statistics in Medicine 24(8), 1185–1202.
 *
 * @param inner95  the 95% limits (z = 1.96)
 * @param outer998 the 99.8% limits (z = 3.09)
 */
public record FunnelLimits(Interval inner95, Interval outer998) {

    /** z of the 95% limits, literal by convention. */
    public static final double Z_95 = 1.96;
    /** z of the 99.8% limits, literal by convention. */
    public static final double Z_998 = 3.09;

    /**
     * Limits at {@code n} around the practice proportion.
     *
     * @param practiceProportion practice rate as a fraction in [0, 1]
     * @param n                  the clinician's denominator
     * @return the limits, or {@code null} when {@code n < 1} or the proportion is not in [0, 1]
     */
    public static FunnelLimits of(double practiceProportion, int n) {
        Interval inner = limits(practiceProportion, n, Z_95);
        Interval outer = limits(practiceProportion, n, Z_998);
        return inner == null || outer == null ? null : new FunnelLimits(inner, outer);
    }

    /**
     * {@code 100 × (p ± z × sqrt(p (1 − p) / n))}, clamped to [0, 100]; {@code null} when
     * {@code n < 1} or {@code p} is not in [0, 1].
     */
    public static Interval limits(double practiceProportion, int n, double z) {
        double p = practiceProportion;
        if (n < 1 || !(p >= 0.0 && p <= 1.0)) {
            return null;
        }
        double half = z * Math.sqrt(p * (1.0 - p) / n);
        return new Interval(clamp(100.0 * (p - half)), clamp(100.0 * (p + half)));
    }

    private static double clamp(double percent) {
        return Math.max(0.0, Math.min(100.0, percent));
    }
}
