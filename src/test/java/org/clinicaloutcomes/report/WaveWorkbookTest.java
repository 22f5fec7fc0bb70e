package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.WaveDesign;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook and run.json of an analysis by wave (RESEARCH.md, "What a wave-based analysis
 * computes"; issue 15, deliverable 3): what needs dates, sessions or discharges is left out of
 * every output, not filled with made-up values (no 1970 epoch days, no "1 month"); the period is
 * the waves; the trajectories show the wave labels; Data quality counts the skipped rows and the
 * score cells.
 */
class WaveWorkbookTest {

    private static final Instrument BDI = new Instrument("bdi2", "BDI-II", 0, 63, false, true, 14.0, 8);
    private static final Instrument PHQ9 = new Instrument("phq9", "PHQ-9", 0, 27, false, true, 10.0, 6);
    private static final List<Instrument> INSTRUMENTS = List.of(BDI, PHQ9);
    private static final List<String> ARMS = List.of("CBT", "IPT");
    private static final List<String> WAVES = List.of("pre", "mid", "post");

    @TempDir
    Path folder;

    /**
     * Twenty-four participants, twelve per arm, two clinicians, with BDI-II and PHQ-9 scores at
     * the three waves (a wave's day is its position: 1970-01-01 is wave "pre").
     */
    private static OutcomeTables byWave() {
        CohortAnalysis analysis = CohortAnalysis.byWave(INSTRUMENTS, ARMS, "bdi2", WaveDesign.of(WAVES, null, null));
        for (int i = 0; i < 24; i++) {
            String arm = ARMS.get(i % 2);
            double bdi = 28 + i % 5;
            double drop = arm.equals("CBT") ? 12 : 6;
            analysis.add(new CohortFixture.Builder(i, "P" + (100 + i), arm, "T" + (1 + i % 2), "1970-01-01").discharged("1970-01-03", null)
                    .attended("1970-01-01", bdi, 16)
                    .attended("1970-01-02", bdi - drop / 2, 13)
                    .attended("1970-01-03", bdi - drop - i % 3, 9 + i % 4)
                    .data());
        }
        return analysis.finish();
    }

    private static RunDescription run() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("job", "research");
        parameters.put("input", "/data");
        parameters.put(RunDescription.LAYOUT, "long");
        parameters.put("file", "trial.csv");
        parameters.put(RunDescription.WAVES, String.join(",", WAVES));
        parameters.put("final.wave", "post");
        return new RunDescription("test", "research", "research --job=trial.properties",
                ReportWindow.byWave(WAVES.size()), INSTRUMENTS, "trial instruments", ARMS, "bdi2", false, parameters);
    }

    private static DataQuality quality() {
        return new DataQuality(
                List.of(new DataQuality.FileCounts("trial.csv", "ab".repeat(32), 4096, 80, 72, 3, 1, 4)),
                List.of(new DataQuality.ReasonCount("trial.csv", "arm", "unknown approach", 3)), List.of(),
                List.of(new DataQualityVerdict.ScoreCells("trial.csv", "bdi2", "BDI-II", 72, 2),
                        new DataQualityVerdict.ScoreCells("trial.csv", "phq9", "PHQ-9", 72, 0)));
    }

    private XSSFWorkbook write(OutcomeTables tables, RunDescription run) throws IOException {
        Path file = folder.resolve("outcomes-all-waves.xlsx");
        OutcomesWorkbook.write(file, tables, run, quality(), ReportCharts.render(tables, run));
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Every cell of every sheet as a reader sees it (dates and numbers formatted), and the page headers. */
    private static List<String> allCells(XSSFWorkbook workbook) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            XSSFSheet sheet = workbook.getSheetAt(i);
            cells.add(sheet.getSheetName() + " header: " + sheet.getHeader().getLeft() + " "
                    + sheet.getHeader().getCenter() + " " + sheet.getHeader().getRight());
            cells.add(sheet.getSheetName() + " footer: " + sheet.getFooter().getLeft() + " "
                    + sheet.getFooter().getCenter() + " " + sheet.getFooter().getRight());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String shown = formatter.formatCellValue(cell);
                    if (!shown.isEmpty()) {
                        cells.add(sheet.getSheetName() + ": " + shown);
                    }
                }
            }
        }
        return cells;
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    @Test
    void aWaveWorkbookHasNoDateSessionDischargeOrDropout() throws IOException {
        OutcomeTables tables = byWave();
        try (XSSFWorkbook workbook = write(tables, run())) {
            List<String> cells = allCells(workbook);
            for (String cell : cells) {
                assertThat(cell.toLowerCase(Locale.ROOT)).as(cell)
                        .doesNotContain("1970", "discharged", "dropout", "session", "(1 month)");
            }
            assertThat(sheetNames(workbook)).doesNotContain(OutcomesWorkbook.ACTIVITY)
                    .contains(OutcomesWorkbook.SUMMARY, OutcomesWorkbook.TRAJECTORIES, OutcomesWorkbook.CLINICIANS,
                            OutcomesWorkbook.DATA_QUALITY, OutcomesWorkbook.ABOUT);
            assertThat(cells).contains("Summary: Clinical outcomes \u2014 research report, all waves (pre, mid, post)",
                    "About: all waves (pre, mid, post)");
            assertThat(workbook.getProperties().getCoreProperties().getTitle())
                    .isEqualTo("Clinical outcomes, all waves (pre, mid, post)");
            assertThat(workbook.getProperties().getCoreProperties().getCreated()).isNull();
        }
    }

    @Test
    void theTrajectoriesAndEpisodesShowTheWaves() throws IOException {
        try (XSSFWorkbook workbook = write(byWave(), run())) {
            XSSFSheet trajectories = workbook.getSheet(OutcomesWorkbook.TRAJECTORIES);
            List<String> header = new ArrayList<>();
            trajectories.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            int wave = header.indexOf("Wave");
            assertThat(wave).isEqualTo(header.indexOf("Wave position (k)") - 1);
            List<String> labels = new ArrayList<>();
            DataFormatter shown = new DataFormatter();
            for (int r = 1; r <= 3; r++) {
                labels.add(shown.formatCellValue(trajectories.getRow(r).getCell(wave)));
            }
            assertThat(labels).containsExactlyElementsOf(WAVES);
            List<String> episodeHeader = new ArrayList<>();
            XSSFSheet reliable = workbook.getSheet(OutcomesWorkbook.RELIABLE_CHANGE);
            for (Row row : reliable) {
                List<String> texts = new ArrayList<>();
                row.forEach(cell -> texts.add(new DataFormatter().formatCellValue(cell)));
                if (texts.contains("Baseline wave")) {
                    episodeHeader = texts;
                }
            }
            assertThat(episodeHeader).contains("Participant", "Baseline score", "Final score", "Baseline wave",
                    "Final wave").doesNotContain("Baseline date", "Intake date", "Discharge date");
            assertThat(SheetContents.texts(workbook.getSheet(OutcomesWorkbook.SUMMARY)))
                    .doesNotContain("Dropout %").contains("Participants in the analysis");
        }
    }

    @Test
    void dataQualityCountsTheSkippedRowsAndTheScoreCells() throws IOException {
        try (XSSFWorkbook workbook = write(byWave(), run())) {
            XSSFSheet sheet = workbook.getSheet(OutcomesWorkbook.DATA_QUALITY);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsSubsequence("Rows read", "Accepted", "Rejected", "Duplicates",
                    "Skipped (wave not listed)");
            assertThat(sheet.getRow(1).getCell(header.indexOf("Skipped (wave not listed)")).getNumericCellValue())
                    .isEqualTo(4);
            List<String> texts = SheetContents.texts(sheet);
            assertThat(texts).contains("Score cells by questionnaire", "BDI-II (bdi2)", "PHQ-9 (phq9)")
                    .anyMatch(t -> t.contains("read = accepted + rejected + duplicates + skipped"));
        }
    }

    @Test
    void runJsonGivesTheWavesNotDates() throws IOException {
        Path report = Files.createDirectories(folder.resolve("report"));
        Provenance.write(report, run(), quality(), "start", "end");
        String json = Files.readString(report.resolve(Provenance.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("1970", "\"from\"", "\"to\"")
                .contains("\"rows_skipped\": 4")
                .containsPattern("\"window\": \\{\\s*\"waves\": \\[\\s*\"pre\",\\s*\"mid\",\\s*\"post\"\\s*],"
                        + "\\s*\"final_wave\": \"post\"\\s*}");
    }

    @Test
    void aDatedRunJsonKeepsItsWindowAndCounts() throws IOException {
        Path report = Files.createDirectories(folder.resolve("dated"));
        Provenance.write(report, ReportFixture.run(false, false), ReportFixture.quality(), "start", "end");
        String json = Files.readString(report.resolve(Provenance.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(json).containsPattern("\"window\": \\{\\s*\"from\": \"[0-9-]{10}\",\\s*\"to\": \"[0-9-]{10}\"\\s*}")
                .doesNotContain("rows_skipped", "waves");
    }

    @Test
    void theSpanOfAWindowByWaveIsItsWaves() {
        assertThat(ReportWindow.byWave(3).span(java.util.List.of("pre", "mid", "post")))
                .isEqualTo("all waves (pre, mid, post)");
        assertThat(ReportWindow.byWave(3).span(java.util.List.of())).isEqualTo("all waves");
        assertThat(run().span()).isEqualTo("all waves (pre, mid, post)");
        assertThat(run().waveLabels()).containsExactly("pre", "mid", "post");
        assertThat(CohortFixture.WINDOW.span(java.util.List.of("ignored"))).isEqualTo(CohortFixture.WINDOW.span());
    }
}
