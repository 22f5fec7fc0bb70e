package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExpectedRecoveryTest {

    /** x = 1..5, y = 2 4 5 4 5: a = 2.2, b = 0.6, s = sqrt(0.8) (see LinearFitTest). */
    private static ExpectedRecovery fivePoints() {
        LinearFit fit = LinearFit.EMPTY.add(1, 2).add(2, 4).add(3, 5).add(4, 4).add(5, 5);
        return ExpectedRecovery.of(fit, 3).orElseThrow();
    }

    /** y = 1 + 2x exactly at x = 0, 1, 2: a = 1, b = 2, s = 0. */
    private static ExpectedRecovery perfect() {
        return ExpectedRecovery.of(LinearFit.EMPTY.add(0, 1).add(1, 3).add(2, 5), 3).orElseThrow();
    }

    @Test
    void constants() {
        assertThat(ExpectedRecovery.MAX_K).isEqualTo(20);
        assertThat(ExpectedRecovery.DEFAULT_MIN_N).isEqualTo(30);
        assertThat(ExpectedRecovery.Z_NOT_ON_TRACK).isEqualTo(1.2816);
        assertThat(ExpectedRecovery.isValidMinN(2)).isFalse();
        assertThat(ExpectedRecovery.isValidMinN(3)).isTrue();
        assertThat(ExpectedRecovery.isValidMinN(100_000)).isTrue();
        assertThat(ExpectedRecovery.isValidMinN(100_001)).isFalse();
    }

    @Test
    void thresholdAboveExpectedWhenHigherIsWorse() {
        // E(4) = 2.2 + 0.6 × 4 = 4.6; T(4) = 4.6 + 1.2816 × sqrt(0.8) = 4.6 + 1.14629... = 5.74629...
        ExpectedRecovery er = fivePoints();
        assertThat(er.expected(4)).isCloseTo(4.6, within(1e-12));
        double t = er.threshold(TestInstruments.PHQ9, 4);
        assertThat(t).isCloseTo(4.6 + 1.2816 * Math.sqrt(0.8), within(1e-12));
        assertThat(er.notOnTrack(TestInstruments.PHQ9, 4, 5.8)).isTrue();
        assertThat(er.notOnTrack(TestInstruments.PHQ9, 4, 5.7)).isFalse();
    }

    @Test
    void thresholdBelowExpectedWhenHigherIsBetter() {
        // DAS (higher is better): T(4) = 4.6 − 1.2816 × sqrt(0.8) = 3.45370...; flagged below it.
        ExpectedRecovery er = fivePoints();
        double t = er.threshold(TestInstruments.DAS, 4);
        assertThat(t).isLessThan(er.expected(4));
        assertThat(t).isCloseTo(4.6 - 1.2816 * Math.sqrt(0.8), within(1e-12));
        assertThat(er.notOnTrack(TestInstruments.DAS, 4, 3.4)).isTrue();
        assertThat(er.notOnTrack(TestInstruments.DAS, 4, 3.5)).isFalse();
        // A high (better) score is never flagged on a higher-is-better instrument.
        assertThat(er.notOnTrack(TestInstruments.DAS, 4, 100)).isFalse();
    }

    @Test
    void exactlyAtTheThresholdIsNotFlagged() {
        // s = 0: T(10) = E(10) = 1 + 2 × 10 = 21 exactly. y = 21 is not > 21; the next double is.
        ExpectedRecovery er = perfect();
        assertThat(er.model().residualSd()).isEqualTo(0.0);
        assertThat(er.threshold(TestInstruments.PHQ9, 10)).isEqualTo(21.0);
        assertThat(er.notOnTrack(TestInstruments.PHQ9, 10, 21.0)).isFalse();
        assertThat(er.notOnTrack(TestInstruments.PHQ9, 10, Math.nextUp(21.0))).isTrue();
        // Higher is better: y = 21 is not < 21; the previous double is.
        assertThat(er.threshold(TestInstruments.DAS, 10)).isEqualTo(21.0);
        assertThat(er.notOnTrack(TestInstruments.DAS, 10, 21.0)).isFalse();
        assertThat(er.notOnTrack(TestInstruments.DAS, 10, Math.nextDown(21.0))).isTrue();
    }

    @Test
    void assessmentIndexIsCappedAt20AndNeedsTwoScores() {
        assertThat(ExpectedRecovery.assessmentIndex(1)).isEqualTo(OptionalInt.empty());
        assertThat(ExpectedRecovery.assessmentIndex(0)).isEqualTo(OptionalInt.empty());
        assertThat(ExpectedRecovery.assessmentIndex(2)).isEqualTo(OptionalInt.of(2));
        assertThat(ExpectedRecovery.assessmentIndex(20)).isEqualTo(OptionalInt.of(20));
        assertThat(ExpectedRecovery.assessmentIndex(25)).isEqualTo(OptionalInt.of(20));
    }

    @Test
    void noModelBelowTheMinimumOrWithEqualBaselines() {
        LinearFit fit = LinearFit.EMPTY.add(1, 2).add(2, 4).add(3, 5).add(4, 4).add(5, 5);
        assertThat(ExpectedRecovery.of(fit, ExpectedRecovery.DEFAULT_MIN_N)).isEmpty();
        assertThat(ExpectedRecovery.of(LinearFit.EMPTY.add(7, 1).add(7, 2).add(7, 3), 3)).isEmpty();
    }

    @Test
    void chartBaselinesRoundHalvesAwayFromZero() {
        // 32 33 40 (type 7, n = 3): Q1 h = 2 × 0.25 + 1 = 1.5 → 32 + 0.5 × 1 = 32.5 → 33;
        // median h = 2 → 33; Q3 h = 2.5 → 33 + 0.5 × 7 = 36.5 → 37.
        assertThat(ExpectedRecovery.chartBaselines(new double[] {40, 32, 33})).isEqualTo(new ChartBaselines(33, 33, 37));
        // −3 −2 5: Q1 = −3 + 0.5 × 1 = −2.5 → −3; median −2; Q3 = −2 + 0.5 × 7 = 1.5 → 2.
        assertThat(ChartBaselines.of(new double[] {5, -3, -2})).isEqualTo(new ChartBaselines(-3, -2, 2));
        assertThat(ChartBaselines.of(new double[0])).isNull();
    }

    @Test
    void roundHalfAwayFromZero() {
        assertThat(ChartBaselines.roundHalfAwayFromZero(32.5)).isEqualTo(33);
        assertThat(ChartBaselines.roundHalfAwayFromZero(-2.5)).isEqualTo(-3);
        assertThat(ChartBaselines.roundHalfAwayFromZero(32.49)).isEqualTo(32);
        assertThat(ChartBaselines.roundHalfAwayFromZero(0.49999999999999994)).isEqualTo(0);
        assertThat(ChartBaselines.roundHalfAwayFromZero(-0.4)).isEqualTo(0);
        assertThatThrownBy(() -> ChartBaselines.roundHalfAwayFromZero(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
