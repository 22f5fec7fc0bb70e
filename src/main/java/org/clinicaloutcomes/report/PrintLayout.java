package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * How every sheet of the workbook prints (REPORTS.md, "The workbook", Printing), set in one place
 * by {@link SheetWriter#finish} from what the writer knows of the sheet: its column widths, row
 * heights, pictures, header rows, frozen key columns and whether it lists clients.
 *
 * <ul>
 *   <li>Paper: A4 landscape. Pages are laid out within the area that A4 and Letter landscape
 *       have in common (Letter's width, A4's height), so the same pages print on either.</li>
 *   <li>Scale, never fit-to-page: of the scales from 100 % down to the one that keeps the
 *       smallest cell text at {@value #MIN_TEXT_POINTS} pt (11 pt text: 73 %), the largest that
 *       cuts the fewest charts sideways, then spreads the rows over the fewest pages side by
 *       side, then splits the cells' columns the fewest times (charts beside a table may take a
 *       page of their own). So a sheet that fits one page wide at 73 % or more is shrunk just
 *       enough to fit; a wider one is split across pages, left to right then down (the pages of
 *       one band of rows follow each other), with its frozen key columns repeated on each (not
 *       when a chart reaches into them: its slice would be repeated too).</li>
 *   <li>Repeated rows: the header of the sheet's longest table (of the runs of header rows, the
 *       one followed by the most rows of cells before the next), only when that table runs on
 *       past a page break and no chart lies beside the header. They print on every page after
 *       the one they stand on.</li>
 *   <li>Page breaks: every column break is set here, and the row breaks as far down as the last
 *       chart, each at the last column or row that fits and cuts no chart and no table that fits
 *       on a page, with its section title (a chart is cut only when it is larger than a page). Below the last chart the spreadsheet breaks the rows
 *       itself, so that a filtered list prints on as few pages as it needs.</li>
 *   <li>Page header: the report and its period on the left, the sheet's name on the right.
 *       Footer: "Page n of N" on the right and, on a sheet that lists clients, "Contains
 *       pseudonymous client IDs" on the left.</li>
 *   <li>Margins 0.5 in at the sides and 0.75 in at the top and bottom, header and footer
 *       0.3 in from the edge. Gridlines are not printed: they would box in the titles and notes
 *       and run through the space around the charts; a table's header is shaded and underlined.</li>
 * </ul>
 */
final class PrintLayout {

    /** The smallest cell text a printed page may show, in points. */
    static final double MIN_TEXT_POINTS = 8.0;
    static final String CLIENT_IDS_NOTE = "Contains pseudonymous client IDs";
    static final String PAGE_NUMBER = "Page &P of &N";
    static final String SHEET_NAME = "&A";

    /** A4 landscape, 297 × 210 mm, and Letter landscape, 11 × 8.5 in, in points. */
    private static final double A4_WIDTH = 297 / 25.4 * 72;
    private static final double A4_HEIGHT = 210 / 25.4 * 72;
    private static final double LETTER_WIDTH = 11 * 72;
    private static final double LETTER_HEIGHT = 8.5 * 72;
    /** Margins in inches. */
    static final double SIDE_MARGIN = 0.5;
    static final double TOP_BOTTOM_MARGIN = 0.75;
    static final double HEADER_FOOTER_MARGIN = 0.3;
    /**
     * The share of a page's width and height that the breaks here fill, leaving room for a
     * spreadsheet that measures a little differently, so that its own breaks never come before
     * these: LibreOffice shows a column about 6 % wider than Excel (it does not round the width
     * of a digit to whole pixels); row heights are given in points and print as given.
     */
    private static final double WIDTH_SLACK = 0.92;
    private static final double HEIGHT_SLACK = 0.96;
    /** Breaks a sheet may hold (Excel keeps at most 1,026 of each kind). */
    private static final int MAX_BREAKS = 1_000;

    /** Width of the printable area, in pixels at 100 % (96 per inch). */
    static final double PAGE_WIDTH_PIXELS = (Math.min(A4_WIDTH, LETTER_WIDTH) - 2 * SIDE_MARGIN * 72) * 96 / 72;
    /** Height of the printable area, in points at 100 %. */
    static final double PAGE_HEIGHT_POINTS = Math.min(A4_HEIGHT, LETTER_HEIGHT) - 2 * TOP_BOTTOM_MARGIN * 72;

    /**
     * A picture, by the columns and rows it covers (first and last, inclusive); a break before
     * a column or row after the first and up to the last would cut it.
     */
    record Picture(int firstColumn, int lastColumn, int firstRow, int lastRow) {
    }

    /**
     * The header of a table: its rows, and the last row of the table below it.
     */
    record Header(int firstRow, int lastRow, int tableEnd) {
    }

