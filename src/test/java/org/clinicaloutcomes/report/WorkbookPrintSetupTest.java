package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.SampleCohort;
import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The print setup of every sheet (REPORTS.md, "The workbook", Printing), read back with POI from
 * the workbooks of the project's sample data (the monthly report of October 2026, as the README's
 * sample run writes it, and a research run) and of the hand-built practice with suppression on:
 * landscape A4 at a scale that keeps cell text at 8 pt or more (no fit-to-page), a page header
 * naming the report and its period, a footer with the page number, the client-ID note exactly on
 * the sheets that list clients, repeated header rows on long tables, key columns repeated on
 * sheets split sideways, pages that hold what the breaks give them, and no chart cut by a break.
 */
class WorkbookPrintSetupTest {

    private static final Path SAMPLE_DATA = Path.of("sample-data");
    private static final YearMonth SAMPLE_MONTH = YearMonth.of(2026, 10);
    /** A4 and Letter landscape in points: the pages must fit both. */
    private static final double PAGE_WIDTH = Math.min(297 / 25.4 * 72, 11 * 72);
    private static final double PAGE_HEIGHT = Math.min(210 / 25.4 * 72, 8.5 * 72);
    private static final String CLIENT = ColumnLabels.of("client_id");

    @TempDir
    static Path folder;

    private static ReportWindow researchWindow;
    /** The workbooks, by the title their page headers must give. */
    private static final Map<String, XSSFWorkbook> WORKBOOKS = new LinkedHashMap<>();

    @BeforeAll
    static void writeWorkbooks() throws Exception {
        ReportWindow month = ReportWindow.monthly(SAMPLE_MONTH, 12);
        WORKBOOKS.put("Clinical outcomes \u2014 monthly report, October 2026", ReportFixture.workbook(
                folder.resolve("monthly.xlsx"), SampleCohort.analyse(SAMPLE_DATA, month, true), sampleRun(month)));
        researchWindow = SampleCohort.researchWindow();
        WORKBOOKS.put("Clinical outcomes \u2014 research report, " + researchWindow.from() + " to "
                + researchWindow.to(), ReportFixture.workbook(folder.resolve("research.xlsx"),
                SampleCohort.analyse(SAMPLE_DATA, researchWindow, false), sampleRun(researchWindow)));
        WORKBOOKS.put("Clinical outcomes \u2014 monthly report, June 2026", ReportFixture.workbook(
                folder.resolve("suppressed.xlsx"), ReportFixture.tables(true), ReportFixture.run(true, true)));
    }

    @AfterAll
    static void close() throws IOException {
        for (XSSFWorkbook workbook : WORKBOOKS.values()) {
            workbook.close();
        }
        WORKBOOKS.clear();
    }

    private static RunDescription sampleRun(ReportWindow window) {
        boolean monthly = window.reportMonth() != null;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("input", SAMPLE_DATA.toString());
        return new RunDescription("test", monthly ? "monthly" : "research", monthly ? "monthly" : "research", window,
                InstrumentCatalog.bundled().instruments(), "bundled instruments.csv",
                ApproachCatalog.DEFAULT_APPROACHES, "pcl5", false, parameters);
    }

    private static XSSFWorkbook sample() {
        return WORKBOOKS.values().iterator().next();
    }

    @Test
    void everySheetPrintsLandscapeOnA4AtALegibleScaleWithoutFitToPage() {
        for (XSSFWorkbook workbook : WORKBOOKS.values()) {
            double smallestFont = Double.MAX_VALUE;
            for (int i = 0; i < workbook.getNumberOfFonts(); i++) {
                smallestFont = Math.min(smallestFont, workbook.getFontAt(i).getFontHeightInPoints());
            }
            assertThat(smallestFont).isEqualTo(11);
            for (XSSFSheet sheet : sheets(workbook)) {
                String name = sheet.getSheetName();
                PrintSetup print = sheet.getPrintSetup();
                assertThat(print.getLandscape()).as(name).isTrue();
                assertThat(print.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFitToPage()).as(name + ": no fit to page").isFalse();
                assertThat((int) print.getScale()).as(name + " scale").isBetween(73, 100);
                assertThat(smallestFont * print.getScale() / 100).as(name + ": smallest text printed, pt")
                        .isGreaterThanOrEqualTo(8.0);
                assertThat(print.getLeftToRight()).as(name + ": pages left to right, then down").isTrue();
                assertThat(sheet.isPrintGridlines()).as(name).isFalse();
                assertThat(sheet.getMargin(PageMargin.LEFT)).as(name).isEqualTo(0.5);
                assertThat(sheet.getMargin(PageMargin.TOP)).as(name).isEqualTo(0.75);
            }
        }
        // Shrunk only as far as needed: the narrow Activity table prints larger than the wide tables allow.
        assertThat(sample().getSheet(OutcomesWorkbook.ACTIVITY).getPrintSetup().getScale()).isGreaterThan((short) 73);
    }

