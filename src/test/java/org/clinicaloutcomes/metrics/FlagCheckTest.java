package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlagCheckTest {

    @Test
    void smallTableByHand() {
        // Flagged:     ¬RI ∧ RD, ¬RI, RI                  → flagged ∧ ¬RI = 2, flagged ∧ RI = 1, flagged ∧ RD = 1
        // Not flagged: RI, RI, RI, ¬RI, ¬RI ∧ RD          → ¬flagged ∧ ¬RI = 2, ¬flagged ∧ RI = 3, ¬flagged ∧ RD = 1
        // n_judged = 8, n_flagged = 3.
        // flagged_no_ri    = 100.0 × 2 / 3 = 66.66666666666667
        // unflagged_no_ri  = 100.0 × 2 / 5 = 40.0
        // sensitivity      = 100.0 × 2 / (2 + 2) = 50.0
        // specificity      = 100.0 × 3 / (1 + 3) = 75.0
        // deteriorated_flg = 100.0 × 1 / (1 + 1) = 50.0
        FlagCheck check = FlagCheck.EMPTY
                .plus(true, false, true).plus(true, false, false).plus(true, true, false)
                .plus(false, true, false).plus(false, true, false).plus(false, true, false)
                .plus(false, false, false).plus(false, false, true);
        assertThat(check).isEqualTo(new FlagCheck(2, 1, 2, 3, 1, 1));
        assertThat(check.nJudged()).isEqualTo(8);
        assertThat(check.nFlagged()).isEqualTo(3);
        assertThat(check.flaggedNoRiPct()).isEqualTo(66.66666666666667);
        assertThat(check.unflaggedNoRiPct()).isEqualTo(40.0);
        assertThat(check.sensitivityNoRiPct()).isEqualTo(50.0);
        assertThat(check.specificityNoRiPct()).isEqualTo(75.0);
        assertThat(check.deterioratedFlaggedPct()).isEqualTo(50.0);
    }

    @Test
    void foldsMergeByAddingCounts() {
        FlagCheck fold0 = FlagCheck.EMPTY.plus(true, false, true).plus(false, true, false);
        FlagCheck fold1 = FlagCheck.EMPTY.plus(true, true, false).plus(false, false, false);
        assertThat(fold0.plus(fold1)).isEqualTo(new FlagCheck(1, 1, 1, 1, 1, 0));
        assertThat(fold1.plus(fold0)).isEqualTo(fold0.plus(fold1));
    }

    @Test
    void emptyDenominatorsAreNull() {
        // Only unflagged episodes with RI: no flagged, no ¬RI, no RD.
        FlagCheck check = FlagCheck.EMPTY.plus(false, true, false).plus(false, true, false);
        assertThat(check.nJudged()).isEqualTo(2);
        assertThat(check.nFlagged()).isZero();
        assertThat(check.flaggedNoRiPct()).isNull();
        assertThat(check.unflaggedNoRiPct()).isEqualTo(0.0);
        assertThat(check.sensitivityNoRiPct()).isNull();
        assertThat(check.specificityNoRiPct()).isEqualTo(100.0);
        assertThat(check.deterioratedFlaggedPct()).isNull();
        // Nothing judged: n 0, every rate null (reading 33).
        assertThat(FlagCheck.EMPTY.nJudged()).isZero();
        assertThat(FlagCheck.EMPTY.flaggedNoRiPct()).isNull();
        assertThat(FlagCheck.EMPTY.unflaggedNoRiPct()).isNull();
        assertThat(FlagCheck.EMPTY.specificityNoRiPct()).isNull();
    }

    @Test
    void fromEpisodeOutcome() {
        // PHQ-9, RC 6: 20 → 10 is a reduction of 10 ≥ 6 (RI); 10 → 17 is −7, RD.
        FlagCheck check = FlagCheck.EMPTY
                .plus(false, EpisodeOutcome.of(TestInstruments.PHQ9, 20, 10, 4))
                .plus(true, EpisodeOutcome.of(TestInstruments.PHQ9, 10, 17, 5));
        assertThat(check).isEqualTo(new FlagCheck(1, 0, 0, 1, 1, 0));
    }

    @Test
    void rejectsImpossibleOutcomes() {
        assertThatThrownBy(() -> FlagCheck.EMPTY.plus(true, true, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlagCheck(0, 1, 0, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlagCheck(-1, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
