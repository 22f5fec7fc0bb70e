package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentageAndAnchorTest {

    private static final Direction LOWER = Direction.LOWER_IS_BETTER;
    private static final Direction HIGHER = Direction.HIGHER_IS_BETTER;

    @Test
    void percentageThresholdsAreInclusive() {
        PercentageChange half = PercentageChange.of(LOWER, 0.5);
        // 28 → 14: (14 − 28) / 28 = −0.5 exactly; d × pct = 0.5 ≥ 0.5: improved (HAM-D, published).
        assertThat(PercentageChange.percentChange(28, 14)).isEqualTo(-0.5);
        assertThat(half.classify(28, 14)).isEqualTo(Category.IMPROVED);
        assertThat(half.classify(28, 15)).isEqualTo(Category.UNCHANGED);
        // 20 → 30: +0.5 ≤ −(−0.5): deteriorated at exactly the threshold.
        assertThat(half.classify(20, 30)).isEqualTo(Category.DETERIORATED);
        assertThat(half.classify(20, 29)).isEqualTo(Category.UNCHANGED);
        assertThat(half.classify(20, 20)).isEqualTo(Category.UNCHANGED);
    }

    @Test
    void percentageExpressionIsComputedAsWritten() {
        // (post − pre) / pre for 10 → 7: −3 / 10 = −0.3 exactly the double 0.3 (rounded once);
        // post / pre − 1 = 0.7 − 1 = −0.30000000000000004, which would miss an inclusive 0.3.
        assertThat(PercentageChange.percentChange(10, 7)).isEqualTo(-0.3);
        assertThat(7.0 / 10.0 - 1).isNotEqualTo(-0.3);
        assertThat(PercentageChange.of(LOWER, 0.3).classify(10, 7)).isEqualTo(Category.IMPROVED);
    }

    @Test
    void percentageSeparateDeteriorationThresholdAndHigherIsBetter() {
        PercentageChange lower = new PercentageChange(LOWER, 0.5, 0.2);
        assertThat(lower.classify(20, 24)).isEqualTo(Category.DETERIORATED); // +0.2
        assertThat(lower.classify(20, 23)).isEqualTo(Category.UNCHANGED);   // +0.15
        PercentageChange higher = new PercentageChange(HIGHER, 0.5, 0.2);
        assertThat(higher.classify(20, 30)).isEqualTo(Category.IMPROVED);   // +0.5
        assertThat(higher.classify(20, 16)).isEqualTo(Category.DETERIORATED); // −0.2
        assertThat(higher.classify(20, 17)).isEqualTo(Category.UNCHANGED);
        assertThat(higher.classify(28, 14)).isEqualTo(Category.DETERIORATED);
    }

    @Test
    void preZeroGoesByTheSignOfTheChange() {
        PercentageChange lower = PercentageChange.of(LOWER, 0.5);
        // lower is better: 0 → 3 is worse (R would flag it improved and deteriorated).
        assertThat(lower.classify(0, 3)).isEqualTo(Category.DETERIORATED);
        assertThat(lower.classify(0, 0)).isEqualTo(Category.UNCHANGED);
        PercentageChange higher = PercentageChange.of(HIGHER, 0.5);
        // higher is better (WHO-5): 0 → 3 improved, as R.
        assertThat(higher.classify(0, 3)).isEqualTo(Category.IMPROVED);
        assertThat(higher.classify(0, 0)).isEqualTo(Category.UNCHANGED);
        // a zero threshold and no change: unchanged, not flagged twice
        assertThat(PercentageChange.of(LOWER, 0).classify(5, 5)).isEqualTo(Category.UNCHANGED);
        assertThat(PercentageChange.of(LOWER, 0).classify(5, 6)).isEqualTo(Category.DETERIORATED);
    }

    @Test
    void percentageRejectsNegativeBaselinesAndThresholdsOutOfRange() {
        assertThatThrownBy(() -> PercentageChange.of(LOWER, 0.5).classify(-2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentage change is undefined for a negative pre score: -2.0");
        assertThatThrownBy(() -> PercentageChange.of(LOWER, 1.5))
                .hasMessage("pct_improvement must lie in [0, 1], got 1.5");
        assertThatThrownBy(() -> new PercentageChange(LOWER, 0.5, -0.1))
                .hasMessage("pct_deterioration must lie in [0, 1], got -0.1");
        assertThat(PercentageChange.of(LOWER, 0.5).pDeterioration()).isEqualTo(0.5);
    }

    @Test
    void anchorThresholdsAreInclusive() {
        AnchorChange mid = AnchorChange.of(LOWER, 7);
        assertThat(mid.classify(30, 23)).isEqualTo(Category.IMPROVED);     // −7
        assertThat(mid.classify(30, 24)).isEqualTo(Category.UNCHANGED);    // −6
        assertThat(mid.classify(23, 30)).isEqualTo(Category.DETERIORATED); // +7
        assertThat(mid.classify(24, 30)).isEqualTo(Category.UNCHANGED);
        // fractional scores: 10.5 → 3.5 is −7 exactly
        assertThat(mid.classify(10.5, 3.5)).isEqualTo(Category.IMPROVED);
    }

    @Test
    void anchorHigherIsBetterSeparateMidsAndZeroMid() {
        AnchorChange higher = new AnchorChange(HIGHER, 5, 3);
        assertThat(higher.classify(10, 15)).isEqualTo(Category.IMPROVED);
        assertThat(higher.classify(10, 7)).isEqualTo(Category.DETERIORATED);
        assertThat(higher.classify(10, 8)).isEqualTo(Category.UNCHANGED);
        assertThat(higher.classify(15, 10)).isEqualTo(Category.DETERIORATED);
        AnchorChange zero = AnchorChange.of(LOWER, 0);
        assertThat(zero.classify(10, 10)).isEqualTo(Category.UNCHANGED);
        assertThat(zero.classify(10, 9)).isEqualTo(Category.IMPROVED);
        assertThat(zero.classify(10, 11)).isEqualTo(Category.DETERIORATED);
    }

    @Test
    void anchorRejectsNegativeMids() {
        assertThatThrownBy(() -> AnchorChange.of(LOWER, -1))
                .hasMessage("mid_improvement must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> new AnchorChange(LOWER, 1, Double.NaN))
                .hasMessage("mid_deterioration must be a finite number >= 0, got NaN");
    }
}