    @Test
    void everyPageHasTheReportAndItsPeriodInTheHeaderAndThePageNumberInTheFooter() {
        for (Map.Entry<String, XSSFWorkbook> entry : WORKBOOKS.entrySet()) {
            List<XSSFSheet> sheets = sheets(entry.getValue());
            assertThat(sheets).hasSizeGreaterThanOrEqualTo(10);
            for (XSSFSheet sheet : sheets) {
                assertThat(sheet.getHeader().getLeft()).as(sheet.getSheetName()).isEqualTo(entry.getKey());
                assertThat(sheet.getHeader().getRight()).as(sheet.getSheetName()).isEqualTo("&A");
                assertThat(sheet.getFooter().getRight()).as(sheet.getSheetName()).isEqualTo("Page &P of &N");
            }
        }
        assertThat(PrintLayout.escape("Smith & Jones")).isEqualTo("Smith && Jones");
    }

    @Test
    void theClientIdNoteIsInTheFooterOfExactlyTheSheetsThatListClients() {
        List<List<String>> expected = List.of(List.of(OutcomesWorkbook.RELIABLE_CHANGE, OutcomesWorkbook.ALERTS,
                OutcomesWorkbook.ATTENTION),
                List.of(OutcomesWorkbook.RELIABLE_CHANGE), List.of());
        int i = 0;
        for (Map.Entry<String, XSSFWorkbook> entry : WORKBOOKS.entrySet()) {
            XSSFWorkbook workbook = entry.getValue();
            List<String> listing = new ArrayList<>();
            List<String> noted = new ArrayList<>();
            for (XSSFSheet sheet : sheets(workbook)) {
                if (listsClients(workbook, sheet)) {
                    listing.add(sheet.getSheetName());
                }
                String left = sheet.getFooter().getLeft();
                if (!left.isEmpty()) {
                    assertThat(left).isEqualTo("Contains pseudonymous client IDs");
                    noted.add(sheet.getSheetName());
                }
            }
            assertThat(noted).as(entry.getKey() + ": footers").isEqualTo(listing);
            assertThat(listing).as(entry.getKey() + ": sheets with a client column holding IDs")
                    .isEqualTo(expected.get(i++));
        }
    }

    @Test
    void longTablesRepeatTheirHeaderRowOnEveryPage() {
        Map<String, String> repeated = new LinkedHashMap<>();
        for (XSSFWorkbook workbook : WORKBOOKS.values()) {
            for (XSSFSheet sheet : sheets(workbook)) {
                CellRangeAddress rows = sheet.getRepeatingRows();
                String name = sheet.getSheetName();
                if (rows != null) {
                    assertThat(rows.getLastRow()).as(name).isEqualTo(rows.getFirstRow());
                    Row header = sheet.getRow(rows.getFirstRow());
                    for (Cell cell : header) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(isHeader(workbook, cell)).as(name + " repeats a header row").isTrue();
                        }
                    }
                    assertThat(tableHeight(sheet, rows.getFirstRow()) * scale(sheet))
                            .as(name + ": the repeated header's table runs over a page").isGreaterThan(bodyHeight(sheet));
                }
                for (Row row : sheet) {
                    boolean headerRow = row.getCell(0) != null && isHeader(workbook, row.getCell(0));
                    if (headerRow && tableHeight(sheet, row.getRowNum()) * scale(sheet) > bodyHeight(sheet)
                            && !besidePicture(sheet, row.getRowNum())) {
                        assertThat(rows).as(name + ": the table at row " + row.getRowNum() + " runs over a page")
                                .isNotNull();
                    }
                }
                if (workbook == sample()) {
                    repeated.put(name, rows == null ? null : firstCell(sheet.getRow(rows.getFirstRow())));
                }
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(OutcomesWorkbook.SUMMARY, null);
        expected.put(OutcomesWorkbook.BY_APPROACH, null);
        expected.put(OutcomesWorkbook.RELIABLE_CHANGE, CLIENT);
        expected.put(OutcomesWorkbook.TRAJECTORIES, ColumnLabels.of("approach"));
        expected.put(OutcomesWorkbook.SYMPTOM_CLUSTERS, null);
        expected.put(OutcomesWorkbook.CLINICIANS, null);
        expected.put(OutcomesWorkbook.SUBGROUPS, ColumnLabels.of("approach"));
        expected.put(OutcomesWorkbook.ACTIVITY, null);
        expected.put(OutcomesWorkbook.OVER_TIME, ColumnLabels.of("month"));
        expected.put(OutcomesWorkbook.ALERTS, null);
        expected.put(OutcomesWorkbook.ATTENTION, null);
        expected.put(OutcomesWorkbook.DATA_QUALITY, null);
        expected.put(OutcomesWorkbook.ABOUT, "File and column");
        assertThat(repeated).as("first cell of the repeated row, by sheet").isEqualTo(expected);
        assertThat(sample().getSheet(OutcomesWorkbook.TRAJECTORIES).getRepeatingRows().getFirstRow()).isZero();
    }