    /**
     * What the layout is computed from.
     *
     * @param columnPixels the width of each column from the first to the last printed one, in pixels
     * @param tableColumns the columns from the first that hold cells (the others only pictures)
     * @param rowPoints    the height of each row from the first to the last printed one, in points
     * @param firstCell    the first column with a cell of each row, or -1 for a row without cells
     * @param lastCell     the last column with a cell of each row, or -1
     * @param pictures     the sheet's pictures
     * @param header       the header that may be repeated, or {@code null}
     * @param keyColumns   the key columns (from column 0) to repeat on pages split sideways
     * @param smallestText the smallest cell text of the sheet, in points
     * @param tables       the rows of each table (first and last, with its section title): a row
     *                     break does not cut a table that fits on a page
     */
    record Sheet(double[] columnPixels, int tableColumns, double[] rowPoints, int[] firstCell, int[] lastCell,
                 List<Picture> pictures, Header header, int keyColumns,
                 double smallestText, List<int[]> tables) {
    }

    /**
     * The computed layout.
     *
     * @param scale          print scale in percent
     * @param columnBreaks   the first column of each page after the first, sideways
     * @param rowBreaks      the first row of each page after the first, down to the last picture
     * @param repeatedRows   the rows repeated at the top of the pages (first and last), or {@code null}
     * @param repeatedColumns the columns repeated at the left of the pages (first and last), or {@code null}
     */
    record Layout(int scale, List<Integer> columnBreaks, List<Integer> rowBreaks, int[] repeatedRows,
                  int[] repeatedColumns) {
    }

    private PrintLayout() {
    }

    /** The smallest scale in percent at which text of {@code points} prints at {@value #MIN_TEXT_POINTS} pt or more. */
    static int minimumScale(double points) {
        return (int) Math.ceil(MIN_TEXT_POINTS / points * 100 - 1e-9);
    }

    /** The widest a row of pictures may be, in pixels, and still print on one page at 100 %. */
    static double pictureRowPixels() {
        return PAGE_WIDTH_PIXELS * WIDTH_SLACK;
    }

    static Layout layout(Sheet sheet) {
        List<int[]> columnSpans = new ArrayList<>();
        List<int[]> rowSpans = new ArrayList<>();
        int lastPictureRow = -1;
        for (Picture p : sheet.pictures()) {
            columnSpans.add(new int[] {p.firstColumn(), p.lastColumn()});
            rowSpans.add(new int[] {p.firstRow(), p.lastRow()});
            lastPictureRow = Math.max(lastPictureRow, p.lastRow());
        }
        int keyColumns = Math.min(sheet.keyColumns(), sheet.columnPixels().length);
        // Key columns that a picture reaches into are not repeated: the slice of the picture would be too.
        int[] keys = keyColumns > 0 && sheet.pictures().stream().noneMatch(p -> p.firstColumn() < keyColumns)
                ? new int[] {0, keyColumns - 1} : null;

        // Of the scales that keep the text legible: the one that cuts the fewest pictures sideways,
        // then spreads the rows over the fewest pages across, then splits the cells' columns the
        // fewest times (a break between the cells and the charts beside them is no split); the
        // largest of those.
        int smallest = Math.min(100, minimumScale(sheet.smallestText()));
        Layout best = null;
        long[] bestCost = null;
        for (int scale = 100; scale >= smallest; scale--) {
            List<Integer> columnBreaks = breaks(sheet.columnPixels(), PAGE_WIDTH_PIXELS * WIDTH_SLACK * 100 / scale,
                    keys, columnSpans, Integer.MAX_VALUE);
            double pageHeight = PAGE_HEIGHT_POINTS * HEIGHT_SLACK * 100 / scale;
            List<int[]> keptTogether = new ArrayList<>(rowSpans);
            for (int[] table : sheet.tables()) {
                if (sum(sheet.rowPoints(), table[0], table[1] + 1) <= pageHeight) {
                    keptTogether.add(table);
                }
            }
            int[] repeatedRows = repeatedRows(sheet, pageHeight, keptTogether);
            List<Integer> rowBreaks = breaks(sheet.rowPoints(), pageHeight, repeatedRows, keptTogether,
                    Integer.MAX_VALUE);
            long[] cost = {columnBreaks.stream().filter(at -> cuts(at, columnSpans)).count(),
                spread(sheet, columnBreaks),
                columnBreaks.stream().filter(at -> at < sheet.tableColumns()).count()};
            if (bestCost == null || java.util.Arrays.compare(cost, bestCost) < 0) {
                int upTo = lastPictureRow;
                best = new Layout(scale, columnBreaks, rowBreaks.stream().filter(at -> at <= upTo).toList(),
                        repeatedRows, columnBreaks.isEmpty() ? null : keys);
                bestCost = cost;
            }
        }
        return best;
    }

    /**
     * The header rows to repeat: the sheet's header, when its table runs on past a page break and
     * no picture lies beside it; otherwise {@code null}.
     */
    private static int[] repeatedRows(Sheet sheet, double pageHeight, List<int[]> rowSpans) {
        Header header = sheet.header();
        if (header == null || besidePicture(header, sheet.pictures())) {
            return null;
        }
        int[] rows = {header.firstRow(), header.lastRow()};
        for (int at : breaks(sheet.rowPoints(), pageHeight, rows, rowSpans, Integer.MAX_VALUE)) {
            if (at > header.lastRow() && at <= header.tableEnd()) {
                return rows;
            }
        }
        return null;
    }

