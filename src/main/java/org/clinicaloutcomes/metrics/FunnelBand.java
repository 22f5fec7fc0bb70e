package org.clinicaloutcomes.metrics;

/**
 * Where a clinician's rate lies against its funnel limits (MONITORING.md, "Clinicians, fuller
 * view", reading H.45): the clinician's rate in percent is compared with the clamped limits of
 * {@link FunnelLimits}, in this order, each strictly:
 * <ol>
 *   <li>{@link #ABOVE_998} if rate &gt; the upper 99.8% limit,</li>
 *   <li>else {@link #ABOVE_95} if rate &gt; the upper 95% limit,</li>
 *   <li>else {@link #BELOW_998} if rate &lt; the lower 99.8% limit,</li>
 *   <li>else {@link #BELOW_95} if rate &lt; the lower 95% limit,</li>
 *   <li>else {@link #WITHIN} (a rate on a limit is within).</li>
 * </ol>
 * No band (empty) when the rate is not defined or there are no limits (the practice rate is not
 * defined, or the clinician's denominator is 0). The band names a position, not a verdict: which
 * side is better depends on the rate (higher reliable improvement, lower dropout).
 *
 * <p>Reference: D. J. Spiegelhalter (2005), Funnel plots for comparing institutional
 * performance. Statistics in Medicine 24(8), 1185–1202 (the 95% and 99.8% limits as the two
 * levels of "alert" and "alarm").
 */
public enum FunnelBand {

    ABOVE_998("above_99.8"),
    ABOVE_95("above_95"),
    WITHIN("within"),
    BELOW_95("below_95"),
    BELOW_998("below_99.8");

    private final String code;

    FunnelBand(String code) {
        this.code = code;
    }

    /** The value written in the CSV ({@code above_99.8}, {@code above_95}, {@code within}, ...). */
    public String code() {
        return code;
    }

    /** The code of a band; {@code null} (an empty cell) for no band. */
    public static String codeOf(FunnelBand band) {
        return band == null ? null : band.code;
    }

    /**
     * The band of a rate.
     *
     * @param ratePercent the clinician's rate in percent ({@code 100 × k / n}), {@code null} when
     *                    not defined
     * @param limits      the limits at the clinician's {@code n} around the practice proportion,
     *                    {@code null} when there are none
     * @return the band, or {@code null} when the rate or the limits are missing
     */
    public static FunnelBand of(Double ratePercent, FunnelLimits limits) {
        if (ratePercent == null || limits == null || ratePercent.isNaN()) {
            return null;
        }
        double rate = ratePercent;
        if (rate > limits.outer998().high()) {
            return ABOVE_998;
        }
        if (rate > limits.inner95().high()) {
            return ABOVE_95;
        }
        if (rate < limits.outer998().low()) {
            return BELOW_998;
        }
        if (rate < limits.inner95().low()) {
            return BELOW_95;
        }
        return WITHIN;
    }
}