    @Test
    void wideSheetsSplitIntoPagesThatFitWithTheirKeyColumnsRepeated() {
        for (XSSFWorkbook workbook : WORKBOOKS.values()) {
            for (XSSFSheet sheet : sheets(workbook)) {
                String name = sheet.getSheetName();
                int[] breaks = firstOfNextPage(sheet.getColumnBreaks());
                CellRangeAddress keys = sheet.getRepeatingColumns();
                double repeated = keys == null ? 0 : width(sheet, keys.getFirstColumn(), keys.getLastColumn() + 1);
                int start = 0;
                int last = lastColumn(sheet);
                for (int page = 0; page <= breaks.length; page++) {
                    int end = page < breaks.length ? breaks[page] : last + 1;
                    assertThat(end).as(name + " breaks").isGreaterThan(start);
                    double width = width(sheet, start, end) + (page > 0 ? repeated : 0);
                    assertThat(width * 0.75 * scale(sheet)).as(name + " page " + (page + 1) + " across, pt")
                            .isLessThanOrEqualTo(bodyWidth(sheet));
                    start = end;
                }
            }
        }
        for (String name : List.of(OutcomesWorkbook.BY_APPROACH, OutcomesWorkbook.RELIABLE_CHANGE)) {
            XSSFSheet sheet = sample().getSheet(name);
            assertThat(sheet.getColumnBreaks()).as(name).isNotEmpty();
            assertThat(sheet.getRepeatingColumns().formatAsString()).as(name).isEqualTo("A:B");
            assertThat(firstCell(sheet.getRow(0))).isEqualTo(ColumnLabels.of("approach"));
        }
        // By approach's 38 columns: split, not squeezed onto one page.
        assertThat(sample().getSheet(OutcomesWorkbook.BY_APPROACH).getColumnBreaks()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sample().getSheet(OutcomesWorkbook.ACTIVITY).getColumnBreaks()).isEmpty();
    }

    @Test
    void noChartIsCutByAPageBreak() {
        int charts = 0;
        for (XSSFWorkbook workbook : WORKBOOKS.values()) {
            for (XSSFSheet sheet : sheets(workbook)) {
                String name = sheet.getSheetName();
                int[] rowBreaks = firstOfNextPage(sheet.getRowBreaks());
                CellRangeAddress header = sheet.getRepeatingRows();
                for (XSSFPicture picture : SheetContents.pictures(sheet)) {
                    charts++;
                    XSSFClientAnchor a = picture.getClientAnchor();
                    int lastColumn = a.getDx2() > 0 ? a.getCol2() : a.getCol2() - 1;
                    int lastRow = a.getDy2() > 0 ? a.getRow2() : a.getRow2() - 1;
                    for (int at : firstOfNextPage(sheet.getColumnBreaks())) {
                        assertThat(at > a.getCol1() && at <= lastColumn).as(name + ": column break " + at).isFalse();
                    }
                    for (int at : rowBreaks) {
                        assertThat(at > a.getRow1() && at <= lastRow).as(name + ": row break " + at).isFalse();
                    }
                    // The page it starts on (from the last break above it) holds it whole.
                    int pageStart = 0;
                    for (int at : rowBreaks) {
                        if (at <= a.getRow1()) {
                            pageStart = at;
                        }
                    }
                    double height = 0;
                    for (int r = pageStart; r <= lastRow; r++) {
                        height += sheet.getRow(r) == null ? sheet.getDefaultRowHeightInPoints()
                                : sheet.getRow(r).getHeightInPoints();
                    }
                    if (header != null && pageStart > header.getLastRow()) {
                        height += sheet.getRow(header.getFirstRow()).getHeightInPoints();
                    }
                    assertThat(height * scale(sheet)).as(name + ": the page of a chart, pt")
                            .isLessThanOrEqualTo(bodyHeight(sheet));
                }
            }
        }
        assertThat(charts).isGreaterThan(20);
    }

