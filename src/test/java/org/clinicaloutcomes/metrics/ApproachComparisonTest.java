package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ApproachComparisonTest {

    private static final double TOLERANCE = 1e-12;

    /** Handmade groups with ties: A = 1, 2, 2, 3; B = 2, 3, 4, 4; C = 4, 5, 5. */
    private static final List<double[]> TIED = List.of(new double[] {1, 2, 2, 3}, new double[] {2, 3, 4, 4},
            new double[] {4, 5, 5});

    @Test
    void anovaOfAWorkedExample() {
        // Means 2, 3.25, 4.6667; grand mean 35 / 11 = 3.181818.
        // SSB = 4 (2 − 3.1818)² + 4 (3.25 − 3.1818)² + 3 (4.6667 − 3.1818)² = 5.58678 + 0.01860 + 6.61433 = 12.21970.
        // SSW = (1 + 0 + 0 + 1) + (1.5625 + 0.0625 + 0.5625 + 0.5625) + (4/9 + 1/9 + 1/9) = 5.41667.
        // F = (12.21970 / 2) / (5.41667 / 8) = 6.10985 / 0.67708 = 9.02378; p = P(F(2, 8) > 9.02378)
        // = 0.0088980 (SciPy f_oneway: 9.023776223776228, 0.008897997170160635).
        ApproachComparison.Anova anova = ApproachComparison.anova(TIED);
        assertThat(anova.f()).isCloseTo(9.023776223776228, within(TOLERANCE));
        assertThat(anova.dfBetween()).isEqualTo(2);
        assertThat(anova.dfWithin()).isEqualTo(8);
        assertThat(anova.p()).isCloseTo(0.008897997170160635, within(TOLERANCE));
    }

    @Test
    void kruskalWallisWithTiesOfAWorkedExample() {
        // Pooled, sorted: 1 | 2 2 2 | 3 3 | 4 4 4 | 5 5; average ranks 1 | 3 | 5.5 | 8 | 10.5.
        // Rank sums: A = 1 + 3 + 3 + 5.5 = 12.5; B = 3 + 5.5 + 8 + 8 = 24.5; C = 8 + 10.5 + 10.5 = 29.
        // Σ R²/n = 156.25/4 + 600.25/4 + 841/3 = 469.458333.
        // H = 12 / (11 × 12) × 469.458333 − 3 × 12 = 42.678030 − 36 = 6.678030.
        // Ties: t = 3, 2, 3, 2: Σ(t³ − t) = 24 + 6 + 24 + 6 = 60; correction 1 − 60 / 1320 = 0.954545.
        // H = 6.678030 / 0.954545 = 6.996032; p = exp(−H / 2) for 2 df = 0.030257
        // (R kruskal.test / SciPy: 6.996031746031747, 0.03025735834487228).
        ApproachComparison.KruskalWallis kruskal = ApproachComparison.kruskalWallis(TIED);
        assertThat(kruskal.h()).isCloseTo(6.996031746031747, within(TOLERANCE));
        assertThat(kruskal.df()).isEqualTo(2);
        assertThat(kruskal.p()).isCloseTo(Math.exp(-6.996031746031747 / 2), within(TOLERANCE));
    }

    @Test
    void kruskalWallisMatchesTheExampleOfRsHelpPage() {
        // R: kruskal.test(list(x, y, z)) of ?kruskal.test (Hollander & Wolfe): chi-squared = 0.77143,
        // df = 2, p-value = 0.68 (SciPy: 0.7714285714285722, 0.6799647735788936).
        List<double[]> groups = List.of(new double[] {2.9, 3.0, 2.5, 2.6, 3.2}, new double[] {3.8, 2.7, 4.0, 2.4},
                new double[] {2.8, 3.4, 3.7, 2.2, 2.0});
        ApproachComparison.KruskalWallis kruskal = ApproachComparison.kruskalWallis(groups);
        assertThat(kruskal.h()).isCloseTo(0.7714285714285722, within(TOLERANCE));
        assertThat(kruskal.p()).isCloseTo(0.6799647735788936, within(TOLERANCE));
    }

    @Test
    void chiSquareOfATwoByTwoTableWithoutContinuityCorrection() {
        // Rows 3, 5; columns 3, 5; N = 8. Expected 1.125, 1.875 / 1.875, 3.125.
        // χ² = 0.875²/1.125 + 0.875²/1.875 + 0.875²/1.875 + 0.875²/3.125
        //    = 0.680556 + 0.408333 + 0.408333 + 0.245 = 1.742222; df 1; p = 0.186858
        // (R chisq.test(correct = FALSE)).
        ApproachComparison.ChiSquare chi2 = ApproachComparison.chiSquareIndependence(new long[][] {{2, 1}, {1, 4}});
        assertThat(chi2.chi2()).isCloseTo(1.7422222222222223, within(TOLERANCE));
        assertThat(chi2.df()).isEqualTo(1);
        assertThat(chi2.p()).isCloseTo(0.18685750266303658, within(TOLERANCE));
    }

    @Test
    void chiSquareReproducesTheExampleFromTheRiCounts() {
        // approach_comparison.csv takes RI yes / no per approach from outcomes_by_approach.csv:
        // pcl5 DBT 3/7, CPT 5/8, ACT 6/7, PE 9/13; phq9 2/7, 4/8, 2/7, 2/13; gad7 2/6, 3/7, 2/4, 1/12.
        assertChiSquare(new long[][] {{3, 4}, {5, 3}, {6, 1}, {9, 4}}, 2.9739757525083617, 0.3956550317278039);
        assertChiSquare(new long[][] {{2, 5}, {4, 4}, {2, 5}, {2, 11}}, 2.907692307692308, 0.40607725706499764);
        assertChiSquare(new long[][] {{2, 4}, {3, 4}, {2, 2}, {1, 11}}, 4.149022108843537, 0.24581555549860995);
    }

    private static void assertChiSquare(long[][] table, double chi2, double p) {
        ApproachComparison.ChiSquare result = ApproachComparison.chiSquareIndependence(table);
        assertThat(result.chi2()).isCloseTo(chi2, within(1e-9 * chi2));
        assertThat(result.df()).isEqualTo(3);
        assertThat(result.p()).isCloseTo(p, within(1e-9 * p));
    }

    @Test
    void anovaReproducesTheExampleFromGroupMeansAndSds() {
        // F depends on the data only through each group's n, mean and SD, so groups built to have
        // the reported n, mean and SD of change give the reported F and p (pcl5, phq9, gad7, ders16).
        assertAnova(new double[][] {{7, -3.142857142857143, 13.569924728710072}, {8, -21.25, 21.671244937540095},
                {7, -16.0, 6.708203932499369}, {13, -10.153846153846153, 15.109854145811346}},
                1.9301737292339836, 3, 31, 0.14523549240435113);
        assertAnova(new double[][] {{7, -2.2857142857142856, 5.0896720822428145}, {8, -5.875, 6.379375249303694},
                {7, -4.714285714285714, 2.2886885410853175}, {13, -2.6153846153846154, 2.8147960713126134}},
                1.3551580040891475, 3, 31, 0.27468401053235436);
        assertAnova(new double[][] {{6, -1.5, 4.183300132670378}, {7, -4.142857142857143, 2.9680841985233184},
                {4, -4.5, 3.1091263510296048}, {12, -1.5, 2.195035721390843}},
                1.9793708991954402, 3, 25, 0.14283959918206465);
        assertAnova(new double[][] {{7, -5.857142857142857, 10.073539123673987}, {2, -6.0, 2.8284271247461903},
                {3, -1.3333333333333333, 3.511884584284246}},
                0.3277631383610452, 2, 9, 0.728785154020213);
    }

    private static void assertAnova(double[][] nMeanSd, double f, int dfBetween, int dfWithin, double p) {
        List<double[]> groups = new ArrayList<>();
        for (double[] row : nMeanSd) {
            groups.add(withMeanAndSd((int) row[0], row[1], row[2]));
        }
        ApproachComparison.Anova anova = ApproachComparison.anova(groups);
        assertThat(anova.f()).isCloseTo(f, within(1e-9 * f));
        assertThat(anova.dfBetween()).isEqualTo(dfBetween);
        assertThat(anova.dfWithin()).isEqualTo(dfWithin);
        assertThat(anova.p()).isCloseTo(p, within(1e-9 * p));
    }

    /** n values with exactly the given mean and sample SD: mean ± a scaled set of ±1, 0 values. */
    private static double[] withMeanAndSd(int n, double mean, double sd) {
        double[] unit = new double[n];
        for (int i = 0; i + 1 < n; i += 2) {
            unit[i] = 1;
            unit[i + 1] = -1;
        }
        int nonZero = n % 2 == 0 ? n : n - 1; // an odd n keeps one value at the mean
        double scale = sd * Math.sqrt((n - 1.0) / nonZero);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + scale * unit[i];
        }
        return values;
    }

    @Test
    void compareFiltersGroupsSmallerThanTwo() {
        Instrument pcl5 = TestInstruments.PCL5;
        List<EpisodeOutcome> a = List.of(EpisodeOutcome.of(pcl5, 50, 30, 2), EpisodeOutcome.of(pcl5, 40, 38, 2));
        List<EpisodeOutcome> b = List.of(EpisodeOutcome.of(pcl5, 45, 40, 2), EpisodeOutcome.of(pcl5, 60, 45, 2),
                EpisodeOutcome.of(pcl5, 44, 44, 2));
        List<EpisodeOutcome> single = List.of(EpisodeOutcome.of(pcl5, 70, 10, 2));
        ComparisonResult withSingle = ApproachComparison.compare(List.of(a, single, b, List.of()));
        ComparisonResult without = ApproachComparison.compare(List.of(a, b));
        assertThat(withSingle).isEqualTo(without);
        assertThat(without.anovaDfBetween()).isEqualTo(1);
        assertThat(without.anovaDfWithin()).isEqualTo(3);
        // Changes A: −20, −2; B: −5, −15, 0. RI: A 1 of 2, B 1 of 3.
        assertThat(without.chi2Df()).isEqualTo(1);
        double expectedChi2 = ApproachComparison.chiSquareIndependence(new long[][] {{1, 1}, {1, 2}}).chi2();
        assertThat(without.chi2()).isEqualTo(expectedChi2);
    }

    @Test
    void fewerThanTwoGroupsLeaveEverythingEmpty() {
        // As aaq2 in the example: only ACT has n ≥ 2.
        Instrument aaq2 = TestInstruments.AAQ2;
        List<EpisodeOutcome> act = List.of(EpisodeOutcome.of(aaq2, 30, 20, 2), EpisodeOutcome.of(aaq2, 35, 28, 2));
        List<EpisodeOutcome> dbt = List.of(EpisodeOutcome.of(aaq2, 13, 13, 2));
        assertThat(ApproachComparison.compare(List.of(act, dbt, List.of()))).isEqualTo(ComparisonResult.UNDEFINED);
        assertThat(ApproachComparison.compare(List.of())).isEqualTo(ComparisonResult.UNDEFINED);
        assertThat(ApproachComparison.anova(List.of(new double[] {1, 2}))).isNull();
        assertThat(ApproachComparison.kruskalWallis(List.of(new double[] {1, 2}))).isNull();
        assertThat(ApproachComparison.chiSquareIndependence(new long[][] {{1, 2}})).isNull();
    }

    @Test
    void anRiColumnAllZeroLeavesTheChiSquareEmpty() {
        // As ders16 in the example: nobody reliably improved, so a column of expected counts is 0.
        Instrument ders = TestInstruments.DERS16;
        List<EpisodeOutcome> a = List.of(EpisodeOutcome.of(ders, 50, 45, 2), EpisodeOutcome.of(ders, 40, 38, 2));
        List<EpisodeOutcome> b = List.of(EpisodeOutcome.of(ders, 45, 46, 2), EpisodeOutcome.of(ders, 60, 55, 2));
        ComparisonResult result = ApproachComparison.compare(List.of(a, b));
        assertThat(result.chi2()).isNull();
        assertThat(result.chi2Df()).isNull();
        assertThat(result.chi2P()).isNull();
        assertThat(result.anovaF()).isNotNull();
        assertThat(result.kruskalH()).isNotNull();
    }

    @Test
    void zeroVarianceWithinGroupsLeavesAnovaEmpty() {
        // Groups 1, 1 and 3, 3: SSW = 0, F = SSB / 0. Kruskal–Wallis is still defined (ranks 1.5,
        // 1.5, 3.5, 3.5: H = (12 / 20 × (9 + 49) / 2 − 15) / (1 − 12 / 60) = 2.4 / 0.8 = 3).
        List<double[]> groups = List.of(new double[] {1, 1}, new double[] {3, 3});
        assertThat(ApproachComparison.anova(groups)).isNull();
        assertThat(ApproachComparison.kruskalWallis(groups).h()).isCloseTo(3.0, within(TOLERANCE));
    }

    @Test
    void allTiedLeavesKruskalWallisAndAnovaEmpty() {
        List<double[]> groups = List.of(new double[] {2, 2}, new double[] {2, 2, 2});
        assertThat(ApproachComparison.kruskalWallis(groups)).isNull();
        assertThat(ApproachComparison.anova(groups)).isNull();
    }

    @Test
    void identicalGroupsGiveFZeroAndPOne() {
        List<double[]> groups = List.of(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        ApproachComparison.Anova anova = ApproachComparison.anova(groups);
        assertThat(anova.f()).isEqualTo(0.0);
        assertThat(anova.p()).isEqualTo(1.0);
        ApproachComparison.KruskalWallis kruskal = ApproachComparison.kruskalWallis(groups);
        assertThat(kruskal.h()).isCloseTo(0.0, within(TOLERANCE));
        assertThat(kruskal.p()).isCloseTo(1.0, within(TOLERANCE));
    }
}
