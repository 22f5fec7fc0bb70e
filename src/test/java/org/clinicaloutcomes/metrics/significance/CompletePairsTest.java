package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletePairsTest {

    private static CompletePairs.Row row(String id, String occasion, Double score, String group) {
        return new CompletePairs.Row(id, occasion, score, group);
    }

    @Test
    void completePairsOnlyInFirstAppearanceOrder() {
        List<CompletePairs.Row> rows = List.of(
                row("b", "post", 4.0, "TAU"), row("b", "pre", 9.0, "TAU"),
                row("a", "pre", 10.0, "PA"), row("a", "mid", 7.0, "PA"), row("a", "post", 6.0, "PA"),
                row("c", "pre", 8.0, "PA"),                                 // no post row
                row("d", "pre", 5.0, "TAU"), row("d", "post", null, "TAU"), // missing post score
                row("e", "mid", 3.0, "TAU"));                               // neither occasion
        CompletePairs pairs = CompletePairs.of(rows, "pre", "post");
        assertThat(pairs.nOriginal()).isEqualTo(4);
        assertThat(pairs.nUsed()).isEqualTo(2);
        assertThat(pairs.ids()).containsExactly("b", "a");
        assertThat(pairs.pre()).containsExactly(9.0, 10.0);
        assertThat(pairs.post()).containsExactly(4.0, 6.0);
        assertThat(pairs.groups()).containsExactly("TAU", "PA");
        assertThat(pairs.groupNames()).containsExactly("TAU", "PA");
    }

    @Test
    void statisticsArePooledAcrossGroups() {
        List<CompletePairs.Row> rows = List.of(
                row("1", "pre", 10.0, "x"), row("1", "post", 14.0, "x"),
                row("2", "pre", 20.0, "y"), row("2", "post", 4.0, "y"),
                row("3", "pre", 30.0, "x"), row("3", "post", 30.0, "x"));
        CompletePairs pairs = CompletePairs.of(rows, "pre", "post");
        PairedSample sample = pairs.sample();
        assertThat(sample.mPre()).isEqualTo(20.0);
        assertThat(sample.sdPre()).isEqualTo(10.0);
        ReliableChange jt = ReliableChange.of(RciMethod.JT, sample, Direction.LOWER_IS_BETTER, 0.75);
        Map<String, Counts> byGroup = Counts.byGroup(jt.classify(pairs.pre(), pairs.post()), pairs.groups());
        assertThat(byGroup).containsExactly(Map.entry("x", new Counts(0, 2, 0)), Map.entry("y", new Counts(1, 0, 0)));
    }

    @Test
    void duplicatesAndUnnamedOccasionsAreErrors() {
        List<CompletePairs.Row> rows = List.of(row("1", "pre", 10.0, null), row("1", "pre", 11.0, null));
        assertThatThrownBy(() -> CompletePairs.of(rows, "pre", "post"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate row for id 1 at occasion pre");
        assertThatThrownBy(() -> CompletePairs.of(rows, "pre", "pre"))
                .hasMessage("pre and post must be different occasions, both are \"pre\"");
        assertThatThrownBy(() -> CompletePairs.of(List.of(row("1", "pre", Double.NaN, null)), "pre", "post"))
                .hasMessage("score of id 1 at occasion pre must be a finite number, got NaN");
    }

    @Test
    void sampleOfFewPairs() {
        PairedSample one = PairedSample.of(new double[] {3}, new double[] {4});
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.sdPre()).isNaN();
        assertThat(one.r12()).isNaN();
        assertThatThrownBy(() -> PairedSample.of(new double[0], new double[0])).hasMessage("no complete pairs");
        assertThatThrownBy(() -> PairedSample.of(new double[] {1, 2}, new double[] {1}))
                .hasMessage("pre and post differ in length: 2 and 1");
    }
}
