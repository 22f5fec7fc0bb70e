package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.EpisodeData;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook fits the data (RESEARCH.md, "Every research run, whatever its layout"): a
 * researcher's depression-trial export (BDI-II and PHQ-9 with scores, GAD-7 configured without
 * any, no PCL-5, every clinician unknown, no index event) gets no word of PCL-5 or trauma, no
 * cluster, clinician or subgroup view and no chart of GAD-7; a randomised study is said to be
 * randomised wherever the caveat was; the practice's monthly workbook keeps its caveat texts.
 */
class OutcomesWorkbookFitTest {

    private static final Instrument BDI = new Instrument("bdi2", "BDI-II", 0, 63, false, true, 14.0, 8);
    private static final Instrument PHQ9 = new Instrument("phq9", "PHQ-9", 0, 27, false, true, 10.0, 6);
    private static final Instrument GAD7 = new Instrument("gad7", "GAD-7", 0, 21, false, true, 8.0, 5);
    private static final List<Instrument> INSTRUMENTS = List.of(BDI, PHQ9, GAD7);
    private static final List<String> ARMS = List.of("CBT", "IPT");
    private static final ReportWindow WINDOW = ReportWindow.research(LocalDate.of(2020, 1, 1),
            LocalDate.of(2021, 12, 31), null, null);

    /** Today's caveat texts, byte for byte. */
    private static final String SUMMARY_CAVEAT =
            "Clients were not randomised to approaches: differences are associations, not effects of the approach.";
    private static final String BY_APPROACH_HEADING = "Comparing the approaches on each questionnaire (approaches "
            + "with at least 2 clients). Clients were not randomised: differences are associations, not causal effects.";
    private static final String ABOUT_CAVEAT = "Clients were not randomly assigned to approaches. The approaches may "
            + "treat different clients (for example more severe symptoms, or a different kind of medical event), so "
            + "differences between approaches are associations, not causal effects of the approach.";

    @TempDir
    Path folder;

    /**
     * Sixteen participants, eight per arm, every one closed with a baseline and a final BDI-II
     * and PHQ-9; {@code chronic} gives the first half a chronic_illness flag (the others none).
     */
    private static OutcomeTables export(boolean chronic) {
        CohortAnalysis analysis = new CohortAnalysis(INSTRUMENTS, ARMS, "bdi2", WINDOW, false);
        for (int i = 0; i < 16; i++) {
            String arm = ARMS.get(i % 2);
            CohortFixture.Builder participant = new CohortFixture.Builder(i, "P" + (100 + i), arm,
                    CohortAnalysis.UNKNOWN, "2020-02-01").discharged("2020-08-01", "completed");
            if (chronic && i < 8) {
                participant.flags(i % 4 == 0, null, null, null);
            }
            double bdi = 28 + i % 5;
            participant.attended("2020-02-01", bdi, 16, Double.NaN)
                    .attended("2020-08-01", bdi - (arm.equals("CBT") ? 12 : 6) - i % 3, 9 + i % 4, Double.NaN);
            analysis.add(participant.data());
        }
        return analysis.finish();
    }

