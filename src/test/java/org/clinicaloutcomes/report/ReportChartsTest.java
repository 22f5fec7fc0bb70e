package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicaloutcomes.report.chart.ChartImages.assertDrawn;

import java.io.IOException;
import java.util.List;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.Instrument;
import org.junit.jupiter.api.Test;

/**
 * The charts of the hand-built practice: valid, non-blank PNGs of the stated size, on the sheets
 * REPORTS.md names, in the report's order, and identical bytes on a second render.
 */
class ReportChartsTest {

    private static final OutcomeTables TABLES = ReportFixture.tables(true);
    private static final RunDescription RUN = ReportFixture.run(true, false);

    @Test
    void rendersEveryChartOnItsSheet() {
        List<RenderedChart> charts = ReportCharts.render(TABLES, RUN);
        List<String> expected = new java.util.ArrayList<>();
        for (Instrument instrument : CohortFixture.INSTRUMENTS) {
            expected.add("trajectory-" + instrument.key() + ".png");
        }
        expected.addAll(List.of("reliable-change-pcl5.png", "recovery-pcl5.png", "effect-size-pcl5.png",
                "change-boxplot-pcl5.png", "clinician-funnel-pcl5.png", "clinician-dropout-funnel.png",
                "pcl5-clusters.png", "monthly-reliable-improvement-pcl5.png", "monthly-clients.png",
                "expected-recovery-pcl5.png"));
        assertThat(charts).extracting(RenderedChart::fileName).containsExactlyElementsOf(expected);
        assertThat(charts).filteredOn(c -> c.fileName().startsWith("trajectory-"))
                .allMatch(c -> c.sheet().equals(OutcomesWorkbook.TRAJECTORIES));
        assertThat(sheet(charts, "reliable-change-pcl5.png")).isEqualTo(OutcomesWorkbook.RELIABLE_CHANGE);
        assertThat(sheet(charts, "recovery-pcl5.png")).isEqualTo(OutcomesWorkbook.BY_APPROACH);
        assertThat(sheet(charts, "effect-size-pcl5.png")).isEqualTo(OutcomesWorkbook.BY_APPROACH);
        assertThat(sheet(charts, "change-boxplot-pcl5.png")).isEqualTo(OutcomesWorkbook.BY_APPROACH);
        assertThat(sheet(charts, "clinician-funnel-pcl5.png")).isEqualTo(OutcomesWorkbook.CLINICIANS);
        assertThat(sheet(charts, ReportCharts.dropoutFunnelFile())).isEqualTo(OutcomesWorkbook.CLINICIANS);
        assertThat(charts).filteredOn(c -> c.fileName().equals(ReportCharts.dropoutFunnelFile()))
                .singleElement().extracting(RenderedChart::title).asString().contains("Dropout", "lower is better");
        assertThat(sheet(charts, "pcl5-clusters.png")).isEqualTo(OutcomesWorkbook.SYMPTOM_CLUSTERS);
        assertThat(sheet(charts, "monthly-reliable-improvement-pcl5.png")).isEqualTo(OutcomesWorkbook.OVER_TIME);
        assertThat(sheet(charts, "monthly-clients.png")).isEqualTo(OutcomesWorkbook.OVER_TIME);
        // The expected-recovery curves belong to the Attention sheet (REPORTS.md), not yet placed.
        assertThat(sheet(charts, ReportCharts.expectedRecoveryFile("pcl5"))).isEqualTo("Attention");
        assertThat(charts).allMatch(c -> !c.title().isBlank());
        // A research run has no monthly series and no expected recovery: none of their charts.
        assertThat(ReportCharts.render(ReportFixture.tables(false), ReportFixture.run(false, false)))
                .extracting(RenderedChart::fileName).doesNotContain("monthly-reliable-improvement-pcl5.png",
                        "monthly-clients.png", "expected-recovery-pcl5.png");
    }

    @Test
    void everyChartIsANonBlankPngOfItsSize() throws IOException {
        for (RenderedChart chart : ReportCharts.render(TABLES, RUN)) {
            assertDrawn(chart);
        }
    }

    @Test
    void renderingTwiceGivesIdenticalBytes() {
        List<RenderedChart> first = ReportCharts.render(TABLES, RUN);
        List<RenderedChart> second = ReportCharts.render(ReportFixture.tables(true), RUN);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).png()).as(first.get(i).fileName()).isEqualTo(first.get(i).png());
        }
    }

    @Test
    void chartsOfAnEmptyPracticeAndOfASuppressedRunStillRender() throws IOException {
        CohortAnalysis empty = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.WINDOW, true);
        for (RenderedChart chart : ReportCharts.render(empty.finish(), RUN)) {
            assertDrawn(chart);
        }
        for (RenderedChart chart : ReportCharts.render(TABLES, ReportFixture.run(true, true))) {
            assertDrawn(chart);
        }
    }

    private static String sheet(List<RenderedChart> charts, String file) {
        return charts.stream().filter(c -> c.fileName().equals(file)).findFirst().orElseThrow().sheet();
    }
}
