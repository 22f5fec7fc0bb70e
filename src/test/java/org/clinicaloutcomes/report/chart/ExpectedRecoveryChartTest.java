package org.clinicaloutcomes.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicaloutcomes.report.chart.ChartImages.assertDrawn;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.EpisodeData;
import org.clinicaloutcomes.analysis.MonitoringSettings;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.OutcomeTables.ExpectedRecoveryRow;
import org.clinicaloutcomes.metrics.ChartBaselines;
import org.clinicaloutcomes.metrics.ExpectedRecovery;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.LinearFit;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.ReportCharts;
import org.clinicaloutcomes.report.RunDescription;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/**
 * The expected-recovery chart (MONITORING.md, "Chart", reading 35): what it plots is
 * {@code E_k(x)} and {@code T_k(x)} of the rows of {@code expected_recovery} at the three
 * baselines, {@code E_1(x) = x}, a gap where a {@code k} has no model, the threshold on the worse
 * side of the curve whichever way the instrument points, the empty state without a model or
 * baselines, and the same tables give the same bytes.
 */
class ExpectedRecoveryChartTest {

    private static final double EPS = 1e-9;
    private static final OutcomeTables FIXTURE = CohortFixture.analyse(true);
    private static final ChartBaselines BASELINES = new ChartBaselines(38, 45, 53);

    private static RunDescription run(String primary, boolean suppression) {
        return new RunDescription("test", "monthly", "monthly", CohortFixture.WINDOW, CohortFixture.INSTRUMENTS,
                "test instruments", CohortFixture.APPROACHES, primary, suppression, new LinkedHashMap<>());
    }

    private static ExpectedRecoveryRow row(String instrument, int k, double a, double b, double s, long n) {
        return new ExpectedRecoveryRow(instrument, k, new ExpectedRecovery(new LinearFit.Model(a, b, s, n)));
    }

    /** PCL-5 models at k = 2, 3, 4 and 6 (none at 5), and one of PHQ-9 that the chart leaves alone. */
    private static List<ExpectedRecoveryRow> pcl5Models() {
        return List.of(row("pcl5", 2, 6.0, 0.8, 7.4, 120), row("pcl5", 3, 8.0, 0.7, 9.4, 100),
                row("pcl5", 4, 6.0, 0.68, 10.9, 80), row("pcl5", 6, 6.7, 0.58, 13.5, 40),
                row("phq9", 2, 2.6, 0.73, 2.7, 120));
    }

    /** Wellbeing (higher is better, 14–70, cut-off 40) models at k = 2 and 3. */
    private static List<ExpectedRecoveryRow> wellModels() {
        return List.of(row("well", 2, 12.0, 0.8, 4.0, 60), row("well", 3, 15.0, 0.75, 5.0, 45));
    }

    /** The fixture's tables with other expected-recovery rows and chart baselines. */
    static OutcomeTables withModels(OutcomeTables t, List<ExpectedRecoveryRow> models, ChartBaselines baselines) {
        return new OutcomeTables(t.episodesAdded(), t.closedInWindow(), t.episodeOutcomes(), t.outcomesByApproach(),
                t.approachComparison(), t.trajectories(), t.pcl5Clusters(), t.clinicians(), t.subgroups(),
                t.activity(), t.windowActivity(), t.alerts(), t.suppressed(), t.monthlySeries(),
                t.monthsBeforeSeries(), models, t.expectedRecoveryCheck(), t.attention(), t.attentionCounts(),
                baselines);
    }

