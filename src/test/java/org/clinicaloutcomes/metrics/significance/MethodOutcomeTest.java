package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link MethodOutcome} on hand-worked pairs: pre 50, 60, 40, 70 and post 30, 58, 45, 20, lower is
 * better. M_pre 55, SD_pre = sqrt(500 / 3) = 12.9099, so cut-off a = 29.180; with
 * M_func 20 and SD_func 5, cut-off b = 20 + 2 × 5 = 30 and c = (12.9099 × 20 + 5 × 55) /
 * 17.9099 = 29.771.
 */
class MethodOutcomeTest {

    private static final double[] PRE = {50, 60, 40, 70};
    private static final double[] POST = {30, 58, 45, 20};
    private static final Direction LOWER = Direction.LOWER_IS_BETTER;

    private static SignificanceParameters parameters(CutoffType type, Double functionalMean, Double functionalSd) {
        return new SignificanceParameters(0.8, null, functionalMean, functionalSd, type, 10.0, null, 0.5, null);
    }

    @Test
    void jacobsonTruaxWithCutoffA() {
        MethodOutcome jt = MethodOutcome.of(SignificanceMethod.JT, parameters(null, null, null), LOWER, PRE, POST);

        assertThat(jt.categories()).containsExactly(Category.IMPROVED, Category.UNCHANGED, Category.UNCHANGED,
                Category.IMPROVED);
        assertThat(jt.combined()).containsExactly(CombinedCategory.IMPROVED, CombinedCategory.UNCHANGED,
                CombinedCategory.UNCHANGED, CombinedCategory.RECOVERED);
        assertThat(jt.cutoff()).isEqualTo(55 - 2 * Math.sqrt(500.0 / 3));
        assertThat(jt.criticalValue()).isEqualTo(CriticalValues.Z2);
        assertThat(jt.cutoffProblem()).isNull();
        assertThat(jt.label(0)).isEqualTo("improved");
        assertThat(jt.label(3)).isEqualTo("recovered");
        assertThat(jt.counts(new boolean[] {true, true, false, false})).isEqualTo(new Counts(1, 1, 0));
        assertThat(jt.combinedCounts(new boolean[] {true, true, true, true}))
                .isEqualTo(new CombinedCounts(1, 1, 2, 0, 0));
    }

    @Test
    void cutoffBUsesTheFunctionalSdAndCutoffCWeighsBothSds() {
        MethodOutcome b = MethodOutcome.of(SignificanceMethod.JT, parameters(CutoffType.B, 20.0, 5.0), LOWER, PRE, POST);
        assertThat(b.cutoff()).isEqualTo(30.0);
        // 50 -> 30 ends exactly at b: not functional (strict), so improved, not recovered
        assertThat(b.combined()[0]).isEqualTo(CombinedCategory.IMPROVED);

        MethodOutcome c = MethodOutcome.of(SignificanceMethod.JT, parameters(CutoffType.C, 20.0, 5.0), LOWER, PRE, POST);
        double sd = Math.sqrt(500.0 / 3);
        assertThat(c.cutoff()).isEqualTo((sd * 20.0 + 5.0 * 55.0) / (sd + 5.0));
    }

    @Test
    void withoutTheFunctionalParametersTheCombinedApproachIsLeftOutButTheMethodRuns() {
        MethodOutcome jt = MethodOutcome.of(SignificanceMethod.JT, parameters(CutoffType.C, 20.0, null), LOWER, PRE, POST);

        assertThat(jt.combined()).isNull();
        assertThat(jt.cutoff()).isNull();
        assertThat(jt.cutoffProblem()).contains("cut-off c", "functional_sd");
        assertThat(jt.label(3)).as("three-way without a cut-off").isEqualTo("improved");
        assertThat(jt.combinedCounts(new boolean[4])).isNull();
    }

    @Test
    void percentageHasNoCombinedApproachNorCriticalValue() {
        MethodOutcome percentage = MethodOutcome.of(SignificanceMethod.PERCENTAGE, parameters(null, null, null), LOWER,
                PRE, POST);

        assertThat(percentage.categories()).containsExactly(Category.UNCHANGED, Category.UNCHANGED,
                Category.UNCHANGED, Category.IMPROVED);
        assertThat(percentage.combined()).isNull();
        assertThat(percentage.cutoff()).isNull();
        assertThat(percentage.criticalValue()).isNull();
        assertThat(percentage.cutoffProblem()).isNull();
    }

    @Test
    void theAnchorIsInclusiveAndUsesTheObservedCutoff() {
        // MID 10: -20 and -50 improved; +5 unchanged; -2 unchanged
        MethodOutcome anchor = MethodOutcome.of(SignificanceMethod.ANCHOR, parameters(null, null, null), LOWER,
                new double[] {50, 60, 40, 70}, new double[] {40, 58, 45, 20});
        assertThat(anchor.categories()).containsExactly(Category.IMPROVED, Category.UNCHANGED, Category.UNCHANGED,
                Category.IMPROVED);
        assertThat(anchor.criticalValue()).isNull();
        assertThat(anchor.cutoff()).isEqualTo(55 - 2 * Math.sqrt(500.0 / 3));
    }

    @Test
    void hagemanArrindellIsOneSidedWithItsTrueScoreCutoff() {
        MethodOutcome ha = MethodOutcome.of(SignificanceMethod.HA, parameters(null, null, null), LOWER, PRE, POST);

        assertThat(ha.criticalValue()).isEqualTo(CriticalValues.Z1);
        // a_true = M_clin - 2 SD_clin sqrt(r_clin), r_clin = r
        assertThat(ha.cutoff()).isCloseTo(55 - 2 * (Math.sqrt(500.0 / 3) * Math.sqrt(0.8)),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void nunnallyKotschWithoutReliabilityPostUsesR() {
        MethodOutcome withoutPost = MethodOutcome.of(SignificanceMethod.NK, parameters(null, null, null), LOWER, PRE,
                POST);
        MethodOutcome withPost = MethodOutcome.of(SignificanceMethod.NK,
                new SignificanceParameters(0.8, 0.8, null, null, null, null, null, null, null), LOWER, PRE, POST);
        assertThat(withoutPost.categories()).containsExactly(withPost.categories());
        MethodOutcome otherPost = MethodOutcome.of(SignificanceMethod.NK,
                new SignificanceParameters(0.8, 0.3, null, null, null, null, null, null, null), LOWER, PRE, POST);
        assertThat(otherPost.method()).isEqualTo(SignificanceMethod.NK);
    }

    @Test
    void undefinedCasesAndMissingParametersAreRejectedNamingTheMethod() {
        SignificanceParameters one = new SignificanceParameters(1.0, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> MethodOutcome.of(SignificanceMethod.JT, one, LOWER, PRE, POST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JT");
        assertThatThrownBy(() -> MethodOutcome.of(SignificanceMethod.ANCHOR, SignificanceParameters.NONE, LOWER, PRE,
                POST)).hasMessageContaining("anchor needs mid_improvement");
        assertThatThrownBy(() -> MethodOutcome.of(SignificanceMethod.PERCENTAGE, parameters(null, null, null), LOWER,
                new double[] {-1, 4}, new double[] {2, 3})).hasMessageContaining("negative pre score");
        assertThatThrownBy(() -> MethodOutcome.of(SignificanceMethod.HLM, parameters(null, null, null), LOWER, PRE,
                POST)).hasMessageContaining("ofHlm");
    }
}