    private static RunDescription run(String layout, String randomised) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("job", "research");
        parameters.put("input", "trial.csv");
        if (layout != null) {
            parameters.put(RunDescription.LAYOUT, layout);
        }
        if (randomised != null) {
            parameters.put(RunDescription.RANDOMISED, randomised);
        }
        return new RunDescription("test", "research", "research --job=trial.properties", WINDOW, INSTRUMENTS,
                "trial instruments", ARMS, "bdi2", false, parameters);
    }

    private XSSFWorkbook write(String name, OutcomeTables tables, RunDescription run, List<RenderedChart> charts)
            throws IOException {
        Path file = folder.resolve(name + ".xlsx");
        OutcomesWorkbook.write(file, tables, run, ReportFixture.quality(), charts);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** Every text cell of every sheet, each as "sheet: text". */
    private static List<String> allTexts(XSSFWorkbook workbook) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            XSSFSheet sheet = workbook.getSheetAt(i);
            SheetContents.texts(sheet).forEach(text -> texts.add(sheet.getSheetName() + ": " + text));
        }
        return texts;
    }

    @Test
    void theFactsComeFromTheJobParameters() {
        assertThat(run(null, null).randomised()).isFalse();
        assertThat(run(null, null).practiceData()).isTrue();
        assertThat(run("canonical", "false").practiceData()).isTrue();
        assertThat(run("long", null).practiceData()).isFalse();
        assertThat(run("wide", "true").practiceData()).isFalse();
        assertThat(run("wide", "true").randomised()).isTrue();
        // A monthly run reads the practice's own files, whatever else the parameters say.
        assertThat(RunDescription.practiceData(CohortFixture.WINDOW, Map.of(RunDescription.LAYOUT, "long"))).isTrue();
    }

    @Test
    void aResearchersExportWithoutPcl5ShowsOnlyWhatItHas() throws IOException {
        OutcomeTables tables = export(false);
        RunDescription run = run("long", null);
        List<RenderedChart> charts = ReportCharts.render(tables, run);
        try (XSSFWorkbook workbook = write("export", tables, run, charts)) {
            for (String text : allTexts(workbook)) {
                assertThat(text.toLowerCase(Locale.ROOT)).as(text).doesNotContain("pcl-5", "pcl5", "trauma", "ptsd");
            }
            assertThat(sheetNames(workbook)).doesNotContain(OutcomesWorkbook.SYMPTOM_CLUSTERS,
                    OutcomesWorkbook.CLINICIANS, OutcomesWorkbook.SUBGROUPS)
                    .contains(OutcomesWorkbook.SUMMARY, OutcomesWorkbook.BY_APPROACH, OutcomesWorkbook.TRAJECTORIES,
                            OutcomesWorkbook.ABOUT);
            // Participants, not clients; no practice, outside the codebook's column descriptions.
            XSSFSheet about = workbook.getSheet(OutcomesWorkbook.ABOUT);
            List<String> aboutTexts = SheetContents.texts(about);
            int codebook = aboutTexts.indexOf("Codebook: every column of every CSV file of the report");
            assertThat(codebook).isPositive();
            List<String> ownWords = new ArrayList<>(aboutTexts.subList(0, codebook));
            for (String sheet : List.of(OutcomesWorkbook.SUMMARY, OutcomesWorkbook.BY_APPROACH,
                    OutcomesWorkbook.RELIABLE_CHANGE, OutcomesWorkbook.TRAJECTORIES)) {
                ownWords.addAll(SheetContents.texts(workbook.getSheet(sheet)));
            }
            for (String text : ownWords) {
                assertThat(text).as(text).doesNotContainIgnoringCase("client").doesNotContainIgnoringCase("practice");
            }
            assertThat(ownWords).contains(new StudyDesign(false, false).sentence());
            // The codebook lists the files written: no cluster file, no monthly file.
            assertThat(aboutTexts).noneMatch(text -> text.startsWith("csv/pcl5_clusters.csv")
                    || text.startsWith("csv/alerts.csv") || text.startsWith("csv/monthly_series.csv"));
            assertThat(aboutTexts).anyMatch(text -> text.startsWith("csv/subgroups.csv"))
                    .anyMatch(text -> text.startsWith("rejects.csv"));
        }
        // Charts: BDI-II and PHQ-9 have pairs, GAD-7 none; no funnel, no cluster chart.
        List<String> files = charts.stream().map(RenderedChart::fileName).toList();
        assertThat(files).contains(ReportCharts.trajectoryFile("bdi2"), ReportCharts.trajectoryFile("phq9"),
                        ReportCharts.reliableChangeFile("bdi2"), ReportCharts.effectSizeFile("bdi2"))
                .doesNotContain(ReportCharts.trajectoryFile("gad7"), ReportCharts.funnelFile("bdi2"),
                        ReportCharts.dropoutFunnelFile(), ReportCharts.CLUSTERS_FILE);
        assertThat(OutcomeCsvFiles.files(tables, false)).doesNotContain("pcl5_clusters.csv");
    }

    @Test
    void onlyTheSubgroupVariablesTheInputRecords() throws IOException {
        OutcomeTables tables = export(true);
        RunDescription run = run("wide", null);
        try (XSSFWorkbook workbook = write("chronic", tables, run, ReportCharts.render(tables, run))) {
            XSSFSheet subgroups = workbook.getSheet(OutcomesWorkbook.SUBGROUPS);
            assertThat(subgroups).isNotNull();
            List<String> variables = new ArrayList<>();
            for (int r = 1; r <= subgroups.getLastRowNum(); r++) {
                var row = subgroups.getRow(r);
                if (row != null && row.getCell(2) != null && row.getCell(3) != null
                        && row.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    variables.add(row.getCell(2).getStringCellValue());
                }
            }
            // Header: approach, instrument, variable, value ...; 3 approaches (CBT, IPT, ALL) × Y, N, unknown.
            assertThat(variables).hasSize(9).containsOnly("chronic_illness");
            assertThat(SheetContents.texts(subgroups).toString().toLowerCase(Locale.ROOT)).doesNotContain("trauma");
        }
        // The CSV keeps every row.
        assertThat(tables.subgroups()).anyMatch(row -> row.variable().equals("prior_trauma"));
    }

    @Test
    void aRandomisedStudyIsSaidToBeRandomisedWhereTheCaveatWas() throws IOException {
        OutcomeTables tables = export(false);
        RunDescription run = run("long", "true");
        StudyDesign design = run.design();
        assertThat(design.randomised()).isTrue();
        try (XSSFWorkbook workbook = write("randomised", tables, run, ReportCharts.render(tables, run))) {
            for (String text : allTexts(workbook)) {
                assertThat(text.toLowerCase(Locale.ROOT)).as(text).doesNotContain("not randomised")
                        .doesNotContain("not randomly").doesNotContain("associations, not");
            }
            assertThat(SheetContents.texts(workbook.getSheet(OutcomesWorkbook.SUMMARY))).contains(design.sentence());
            assertThat(SheetContents.texts(workbook.getSheet(OutcomesWorkbook.BY_APPROACH)))
                    .anyMatch(text -> text.endsWith(design.shortSentence()));
            assertThat(SheetContents.texts(workbook.getSheet(OutcomesWorkbook.ABOUT)))
                    .contains("Randomised", design.explanation());
        }
        assertThat(design.sentence()).startsWith("Participants were randomised to the approaches (as the job file "
                + "states)").doesNotContain("\n");
        assertThat(design.footnote()).isEqualTo(design.shortSentence());
        assertThat(new StudyDesign(false, true).footnote()).isEqualTo(SUMMARY_CAVEAT);
        // The charts comparing approaches carry the design's footnote: theirs differ.
        RunDescription notRandomised = run("long", "false");
        byte[] randomisedChart = chart(ReportCharts.render(tables, run), ReportCharts.effectSizeFile("bdi2"));
        byte[] caveatChart = chart(ReportCharts.render(tables, notRandomised), ReportCharts.effectSizeFile("bdi2"));
        assertThat(randomisedChart).isNotEqualTo(caveatChart);
    }

    private static byte[] chart(List<RenderedChart> charts, String file) {
        return charts.stream().filter(c -> c.fileName().equals(file)).findFirst().orElseThrow().png();
    }

    @Test
    void thePracticesMonthlyWorkbookKeepsItsCaveat() throws IOException {
        OutcomeTables tables = ReportFixture.tables(true);
        RunDescription run = ReportFixture.run(true, false);
        assertThat(run.practiceData()).isTrue();
        assertThat(run.randomised()).isFalse();
        try (XSSFWorkbook workbook = ReportFixture.workbook(folder.resolve("monthly.xlsx"), tables, run)) {
            assertThat(sheetNames(workbook)).isEqualTo(OutcomesWorkbook.sheetNames(true));
            assertThat(SheetContents.texts(workbook.getSheet(OutcomesWorkbook.SUMMARY))).contains(SUMMARY_CAVEAT);
            assertThat(SheetContents.texts(workbook.getSheet(OutcomesWorkbook.BY_APPROACH)))
                    .contains(BY_APPROACH_HEADING);
            assertThat(SheetContents.texts(workbook.getSheet(OutcomesWorkbook.ABOUT)))
                    .contains("Not randomised", ABOUT_CAVEAT);
        }
        StudyDesign design = run.design();
        assertThat(design.sentence()).isEqualTo(SUMMARY_CAVEAT);
        assertThat(design.explanation()).isEqualTo(ABOUT_CAVEAT);
        assertThat(PlainWords.definitions(true, true, true)).isEqualTo(PlainWords.definitions());
    }
}
