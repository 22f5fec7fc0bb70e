package org.clinicaloutcomes.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clinicaloutcomes.report.chart.ChartImages.assertDrawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.analysis.ClinicalSignificance;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.OutcomeTables.SignificanceRow;
import org.clinicaloutcomes.analysis.SuppressedCells;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.RunDescription;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/**
 * The clinical-significance chart of one instrument: a bar per method from its ALL row (five
 * segments with the cut-off, three without, none for an undefined method), hidden counts as one
 * "not split" segment, a hidden n leaving the bar out; a valid PNG, the same bytes twice.
 */
class ClinicalSignificanceChartTest {

    private static final OutcomeTables BASE = CohortFixture.analyse(false);
    private static final String FILE = TableSchemas.CLINICAL_SIGNIFICANCE.file();

    private static RunDescription run(boolean suppression) {
        return new RunDescription("test", "research", "research", CohortFixture.research(), CohortFixture.INSTRUMENTS,
                "test instruments", CohortFixture.APPROACHES, "pcl5", suppression, new LinkedHashMap<>());
    }

    /** Every method on pcl5 for all approaches only: n = 40 (HLM 32), NK undefined. */
    static ClinicalSignificance everyMethod() {
        List<SignificanceRow> rows = new ArrayList<>();
        SignificanceMethod[] methods = SignificanceMethod.values();
        for (int m = 0; m < methods.length; m++) {
            SignificanceMethod method = methods[m];
            rows.add(method == SignificanceMethod.NK ? SignificanceFixture.empty("pcl5", method, OutcomeTables.ALL)
                    : SignificanceFixture.row("pcl5", method, m, OutcomeTables.ALL,
                    method == SignificanceMethod.HLM ? 32 : 40));
        }
        return new ClinicalSignificance(List.of(methods), rows, List.of("pcl5: NK not defined: r_post missing"));
    }

    private static OutcomeTables tables(SuppressedCells hidden) {
        OutcomeTables t = BASE;
        return new OutcomeTables(t.episodesAdded(), t.closedInWindow(), t.episodeOutcomes(), t.outcomesByApproach(),
                t.approachComparison(), t.trajectories(), t.pcl5Clusters(), t.clinicians(), t.subgroups(),
                t.activity(), t.windowActivity(), t.alerts(), hidden).withSignificance(everyMethod());
    }

    private static ClinicalSignificanceChart chart() {
        return new ClinicalSignificanceChart(CohortFixture.INSTRUMENTS.get(0));
    }

    @Test
    void aBarPerDefinedMethodWithFiveSegmentsWhereTheCutOffSplitsThem() {
        CategoryDataset shares = chart().shares(new ChartInput(tables(SuppressedCells.NONE), run(false)));
        assertThat(shares.getColumnKeys()).extracting(Object::toString).containsExactly("JT (n = 40)",
                "GLN (n = 40)", "HLL (n = 40)", "EN (n = 40)", "HA (n = 40)", "HLM (n = 32)", "percentage (n = 40)",
                "anchor (n = 40)");
        assertThat(shares.getRowKeys()).extracting(Object::toString).containsExactly("Recovered", "Improved",
                "Unchanged", "Deteriorated", "Harmed", "Not split (small numbers)");
        // JT (m = 0): improved 16 = recovered 9 + 7, deteriorated 2 = harmed 1 + 1, unchanged 22.
        assertThat(shares.getValue("Recovered", "JT (n = 40)").doubleValue()).isCloseTo(22.5, within(1e-9));
        assertThat(shares.getValue("Improved", "JT (n = 40)").doubleValue()).isCloseTo(17.5, within(1e-9));
        assertThat(shares.getValue("Unchanged", "JT (n = 40)").doubleValue()).isCloseTo(55.0, within(1e-9));
        assertThat(shares.getValue("Deteriorated", "JT (n = 40)").doubleValue()).isCloseTo(2.5, within(1e-9));
        assertThat(shares.getValue("Harmed", "JT (n = 40)").doubleValue()).isCloseTo(2.5, within(1e-9));
        assertThat(shares.getValue("Not split (small numbers)", "JT (n = 40)")).isNull();
        // percentage has no cut-off: three segments, improved being every improved client.
        String pct = "percentage (n = 40)";
        assertThat(shares.getValue("Recovered", pct)).isNull();
        assertThat(shares.getValue("Harmed", pct)).isNull();
        assertThat(shares.getValue("Improved", pct).doubleValue()
                + shares.getValue("Unchanged", pct).doubleValue()
                + shares.getValue("Deteriorated", pct).doubleValue()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void hiddenCountsAreOneNotSplitSegmentAndAHiddenNLeavesTheBarOut() throws IOException {
        // Rows: JT 0, GLN 1, ...; JT's harmed and deteriorated-not-harmed hidden, GLN's n hidden.
        Map<SuppressedCells.Cell, SuppressedCells.Kind> cells = new LinkedHashMap<>();
        cells.put(new SuppressedCells.Cell(FILE, 0, "n_harmed"), SuppressedCells.Kind.SMALL);
        cells.put(new SuppressedCells.Cell(FILE, 0, TableSchemas.DETERIORATED_NOT_HARMED), SuppressedCells.Kind.SMALL);
        cells.put(new SuppressedCells.Cell(FILE, 1, "n"), SuppressedCells.Kind.SMALL);
        ChartInput input = new ChartInput(tables(SuppressedCells.of(cells)), run(true));
        CategoryDataset shares = chart().shares(input);
        assertThat(shares.getColumnKeys()).extracting(Object::toString).doesNotContain("GLN (n = 40)")
                .contains("JT (n = 40)", "HLL (n = 40)");
        assertThat(shares.getValue("Harmed", "JT (n = 40)")).isNull();
        assertThat(shares.getValue("Deteriorated", "JT (n = 40)")).isNull();
        assertThat(shares.getValue("Not split (small numbers)", "JT (n = 40)").doubleValue())
                .isCloseTo(5.0, within(1e-9));
        RenderedChart drawn = chart().draw(input);
        assertDrawn(drawn);
        write(drawn, "hidden-");
    }

    /** Writes a chart to the folder of the system property {@code chart.out}, if set (to look at it). */
    private static void write(RenderedChart chart, String prefix) throws IOException {
        String out = System.getProperty("chart.out");
        if (out != null) {
            Files.createDirectories(Path.of(out));
            Files.write(Path.of(out, prefix + chart.fileName()), chart.png());
        }
    }

    @Test
    void drawsAPngOfItsFileAndSheetWithTheSameBytesTwice() throws IOException {
        ChartInput input = new ChartInput(tables(SuppressedCells.NONE), run(false));
        RenderedChart first = chart().draw(input);
        RenderedChart second = chart().draw(new ChartInput(tables(SuppressedCells.NONE), run(false)));
        assertThat(first.fileName()).isEqualTo("clinical-significance-pcl5.png")
                .isEqualTo(ClinicalSignificanceChart.file("pcl5"));
        assertThat(first.sheet()).isEqualTo(OutcomesWorkbook.CLINICAL_SIGNIFICANCE);
        assertThat(first.title()).contains("Clinical significance", CohortFixture.INSTRUMENTS.get(0).name());
        assertThat(first.png()).isNotEmpty();
        assertDrawn(first);
        assertThat(second.png()).isEqualTo(first.png());
        RenderedChart suppressed = chart().draw(new ChartInput(tables(SuppressedCells.NONE), run(true)));
        assertDrawn(suppressed);
        write(first, "");
        write(suppressed, "suppressed-");
    }
}
