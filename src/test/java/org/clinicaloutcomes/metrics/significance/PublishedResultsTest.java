package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The clinicalsignificance package's published results (external/CLINICALSIGNIFICANCE.md and
 * SOURCE.md), computed at the level of the metrics from the data sets' CSVs.
 */
class PublishedResultsTest {

    private static final Direction LOWER = Direction.LOWER_IS_BETTER;

    private static CompletePairs clausBdi() {
        return CompletePairs.of(PublishedData.claus("bdi"), "1", "4");
    }

    @Test
    void clausBdiCompletePairsAndStatistics() {
        CompletePairs pairs = clausBdi();
        assertThat(pairs.nOriginal()).isEqualTo(43);
        assertThat(pairs.nUsed()).isEqualTo(40);
        assertThat(pairs.groupNames()).containsExactly("TAU", "PA");
        PairedSample sample = pairs.sample();
        assertThat(sample.n()).isEqualTo(40);
        assertThat(sample.mPre()).isCloseTo(35.475, within(1e-12));
        assertThat(sample.sdPre()).isCloseTo(8.1586, within(5e-5));
    }

    @Test
    void clausBdiJacobsonTruax() {
        CompletePairs pairs = clausBdi();
        ReliableChange jt = ReliableChange.of(RciMethod.JT, pairs.sample(), LOWER, 0.801);
        assertThat(Counts.of(jt.classify(pairs.pre(), pairs.post()))).isEqualTo(new Counts(18, 22, 0));
    }

    @Test
    void clausBdiHagemanArrindell() {
        CompletePairs pairs = clausBdi();
        ReliableChange ha = ReliableChange.of(RciMethod.HA, pairs.sample(), LOWER, 0.801);
        assertThat(Counts.of(ha.classify(pairs.pre(), pairs.post()))).isEqualTo(new Counts(25, 15, 0));
    }

    @Test
    void clausHamdHsuLinnLord() {
        // SIGNIFICANCE.md 2.3: HAM-D (r = 0.8 as the package's examples) 12 / 16 / 12; 8 of the 12
        // deteriorated have a lower (better) post score.
        CompletePairs pairs = CompletePairs.of(PublishedData.claus("hamd"), "1", "4");
        ReliableChange hll = ReliableChange.of(RciMethod.HLL, pairs.sample(), LOWER, 0.8);
        Category[] categories = hll.classify(pairs.pre(), pairs.post());
        assertThat(Counts.of(categories)).isEqualTo(new Counts(12, 16, 12));
        int betterButDeteriorated = 0;
        for (int i = 0; i < categories.length; i++) {
            if (categories[i] == Category.DETERIORATED && pairs.post()[i] < pairs.pre()[i]) {
                betterButDeteriorated++;
            }
        }
        assertThat(betterButDeteriorated).isEqualTo(8);
    }

    @Test
    void clausBdiPercentageChange() {
        CompletePairs pairs = clausBdi();
        Category[] categories = PercentageChange.of(LOWER, 0.5).classify(pairs.pre(), pairs.post());
        assertThat(Counts.of(categories)).isEqualTo(new Counts(11, 29, 0));
        Map<String, Counts> byGroup = Counts.byGroup(categories, pairs.groups());
        assertThat(byGroup.get("TAU").improved()).isEqualTo(2);
        assertThat(byGroup.get("PA").improved()).isEqualTo(9);
    }

    @Test
    void clausBdiAnchor() {
        CompletePairs pairs = clausBdi();
        Category[] categories = AnchorChange.of(LOWER, 7).classify(pairs.pre(), pairs.post());
        assertThat(Counts.of(categories)).isEqualTo(new Counts(25, 11, 4));
        Map<String, Counts> byGroup = Counts.byGroup(categories, pairs.groups());
        assertThat(byGroup).containsExactly(Map.entry("TAU", new Counts(8, 7, 4)),
                Map.entry("PA", new Counts(17, 4, 0)));
    }

    @Test
    void antidepressantsJacobsonTruax() {
        CompletePairs pairs = CompletePairs.of(PublishedData.antidepressants(), "Before", "After");
        assertThat(pairs.nUsed()).isEqualTo(555);
        ReliableChange jt = ReliableChange.of(RciMethod.JT, pairs.sample(), LOWER, 0.80);
        assertThat(Counts.of(jt.classify(pairs.pre(), pairs.post()))).isEqualTo(new Counts(274, 237, 44));
    }
}
