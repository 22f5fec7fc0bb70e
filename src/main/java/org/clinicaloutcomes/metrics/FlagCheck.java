package org.clinicaloutcomes.metrics;

/**
 * The counts of the two-fold check of the not-on-track flag on one instrument (MONITORING.md,
 * "How well the flag predicts", readings 32–34): every judged reference episode (flagged or not
 * at its 3rd score by the other fold's model) by its actual outcome, reliable improvement (RI)
 * and reliable deterioration (RD) from baseline to final ({@link EpisodeOutcome}). Immutable and
 * mergeable ({@link #plus(FlagCheck)}: the counts add, exactly).
 * <pre>
 *   n_judged                 = all judged episodes
 *   n_flagged                = flagged
 *   flagged_no_ri_pct        = 100.0 × #(flagged ∧ ¬RI) / #flagged
 *   unflagged_no_ri_pct      = 100.0 × #(¬flagged ∧ ¬RI) / #¬flagged
 *   sensitivity_no_ri_pct    = 100.0 × #(flagged ∧ ¬RI) / #¬RI
 *   specificity_no_ri_pct    = 100.0 × #(¬flagged ∧ RI) / #RI
 *   deteriorated_flagged_pct = 100.0 × #(flagged ∧ RD) / #RD
 * </pre>
 * Each rate is {@link Statistics#percent(long, long)}, {@code null} (an empty cell) over 0.
 * Sensitivity and specificity are those of the flag as a test for "ends without reliable
 * improvement" (Altman &amp; Bland 1994); the first two rates are its predictive values.
 *
 * <p>Reference: D. G. Altman &amp; J. M. Bland (1994), Diagnostic tests 1: sensitivity and
 * specificity. BMJ 308, 1552; Diagnostic tests 2: predictive values. BMJ 309, 102.
 *
 * @param flaggedNoRi   flagged, no reliable improvement
 * @param flaggedRi     flagged, reliable improvement
 * @param unflaggedNoRi not flagged, no reliable improvement
 * @param unflaggedRi   not flagged, reliable improvement
 * @param flaggedRd     flagged, reliable deterioration
 * @param unflaggedRd   not flagged, reliable deterioration
 */
public record FlagCheck(long flaggedNoRi, long flaggedRi, long unflaggedNoRi, long unflaggedRi,
                        long flaggedRd, long unflaggedRd) {

    /** Nothing judged: all counts 0, every rate {@code null}. */
    public static final FlagCheck EMPTY = new FlagCheck(0, 0, 0, 0, 0, 0);

    public FlagCheck {
        if (flaggedNoRi < 0 || flaggedRi < 0 || unflaggedNoRi < 0 || unflaggedRi < 0
                || flaggedRd < 0 || unflaggedRd < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (flaggedRd > flaggedNoRi || unflaggedRd > unflaggedNoRi) {
            // A reliable deterioration is never also a reliable improvement (RC > 0).
            throw new IllegalArgumentException("reliably deteriorated episodes are among those without RI");
        }
    }

    /**
     * These counts with one judged episode added.
     *
     * @param flagged               not on track at its 3rd score
     * @param reliableImprovement   its actual outcome: RI, baseline to final
     * @param reliableDeterioration its actual outcome: RD, baseline to final
     * @throws IllegalArgumentException when both RI and RD
     */
    public FlagCheck plus(boolean flagged, boolean reliableImprovement, boolean reliableDeterioration) {
        if (reliableImprovement && reliableDeterioration) {
            throw new IllegalArgumentException("an episode cannot be both reliably improved and deteriorated");
        }
        int noRi = reliableImprovement ? 0 : 1;
        int ri = 1 - noRi;
        int rd = reliableDeterioration ? 1 : 0;
        return flagged
                ? new FlagCheck(Math.addExact(flaggedNoRi, noRi), Math.addExact(flaggedRi, ri), unflaggedNoRi,
                        unflaggedRi, Math.addExact(flaggedRd, rd), unflaggedRd)
                : new FlagCheck(flaggedNoRi, flaggedRi, Math.addExact(unflaggedNoRi, noRi),
                        Math.addExact(unflaggedRi, ri), flaggedRd, Math.addExact(unflaggedRd, rd));
    }

    /** {@link #plus(boolean, boolean, boolean)} with the outcome's RI and RD. */
    public FlagCheck plus(boolean flagged, EpisodeOutcome outcome) {
        return plus(flagged, outcome.reliableImprovement(), outcome.reliableDeterioration());
    }

    /** The pooled counts of both (for example both folds), exact (overflow throws). */
    public FlagCheck plus(FlagCheck other) {
        return new FlagCheck(Math.addExact(flaggedNoRi, other.flaggedNoRi), Math.addExact(flaggedRi, other.flaggedRi),
                Math.addExact(unflaggedNoRi, other.unflaggedNoRi), Math.addExact(unflaggedRi, other.unflaggedRi),
                Math.addExact(flaggedRd, other.flaggedRd), Math.addExact(unflaggedRd, other.unflaggedRd));
    }

    /** {@code n_judged}. */
    public long nJudged() {
        return nFlagged() + nUnflagged();
    }

    /** {@code n_flagged}. */
    public long nFlagged() {
        return flaggedNoRi + flaggedRi;
    }

    /** Judged episodes not flagged. */
    public long nUnflagged() {
        return unflaggedNoRi + unflaggedRi;
    }

    /** {@code flagged_no_ri_pct}: flagged ∧ ¬RI over flagged; {@code null} over 0. */
    public Double flaggedNoRiPct() {
        return Statistics.percent(flaggedNoRi, nFlagged());
    }

    /** {@code unflagged_no_ri_pct}: ¬flagged ∧ ¬RI over ¬flagged; {@code null} over 0. */
    public Double unflaggedNoRiPct() {
        return Statistics.percent(unflaggedNoRi, nUnflagged());
    }

    /** {@code sensitivity_no_ri_pct}: flagged ∧ ¬RI over ¬RI; {@code null} over 0. */
    public Double sensitivityNoRiPct() {
        return Statistics.percent(flaggedNoRi, flaggedNoRi + unflaggedNoRi);
    }

    /** {@code specificity_no_ri_pct}: ¬flagged ∧ RI over RI; {@code null} over 0. */
    public Double specificityNoRiPct() {
        return Statistics.percent(unflaggedRi, flaggedRi + unflaggedRi);
    }

    /** {@code deteriorated_flagged_pct}: flagged ∧ RD over RD; {@code null} over 0. */
    public Double deterioratedFlaggedPct() {
        return Statistics.percent(flaggedRd, flaggedRd + unflaggedRd);
    }
}