    private static List<Double> ys(XYSeries series) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < series.getItemCount(); i++) {
            Number y = series.getY(i);
            values.add(y == null ? null : y.doubleValue());
        }
        return values;
    }

    private static List<Integer> xs(XYSeries series) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < series.getItemCount(); i++) {
            values.add(series.getX(i).intValue());
        }
        return values;
    }

    @Test
    void theCurvesAreTheModelsOfThePrimaryInstrumentAtTheThreeBaselines() {
        OutcomeTables tables = withModels(FIXTURE, pcl5Models(), BASELINES);
        ExpectedRecoveryChart.Curves curves = ExpectedRecoveryChart.curves(tables, CohortFixture.PCL5);
        assertThat(curves.lastK()).isEqualTo(6);
        assertThat(curves.referenceEpisodes()).as("n of the model at k = 2").isEqualTo(120);
        assertThat(curves.curves()).extracting(ExpectedRecoveryChart.Curve::label)
                .containsExactly("starting score 38 (lower quartile)", "45 (median)", "53 (upper quartile)");
        assertThat(curves.curves()).extracting(ExpectedRecoveryChart.Curve::baseline).containsExactly(38L, 45L, 53L);
        for (ExpectedRecoveryChart.Curve curve : curves.curves()) {
            double x = curve.baseline();
            // E_1(x) = x, then E_k(x) = a_k + b_k x at every k up to the last model, a gap at k = 5.
            assertThat(xs(curve.expected())).containsExactly(1, 2, 3, 4, 5, 6);
            List<Double> expected = ys(curve.expected());
            assertThat(expected.get(0)).isEqualTo(x);
            assertThat(expected.get(1)).isCloseTo(6.0 + 0.8 * x, within(EPS));
            assertThat(expected.get(2)).isCloseTo(8.0 + 0.7 * x, within(EPS));
            assertThat(expected.get(4)).isNull();
            assertThat(expected.get(5)).isCloseTo(6.7 + 0.58 * x, within(EPS));
            // T_k(x) = E_k(x) + 1.2816 s_k (higher is worse): above the curve, from k = 2.
            assertThat(xs(curve.threshold())).containsExactly(2, 3, 4, 5, 6);
            List<Double> threshold = ys(curve.threshold());
            assertThat(threshold.get(0)).isCloseTo(6.0 + 0.8 * x + 1.2816 * 7.4,
                    within(EPS));
            assertThat(threshold.get(3)).isNull();
            for (int k = 2; k <= 6; k++) {
                if (expected.get(k - 1) != null) {
                    assertThat(threshold.get(k - 2)).as("k = " + k).isGreaterThan(expected.get(k - 1));
                }
            }
        }
    }

    @Test
    void theBaselinesHaveThreeColoursAndMarkersThatNoConfiguredApproachHas() {
        List<java.awt.Color> colours = ExpectedRecoveryChart.BASELINE_COLOURS;
        assertThat(new HashSet<>(colours)).hasSize(3);
        for (String approach : CohortFixture.APPROACHES) {
            assertThat(colours).doesNotContain(ChartStyle.colour(CohortFixture.APPROACHES, approach));
        }
        assertThat(colours).doesNotContain(ChartStyle.ALL_COLOUR);
        ExpectedRecoveryChart.Curves curves = ExpectedRecoveryChart.curves(withModels(FIXTURE, pcl5Models(),
                BASELINES), CohortFixture.PCL5);
        assertThat(curves.curves()).extracting(ExpectedRecoveryChart.Curve::colour).containsExactlyElementsOf(colours);
        assertThat(new HashSet<>(curves.curves().stream().map(c -> c.shape().getBounds2D()).toList())).hasSize(3);
    }

    @Test
    void baselinesThatCoincideAreOneCurveNamedForBoth() {
        ExpectedRecoveryChart.Curves curves = ExpectedRecoveryChart.curves(
                withModels(FIXTURE, pcl5Models(), new ChartBaselines(40, 40, 50)), CohortFixture.PCL5);
        assertThat(curves.curves()).extracting(ExpectedRecoveryChart.Curve::label)
                .containsExactly("starting score 40 (lower quartile and median)", "50 (upper quartile)");
        assertThat(ExpectedRecoveryChart.curves(withModels(FIXTURE, pcl5Models(), new ChartBaselines(40, 40, 40)),
                CohortFixture.PCL5).curves()).extracting(ExpectedRecoveryChart.Curve::label)
                .containsExactly("starting score 40 (lower quartile and median and upper quartile)");
    }

    @Test
    void whenHigherIsBetterTheThresholdIsBelowTheCurveAndTheCaptionSaysSo() {
        Instrument well = CohortFixture.WELL;
        assertThat(well.higherIsBetter()).isTrue();
        OutcomeTables tables = withModels(FIXTURE, wellModels(), new ChartBaselines(30, 36, 44));
        ExpectedRecoveryChart.Curves curves = ExpectedRecoveryChart.curves(tables, well);
        assertThat(curves.lastK()).isEqualTo(3);
        for (ExpectedRecoveryChart.Curve curve : curves.curves()) {
            double x = curve.baseline();
            List<Double> expected = ys(curve.expected());
            List<Double> threshold = ys(curve.threshold());
            assertThat(expected).hasSize(3);
            assertThat(threshold.get(0)).isCloseTo(12.0 + 0.8 * x - 1.2816 * 4.0,
                    within(EPS));
            assertThat(threshold.get(0)).isLessThan(expected.get(1));
            assertThat(threshold.get(1)).isLessThan(expected.get(2));
        }
        ExpectedRecoveryChart chart = new ExpectedRecoveryChart(well);
        ChartInput input = new ChartInput(tables, run("well", false));
        assertThat(chart.caption(input, curves)).contains("Dashed: not on track below this line")
                .contains("60 clients discharged by " + CohortFixture.WINDOW.to() + " with at least two Wellbeing");
        ExpectedRecoveryChart pcl5 = new ExpectedRecoveryChart(CohortFixture.PCL5);
        OutcomeTables pcl5Tables = withModels(FIXTURE, pcl5Models(), BASELINES);
        assertThat(pcl5.caption(new ChartInput(pcl5Tables, run("pcl5", true)),
                ExpectedRecoveryChart.curves(pcl5Tables, CohortFixture.PCL5)))
                .contains("Dashed: not on track above this line (worse than about 9 in 10 similar clients).")
                .contains("fewer than 30 clients")
                .endsWith("Suppression is on: groups of 1\u201310 clients are left out.");
        RenderedChart drawn = chart.draw(input);
        assertThat(drawn.fileName()).isEqualTo("expected-recovery-well.png");
        assertThat(drawn.title()).isEqualTo("Expected Wellbeing scores of this practice's clients, by starting score");
    }

    @Test
    void rendersAPngOfItsSizeWithItsFileNameAndTheSameBytesTwice() throws IOException {
        ExpectedRecoveryChart chart = new ExpectedRecoveryChart(CohortFixture.PCL5);
        RenderedChart first = chart.draw(new ChartInput(withModels(FIXTURE, pcl5Models(), BASELINES),
                run("pcl5", false)));
        assertThat(first.fileName()).isEqualTo(ReportCharts.expectedRecoveryFile("pcl5"))
                .isEqualTo("expected-recovery-pcl5.png");
        assertThat(first.sheet()).isEqualTo(ExpectedRecoveryChart.SHEET);
        assertDrawn(first);
        RenderedChart second = new ExpectedRecoveryChart(CohortFixture.PCL5).draw(new ChartInput(
                withModels(CohortFixture.analyse(true), pcl5Models(), new ChartBaselines(38, 45, 53)),
                run("pcl5", false)));
        assertThat(second.png()).isEqualTo(first.png());
    }

    @Test
    void withoutAModelOrWithoutBaselinesTheChartIsEmptyButStillDrawn() throws IOException {
        // The hand-built practice has too few reference episodes for a model at the default minimum.
        assertThat(FIXTURE.expectedRecovery()).isEmpty();
        ExpectedRecoveryChart chart = new ExpectedRecoveryChart(CohortFixture.PCL5);
        byte[] full = chart.draw(new ChartInput(withModels(FIXTURE, pcl5Models(), BASELINES), run("pcl5", false)))
                .png();
        List<OutcomeTables> empties = List.of(FIXTURE, withModels(FIXTURE, List.of(), BASELINES),
                withModels(FIXTURE, pcl5Models(), null), withModels(FIXTURE, wellModels(), BASELINES));
        for (OutcomeTables tables : empties) {
            ExpectedRecoveryChart.Curves curves = ExpectedRecoveryChart.curves(tables, CohortFixture.PCL5);
            assertThat(curves.empty()).isTrue();
            assertThat(curves.lastK()).isEqualTo(ExpectedRecovery.MAX_K);
            RenderedChart empty = chart.draw(new ChartInput(tables, run("pcl5", false)));
            assertDrawn(empty);
            assertThat(empty.png()).isNotEqualTo(full);
        }
        // An instrument without a cut-off draws no reference line, and still renders.
        assertDrawn(new ExpectedRecoveryChart(CohortFixture.DERS16).draw(new ChartInput(FIXTURE, run("ders16", false))));
    }

    @Test
    void fromTheAnalysisTheCurvesAreThoseOfItsTableAndBaselines() throws IOException {
        // The fixture's episodes with a minimum of 3 reference episodes per model.
        CohortAnalysis analysis = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.WINDOW, true, new MonitoringSettings(24, 3, 30));
        for (EpisodeData episode : CohortFixture.episodes()) {
            analysis.add(episode);
        }
        OutcomeTables tables = analysis.finish();
        List<ExpectedRecoveryRow> pcl5 = tables.expectedRecovery().stream()
                .filter(r -> r.instrument().equals("pcl5")).toList();
        assertThat(pcl5).isNotEmpty();
        assertThat(tables.recoveryBaselines()).isNotNull();
        ExpectedRecoveryChart.Curves curves = ExpectedRecoveryChart.curves(tables, CohortFixture.PCL5);
        assertThat(curves.lastK()).isEqualTo(pcl5.get(pcl5.size() - 1).k());
        ChartBaselines b = tables.recoveryBaselines();
        assertThat(curves.curves().get(0).baseline()).isEqualTo(b.q1());
        assertThat(curves.curves().get(curves.curves().size() - 1).baseline()).isEqualTo(b.q3());
        for (ExpectedRecoveryChart.Curve curve : curves.curves()) {
            for (ExpectedRecoveryRow model : pcl5) {
                assertThat(ys(curve.expected()).get(model.k() - 1))
                        .isEqualTo(model.model().expected(curve.baseline()));
                assertThat(ys(curve.threshold()).get(model.k() - 2))
                        .isEqualTo(model.model().threshold(CohortFixture.PCL5, curve.baseline()));
            }
        }
        assertDrawn(new ExpectedRecoveryChart(CohortFixture.PCL5).draw(new ChartInput(tables, run("pcl5", false))));
    }
}
