package org.clinicaloutcomes.metrics;

import java.io.Serializable;

/**
 * The outcome of one closed episode on one instrument with paired scores (METRICS.md, "Per
 * episode and instrument"). Build it with {@link #of(Instrument, double, double, int)}.
 *
 * <pre>
 *   change                 = final − baseline
 *   reduction              = baseline − final (higher = worse), final − baseline (higher = better)
 *   reliable improvement   = reduction ≥ RC
 *   reliable deterioration = −reduction ≥ RC
 *   case at baseline       = baseline in the clinical range (score ≥ cut-off, or ≤ when higher = better)
 *   recovered              = case at baseline and final not in the clinical range
 *   reliable recovery      = recovered and reliable improvement
 *   response               = baseline &gt; 0 and final ≤ baseline / 2   (higher-is-worse only)
 *   category               = recovered (reliable recovery), improved (reliable improvement, not
 *                            recovered), deteriorated (reliable deterioration), unchanged (otherwise)
 * </pre>
 * The thresholds are compared exactly as written, with no tolerance: a reduction equal to RC is a
 * reliable improvement, also when RC is a Jacobson–Truax threshold (a computed double; Jacobson
 * &amp; Truax 1991). Caseness, recovery and reliable recovery are {@code null} for an instrument
 * without a cut-off; response is {@code null} for a higher-is-better instrument.
 *
 * <p>Reference: N. S. Jacobson &amp; P. Truax (1991), Clinical significance: a statistical
 * approach to defining meaningful change in psychotherapy research. J. Consult. Clin. Psychol.
 * 59(1), 12–19.
 *
 * @param baseline               first score
 * @param finalScore             last score
 * @param nScores                number of scores of the episode on the instrument (at least 2)
 * @param change                 {@code final − baseline}
 * @param reduction              improvement in points, positive = better
 * @param reliableImprovement    {@code reduction ≥ RC}
 * @param reliableDeterioration  {@code −reduction ≥ RC}
 * @param caseAtBaseline         baseline in the clinical range; {@code null} without cut-off
 * @param recovered              case at baseline, final not; {@code null} without cut-off
 * @param reliableRecovery       recovered and reliable improvement; {@code null} without cut-off
 * @param response               at least halved from a positive baseline; {@code null} when
 *                               higher is better
 */
public record EpisodeOutcome(double baseline, double finalScore, int nScores, double change, double reduction,
                             boolean reliableImprovement, boolean reliableDeterioration,
                             Boolean caseAtBaseline, Boolean recovered, Boolean reliableRecovery,
                             Boolean response) implements Serializable {

    /**
     * The outcome of an episode whose first score on {@code instrument} is {@code baseline} and
     * last is {@code finalScore}.
     *
     * @throws IllegalArgumentException when a score is not finite or {@code nScores < 2}
     */
    public static EpisodeOutcome of(Instrument instrument, double baseline, double finalScore, int nScores) {
        if (!Double.isFinite(baseline) || !Double.isFinite(finalScore)) {
            throw new IllegalArgumentException("scores must be finite: " + baseline + ", " + finalScore);
        }
        if (nScores < 2) {
            throw new IllegalArgumentException("paired scores need at least 2 scores, got " + nScores);
        }
        double change = finalScore - baseline;
        double reduction = instrument.reduction(baseline, finalScore);
        double rc = instrument.reliableChange();
        boolean reliableImprovement = reduction >= rc;
        boolean reliableDeterioration = -reduction >= rc;

        Boolean caseAtBaseline = null;
        Boolean recovered = null;
        Boolean reliableRecovery = null;
        if (instrument.hasCutoff()) {
            caseAtBaseline = instrument.isClinical(baseline);
            recovered = caseAtBaseline && !instrument.isClinical(finalScore);
            reliableRecovery = recovered && reliableImprovement;
        }
        Boolean response = instrument.higherIsBetter() ? null : baseline > 0 && finalScore <= baseline / 2.0;
        return new EpisodeOutcome(baseline, finalScore, nScores, change, reduction,
                reliableImprovement, reliableDeterioration, caseAtBaseline, recovered, reliableRecovery, response);
    }

    /** Jacobson–Truax category of a reliably recovered episode. */
    public static final String RECOVERED = "recovered";
    /** Category of a reliable improvement that is not a reliable recovery. */
    public static final String IMPROVED = "improved";
    /** Category of a reliable deterioration. */
    public static final String DETERIORATED = "deteriorated";
    /** Category of an episode with neither reliable improvement nor reliable deterioration. */
    public static final String UNCHANGED = "unchanged";

    /**
     * The episode's Jacobson–Truax category (METRICS.md, "No reliable change"; Jacobson &amp; Truax
     * 1991): {@value #RECOVERED}, {@value #IMPROVED}, {@value #DETERIORATED} or {@value #UNCHANGED}.
     * Without a cut-off no episode is recovered, so a reliable improvement is {@value #IMPROVED}.
     */
    public String category() {
        if (Boolean.TRUE.equals(reliableRecovery)) {
            return RECOVERED;
        }
        if (reliableImprovement) {
            return IMPROVED;
        }
        return reliableDeterioration ? DETERIORATED : UNCHANGED;
    }
}