    @Test
    void aBreakGivesBackRowsRatherThanCutAPicture() {
        double[] rows = new double[40];
        java.util.Arrays.fill(rows, 10);
        // 25 rows fit a page; a picture over rows 20 to 30 moves the break up to row 20.
        assertThat(PrintLayout.breaks(rows, 250, null, List.of(new int[] {20, 30}), Integer.MAX_VALUE))
                .containsExactly(20);
        // A picture larger than a page is cut where the page ends.
        assertThat(PrintLayout.breaks(rows, 250, null, List.of(new int[] {0, 39}), Integer.MAX_VALUE))
                .containsExactly(25);
        // A repeated header row takes its room on the pages after the one it stands on.
        assertThat(PrintLayout.breaks(rows, 250, new int[] {0, 0}, List.of(), Integer.MAX_VALUE))
                .containsExactly(25);
        assertThat(PrintLayout.breaks(new double[60], 250, null, List.of(), Integer.MAX_VALUE)).isEmpty();
        assertThat(PrintLayout.minimumScale(11)).isEqualTo(73);
    }

    /** POI gives a break as the last column or row before it: the first of the next page is one more. */
    private static int[] firstOfNextPage(int[] breaks) {
        return java.util.Arrays.stream(breaks).map(at -> at + 1).toArray();
    }

    /** Whether the sheet has a header cell for the client column with an ID under it (in a table row, not a note). */
    private static boolean listsClients(XSSFWorkbook workbook, XSSFSheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(CLIENT)
                        && isHeader(workbook, cell)) {
                    Row next = sheet.getRow(row.getRowNum() + 1);
                    Cell below = next == null ? null : next.getCell(cell.getColumnIndex());
                    if (below != null && below.getCellType() == CellType.STRING
                            && !below.getStringCellValue().isBlank() && next.getPhysicalNumberOfCells() > 1) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The height in points of a header row and the rows with cells that follow it without a gap. */
    private static double tableHeight(XSSFSheet sheet, int header) {
        double height = 0;
        for (int r = header; sheet.getRow(r) != null && sheet.getRow(r).getPhysicalNumberOfCells() > 0; r++) {
            height += sheet.getRow(r).getHeightInPoints();
        }
        return height;
    }

    private static boolean besidePicture(XSSFSheet sheet, int row) {
        for (XSSFPicture picture : SheetContents.pictures(sheet)) {
            XSSFClientAnchor a = picture.getClientAnchor();
            if (a.getRow1() <= row && row <= a.getRow2()) {
                return true;
            }
        }
        return false;
    }

    private static double scale(XSSFSheet sheet) {
        return sheet.getPrintSetup().getScale() / 100.0;
    }

    /** The printable height of a page, in points. */
    private static double bodyHeight(XSSFSheet sheet) {
        return PAGE_HEIGHT - 72 * (sheet.getMargin(PageMargin.TOP) + sheet.getMargin(PageMargin.BOTTOM));
    }

    private static double bodyWidth(XSSFSheet sheet) {
        return PAGE_WIDTH - 72 * (sheet.getMargin(PageMargin.LEFT) + sheet.getMargin(PageMargin.RIGHT));
    }

    /** Pixels at 100 % of the columns from {@code from} to before {@code to}. */
    private static double width(XSSFSheet sheet, int from, int to) {
        double width = 0;
        for (int c = from; c < to; c++) {
            width += sheet.getColumnWidthInPixels(c);
        }
        return width;
    }

    /** The last column that holds a cell or a picture. */
    private static int lastColumn(XSSFSheet sheet) {
        int last = 0;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        for (XSSFPicture picture : SheetContents.pictures(sheet)) {
            XSSFClientAnchor a = picture.getClientAnchor();
            last = Math.max(last, a.getDx2() > 0 ? a.getCol2() : a.getCol2() - 1);
        }
        return last;
    }

    private static String firstCell(Row row) {
        Cell cell = row.getCell(0);
        return cell == null ? null : cell.getStringCellValue();
    }

    private static boolean isHeader(XSSFWorkbook workbook, Cell cell) {
        return cell.getCellStyle().getWrapText() && workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold();
    }

    private static List<XSSFSheet> sheets(XSSFWorkbook workbook) {
        List<XSSFSheet> sheets = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            sheets.add(workbook.getSheetAt(i));
        }
        return sheets;
    }

}
