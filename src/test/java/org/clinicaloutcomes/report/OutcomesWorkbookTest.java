package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.clinicaloutcomes.analysis.SuppressedCells;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.metrics.FunnelBand;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.SpcWords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook written from the hand-built practice ({@link ReportFixture}) and read back with
 * POI: sheets, frozen headers, number formats, pictures, no formulas, formula-like input text
 * stored inert, a small number of styles, identical contents on a second run.
 */
class OutcomesWorkbookTest {

    private static final List<String> TABLE_SHEETS = List.of(OutcomesWorkbook.BY_APPROACH,
            OutcomesWorkbook.RELIABLE_CHANGE, OutcomesWorkbook.TRAJECTORIES, OutcomesWorkbook.SYMPTOM_CLUSTERS,
            OutcomesWorkbook.CLINICIANS, OutcomesWorkbook.SUBGROUPS, OutcomesWorkbook.ACTIVITY, OutcomesWorkbook.ALERTS,
            OutcomesWorkbook.DATA_QUALITY);

    @TempDir
    static Path folder;

    private static OutcomeTables tables;
    private static RunDescription run;
    private static List<RenderedChart> charts;
    private static Path monthly;
    private static Path research;
    /** The monthly workbook, read once and shared by the tests. */
    private static XSSFWorkbook monthlyWorkbook;

    @BeforeAll
    static void writeWorkbooks() throws IOException {
        tables = ReportFixture.tables(true);
        run = ReportFixture.run(true, false);
        charts = ReportCharts.render(tables, run);
        monthly = folder.resolve("monthly").resolve("outcomes-2026-06.xlsx");
        OutcomesWorkbook.write(monthly, tables, run, ReportFixture.quality(), charts);
        RunDescription researchRun = ReportFixture.run(false, false);
        OutcomeTables researchTables = ReportFixture.tables(false);
        research = folder.resolve("research").resolve("outcomes-research.xlsx");
        OutcomesWorkbook.write(research, researchTables, researchRun, ReportFixture.quality(),
                ReportCharts.render(researchTables, researchRun));
        try (InputStream in = Files.newInputStream(monthly)) {
            monthlyWorkbook = new XSSFWorkbook(in);
        }
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        monthlyWorkbook = null;
        if (workbook != null) {
            workbook.close();
        }
    }

