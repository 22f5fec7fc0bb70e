package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EpisodeOutcomeTest {

    private static final Instrument PCL5 = TestInstruments.PCL5;

    @Test
    void workedExampleOnPcl5() {
        // PCL-5 (higher = worse, cut-off 33, RC 10): 50 → 30.
        // change = 30 − 50 = −20; reduction = 50 − 30 = 20 ≥ 10: reliable improvement;
        // −20 ≥ 10 is false: no deterioration. 50 ≥ 33: case; 30 < 33: recovered, and with RI
        // reliably recovered. Response: 30 ≤ 50 / 2 = 25 is false.
        EpisodeOutcome outcome = EpisodeOutcome.of(PCL5, 50, 30, 6);
        assertThat(outcome).isEqualTo(new EpisodeOutcome(50, 30, 6, -20, 20, true, false, true, true, true, false));
    }

    @Test
    void reductionExactlyAtTheThresholdIsReliable() {
        // 45 → 35: reduction 10 = RC, a reliable improvement; 45 → 36: 9 < 10, not.
        assertThat(EpisodeOutcome.of(PCL5, 45, 35, 2).reliableImprovement()).isTrue();
        assertThat(EpisodeOutcome.of(PCL5, 45, 36, 2).reliableImprovement()).isFalse();
        // 35 → 45: −reduction = 10 = RC, a reliable deterioration.
        EpisodeOutcome worse = EpisodeOutcome.of(PCL5, 35, 45, 2);
        assertThat(worse.reliableDeterioration()).isTrue();
        assertThat(worse.reliableImprovement()).isFalse();
        assertThat(EpisodeOutcome.of(PCL5, 35, 44, 2).reliableDeterioration()).isFalse();
    }

    @Test
    void tieAtAJacobsonTruaxThreshold() {
        // SD 25, reliability 0.5: RC = 1.96 × 25 × sqrt(2 × 0.5) = 49.0 exactly; 60 → 11 reduces by 49.
        Instrument jt = new Instrument("jt", "JT", 0, 100, false, true, null, Instrument.jacobsonTruax(25, 0.5));
        assertThat(EpisodeOutcome.of(jt, 60, 11, 2).reliableImprovement()).isTrue();
        assertThat(EpisodeOutcome.of(jt, 11, 60, 2).reliableDeterioration()).isTrue();
        assertThat(EpisodeOutcome.of(jt, 60, 12, 2).reliableImprovement()).isFalse();

        // The DERS-16 threshold 14.063324386502646 is not a round number: a reduction equal to
        // the double itself is reliable, one ulp below is not.
        double rc = TestInstruments.DERS16.reliableChange();
        assertThat(EpisodeOutcome.of(TestInstruments.DERS16, rc, 0.0, 2).reliableImprovement()).isTrue();
        assertThat(EpisodeOutcome.of(TestInstruments.DERS16, Math.nextDown(rc), 0.0, 2).reliableImprovement()).isFalse();
        assertThat(EpisodeOutcome.of(TestInstruments.DERS16, 0.0, rc, 2).reliableDeterioration()).isTrue();
    }

    @Test
    void thresholdIsComparedLiterallyWithoutTolerance() {
        // SD 10, reliability 0.98: 1.96 × 10 × sqrt(0.04) evaluates to 3.920000000000002, so a
        // decimal change of 3.92 (10.92 → 7.0) is just below it and not reliable. This is the
        // literal definition (reduction ≥ RC) that every implementation of METRICS.md shares.
        Instrument decimals = new Instrument("x", "X", 0, 100, false, false, null, Instrument.jacobsonTruax(10, 0.98));
        assertThat(decimals.reliableChange()).isEqualTo(3.920000000000002);
        assertThat(EpisodeOutcome.of(decimals, 10.92, 7.0, 2).reliableImprovement()).isFalse();
    }

    @Test
    void finalAtTheCutoffIsStillClinical() {
        // 50 → 33: 33 ≥ 33 is clinical, so not recovered although reliably improved.
        EpisodeOutcome outcome = EpisodeOutcome.of(PCL5, 50, 33, 3);
        assertThat(outcome.reliableImprovement()).isTrue();
        assertThat(outcome.recovered()).isFalse();
        assertThat(outcome.reliableRecovery()).isFalse();
        // Below the cut-off at baseline: not a case, so never recovered.
        EpisodeOutcome mild = EpisodeOutcome.of(PCL5, 32, 5, 3);
        assertThat(mild.caseAtBaseline()).isFalse();
        assertThat(mild.recovered()).isFalse();
        assertThat(mild.reliableRecovery()).isFalse();
    }

    @Test
    void recoveredWithoutReliableImprovement() {
        // 35 → 30: case, recovered (30 < 33) but reduction 5 < 10: not a reliable recovery.
        EpisodeOutcome outcome = EpisodeOutcome.of(PCL5, 35, 30, 2);
        assertThat(outcome.recovered()).isTrue();
        assertThat(outcome.reliableRecovery()).isFalse();
    }

    @Test
    void noCutoffLeavesCasenessUndefined() {
        EpisodeOutcome outcome = EpisodeOutcome.of(TestInstruments.DERS16, 60, 40, 4);
        assertThat(outcome.caseAtBaseline()).isNull();
        assertThat(outcome.recovered()).isNull();
        assertThat(outcome.reliableRecovery()).isNull();
        // 40 ≤ 60 / 2 = 30 is false; 20 ≥ 14.06: reliable improvement.
        assertThat(outcome.response()).isFalse();
        assertThat(outcome.reliableImprovement()).isTrue();
    }

    @Test
    void higherIsBetter() {
        // DAS (higher = better, cut-off 105.2, RC = 1.96 × 11.83 × sqrt(0.32) = 13.1164): 90 → 110.
        // change = +20 and reduction = 110 − 90 = +20 ≥ 13.1164: reliable improvement.
        // 90 ≤ 105.2: case; 110 > 105.2: recovered. Response is for higher-is-worse only.
        EpisodeOutcome better = EpisodeOutcome.of(TestInstruments.DAS, 90, 110, 2);
        assertThat(better.change()).isEqualTo(20.0);
        assertThat(better.reduction()).isEqualTo(20.0);
        assertThat(better.reliableImprovement()).isTrue();
        assertThat(better.reliableDeterioration()).isFalse();
        assertThat(better.caseAtBaseline()).isTrue();
        assertThat(better.recovered()).isTrue();
        assertThat(better.reliableRecovery()).isTrue();
        assertThat(better.response()).isNull();
        // 110 → 90: change −20, reduction −20: a reliable deterioration.
        EpisodeOutcome worse = EpisodeOutcome.of(TestInstruments.DAS, 110, 90, 2);
        assertThat(worse.reduction()).isEqualTo(-20.0);
        assertThat(worse.reliableDeterioration()).isTrue();
        assertThat(worse.caseAtBaseline()).isFalse();
    }

    @Test
    void responseHalvesAPositiveBaseline() {
        // 50 → 25: 25 ≤ 50 / 2 exactly, a response. 7 → 3.5 is not possible on an integer
        // scale; 7 → 3: 3 ≤ 3.5.
        assertThat(EpisodeOutcome.of(PCL5, 50, 25, 2).response()).isTrue();
        assertThat(EpisodeOutcome.of(PCL5, 50, 26, 2).response()).isFalse();
        assertThat(EpisodeOutcome.of(TestInstruments.PHQ9, 7, 3, 2).response()).isTrue();
        assertThat(EpisodeOutcome.of(TestInstruments.PHQ9, 7, 4, 2).response()).isFalse();
    }

    @Test
    void baselineOfZeroIsNeverAResponse() {
        // 0 → 0 satisfies final ≤ baseline / 2, but the rule needs baseline > 0.
        EpisodeOutcome outcome = EpisodeOutcome.of(TestInstruments.PHQ9, 0, 0, 2);
        assertThat(outcome.response()).isFalse();
        assertThat(outcome.change()).isEqualTo(0.0);
        assertThat(outcome.caseAtBaseline()).isFalse();
    }

    @Test
    void needsPairedFiniteScores() {
        assertThatThrownBy(() -> EpisodeOutcome.of(PCL5, 50, 30, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpisodeOutcome.of(PCL5, Double.NaN, 30, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpisodeOutcome.of(PCL5, 50, Double.POSITIVE_INFINITY, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoryIsTheJacobsonTruaxFiveWayOrderCollapsedToFour() {
        // PCL-5 (cut-off 33, RC 10): 50 → 30 reliably improved out of the clinical range;
        // 50 → 35 reliably improved, still clinical; 30 → 40 reliably worse; 40 → 35 neither;
        // 35 → 30 recovered by the cut-off but not reliably: unchanged.
        assertThat(EpisodeOutcome.of(PCL5, 50, 30, 2).category()).isEqualTo(EpisodeOutcome.RECOVERED);
        assertThat(EpisodeOutcome.of(PCL5, 50, 35, 2).category()).isEqualTo(EpisodeOutcome.IMPROVED);
        assertThat(EpisodeOutcome.of(PCL5, 30, 40, 2).category()).isEqualTo(EpisodeOutcome.DETERIORATED);
        assertThat(EpisodeOutcome.of(PCL5, 40, 35, 2).category()).isEqualTo(EpisodeOutcome.UNCHANGED);
        assertThat(EpisodeOutcome.of(PCL5, 35, 30, 2).category()).isEqualTo(EpisodeOutcome.UNCHANGED);
    }

    @Test
    void withoutACutoffAReliableImprovementIsNeverRecovered() {
        // DERS-16 has no cut-off: a large improvement is "improved", never "recovered".
        EpisodeOutcome outcome = EpisodeOutcome.of(TestInstruments.DERS16, 70, 20, 2);
        assertThat(outcome.reliableImprovement()).isTrue();
        assertThat(outcome.category()).isEqualTo(EpisodeOutcome.IMPROVED);
    }
}
