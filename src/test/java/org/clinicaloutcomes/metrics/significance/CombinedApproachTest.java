package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CombinedApproachTest {

    private static final Direction LOWER = Direction.LOWER_IS_BETTER;
    private static final Category IMPROVED = Category.IMPROVED;
    private static final Category UNCHANGED = Category.UNCHANGED;
    private static final Category DETERIORATED = Category.DETERIORATED;

    @Test
    void observedCutoff() {
        CombinedApproach combined = new CombinedApproach(new Cutoff(CutoffType.C, LOWER, 15));
        assertThat(combined.classify(IMPROVED, 20, 10)).isEqualTo(CombinedCategory.RECOVERED);
        assertThat(combined.classify(IMPROVED, 20, 15)).isEqualTo(CombinedCategory.IMPROVED);  // post at the cut-off
        assertThat(combined.classify(IMPROVED, 15, 5)).isEqualTo(CombinedCategory.IMPROVED);   // pre at the cut-off
        assertThat(combined.classify(IMPROVED, 10, 5)).isEqualTo(CombinedCategory.IMPROVED);
        assertThat(combined.classify(DETERIORATED, 10, 20)).isEqualTo(CombinedCategory.HARMED);
        assertThat(combined.classify(DETERIORATED, 10, 15)).isEqualTo(CombinedCategory.HARMED); // not functional
        assertThat(combined.classify(DETERIORATED, 15, 20)).isEqualTo(CombinedCategory.HARMED); // pre not clinical
        assertThat(combined.classify(DETERIORATED, 20, 25)).isEqualTo(CombinedCategory.DETERIORATED);
        assertThat(combined.classify(DETERIORATED, 5, 10)).isEqualTo(CombinedCategory.DETERIORATED);
        assertThat(combined.classify(UNCHANGED, 20, 10)).isEqualTo(CombinedCategory.UNCHANGED);
        assertThat(combined.classify(UNCHANGED, 10, 20)).isEqualTo(CombinedCategory.UNCHANGED);
    }

    @Test
    void observedCutoffHigherIsBetter() {
        CombinedApproach combined = new CombinedApproach(new Cutoff(CutoffType.A, Direction.HIGHER_IS_BETTER, 15));
        assertThat(combined.classify(IMPROVED, 10, 20)).isEqualTo(CombinedCategory.RECOVERED);
        assertThat(combined.classify(IMPROVED, 10, 15)).isEqualTo(CombinedCategory.IMPROVED);
        assertThat(combined.classify(DETERIORATED, 20, 10)).isEqualTo(CombinedCategory.HARMED);
        assertThat(combined.classify(DETERIORATED, 20, 16)).isEqualTo(CombinedCategory.DETERIORATED);
    }

    @Test
    void trueScoreCutoffNeedsTheCrossingForHarmed() {
        // mPost 0, r_post 1, SE 1, cut-off 0: CS_indiv = post.
        CombinedApproach combined = new CombinedApproach(
                new TrueScoreCutoff(CutoffType.A, LOWER, 0, 0, 1, 1, CriticalValues.Z1));
        // functional at pre (−1 < 0), d × CS = −1 ≥ −z1: not clinical at post: deteriorated (R: harmed)
        assertThat(combined.classify(DETERIORATED, -1, 1)).isEqualTo(CombinedCategory.DETERIORATED);
        assertThat(combined.classify(DETERIORATED, -1, 2)).isEqualTo(CombinedCategory.HARMED);
        assertThat(combined.classify(IMPROVED, 1, -1)).isEqualTo(CombinedCategory.IMPROVED);
        assertThat(combined.classify(IMPROVED, 1, -2)).isEqualTo(CombinedCategory.RECOVERED);
        assertThat(combined.classify(IMPROVED, 0, -2)).isEqualTo(CombinedCategory.IMPROVED); // pre at the cut-off
    }

    @Test
    void rangeByMethod() {
        PairedSample sample = PairedSample.of(new double[] {10, 20, 30}, new double[] {14, 4, 30});
        assertThat(CombinedApproach.rangeFor(RciMethod.JT, CutoffType.A, sample, LOWER, 0.75, null, null))
                .isEqualTo(new Cutoff(CutoffType.A, LOWER, 0));
        assertThat(CombinedApproach.rangeFor(RciMethod.HA, CutoffType.A, sample, LOWER, 0.75, null, null))
                .isInstanceOf(TrueScoreCutoff.class);
        assertThatThrownBy(() -> new CombinedApproach(new Cutoff(CutoffType.A, LOWER, 0))
                .classify(new Category[] {IMPROVED}, new double[] {1, 2}, new double[] {1, 2}))
                .hasMessage("changes and scores differ in length: 1 and 2");
    }

    @Test
    void counts() {
        assertThat(CombinedCounts.of(CombinedCategory.RECOVERED, CombinedCategory.HARMED, CombinedCategory.HARMED))
                .isEqualTo(new CombinedCounts(1, 0, 0, 0, 2));
        assertThat(Counts.of(IMPROVED, UNCHANGED, UNCHANGED).n()).isEqualTo(3);
    }
}
