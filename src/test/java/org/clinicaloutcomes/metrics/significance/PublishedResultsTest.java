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

    @Test
    void clausBdiCombinedJacobsonTruaxWithCutoffA() {
        CompletePairs pairs = clausBdi();
        PairedSample sample = pairs.sample();
        ReliableChange jt = ReliableChange.of(RciMethod.JT, sample, LOWER, 0.801);
        Cutoff a = Cutoff.of(CutoffType.A, sample, LOWER, null, null);
        assertThat(a.value()).isCloseTo(19.16, within(0.005));
        CombinedCategory[] categories = new CombinedApproach(a)
                .classify(jt.classify(pairs.pre(), pairs.post()), pairs.pre(), pairs.post());
        assertThat(CombinedCounts.of(categories)).isEqualTo(new CombinedCounts(10, 8, 22, 0, 0));
    }

    @Test
    void jacobson1989DasCombinedJacobsonTruax() {
        // SOURCE.md: DAS, higher is better, r = 0.84, criterion A = M_pre + 2 SD_pre = 105.2:
        // 10 recovered, 8 improved, 11 unchanged, 1 deteriorated (Jacobson & Truax 1991, Table 2).
        CompletePairs pairs = CompletePairs.of(PublishedData.jacobson("das"), "pre", "post");
        assertThat(pairs.nUsed()).isEqualTo(30);
        PairedSample sample = pairs.sample();
        assertThat(sample.sdPre()).isCloseTo(11.83, within(0.005));
        Direction higher = Direction.HIGHER_IS_BETTER;
        ReliableChange jt = ReliableChange.of(RciMethod.JT, sample, higher, 0.84);
        Cutoff a = Cutoff.of(CutoffType.A, sample, higher, null, null);
        assertThat(a.value()).isCloseTo(105.2, within(0.05));
        CombinedCategory[] categories = new CombinedApproach(a)
                .classify(jt.classify(pairs.pre(), pairs.post()), pairs.pre(), pairs.post());
        assertThat(CombinedCounts.of(categories)).isEqualTo(new CombinedCounts(10, 8, 11, 1, 0));
    }

    @Test
    void clausHamdTrueScoreCutoffC() {
        // SIGNIFICANCE.md 6.3: HAM-D, c, m_f = 8, sd_f = 8, r = 0.8: cut-off 20.21 and 23 / 17 / 0.
        CompletePairs pairs = CompletePairs.of(PublishedData.claus("hamd"), "1", "4");
        TrueScoreCutoff c = TrueScoreCutoff.of(CutoffType.C, pairs.sample(), LOWER, 0.8, 8.0, 8.0);
        assertThat(c.value()).isCloseTo(20.21, within(0.005));
        assertThat(Counts.of(c.classify(pairs.pre(), pairs.post()))).isEqualTo(new Counts(23, 17, 0));
    }

    @Test
    void haGroupSummaries() {
        // SIGNIFICANCE.md 7: BDI, type a, m_f = sd_f = 8, r = 0.8: 0.841 / 0.354;
        // HAM-D, type c: 0.9031 / 0.7555.
        CompletePairs bdi = clausBdi();
        HaGroupSummary bdiSummary = HaGroupSummary.of(
                ReliableChange.of(RciMethod.HA, bdi.sample(), LOWER, 0.8),
                TrueScoreCutoff.of(CutoffType.A, bdi.sample(), LOWER, 0.8, 8.0, 8.0), bdi.pre(), bdi.post());
        assertThat(bdiSummary.changed()).isCloseTo(0.841, within(0.0005));
        assertThat(bdiSummary.functional()).isCloseTo(0.354, within(0.0005));
        CompletePairs hamd = CompletePairs.of(PublishedData.claus("hamd"), "1", "4");
        HaGroupSummary hamdSummary = HaGroupSummary.of(
                ReliableChange.of(RciMethod.HA, hamd.sample(), LOWER, 0.8),
                TrueScoreCutoff.of(CutoffType.C, hamd.sample(), LOWER, 0.8, 8.0, 8.0), hamd.pre(), hamd.post());
        assertThat(hamdSummary.changed()).isCloseTo(0.9031, within(0.00005));
        assertThat(hamdSummary.functional()).isCloseTo(0.7555, within(0.00005));
    }
}