    /**
     * How far the rows are spread sideways: for each row, the pages across that hold a cell or a
     * picture of it, added up over the rows (independent of where the rows break, so that the
     * shrinking this buys is only the one that saves pages sideways).
     */
    private static long spread(Sheet sheet, List<Integer> columnBreaks) {
        long spread = 0;
        java.util.BitSet bands = new java.util.BitSet();
        for (int r = 0; r < sheet.firstCell().length; r++) {
            bands.clear();
            if (sheet.firstCell()[r] >= 0) {
                bands.set(band(columnBreaks, sheet.firstCell()[r]), band(columnBreaks, sheet.lastCell()[r]) + 1);
            }
            for (Picture p : sheet.pictures()) {
                if (p.firstRow() <= r && r <= p.lastRow()) {
                    bands.set(band(columnBreaks, p.firstColumn()), band(columnBreaks, p.lastColumn()) + 1);
                }
            }
            spread += bands.cardinality();
        }
        return spread;
    }

    /** The page (0 for the first) that item {@code at} falls on, given the first item of each later page. */
    private static int band(List<Integer> breaks, int at) {
        int band = 0;
        while (band < breaks.size() && breaks.get(band) <= at) {
            band++;
        }
        return band;
    }

    private static boolean besidePicture(Header header, List<Picture> pictures) {
        return pictures.stream().anyMatch(p -> p.firstRow() <= header.lastRow() && p.lastRow() >= header.firstRow());
    }

    /**
     * Where pages break along one direction: each page takes the items (columns or rows) that
     * fit after the repeated ones, then gives back items until the break cuts no span (a picture),
     * unless no such break is left on the page.
     *
     * @param sizes    each item's size
     * @param capacity a page's size
     * @param repeated the repeated items (first and last), printed on every page that starts after them; or null
     * @param spans    items covered by a picture, first and last
     * @param upTo     breaks after this item are left out
     * @return the first item of each page after the first
     */
    static List<Integer> breaks(double[] sizes, double capacity, int[] repeated, List<int[]> spans, int upTo) {
        List<Integer> breaks = new ArrayList<>();
        int start = 0;
        while (start < sizes.length && breaks.size() < MAX_BREAKS) {
            double room = capacity;
            if (repeated != null && start > repeated[1]) {
                room -= sum(sizes, repeated[0], repeated[1] + 1);
            }
            int end = start;
            double used = 0;
            while (end < sizes.length && used + sizes[end] <= room) {
                used += sizes[end];
                end++;
            }
            if (end >= sizes.length) {
                break;
            }
            if (end == start) {
                end = start + 1;
            }
            int at = end;
            while (at > start && cuts(at, spans)) {
                at--;
            }
            if (at == start) {
                at = end;
            }
            if (at > upTo) {
                break;
            }
            breaks.add(at);
            start = at;
        }
        return breaks;
    }

    /** Whether a break before item {@code at} cuts one of the spans. */
    private static boolean cuts(int at, List<int[]> spans) {
        for (int[] span : spans) {
            if (span[0] < at && at <= span[1]) {
                return true;
            }
        }
        return false;
    }

    private static double sum(double[] sizes, int from, int to) {
        double total = 0;
        for (int i = from; i < Math.min(to, sizes.length); i++) {
            total += sizes[i];
        }
        return total;
    }

    /**
     * Sets the print setup of a sheet.
     *
     * @param title        the report and its period, for the page header
     * @param listsClients whether the sheet lists client IDs (the footer says so)
     */
    static void apply(SXSSFSheet sheet, Sheet facts, String title, boolean listsClients) {
        Layout layout = layout(facts);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(false);
        print.setScale((short) layout.scale());
        print.setLeftToRight(true);
        sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN);
        sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
        sheet.setMargin(PageMargin.TOP, TOP_BOTTOM_MARGIN);
        sheet.setMargin(PageMargin.BOTTOM, TOP_BOTTOM_MARGIN);
        sheet.setMargin(PageMargin.HEADER, HEADER_FOOTER_MARGIN);
        sheet.setMargin(PageMargin.FOOTER, HEADER_FOOTER_MARGIN);
        sheet.setPrintGridlines(false);
        sheet.getHeader().setLeft(escape(title));
        sheet.getHeader().setRight(SHEET_NAME);
        if (listsClients) {
            sheet.getFooter().setLeft(CLIENT_IDS_NOTE);
        }
        sheet.getFooter().setRight(PAGE_NUMBER);
        if (layout.repeatedRows() != null) {
            sheet.setRepeatingRows(new CellRangeAddress(layout.repeatedRows()[0], layout.repeatedRows()[1], -1, -1));
        }
        if (layout.repeatedColumns() != null) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, layout.repeatedColumns()[0],
                    layout.repeatedColumns()[1]));
        }
        // POI's breaks fall after the column or row given (it writes the brk id one higher).
        layout.columnBreaks().forEach(column -> sheet.setColumnBreak(column - 1));
        layout.rowBreaks().forEach(row -> sheet.setRowBreak(row - 1));
    }

    /** Header and footer text with its ampersands doubled (a single one starts a code such as {@code &P}). */
    static String escape(String text) {
        return text.replace("&", "&&");
    }
}
