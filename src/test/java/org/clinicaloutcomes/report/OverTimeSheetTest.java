package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SuppressedCells;
import org.clinicaloutcomes.analysis.TableSchema;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.report.chart.SignalSeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Over time} sheet of the hand-built practice ({@link ReportFixture}), read back with
 * POI: after {@code Activity} in a monthly run and absent from a research run; the charts at the
 * top; the series as blocks, all approaches first, each under a header of the CSV's columns with
 * the signal words after the approach; the cells of a row equal to the CSV's; the words of a
 * month with a signal; hidden counts shown where their row stands.
 */
class OverTimeSheetTest {

    private static final String SHEET = OutcomesWorkbook.OVER_TIME;

    @TempDir
    static Path folder;

    private static OutcomeTables tables;
    private static XSSFWorkbook monthly;
    private static XSSFWorkbook signals;
    private static List<CSVRecord> csv;
    private static List<String> csvHeader;

    @BeforeAll
    static void write() throws IOException {
        tables = ReportFixture.tables(true);
        RunDescription run = ReportFixture.run(true, false);
        monthly = written("monthly", tables, run);
        OutcomeTables withSignals = SignalSeries.withSignals(tables);
        signals = written("signals", withSignals, run);
        Path csvFolder = folder.resolve("csv");
        OutcomeCsvFiles.write(csvFolder, tables, true);
        try (Reader in = Files.newBufferedReader(csvFolder.resolve(TableSchemas.MONTHLY_SERIES.file()),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            csvHeader = parser.getHeaderNames();
            csv = parser.getRecords();
        }
    }

    private static XSSFWorkbook written(String name, OutcomeTables t, RunDescription run) throws IOException {
        Path file = folder.resolve(name).resolve("outcomes.xlsx");
        OutcomesWorkbook.write(file, t, run, ReportFixture.quality(), ReportCharts.render(t, run));
        return open(file);
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws IOException {
        monthly.close();
        signals.close();
    }

    @Test
    void theSheetStandsAfterActivityInAMonthlyRunOnly() throws IOException {
        assertThat(monthly.getSheetIndex(SHEET)).isEqualTo(monthly.getSheetIndex(OutcomesWorkbook.ACTIVITY) + 1);
        assertThat(OutcomesWorkbook.sheetNames(true)).containsSubsequence(OutcomesWorkbook.ACTIVITY, SHEET,
                OutcomesWorkbook.ALERTS);
        assertThat(OutcomesWorkbook.sheetNames(false)).doesNotContain(SHEET);
        RunDescription research = ReportFixture.run(false, false);
        OutcomeTables researchTables = ReportFixture.tables(false);
        Path file = folder.resolve("research").resolve("outcomes.xlsx");
        OutcomesWorkbook.write(file, researchTables, research, ReportFixture.quality(),
                ReportCharts.render(researchTables, research));
        try (XSSFWorkbook workbook = open(file)) {
            assertThat(workbook.getSheet(SHEET)).isNull();
        }
    }

    @Test
    void allApproachesComeFirstThenEachApproachInOneTable() {
        XSSFSheet sheet = monthly.getSheet(SHEET);
        List<Row> headers = headerRows(sheet);
        assertThat(headers).hasSize(1);
        List<String> approaches = new ArrayList<>();
        List<String> months = new ArrayList<>();
        for (int r = headers.get(0).getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(0) == null) {
                break;
            }
            String approach = row.getCell(1).getStringCellValue();
            if (approaches.isEmpty() || !approaches.get(approaches.size() - 1).equals(approach)) {
                approaches.add(approach);
            }
            if (approach.equals(OutcomeTables.ALL)) {
                months.add(row.getCell(0).getStringCellValue());
            }
        }
        assertThat(approaches).containsExactly(OutcomeTables.ALL, "DBT", "CPT", "ACT", "TAU");
        assertThat(months).hasSize(24).startsWith("2024-07").endsWith("2026-06").isSorted();
        // Month and approach are the key columns: frozen, and repeated on pages printed across.
        assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
        assertThat(SheetContents.texts(sheet)).anyMatch(t -> t.startsWith("The monthly series (csv/monthly_series.csv): all "
                + "approaches first, then each approach"));
    }

    @Test
    void theHeaderIsTheCsvColumnsWithTheSignalAfterTheApproach() {
        Row header = headerRows(monthly.getSheet(SHEET)).get(0);
        List<String> expected = new ArrayList<>();
        for (String column : csvHeader) {
            expected.add(ColumnLabels.of(column));
        }
        expected.add(2, OverTimeSheet.SIGNAL_HEADER);
        expected.add(SheetTable.NOTE_HEADER);
        List<String> shown = new ArrayList<>();
        for (int c = 0; c < header.getLastCellNum(); c++) {
            shown.add(header.getCell(c).getStringCellValue());
        }
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(csvHeader).containsExactlyElementsOf(TableSchemas.MONTHLY_SERIES.columnNames());
        assertThat(shown).contains("Month", "Dropouts (n)", "Reliable improvement, rolling 12 months %",
                "Centre line (average) %", "Upper limit %");
    }

    @Test
    void anAllRowHasTheValuesOfTheCsv() {
        XSSFSheet sheet = monthly.getSheet(SHEET);
        // May 2026, ALL: A1 (DBT) discharged, 50 -> 30 on PCL-5, reliably improved and recovered.
        CSVRecord record = csv.stream().filter(r -> r.get("month").equals("2026-05") && r.get("approach").equals("ALL"))
                .findFirst().orElseThrow();
        assertThat(record.get("n_paired")).isEqualTo("1");
        Row row = dataRow(sheet, headerRows(sheet).get(0), "2026-05");
        int checked = 0;
        for (TableSchema.Column<OutcomeTables.SeriesRow> column : TableSchemas.MONTHLY_SERIES.columns()) {
            int c = csvHeader.indexOf(column.name());
            int shown = c < 2 ? c : c + 1;
            String value = record.get(column.name());
            Cell cell = row.getCell(shown);
            if (value.isEmpty()) {
                assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(column.name()).isTrue();
                continue;
            }
            switch (column.kind()) {
                case TEXT -> assertThat(cell.getStringCellValue()).as(column.name()).isEqualTo(value);
                case FLAG -> assertThat(cell.getStringCellValue()).as(column.name())
                        .isEqualTo(Boolean.parseBoolean(value) ? "yes" : "no");
                case RATE -> {
                    assertThat(cell.getNumericCellValue()).as(column.name())
                            .isCloseTo(Double.parseDouble(value) / 100.0, within(1e-12));
                    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                }
                case COUNT -> {
                    assertThat(cell.getNumericCellValue()).as(column.name()).isEqualTo(Double.parseDouble(value));
                    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0");
                }
                default -> assertThat(cell.getNumericCellValue()).as(column.name())
                        .isCloseTo(Double.parseDouble(value), within(1e-12));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
        // No signal in the fixture's few months: the words say so.
        assertThat(row.getCell(2).getStringCellValue()).isEqualTo("within the usual variation");
        assertThat(row.getCell(csvHeader.size() + 1).getStringCellValue()).isEqualTo(SmallNumbers.FLAG);
        // A month without a client with before-and-after scores has no words.
        Row april2025 = dataRow(sheet, headerRows(sheet).get(0), "2025-04");
        assertThat(april2025.getCell(2)).isNull();
        assertThat(SheetContents.texts(sheet)).contains("All approaches: every month of the series is within the usual variation, "
                + "2026-06 too.");
    }

    @Test
    void theWordsOfAMonthWithASignal() {
        XSSFSheet sheet = signals.getSheet(SHEET);
        Row header = headerRows(sheet).get(0);
        assertThat(dataRow(sheet, header, SignalSeries.HIGH_MONTH).getCell(2).getStringCellValue())
                .isEqualTo("unusually high");
        assertThat(dataRow(sheet, header, SignalSeries.RUN_FROM).getCell(2).getStringCellValue())
                .isEqualTo("7 months in a row above the average");
        assertThat(dataRow(sheet, header, "2025-07").getCell(2).getStringCellValue())
                .isEqualTo("within the usual variation");
        assertThat(dataRow(sheet, header, SignalSeries.GAP_MONTH).getCell(2)).isNull();
        int above = csvHeader.indexOf("above_limit") + 1;
        assertThat(dataRow(sheet, header, SignalSeries.HIGH_MONTH).getCell(above).getStringCellValue()).isEqualTo("yes");
        assertThat(SheetContents.texts(sheet)).contains("All approaches, 2026-06: within the usual variation. Signals: 2024-12 to "
                + "2025-06: 7 months in a row above the average; 2026-03: unusually high.");
    }

    @Test
    void aHiddenCountIsShownAsTextInTheRowItBelongsTo() throws IOException {
        int allJune = -1;
        int dbtJune = -1;
        for (int i = 0; i < tables.monthlySeries().size(); i++) {
            OutcomeTables.SeriesRow r = tables.monthlySeries().get(i);
            if (r.month().equals("2026-06")) {
                allJune = r.approach().equals(OutcomeTables.ALL) ? i : allJune;
                dbtJune = r.approach().equals("DBT") ? i : dbtJune;
            }
        }
        String file = TableSchemas.MONTHLY_SERIES.file();
        SuppressedCells hidden = SuppressedCells.of(Map.of(
                new SuppressedCells.Cell(file, allJune, "n_paired"), SuppressedCells.Kind.SMALL,
                new SuppressedCells.Cell(file, dbtJune, "caseload"), SuppressedCells.Kind.COMPLEMENTARY));
        OutcomeTables marked = new OutcomeTables(tables.episodesAdded(), tables.closedInWindow(),
                tables.episodeOutcomes(), tables.outcomesByApproach(), tables.approachComparison(),
                tables.trajectories(), tables.pcl5Clusters(), tables.clinicians(), tables.subgroups(),
                tables.activity(), tables.windowActivity(), tables.alerts(), hidden, tables.monthlySeries(),
                tables.monthsBeforeSeries());
        RunDescription run = ReportFixture.run(true, false);
        Path path = folder.resolve("hidden").resolve("outcomes.xlsx");
        OutcomesWorkbook.write(path, marked, run, ReportFixture.quality(), List.of());
        try (XSSFWorkbook workbook = open(path)) {
            XSSFSheet sheet = workbook.getSheet(SHEET);
            List<Row> headers = headerRows(sheet);
            int nPaired = csvHeader.indexOf("n_paired") + 1;
            int caseload = csvHeader.indexOf("caseload") + 1;
            Row all = dataRow(sheet, headers.get(0), "2026-06", OutcomeTables.ALL);
            assertThat(all.getCell(nPaired).getStringCellValue()).isEqualTo("<11");
            assertThat(all.getCell(2)).as("no words where the rate's n is hidden").isNull();
            assertThat(all.getCell(caseload).getNumericCellValue()).isEqualTo(4.0);
            Row dbt = dataRow(sheet, headers.get(0), "2026-06", "DBT");
            assertThat(dbt.getCell(1).getStringCellValue()).isEqualTo("DBT");
            assertThat(dbt.getCell(caseload).getStringCellValue()).isEqualTo(">10");
            assertThat(dbt.getCell(nPaired).getCellType()).isEqualTo(CellType.NUMERIC);
            Row may = dataRow(sheet, headers.get(0), "2026-05", OutcomeTables.ALL);
            assertThat(may.getCell(nPaired).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void theTwoChartsStandOneAboveTheOtherAboveTheTable() {
        // One per row, as a printed page holds one whole; the first just under the lines above.
        XSSFSheet sheet = monthly.getSheet(SHEET);
        List<XSSFPicture> pictures = pictures(sheet);
        assertThat(pictures).hasSize(2);
        int header = headerRows(sheet).get(0).getRowNum();
        assertThat(pictures.get(0).getClientAnchor().getRow1()).isLessThanOrEqualTo(5);
        for (XSSFPicture picture : pictures) {
            assertThat(picture.getClientAnchor().getRow2()).isLessThan(header);
            // Right of the key columns, which printed pages repeat with whatever stands on them.
            assertThat(picture.getClientAnchor().getCol1()).isEqualTo((short) 2);
        }
        assertThat(pictures.get(1).getClientAnchor().getRow1()).isGreaterThanOrEqualTo(pictures.get(0)
                .getClientAnchor().getRow2());
    }

    // ---------------------------------------------------------------- helpers

    /** The header rows of the blocks: a bold, wrapping "Month" in column 0. */
    private static List<Row> headerRows(XSSFSheet sheet) {
        List<Row> headers = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("Month")
                    && cell.getCellStyle().getWrapText()
                    && sheet.getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getBold()) {
                headers.add(row);
            }
        }
        return headers;
    }

    /** The row of a month in the block under {@code header}. */
    private static Row dataRow(XSSFSheet sheet, Row header, String month) {
        return dataRow(sheet, header, month, OutcomeTables.ALL);
    }

    private static Row dataRow(XSSFSheet sheet, Row header, String month, String approach) {
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(0) == null) {
                break;
            }
            if (row.getCell(0).getStringCellValue().equals(month) && row.getCell(1).getStringCellValue().equals(approach)) {
                return row;
            }
        }
        throw new AssertionError("no row " + month + " " + approach + " under the header at row " + header.getRowNum());
    }

    /** The sheet's pictures, left to right (in placing order where they share a column). */
    private static List<XSSFPicture> pictures(XSSFSheet sheet) {
        List<XSSFPicture> pictures = new ArrayList<>(SheetContents.pictures(sheet));
        pictures.sort((a, b) -> Short.compare(a.getClientAnchor().getCol1(), b.getClientAnchor().getCol1()));
        return pictures;
    }

}
