package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DeteriorationAlertTest {

    private static final long OCT_31 = LocalDate.of(2026, 10, 31).toEpochDay();

    @Test
    void openAtTheEndOfTheMonth() {
        // Intake on or before the last day, and no discharge or one after it.
        assertThat(DeteriorationAlert.isOpenAt(OCT_31, OCT_31 - 100, false, 0)).isTrue();
        assertThat(DeteriorationAlert.isOpenAt(OCT_31, OCT_31, false, 0)).isTrue();
        assertThat(DeteriorationAlert.isOpenAt(OCT_31, OCT_31 - 100, true, OCT_31 + 1)).isTrue();
        // Discharged on the last day: closed at its end.
        assertThat(DeteriorationAlert.isOpenAt(OCT_31, OCT_31 - 100, true, OCT_31)).isFalse();
        assertThat(DeteriorationAlert.isOpenAt(OCT_31, OCT_31 - 100, true, OCT_31 - 50)).isFalse();
        // Intake after the month: not open yet, with or without a discharge.
        assertThat(DeteriorationAlert.isOpenAt(OCT_31, OCT_31 + 1, false, 0)).isFalse();
        assertThat(DeteriorationAlert.isOpenAt(OCT_31, OCT_31 + 1, true, OCT_31 + 9)).isFalse();
    }

    @Test
    void theDischargeDayOfAnOpenEpisodeIsNotLookedAt() {
        assertThat(DeteriorationAlert.isOpenAt(OCT_31, OCT_31 - 100, false, OCT_31 - 50)).isTrue();
    }

    @Test
    void aReliableDeteriorationFromTheFirstScore() {
        // PCL-5 (higher = worse, RC 10): 35 → 45 worsens by 10 = RC, an alert; 35 → 44 by 9, not.
        assertThat(DeteriorationAlert.isAlert(TestInstruments.PCL5, 2, 35, 45)).isTrue();
        assertThat(DeteriorationAlert.isAlert(TestInstruments.PCL5, 7, 35, 44)).isFalse();
        // An improvement is never an alert.
        assertThat(DeteriorationAlert.isAlert(TestInstruments.PCL5, 3, 45, 35)).isFalse();
    }

    @Test
    void higherIsBetterDeterioratesDownwards() {
        // DAS (higher = better, RC = 1.96 × 11.83 × sqrt(2 × 0.16) ≈ 13.1): 120 → 100 falls by 20,
        // an alert; 120 → 110 falls by 10, not; a rise is never one.
        assertThat(DeteriorationAlert.isAlert(TestInstruments.DAS, 2, 120, 100)).isTrue();
        assertThat(DeteriorationAlert.isAlert(TestInstruments.DAS, 2, 120, 110)).isFalse();
        assertThat(DeteriorationAlert.isAlert(TestInstruments.DAS, 2, 100, 120)).isFalse();
    }

    @Test
    void oneScoreIsNoAlert() {
        // MONITORING.md, decision 38: at least two scores up to the end of the month; with fewer
        // the scores are not looked at (NaN when the episode has none).
        assertThat(DeteriorationAlert.isAlert(TestInstruments.PCL5, 1, 35, 45)).isFalse();
        assertThat(DeteriorationAlert.isAlert(TestInstruments.PCL5, 0, Double.NaN, Double.NaN)).isFalse();
    }

    @Test
    void scoresMustBeFinite() {
        assertThatThrownBy(() -> DeteriorationAlert.isAlert(TestInstruments.PCL5, 2, 35, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