    @Test
    void sheetsAreInOrderWithAlertsOnlyForMonthlyRuns() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        assertThat(names(workbook)).containsExactly("Summary", "By approach", "Reliable change", "Trajectories",
                "Symptom clusters", "Clinicians", "Subgroups", "Activity", "Over time", "Alerts", "Attention",
                "Data quality", "About");
        try (XSSFWorkbook researchWorkbook = open(research)) {
            assertThat(names(researchWorkbook)).containsExactly("Summary", "By approach", "Reliable change", "Trajectories",
                    "Symptom clusters", "Clinicians", "Subgroups", "Activity", "Data quality", "About");
        }
        assertThat(OutcomesWorkbook.sheetNames(false)).doesNotContain(OutcomesWorkbook.ALERTS, OutcomesWorkbook.OVER_TIME);
    }

    @Test
    void headerRowsAreBoldAndFrozenAndTablesFiltered() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        for (String name : TABLE_SHEETS) {
            XSSFSheet sheet = workbook.getSheet(name);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).as(name).isNotNull();
            assertThat(pane.isFreezePane()).as(name).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).as(name + " frozen rows").isEqualTo((short) 1);
            Cell first = sheet.getRow(0).getCell(0);
            assertThat(workbook.getFontAt(first.getCellStyle().getFontIndex()).getBold()).as(name).isTrue();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name + " autofilter").isTrue();
        }
        assertThat(workbook.getSheet("By approach").getPaneInformation().getVerticalSplitPosition())
                .as("approach and instrument stay in view").isEqualTo((short) 2);
        assertThat(workbook.getSheet("Summary").getPaneInformation().isFreezePane()).isTrue();
        assertThat(workbook.getSheet("About").getPaneInformation().isFreezePane()).isTrue();
    }

    @Test
    void byApproachHasTheCsvColumnsAndNumbersWithFormats() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        XSSFSheet sheet = workbook.getSheet("By approach");
        Row header = sheet.getRow(0);
        List<String> csvColumns = OutcomeCsvFiles.columns(TableSchemas.OUTCOMES_BY_APPROACH.file());
        assertThat(header.getLastCellNum()).isEqualTo((short) (csvColumns.size() + 1));
        for (int c = 0; c < csvColumns.size(); c++) {
            assertThat(header.getCell(c).getStringCellValue()).isEqualTo(ColumnLabels.of(csvColumns.get(c)));
        }
        assertThat(header.getCell(csvColumns.size()).getStringCellValue()).isEqualTo("Note");

        int ri = column(header, "Reliable improvement %");
        int nPaired = column(header, "Paired (n)");
        int mean = column(header, "Baseline mean");
        int g = column(header, "Effect size g");
        int p = 0;
        for (int i = 0; i < tables.outcomesByApproach().size(); i++) {
            OutcomeTables.ApproachRow expected = tables.outcomesByApproach().get(i);
            Row row = sheet.getRow(i + 1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(expected.approach());
            GroupOutcomes o = expected.outcomes();
            assertNumber(row.getCell(nPaired), o.nPaired(), "0");
            if (o.reliableImprovementPct() == null) {
                assertEmpty(row.getCell(ri));
            } else {
                assertNumber(row.getCell(ri), o.reliableImprovementPct() / 100.0, "0.0%");
                p++;
            }
            if (o.baselineMean() == null) {
                assertEmpty(row.getCell(mean));
            } else {
                assertNumber(row.getCell(mean), o.baselineMean(), "0.00");
            }
            if (o.g() == null) {
                assertEmpty(row.getCell(g));
            }
        }
        assertThat(p).as("rates shown").isPositive();
    }

    @Test
    void ratesOnEverySheetArePercentages() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        int checked = 0;
        for (XSSFSheet sheet : sheets(workbook)) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.STRING || !cell.getStringCellValue().endsWith(" %")
                            || !isHeader(workbook, cell)) {
                        continue;
                    }
                    for (int r = row.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                        Row data = sheet.getRow(r);
                        Cell value = data == null ? null : data.getCell(cell.getColumnIndex());
                        if (data == null || isHeader(workbook, data.getCell(0))) {
                            break;
                        }
                        if (value != null && value.getCellType() == CellType.NUMERIC) {
                            assertThat(value.getCellStyle().getDataFormatString())
                                    .as(sheet.getSheetName() + " " + cell.getStringCellValue()).isEqualTo("0.0%");
                            assertThat(value.getNumericCellValue()).isBetween(0.0, 1.0);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void summaryShowsTheHeadlinesOfTheApproachesWithSmallGroupsMarked() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        XSSFSheet sheet = workbook.getSheet("Summary");
        List<String> texts = SheetContents.texts(sheet);
        assertThat(texts).anyMatch(t -> t.startsWith("Clinical outcomes") && t.contains("June 2026"));
        // Every group of the fixture is small: the sentences say so, with n.
        assertThat(texts).contains("DBT: too few clients to say (n = 2).", "CPT: too few clients to say (n = 2).");
        assertThat(texts).anyMatch(t -> t.startsWith("ACT: no client discharged in the window"));
        assertThat(texts).contains(SmallNumbers.FLAG);
        Row header = findRow(sheet, "Approach");
        int ri = column(header, "Reliable improvement %");
        Row dbt = sheet.getRow(header.getRowNum() + 1);
        assertThat(dbt.getCell(0).getStringCellValue()).isEqualTo("DBT");
        assertThat(dbt.getCell(ri).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        assertThat(workbook.getFontAt(dbt.getCell(0).getCellStyle().getFontIndex()).getItalic())
                .as("small groups are drawn lighter").isTrue();
    }

    @Test
    void summaryOpensWithTheMonthAtAGlance() throws IOException {
        XSSFSheet sheet = monthlyWorkbook.getSheet("Summary");
        Row header = findRow(sheet, "Month at a glance (all approaches)");
        assertThat(header.getRowNum()).isEqualTo(3);
        List<String> headings = new ArrayList<>();
        for (int c = 1; c <= 8; c++) {
            headings.add(header.getCell(c).getStringCellValue());
        }
        assertThat(headings).containsExactly("June 2026", "n", "May 2026", "n", "June 2025", "n", "Window (6 months)", "n");
        // ALL, June 2026 (MonthlySeriesTableTest): 3 discharged, A2 the one paired: 0 % reliably
        // improved, 100 % deteriorated, 0 of 1 case recovered, 1 dropout of 3. May 2026: A1, reliably
        // improved and recovered. June 2025: nobody discharged (rates empty, n 0). The window
        // (2026-01 … 2026-06): 6 discharged, 4 paired (A1, A2, B1, B0), 2 reliably improved, all
        // four cases and only A1 recovered.
        assertGlanceRow(sheet, "Clients discharged", 3, 1, 0, 6);
        assertGlanceRates(sheet, "Reliable improvement", new Double[] {0.0, 100.0, null, 50.0}, 1, 1, 0, 4);
        assertGlanceRates(sheet, "Recovery",
                new Double[] {0.0, 100.0, null, 25.0}, 1, 1, 0, 4);
        assertGlanceRates(sheet, "Reliable deterioration", new Double[] {100.0, 0.0, null, 25.0}, 1, 1, 0, 4);
        assertGlanceRates(sheet, "Dropout", new Double[] {100.0 / 3, 0.0, null, 100.0 / 6},
                3, 1, 0, 6);
        // Activity: June 2026 caseload 4, intakes 1, attended 4; May: A1's session; June 2025: D1's
        // session; the window: caseload 8, intakes 8, attended 16.
        assertGlanceRow(sheet, "New clients (intakes)", 1, 0, 0, 8);
        assertGlanceRow(sheet, "Clients seen (caseload)", 4, 1, 1, 8);
        assertGlanceRow(sheet, "Sessions attended", 4, 1, 1, 16);
        Row signal = findRow(sheet, "Reliable improvement against the usual");
        assertThat(signal.getCell(1).getStringCellValue()).isEqualTo(SpcWords.NO_SIGNAL);
        // On a 1366 x 768 screen (about 1300 pixels of columns) the block and the first chart fit
        // without scrolling sideways: the block's nine columns are narrower, and the charts start
        // at the first column below the tables.
        double blockPixels = 0;
        for (int c = 0; c <= 8; c++) {
            blockPixels += sheet.getColumnWidthInPixels(c);
        }
        assertThat(blockPixels).isLessThan(1300);
        List<XSSFPicture> pictures = sheet.getDrawingPatriarch().getShapes().stream()
                .filter(XSSFPicture.class::isInstance).map(XSSFPicture.class::cast).toList();
        assertThat(pictures).isNotEmpty().allSatisfy(p -> assertThat(p.getClientAnchor().getCol1()).isZero());
        assertThat(pictures.get(0).getClientAnchor().getRow1()).isGreaterThan(header.getRowNum() + 10);
        // The old two-column block is gone from monthly runs.
        assertThat(SheetContents.texts(sheet)).doesNotContain("At a glance", "Report month 2026-06");

        // A research run: one column, the window.
        try (XSSFWorkbook workbook = open(research)) {
            XSSFSheet researchSheet = workbook.getSheet("Summary");
            Row researchHeader = findRow(researchSheet, "At a glance");
            assertThat(researchHeader.getCell(1).getStringCellValue()).isEqualTo("Window");
            assertEmpty(researchHeader.getCell(2));
            Object[][] expected = {{"Clients seen (caseload)", 8}, {"New clients (intakes)", 8}, {"Clients discharged", 6},
                    {"  of which dropout", 1}, {"Sessions attended", 16}, {"Discharged with before-and-after PCL-5", 4}};
            for (Object[] line : expected) {
                Row row = findRow(researchSheet, (String) line[0]);
                assertNumber(row.getCell(1), (Integer) line[1], "0");
                assertEmpty(row.getCell(2));
            }
        }
    }

    private static void assertGlanceRow(XSSFSheet sheet, String label, double... values) {
        Row row = findRow(sheet, label);
        for (int p = 0; p < values.length; p++) {
            assertNumber(row.getCell(1 + 2 * p), values[p], "0");
        }
    }

    private static void assertGlanceRates(XSSFSheet sheet, String label, Double[] pct, int... n) {
        Row row = findRow(sheet, label);
        for (int p = 0; p < pct.length; p++) {
            if (pct[p] == null) {
                assertEmpty(row.getCell(1 + 2 * p));
            } else {
                assertNumber(row.getCell(1 + 2 * p), pct[p] / 100.0, "0.0%");
            }
            assertNumber(row.getCell(2 + 2 * p), n[p], "0");
        }
    }

    @Test
    void summaryWindowCountsAreSuppressedLikeTheOthers() throws IOException {
        OutcomeTables suppressed = SmallNumberSuppression.apply(tables);
        RunDescription suppressedRun = ReportFixture.run(true, true);
        Path file = folder.resolve("suppressed-window").resolve("outcomes.xlsx");
        OutcomesWorkbook.write(file, suppressed, suppressedRun, ReportFixture.quality(),
                ReportCharts.render(suppressed, suppressedRun));
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheet("Summary");
            // Over the window only the 16 attended sessions are above 10 (their parts, DBT 6, CPT 7
            // and TAU 3, are all hidden: 16 does not give one away).
            for (String label : List.of("Clients seen (caseload)", "New clients (intakes)", "Clients discharged")) {
                Row row = findRow(sheet, label);
                assertThat(row.getCell(7).getStringCellValue()).as(label + " window").isEqualTo("<11");
                // June 2026: 3 discharged, 1 intake, caseload 4 — all 1-10.
                assertThat(row.getCell(1).getStringCellValue()).as(label + " June").isEqualTo("<11");
            }
            // A zero stays a zero (no intake in May 2026); a rate over a hidden n is empty.
            assertNumber(findRow(sheet, "New clients (intakes)").getCell(3), 0, "0");
            assertEmpty(findRow(sheet, "Reliable improvement").getCell(1));
            Row rate = findRow(sheet, "Reliable improvement");
            assertEmpty(rate.getCell(7));
            assertThat(rate.getCell(8).getStringCellValue()).isEqualTo("<11");
            assertNumber(findRow(sheet, "Sessions attended").getCell(7), 16, "0");
        }
        // A hand-made registry: the window's ALL caseload (row 4) hidden as >10.
        SuppressedCells hidden = SuppressedCells.of(Map.of(
                new SuppressedCells.Cell(TableSchemas.WINDOW_ACTIVITY.file(), 4, "caseload"),
                SuppressedCells.Kind.COMPLEMENTARY));
        OutcomeTables marked = new OutcomeTables(tables.episodesAdded(), tables.closedInWindow(),
                tables.episodeOutcomes(), tables.outcomesByApproach(), tables.approachComparison(),
                tables.trajectories(), tables.pcl5Clusters(), tables.clinicians(), tables.subgroups(),
                tables.activity(), tables.windowActivity(), tables.alerts(), hidden, tables.monthlySeries(),
                tables.monthsBeforeSeries());
        Path markedFile = folder.resolve("marked-window").resolve("outcomes.xlsx");
        OutcomesWorkbook.write(markedFile, marked, run, ReportFixture.quality(), charts);
        try (XSSFWorkbook workbook = open(markedFile)) {
            XSSFSheet sheet = workbook.getSheet("Summary");
            Row caseload = findRow(sheet, "Clients seen (caseload)");
            assertNumber(caseload.getCell(1), 4, "0");
            assertThat(caseload.getCell(7).getStringCellValue()).isEqualTo(">10");
            assertGlanceRow(sheet, "New clients (intakes)", 1, 0, 0, 8);
        }
    }

    @Test
    void picturesAreAnchoredWhereTheReportPutsCharts() throws IOException {
        Map<String, Integer> expected = new HashMap<>();
        expected.put("Summary", 3); // the month against the usual, reliable change, trajectories
        expected.put("By approach", 3);
        expected.put("Reliable change", 1);
        expected.put("Trajectories", CohortFixture.INSTRUMENTS.size());
        expected.put("Symptom clusters", 1);
        expected.put("Clinicians", 2);
        expected.put("Over time", 2);
        expected.put("Attention", 1); // the expected-recovery curves
        XSSFWorkbook workbook = monthlyWorkbook;
        for (XSSFSheet sheet : sheets(workbook)) {
            List<XSSFPicture> pictures = SheetContents.pictures(sheet);
            assertThat(pictures).as(sheet.getSheetName())
                    .hasSize(expected.getOrDefault(sheet.getSheetName(), 0));
            for (XSSFPicture picture : pictures) {
                XSSFClientAnchor anchor = picture.getClientAnchor();
                assertThat(picture.getCTPicture().getDomNode().getParentNode().getLocalName())
                        .isEqualTo("twoCellAnchor");
                assertThat(anchor.getCol2()).isGreaterThan(anchor.getCol1());
                assertThat(anchor.getRow2()).isGreaterThan(anchor.getRow1());
                assertThat(picture.getPictureData().getData()).startsWith(0x89, 'P', 'N', 'G');
            }
        }
        // Beside the tables: right of the trajectory table, below the wide By approach table.
        XSSFSheet trajectories = workbook.getSheet("Trajectories");
        int tableColumns = trajectories.getRow(0).getLastCellNum();
        for (XSSFPicture picture : SheetContents.pictures(trajectories)) {
            assertThat(picture.getClientAnchor().getCol1()).isGreaterThanOrEqualTo((short) tableColumns);
        }
        XSSFSheet byApproach = workbook.getSheet("By approach");
        int tableEnd = tables.outcomesByApproach().size();
        for (XSSFPicture picture : SheetContents.pictures(byApproach)) {
            assertThat(picture.getClientAnchor().getRow1()).isGreaterThan(tableEnd);
        }
    }

    @Test
    void noCellIsAFormula() throws IOException {
        for (Path file : List.of(monthly, research)) {
            try (XSSFWorkbook workbook = open(file)) {
                int cells = 0;
                for (XSSFSheet sheet : sheets(workbook)) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            assertThat(cell.getCellType()).as(sheet.getSheetName() + " " + cell.getAddress())
                                    .isNotEqualTo(CellType.FORMULA);
                            cells++;
                        }
                    }
                }
                assertThat(cells).isGreaterThan(500);
            }
        }
    }

    @Test
    void formulaLikeInputTextIsStoredAsQuotePrefixedText() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        Map<String, List<String>> found = new HashMap<>();
        for (XSSFSheet sheet : sheets(workbook)) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.STRING) {
                        continue;
                    }
                    String text = cell.getStringCellValue();
                    if (WorkbookStyles.needsQuotePrefix(text)) {
                        assertThat(cell.getCellStyle().getQuotePrefixed()).as(sheet.getSheetName() + " "
                                + cell.getAddress() + " " + text).isTrue();
                        found.computeIfAbsent(text, t -> new ArrayList<>()).add(sheet.getSheetName());
                    }
                }
            }
        }
        assertThat(found.get(ReportFixture.INJECTED_COLUMN)).as("unknown column in warnings and reasons")
                .contains("Data quality");
        assertThat(found.get(ReportFixture.INJECTED_CLINICIAN)).contains("Clinicians", "Reliable change");
        assertThat(found.get(ReportFixture.INJECTED_CLIENT)).containsExactly("Alerts", "Attention");
        assertThat(found.get(ReportFixture.INJECTED_CLOSED_CLIENT)).contains("Reliable change");
        // The unknown column appears both alone and inside its warning; the latter is plain text.
        assertThat(SheetContents.texts(workbook.getSheet("Data quality")))
                .contains("sessions.csv: unknown column '" + ReportFixture.INJECTED_COLUMN + "' ignored");
    }

    @Test
    void stylesAreFewAndReused() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        assertThat(workbook.getNumCellStyles()).isLessThan(40);
    }

    @Test
    void aSecondRunGivesIdenticalCellContents() throws IOException {
        Path again = folder.resolve("again").resolve("outcomes-2026-06.xlsx");
        OutcomesWorkbook.write(again, tables, run, ReportFixture.quality(), ReportCharts.render(tables, run));
        XSSFWorkbook first = monthlyWorkbook;
        try (XSSFWorkbook second = open(again)) {
            assertThat(contents(second)).isEqualTo(contents(first));
            LocalDate end = CohortFixture.WINDOW.to();
            assertThat(first.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(end.atStartOfDay(ZoneOffset.UTC).toInstant()));
            assertThat(second.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(first.getProperties().getCoreProperties().getCreated());
        }
    }

    @Test
    void writingReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = folder.resolve("replace").resolve("outcomes.xlsx");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        OutcomesWorkbook.write(target, tables, run, ReportFixture.quality(), List.of());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("outcomes.xlsx");
        }
        try (XSSFWorkbook workbook = open(target)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(13);
            assertThat(SheetContents.pictures(workbook.getSheet("Summary"))).isEmpty();
        }
    }

    @Test
    void writingLeavesNoStreamingTemporaryFiles() throws IOException {
        // The rows are streamed through temporary files (SXSSF); they hold episode-level cells.
        Path poiFiles = Path.of(System.getProperty("java.io.tmpdir"), DefaultTempFileCreationStrategy.POIFILES);
        List<Path> before = poiFiles(poiFiles);
        Path target = folder.resolve("no-temporary-files").resolve("outcomes.xlsx");
        OutcomesWorkbook.write(target, tables, run, ReportFixture.quality(), charts);
        assertThat(poiFiles(poiFiles)).containsExactlyInAnyOrderElementsOf(before);
        try (XSSFWorkbook workbook = open(target)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(13);
        }
    }

    private static List<Path> poiFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void aboutExplainsTheMeasuresThresholdsParametersFilesAndCodebook() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        List<String> texts = SheetContents.texts(workbook.getSheet("About"));
        for (String term : List.of("Reliable improvement", "Reliable deterioration", "Recovery", "Reliable recovery",
                "Response", "Effect size d", "Effect size g", "Effect size dz", "Completeness", "Dropout",
                "Trajectories", "PCL-5 symptom clusters", "Funnel plot and limits", "Not randomised")) {
            assertThat(texts).as(term).contains(term);
        }
        assertThat(texts).anyMatch(t -> t.contains("not causal effects"));
        assertThat(texts).contains("window-months", "ab".repeat(32), "cd".repeat(32));
        assertThat(texts).anyMatch(t -> t.startsWith("pcl5: higher scores are worse; clinical range at or above 33"));
        long codebookRows = texts.stream().filter(t -> t.startsWith("csv/") || t.startsWith("rejects.csv")).count();
        // Every entry but those of what only research runs write (clinical significance).
        assertThat(codebookRows).isEqualTo(Codebook.load().stream().filter(e -> !e.file().equals(
                "csv/" + TableSchemas.CLINICAL_SIGNIFICANCE.file()) && !e.column().startsWith(
                TableSchemas.CATEGORY_PREFIX)).count());
    }

    @Test
    void dataQualityListsCountsReasonsAndWarnings() throws IOException {
        XSSFWorkbook workbook = monthlyWorkbook;
        XSSFSheet sheet = workbook.getSheet("Data quality");
        Row header = sheet.getRow(0);
        assertThat(header.getCell(0).getStringCellValue()).isEqualTo("File");
        Row sessions = sheet.getRow(2);
        assertThat(sessions.getCell(0).getStringCellValue()).isEqualTo("sessions.csv");
        assertNumber(sessions.getCell(column(header, "Rows read")), 40, "0");
        assertNumber(sessions.getCell(column(header, "Duplicates")), 2, "0");
        assertThat(SheetContents.texts(sheet)).contains("not a number", "wrong number of fields",
                "sessions.csv: 2 exact duplicate rows dropped");
    }

    @Test
    void longListsOfTheDataQualitySheetAreCappedWithTheRestCounted() throws IOException {
        // A sessions.csv header of a million unknown columns: a warning each, more than a sheet holds.
        int unknownColumns = 1_000_000;
        List<String> warnings = new ArrayList<>(unknownColumns + 1);
        for (int i = 0; i < unknownColumns; i++) {
            warnings.add("sessions.csv: unknown column 'x" + i + "' ignored");
        }
        warnings.add("sessions.csv: 2 exact duplicate rows dropped");
        List<DataQuality.ReasonCount> reasons = new ArrayList<>();
        reasons.add(new DataQuality.ReasonCount("intake.csv", "intake_date", "bad date", 2));
        for (int i = 0; i < 250; i++) {
            reasons.add(new DataQuality.ReasonCount("sessions.csv", "x" + i, Reject.POSSIBLE_IDENTIFIER, 300 - i));
        }
        DataQuality quality = new DataQuality(ReportFixture.quality().files(), reasons, warnings);
        Path file = folder.resolve("capped").resolve("outcomes.xlsx");

        OutcomesWorkbook.write(file, tables, run, quality, List.of());

        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheet("Data quality");
            List<String> texts = SheetContents.texts(sheet);
            int cap = OutcomesWorkbook.MAX_LISTED_ITEMS;
            assertThat(texts.stream().filter(t -> t.contains("unknown column"))).hasSize(cap);
            assertThat(texts).contains("sessions.csv: unknown column 'x0' ignored",
                    "sessions.csv: unknown column 'x" + (cap - 1) + "' ignored",
                    "and 999,901 more warnings");
            assertThat(texts).doesNotContain("sessions.csv: unknown column 'x" + cap + "' ignored");
            assertThat(texts.stream().filter(t -> t.equals(Reject.POSSIBLE_IDENTIFIER))).hasSize(cap);
            assertThat(texts).contains("bad date", "x" + (cap - 1)).doesNotContain("x" + cap);
            assertThat(texts).anyMatch(t -> t.startsWith("and 150 more columns and reasons"));
            assertThat(sheet.getLastRowNum()).isLessThan(3 * cap);
            // The counts of the files stay whole.
            Row sessions = sheet.getRow(2);
            assertNumber(sessions.getCell(column(sheet.getRow(0), "Rows read")), 40, "0");
        }
    }

    @Test
    void listsUpToTheCapAreShownWhole() throws IOException {
        int cap = OutcomesWorkbook.MAX_LISTED_ITEMS;
        List<String> warnings = new ArrayList<>();
        List<DataQuality.ReasonCount> reasons = new ArrayList<>();
        for (int i = 0; i < cap; i++) {
            warnings.add("sessions.csv: unknown column 'x" + i + "' ignored");
            reasons.add(new DataQuality.ReasonCount("sessions.csv", "x" + i, Reject.POSSIBLE_IDENTIFIER, 1));
        }
        DataQuality quality = new DataQuality(ReportFixture.quality().files(), reasons, warnings);
        Path file = folder.resolve("at-the-cap").resolve("outcomes.xlsx");

        OutcomesWorkbook.write(file, tables, run, quality, List.of());

        try (XSSFWorkbook workbook = open(file)) {
            List<String> texts = SheetContents.texts(workbook.getSheet("Data quality"));
            assertThat(texts.stream().filter(t -> t.contains("unknown column"))).hasSize(cap);
            assertThat(texts.stream().filter(t -> t.equals(Reject.POSSIBLE_IDENTIFIER))).hasSize(cap);
            assertThat(texts).noneMatch(t -> t.startsWith("and ") && t.contains(" more"));
        }
    }

    @Test
    void theCliniciansSheetShowsTheFullerViewWithTheBandsInWords() {
        XSSFSheet sheet = monthlyWorkbook.getSheet("Clinicians");
        Row header = sheet.getRow(0);
        // Every column of clinicians.csv, the rates and their bands first.
        List<String> csvColumns = OutcomeCsvFiles.columns(TableSchemas.CLINICIANS.file());
        List<String> shown = new ArrayList<>();
        for (Cell cell : header) {
            shown.add(cell.getStringCellValue());
        }
        shown.remove(SheetTable.NOTE_HEADER);
        assertThat(shown).containsExactlyInAnyOrderElementsOf(csvColumns.stream().map(ColumnLabels::of).toList());
        assertThat(shown.subList(0, 10)).containsExactly(ColumnLabels.of("clinician_id"), ColumnLabels.of("instrument"),
                ColumnLabels.of("n_closed"), ColumnLabels.of("n_open"), ColumnLabels.of("n_paired"),
                ColumnLabels.of("reliable_improvement_pct"), ColumnLabels.of("reliable_improvement_band"),
                ColumnLabels.of("n_dropout"), ColumnLabels.of("dropout_pct"), ColumnLabels.of("dropout_band"));
        int open = column(header, "Open episodes at window end");
        int dropout = column(header, "Dropout %");
        int measured = column(header, "Sessions with a score %");
        int riBand = column(header, "Reliable improvement against the practice");
        int dropoutBand = column(header, "Dropout against the practice");
        // CL2 (CohortFixture): 2 open, dropout 1 of 1, 3 of 5 sessions measured; RI within its
        // limits, dropout above the 95% limit.
        int cl2 = 0;
        while (!tables.clinicians().get(cl2).clinicianId().equals("CL2")) {
            cl2++;
        }
        Row row = sheet.getRow(cl2 + 1);
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo("CL2");
        assertNumber(row.getCell(open), 2, "0");
        assertNumber(row.getCell(dropout), 1.0, "0.0%");
        assertNumber(row.getCell(measured), 0.6, "0.0%");
        assertThat(row.getCell(riBand).getStringCellValue()).isEqualTo(PlainWords.band(FunnelBand.WITHIN))
                .isEqualTo("within the limits (chance variation)");
        assertThat(row.getCell(dropoutBand).getStringCellValue()).isEqualTo(PlainWords.band(FunnelBand.ABOVE_95))
                .isEqualTo("above the practice (beyond the 95% limit)");
        assertThat(SheetContents.texts(sheet)).anyMatch(t -> t.contains("Dropout: lower is better"))
                .anyMatch(t -> t.contains("not ranked"));
    }

    @Test
    void aClinicianListLongerThanASheetShouldHoldIsCapped() throws IOException {
        int listed = OutcomesWorkbook.MAX_LISTED_ROWS;
        List<OutcomeTables.ClinicianRow> clinicians = new ArrayList<>();
        while (clinicians.size() < listed + 7) {
            clinicians.addAll(tables.clinicians());
        }
        clinicians = clinicians.subList(0, listed + 7);
        OutcomeTables many = new OutcomeTables(tables.episodesAdded(), tables.closedInWindow(),
                tables.episodeOutcomes(), tables.outcomesByApproach(), tables.approachComparison(),
                tables.trajectories(), tables.pcl5Clusters(), clinicians, tables.subgroups(),
                tables.activity(), tables.windowActivity(), tables.alerts(), tables.suppressed());
        Path file = folder.resolve("clinicians").resolve("outcomes.xlsx");

        OutcomesWorkbook.write(file, many, run, ReportFixture.quality(), List.of());

        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheet("Clinicians");
            assertThat(sheet.getRow(listed).getCell(0).getStringCellValue()).isNotEmpty();
            assertThat(SheetContents.texts(sheet)).contains("and 7 more clinicians: every one is in csv/clinicians.csv.");
            assertThat(sheet.getLastRowNum()).isLessThan(listed + 10);
        }
    }

    @Test
    void countsThatSuppressionHidesAreShownAsText() throws IOException {
        int dbtPcl5 = 0;
        assertThat(tables.outcomesByApproach().get(dbtPcl5).approach()).isEqualTo("DBT");
        SuppressedCells hidden = SuppressedCells.of(Map.of(
                new SuppressedCells.Cell(TableSchemas.OUTCOMES_BY_APPROACH.file(), dbtPcl5, "n_paired"),
                SuppressedCells.Kind.SMALL));
        OutcomeTables suppressed = new OutcomeTables(tables.episodesAdded(), tables.closedInWindow(),
                tables.episodeOutcomes(), tables.outcomesByApproach(), tables.approachComparison(),
                tables.trajectories(), tables.pcl5Clusters(), tables.clinicians(), tables.subgroups(),
                tables.activity(), tables.windowActivity(), tables.alerts(), hidden);
        RunDescription suppressedRun = ReportFixture.run(true, true);
        Path file = folder.resolve("suppressed").resolve("outcomes.xlsx");
        OutcomesWorkbook.write(file, suppressed, suppressedRun, ReportFixture.quality(),
                ReportCharts.render(suppressed, suppressedRun));
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheet("By approach");
            int nPaired = column(sheet.getRow(0), "Paired (n)");
            assertThat(sheet.getRow(1).getCell(nPaired).getStringCellValue()).isEqualTo("<11");
            assertThat(SheetContents.texts(workbook.getSheet("Summary"))).contains("<11", "DBT: too few clients to say (n <11).");
            assertThat(SheetContents.texts(workbook.getSheet("Alerts"))).doesNotContain(ReportFixture.INJECTED_CLIENT);
            assertThat(SheetContents.texts(workbook.getSheet("Reliable change"))).doesNotContain(ReportFixture.INJECTED_CLOSED_CLIENT);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> names(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
        return names;
    }

    private static List<XSSFSheet> sheets(XSSFWorkbook workbook) {
        List<XSSFSheet> sheets = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            sheets.add(workbook.getSheetAt(i));
        }
        return sheets;
    }


    private static int column(Row header, String label) {
        for (Cell cell : header) {
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(label)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + label);
    }

    private static Row findRow(XSSFSheet sheet, String firstCell) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(firstCell)) {
                return row;
            }
        }
        throw new AssertionError("no row " + firstCell);
    }

    private static boolean isHeader(XSSFWorkbook workbook, Cell cell) {
        return cell != null && cell.getCellStyle().getWrapText()
                && workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold();
    }


    /** A line of the Summary's "at a glance" block: the report month's count, then the window's. */
    private static void assertGlance(XSSFSheet sheet, String label, double month, double window) {
        Row row = findRow(sheet, label);
        assertNumber(row.getCell(1), month, "0");
        assertNumber(row.getCell(2), window, "0");
    }

    private static void assertNumber(Cell cell, double expected, String format) {
        assertThat(cell).isNotNull();
        assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isCloseTo(expected, within(1e-12));
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
    }

    private static void assertEmpty(Cell cell) {
        assertThat(cell == null || cell.getCellType() == CellType.BLANK).isTrue();
    }

    /** Every cell as sheet!address=type:value:format, in order. */
    private static List<String> contents(XSSFWorkbook workbook) {
        List<String> contents = new ArrayList<>();
        for (XSSFSheet sheet : sheets(workbook)) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    contents.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + cell.getCellType() + ":"
                            + cell + ":" + cell.getCellStyle().getDataFormatString() + ":"
                            + cell.getCellStyle().getQuotePrefixed());
                }
            }
            contents.add(sheet.getSheetName() + " pictures " + SheetContents.pictures(sheet).size());
        }
        return contents;
    }
}
