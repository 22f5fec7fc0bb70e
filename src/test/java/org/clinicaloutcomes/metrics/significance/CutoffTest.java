package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CutoffTest {

    // pre 10, 20, 30; post 14, 4, 30: M_clin = 20, SD_clin = 10, M_post = 16, SD_post² = 172.
    private static final PairedSample SAMPLE = PairedSample.of(new double[] {10, 20, 30}, new double[] {14, 4, 30});
    private static final Direction LOWER = Direction.LOWER_IS_BETTER;
    private static final Direction HIGHER = Direction.HIGHER_IS_BETTER;

    @Test
    void cutoffA() {
        // a = 20 + (−1) × 2 × 10 = 0; higher is better: 20 + 20 = 40
        assertThat(Cutoff.of(CutoffType.A, SAMPLE, LOWER, null, null).value()).isEqualTo(0.0);
        assertThat(Cutoff.of(CutoffType.A, SAMPLE, HIGHER, null, null).value()).isEqualTo(40.0);
    }

    @Test
    void cutoffBUsesTheFunctionalSd() {
        // b = 5 − (−1) × 2 × 2 = 9 (R, with the clinical SD: 5 + 2 × 10 = 25); higher: 5 − 4 = 1
        assertThat(Cutoff.of(CutoffType.B, SAMPLE, LOWER, 5.0, 2.0).value()).isEqualTo(9.0);
        assertThat(Cutoff.of(CutoffType.B, SAMPLE, HIGHER, 5.0, 2.0).value()).isEqualTo(1.0);
    }

    @Test
    void cutoffC() {
        // c = (10 × 5 + 2 × 20) / (10 + 2) = 90 / 12 = 7.5, whatever the direction
        assertThat(Cutoff.of(CutoffType.C, SAMPLE, LOWER, 5.0, 2.0).value()).isEqualTo(7.5);
        assertThat(Cutoff.of(CutoffType.C, SAMPLE, HIGHER, 5.0, 2.0).value()).isEqualTo(7.5);
        // SD_func = 0: c = M_func
        assertThat(Cutoff.of(CutoffType.C, SAMPLE, LOWER, 5.0, 0.0).value()).isEqualTo(5.0);
    }

    @Test
    void classificationIsStrictOnBothSides() {
        Cutoff cut = new Cutoff(CutoffType.C, LOWER, 15);
        assertThat(cut.clinicalPre(15)).isFalse();
        assertThat(cut.clinicalPre(15.5)).isTrue();
        assertThat(cut.functionalPost(15)).isFalse();
        assertThat(cut.functionalPost(14.5)).isTrue();
        assertThat(cut.classify(20, 14.5)).isEqualTo(Category.IMPROVED);
        assertThat(cut.classify(20, 15)).isEqualTo(Category.UNCHANGED);     // clinical → at the cut-off
        assertThat(cut.classify(20, 25)).isEqualTo(Category.UNCHANGED);     // clinical → clinical
        assertThat(cut.classify(14, 10)).isEqualTo(Category.UNCHANGED);     // functional → functional
        assertThat(cut.classify(15, 14)).isEqualTo(Category.UNCHANGED);     // at the cut-off → functional
        assertThat(cut.classify(15, 15)).isEqualTo(Category.DETERIORATED);  // not clinical, not functional
        assertThat(cut.classify(10, 20)).isEqualTo(Category.DETERIORATED);
    }

    @Test
    void classificationHigherIsBetter() {
        Cutoff cut = new Cutoff(CutoffType.A, HIGHER, 15);
        assertThat(cut.classify(10, 16)).isEqualTo(Category.IMPROVED);
        assertThat(cut.classify(10, 15)).isEqualTo(Category.UNCHANGED);
        assertThat(cut.classify(16, 10)).isEqualTo(Category.DETERIORATED);
        assertThat(cut.classify(15, 20)).isEqualTo(Category.UNCHANGED);
    }

    @Test
    void cutoffParameters() {
        assertThatThrownBy(() -> Cutoff.of(CutoffType.B, SAMPLE, LOWER, null, 2.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cut-off b needs functional_mean and functional_sd, functional_mean is missing");
        assertThatThrownBy(() -> Cutoff.of(CutoffType.C, SAMPLE, LOWER, 5.0, null))
                .hasMessage("cut-off c needs functional_mean and functional_sd, functional_sd is missing");
        assertThatThrownBy(() -> Cutoff.of(CutoffType.C, SAMPLE, LOWER, 5.0, -1.0))
                .hasMessage("functional_sd must be a finite number >= 0, got -1.0");
        PairedSample flat = PairedSample.of(new double[] {5, 5}, new double[] {1, 2});
        assertThatThrownBy(() -> Cutoff.of(CutoffType.C, flat, LOWER, 5.0, 0.0))
                .hasMessage("cut-off c is undefined: SD_clin + SD_func = 0");
        PairedSample one = PairedSample.of(new double[] {5}, new double[] {1});
        assertThatThrownBy(() -> Cutoff.of(CutoffType.A, one, LOWER, null, null))
                .hasMessage("cut-off a is undefined: fewer than 2 complete pairs (n = 1)");
        assertThatThrownBy(() -> CutoffType.ofName("d")).hasMessage("cutoff_type must be a, b or c, got \"d\"");
        assertThat(CutoffType.ofName("b")).isEqualTo(CutoffType.B);
    }

    @Test
    void trueScoreCutoffs() {
        // r = 0.75: SE = 5, r_clin = 75 / 100, s1 = 10 × sqrt(0.75) = 8.660254; SD_func = 10, M_func = 0:
        // r_func = 0.75, s0 = 8.660254; r_post = (172 − 25) / 172 = 0.854651
        TrueScoreCutoff a = TrueScoreCutoff.of(CutoffType.A, SAMPLE, LOWER, 0.75, null, null);
        assertThat(a.value()).isCloseTo(20 - 2 * Math.sqrt(75), within(1e-12)); // 2.679492
        assertThat(a.rPost()).isCloseTo(147.0 / 172.0, within(1e-15));
        assertThat(a.se()).isEqualTo(5.0);
        assertThat(a.criticalValue()).isEqualTo(CriticalValues.Z1);
        TrueScoreCutoff b = TrueScoreCutoff.of(CutoffType.B, SAMPLE, LOWER, 0.75, 0.0, 10.0);
        assertThat(b.value()).isCloseTo(2 * Math.sqrt(75), within(1e-12));      // 17.320508
        assertThat(TrueScoreCutoff.of(CutoffType.B, SAMPLE, HIGHER, 0.75, 0.0, 10.0).value())
                .isCloseTo(-2 * Math.sqrt(75), within(1e-12));
        TrueScoreCutoff c = TrueScoreCutoff.of(CutoffType.C, SAMPLE, LOWER, 0.75, 0.0, 10.0);
        assertThat(c.value()).isCloseTo(10.0, within(1e-12));                     // (s1 × 0 + s0 × 20) / 2 s1
        // CS_indiv = (16 + (post − 16) × 0.854651 − cutoff) / (sqrt(0.854651) × 5)
        assertThat(a.csIndiv(14)).isCloseTo(2.511960885298625, within(1e-12));
        assertThat(c.csIndiv(4)).isCloseTo(-0.920700090614795, within(1e-12));
        assertThat(c.csIndiv(30)).isCloseTo(3.8865618579231116, within(1e-12));
    }

    @Test
    void trueScoreClassificationIsOneSided() {
        TrueScoreCutoff c = TrueScoreCutoff.of(CutoffType.C, SAMPLE, LOWER, 0.75, 0.0, 10.0);
        // 20 → 4: clinical at pre, d × CS = 0.92 < 1.645: unchanged
        assertThat(c.classify(20, 4)).isEqualTo(Category.UNCHANGED);
        // 20 → −5: CS = (16 − 21 × 0.854651 − 10) / 4.622 = −2.58: improved
        assertThat(c.classify(20, -5)).isEqualTo(Category.IMPROVED);
        // 5 → 30: not clinical at pre, d × CS = −3.89 < −1.645: deteriorated
        assertThat(c.classify(5, 30)).isEqualTo(Category.DETERIORATED);
        assertThat(c.clinicalPost(5, 30)).isTrue();
        assertThat(c.classify(30, 30)).isEqualTo(Category.UNCHANGED);
    }

    @Test
    void trueScoreTiesAreStrict() {
        // mPost 0, r_post 1, SE 1, cut-off 0: CS_indiv = post exactly.
        TrueScoreCutoff cut = new TrueScoreCutoff(CutoffType.A, LOWER, 0, 0, 1, 1, CriticalValues.Z1);
        double z1 = CriticalValues.Z1;
        assertThat(cut.csIndiv(-z1)).isEqualTo(-z1);
        assertThat(cut.clinicalPre(0)).isFalse();
        assertThat(cut.classify(1, -z1)).isEqualTo(Category.UNCHANGED);
        assertThat(cut.classify(1, Math.nextDown(-z1))).isEqualTo(Category.IMPROVED);
        assertThat(cut.classify(-1, z1)).isEqualTo(Category.UNCHANGED);
        assertThat(cut.classify(-1, Math.nextUp(z1))).isEqualTo(Category.DETERIORATED);
        // at the cut-off at pre: not clinical, so never improved
        assertThat(cut.classify(0, -10)).isEqualTo(Category.UNCHANGED);
    }

    @Test
    void trueScoreUndefinedCases() {
        assertThatThrownBy(() -> TrueScoreCutoff.of(CutoffType.A, SAMPLE, LOWER, 1.0, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HA true-score cut-off a is undefined: the standard error is 0 (reliability 1)");
        // SD_func = 2 < SE = 5: r_func = (4 − 25) / 4 < 0
        assertThatThrownBy(() -> TrueScoreCutoff.of(CutoffType.C, SAMPLE, LOWER, 0.75, 0.0, 2.0))
                .hasMessage("HA true-score cut-off c is undefined: r_func is -5.25 (must be > 0)");
        assertThatThrownBy(() -> TrueScoreCutoff.of(CutoffType.B, SAMPLE, LOWER, 0.75, 0.0, 0.0))
                .hasMessageStartingWith("HA true-score cut-off b is undefined: r_func is");
        PairedSample flatPost = PairedSample.of(new double[] {10, 20, 30}, new double[] {5, 5, 5});
        assertThatThrownBy(() -> TrueScoreCutoff.of(CutoffType.A, flatPost, LOWER, 0.75, null, null))
                .hasMessage("HA true-score cut-off a is undefined: r_post is -Infinity (must be > 0)");
        assertThatThrownBy(() -> TrueScoreCutoff.of(CutoffType.C, SAMPLE, LOWER, 0.75, null, 10.0))
                .hasMessage("cut-off c needs functional_mean and functional_sd, functional_mean is missing");
    }
}
