package org.clinicaloutcomes.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFDrawing;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * Writes the cells of one sheet: values with their styles, text protected against formula
 * injection, column widths set from the length of the content (no {@code autoSizeColumn}),
 * pictures placed with explicit two-cell anchors once the widths are known, and the print setup
 * ({@link PrintLayout}) from what it has seen: the header rows, the frozen key columns, whether
 * the sheet lists client IDs.
 */
final class SheetWriter implements GlanceCells {

    /** Widest column, in characters, unless a column's width is fixed. */
    private static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 6;
    /** The length of a date as shown, {@code yyyy-mm-dd}. */
    private static final int DATE_LENGTH = 10;
    /** Height of one line of 11 pt text, in points. */
    static final float LINE_POINTS = 15f;

    final SXSSFSheet sheet;
    private final WorkbookStyles styles;
    private final PictureStore pictures;
    private final Map<Integer, Integer> dataWidths = new TreeMap<>();
    private final Map<Integer, String> headers = new TreeMap<>();
    private final java.util.SortedSet<Integer> headerRows = new java.util.TreeSet<>();
    private final java.util.Set<Integer> sectionRows = new java.util.HashSet<>();
    private final Map<Integer, Integer> fixedWidths = new TreeMap<>();
    private final List<Placement> placements = new ArrayList<>();
    /** The rows given a height, in points (every other row has the sheet's default height). */
    private final Map<Integer, Float> rowHeights = new TreeMap<>();
    /** Column widths in pixels as the sheet gives them, once {@link #finish} has set them. */
    private final Map<Integer, Float> columnPixels = new HashMap<>();
    private final float defaultRowPoints;
    /** The key columns frozen beside the header ({@link #freeze}): printed pages side by side repeat them. */
    private int frozenColumns;
    private boolean listsClients;
    /** The pictures as anchored by {@link #finish}. */
    private final List<PrintLayout.Picture> anchored = new ArrayList<>();

    /** Adds pictures to the workbook once each and hands out their indices. */
    interface PictureStore {
        int index(RenderedChart chart);
    }

    private record Placement(RenderedChart chart, int column, int row, int dxPixels, int dyPixels) {
    }

    SheetWriter(SXSSFSheet sheet, WorkbookStyles styles, PictureStore pictures) {
        this.sheet = sheet;
        this.styles = styles;
        this.pictures = pictures;
        this.defaultRowPoints = sheet.getDefaultRowHeightInPoints();
    }

    SXSSFCell cell(int row, int column) {
        SXSSFRow r = sheet.getRow(row);
        if (r == null) {
            r = sheet.createRow(row);
        }
        SXSSFCell cell = r.getCell(column);
        return cell == null ? r.createCell(column) : cell;
    }

    /** Text in the default style (quote-prefixed when it could be read as a formula). */
    @Override
    public void text(int row, int column, String text) {
        value(row, column, text, Kind.TEXT, false);
    }

    /**
     * A value: {@code null} leaves the cell empty; a {@link Number} is stored as a number (a
     * {@link Kind#PERCENT} value given in percent is stored as a fraction); a {@link LocalDate}
     * as a date; a {@link Boolean} as the text {@code yes} or {@code no}; anything else as text
     * (right aligned in a {@link Kind#COUNT} column: the {@code <11} of a hidden count).
     */
    @Override
    public void value(int row, int column, Object value, Kind kind, boolean light) {
        if (value == null) {
            return;
        }
        SXSSFCell cell = cell(row, column);
        int shown;
        if (value instanceof Number number) {
            double v = number.doubleValue();
            if (!Double.isFinite(v)) {
                return;
            }
            double stored = kind == Kind.PERCENT ? v / 100.0 : v;
            cell.setCellValue(stored);
            cell.setCellStyle(styles.of(kind == Kind.TEXT ? Kind.SCORE : kind, light, false));
            shown = shownLength(stored, kind);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.of(Kind.DATE, light, false));
            shown = DATE_LENGTH;
        } else {
            String text = value instanceof Boolean flag ? (flag ? "yes" : "no") : value.toString();
            cell.setCellValue(text);
            boolean quote = WorkbookStyles.needsQuotePrefix(text);
            cell.setCellStyle(kind == Kind.COUNT && !quote ? styles.countText(light) : styles.of(Kind.TEXT, light, quote));
            shown = text.length();
        }
        measure(column, shown);
    }

    /**
     * Text in a given style (titles, notes, sections), measured only when {@code measure}; a
     * title or section row is made tall enough for its larger font.
     */
    void styled(int row, int column, String text, CellStyle style, boolean measure) {
        SXSSFCell cell = cell(row, column);
        cell.setCellValue(text);
        if (WorkbookStyles.needsQuotePrefix(text)) {
            cell.setCellStyle(styles.of(Kind.TEXT, false, true));
        } else {
            cell.setCellStyle(style);
        }
        float points = style.getIndex() == styles.title.getIndex() ? 24f
                : style.getIndex() == styles.section.getIndex() || style.getIndex() == styles.sentence.getIndex() ? 18f : 0f;
        if (points > 0) {
            atLeast(row, points);
        }
        if (measure) {
            measure(column, text.length());
        }
    }

    /** Long text in a wrapping cell of a fixed-width column; the row height fits the text. */
    void wrapped(int row, int column, String text) {
        SXSSFCell cell = cell(row, column);
        cell.setCellValue(text);
        cell.setCellStyle(WorkbookStyles.needsQuotePrefix(text) ? styles.wrapQuoted : styles.wrap);
        int width = fixedWidths.getOrDefault(column, MAX_WIDTH);
        int lines = lines(text, (int) (width * 1.15));
        atLeast(row, Math.max(defaultRowPoints, lines * LINE_POINTS + 2));
    }

    /** Makes a row at least this tall (a row not given a height yet gets exactly this height). */
    private void atLeast(int row, float points) {
        Float height = rowHeights.get(row);
        if (height == null || height < points) {
            height(row, points);
        }
    }

    private void height(int row, float points) {
        SXSSFRow r = sheet.getRow(row);
        r.setHeightInPoints(points);
        rowHeights.put(row, r.getHeightInPoints());
    }

    /** A header cell (bold, wrapping): its column is made wide enough for its longest word. */
    @Override
    public void header(int row, int column, String label) {
        SXSSFCell cell = cell(row, column);
        cell.setCellValue(label);
        cell.setCellStyle(styles.header);
        headers.merge(column, label, (a, b) -> a.length() >= b.length() ? a : b);
        headerRows.add(row);
    }

    /** A row of header cells from column 0; for the tables that are not {@link SheetTable}s. */
    void headers(int row, String... labels) {
        for (int c = 0; c < labels.length; c++) {
            header(row, c, labels[c]);
        }
    }

    /** A section title in column 0; returns the row after it. */
    int section(int row, String title) {
        styled(row, 0, title, styles.section, false);
        sectionRows.add(row);
        return row + 1;
    }

    /** A note in column 0, not measured (notes run on past their column); returns the row after it. */
    @Override
    public int note(int row, String text) {
        styled(row, 0, text, styles.note, false);
        return row + 1;
    }

    void fixWidth(int column, int characters) {
        fixedWidths.put(column, characters);
    }

    void freeze(int columns, int rows) {
        sheet.createFreezePane(columns, rows);
        frozenColumns = columns;
    }

    /** The key columns frozen beside the header so far (0 when none). */
    int keyColumns() {
        return frozenColumns;
    }

    /**
     * Marks the sheet as listing client IDs: its printed pages say so in the footer. A
     * {@link SheetTable} showing a client column with rows marks its sheet itself.
     */
    void listsClients() {
        listsClients = true;
    }

    void autoFilter(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        sheet.setAutoFilter(new CellRangeAddress(firstRow, Math.max(firstRow, lastRow), firstColumn, lastColumn));
    }

    /** Places a chart at a cell, offset by some pixels; anchored when the sheet is finished. */
    void picture(RenderedChart chart, int column, int row, int dxPixels, int dyPixels) {
        placements.add(new Placement(chart, column, row, dxPixels, dyPixels));
    }

    /** Rows of the default height that a picture of this height covers, plus one. */
    int rowsFor(int heightPixels) {
        float rowPixels = defaultRowPoints * Units.PIXEL_DPI / Units.POINT_DPI;
        return (int) Math.ceil(heightPixels / rowPixels) + 1;
    }

    /**
     * Sets the column widths and the header row heights, anchors the pictures, then sets the
     * print layout ({@link PrintLayout}).
     *
     * @param title the report and its period, for the page header
     */
    void finish(String title) {
        Map<Integer, Integer> widths = new HashMap<>();
        for (int column : columns()) {
            int width = width(column);
            sheet.setColumnWidth(column, width * 256);
            widths.put(column, width);
        }
        for (int row : headerRows) {
            int lines = 1;
            SXSSFRow r = sheet.getRow(row);
            for (int c = r.getFirstCellNum(); c >= 0 && c < r.getLastCellNum(); c++) {
                SXSSFCell cell = r.getCell(c);
                if (cell != null && cell.getCellStyle().getIndex() == styles.header.getIndex()) {
                    // Bold text is wider than the character count suggests.
                    Integer width = widths.get(c);
                    int chars = (int) (((width != null ? width : sheet.getColumnWidth(c) / 256) - 1) / 1.1);
                    lines = Math.max(lines, lines(cell.getStringCellValue(), chars));
                }
            }
            height(row, lines * LINE_POINTS + 3);
        }
        int lastColumn = columns().isEmpty() ? 0 : columns().last();
        int tableColumns = lastColumn + 1;
        int lastRow = Math.max(0, sheet.getLastRowNum());
        if (!placements.isEmpty()) {
            // The columns under a picture get the default width explicitly: a spreadsheet shows a
            // column without one wider than POI counts it, which would stretch the picture.
            for (Placement p : placements) {
                lastColumn = Math.max(lastColumn, locate(columnStart(p.column()) + p.dxPixels() + p.chart().width(),
                        0)[0]);
                lastRow = Math.max(lastRow, locate(0, rowStart(p.row()) + p.dyPixels() + p.chart().height())[2]);
            }
            for (int c = 0; c <= lastColumn; c++) {
                if (!widths.containsKey(c)) {
                    sheet.setColumnWidth(c, sheet.getDefaultColumnWidth() * 256);
                    columnPixels.remove(c);
                }
            }
            SXSSFDrawing drawing = sheet.createDrawingPatriarch();
            // A picture placed under another (same column and offset) starts on a row of its own,
            // pushed down a few pixels if need be (and those under it with it), so that a page can
            // break between the two.
            Map<String, Double> pushed = new HashMap<>();
            Map<String, Integer> lastRowOf = new HashMap<>();
            for (Placement p : placements) {
                String stack = p.column() + ":" + p.dxPixels();
                double x = columnStart(p.column()) + p.dxPixels();
                double y = rowStart(p.row()) + p.dyPixels() + pushed.getOrDefault(stack, 0.0);
                int[] from = locate(x, y);
                Integer above = lastRowOf.get(stack);
                if (above != null && from[2] <= above) {
                    double start = rowStart(above + 1);
                    pushed.merge(stack, start - y, Double::sum);
                    y = start;
                    from = locate(x, y);
                }
                int[] to = locate(x + p.chart().width(), y + p.chart().height());
                XSSFClientAnchor anchor = new XSSFClientAnchor(from[1], from[3], to[1], to[3],
                        from[0], from[2], to[0], to[2]);
                anchor.setAnchorType(org.apache.poi.ss.usermodel.ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
                drawing.createPicture(anchor, pictures.index(p.chart()));
                int bottom = to[3] > 0 ? to[2] : to[2] - 1;
                anchored.add(new PrintLayout.Picture(from[0], to[1] > 0 ? to[0] : to[0] - 1, from[2], bottom));
                lastRowOf.merge(stack, bottom, Math::max);
                lastRow = Math.max(lastRow, to[2]);
            }
        }
        // Every row gets its height explicitly: a spreadsheet may otherwise fit a row to its font
        // (LibreOffice does), which would move the pictures' rows and the page breaks.
        double[] rowPoints = new double[lastRow + 1];
        int[] firstCell = new int[lastRow + 1];
        int[] lastCell = new int[lastRow + 1];
        for (int r = 0; r <= lastRow; r++) {
            boolean any = hasCells(r);
            firstCell[r] = any ? sheet.getRow(r).getFirstCellNum() : -1;
            lastCell[r] = any ? sheet.getRow(r).getLastCellNum() - 1 : -1;
            if (!rowHeights.containsKey(r)) {
                if (sheet.getRow(r) == null) {
                    sheet.createRow(r);
                }
                height(r, defaultRowPoints);
            }
            rowPoints[r] = rowHeights.get(r);
        }
        double[] columnWidths = new double[lastColumn + 1];
        for (int c = 0; c <= lastColumn; c++) {
            columnWidths[c] = columnPixels(c);
        }
        PrintLayout.Header header = repeatedHeader();
        PrintLayout.apply(sheet, new PrintLayout.Sheet(columnWidths, tableColumns, rowPoints, firstCell, lastCell,
                List.copyOf(anchored), header, frozenColumns, smallestText(), tables()), title, listsClients);
    }

    /**
     * Every table of the sheet as the rows a page break should not cut: its section title when
     * the row just above its header is one, its header rows, and the rows with cells that follow
     * without a gap.
     */
    private List<int[]> tables() {
        List<int[]> tables = new ArrayList<>();
        for (int[] run : headerRuns()) {
            int end = run[1];
            while (hasCells(end + 1) && !headerRows.contains(end + 1)) {
                end++;
            }
            tables.add(new int[] {sectionRows.contains(run[0] - 1) ? run[0] - 1 : run[0], end});
        }
        return tables;
    }

    /** The runs of consecutive header rows, first and last row of each. */
    private List<int[]> headerRuns() {
        List<int[]> runs = new ArrayList<>();
        for (int row : headerRows) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == row - 1) {
                runs.get(runs.size() - 1)[1] = row;
            } else {
                runs.add(new int[] {row, row});
            }
        }
        return runs;
    }

    /**
     * The header that printed pages may repeat: of the runs of consecutive header rows, the one
     * followed by the most rows with cells before the next run (the header of the sheet's longest
     * table; the first of equals), with its table's end (the last of the rows with cells that
     * follow it without a gap); {@code null} when the sheet has no header row.
     */
    private PrintLayout.Header repeatedHeader() {
        List<int[]> runs = headerRuns();
        PrintLayout.Header best = null;
        int bestRows = -1;
        for (int i = 0; i < runs.size(); i++) {
            int end = i + 1 < runs.size() ? runs.get(i + 1)[0] : sheet.getLastRowNum() + 1;
            int rows = 0;
            int tableEnd = runs.get(i)[1];
            for (int r = runs.get(i)[1] + 1; r < end; r++) {
                if (hasCells(r)) {
                    rows++;
                    if (tableEnd == r - 1) {
                        tableEnd = r;
                    }
                }
            }
            if (rows > bestRows) {
                best = new PrintLayout.Header(runs.get(i)[0], runs.get(i)[1], tableEnd);
                bestRows = rows;
            }
        }
        return best;
    }

    private boolean hasCells(int row) {
        SXSSFRow r = sheet.getRow(row);
        return r != null && r.getPhysicalNumberOfCells() > 0;
    }

    /** The smallest cell text of the sheet in points (of the workbook's fonts). */
    private double smallestText() {
        double smallest = Double.MAX_VALUE;
        org.apache.poi.ss.usermodel.Workbook workbook = sheet.getWorkbook();
        for (int i = 0; i < workbook.getNumberOfFonts(); i++) {
            smallest = Math.min(smallest, workbook.getFontAt(i).getFontHeightInPoints());
        }
        return smallest;
    }

    /** Pixel x of the left edge of a column (widths must be set). */
    double columnStart(int column) {
        double x = 0;
        for (int c = 0; c < column; c++) {
            x += columnPixels(c);
        }
        return x;
    }

    /** The width of some columns in characters, as {@link #finish} sets them. */
    int widthInCharacters(int firstColumn, int lastColumn) {
        int chars = 0;
        for (int c = firstColumn; c <= lastColumn; c++) {
            chars += width(c);
        }
        return chars;
    }

    private java.util.SortedSet<Integer> columns() {
        java.util.SortedSet<Integer> columns = new java.util.TreeSet<>(dataWidths.keySet());
        columns.addAll(headers.keySet());
        columns.addAll(fixedWidths.keySet());
        return columns;
    }

    /** A column's width in characters: fixed, or from its longest value and its header's longest word. */
    private int width(int column) {
        Integer fixed = fixedWidths.get(column);
        if (fixed != null) {
            return fixed + 1;
        }
        if (!dataWidths.containsKey(column) && !headers.containsKey(column)) {
            return sheet.getDefaultColumnWidth();
        }
        int data = dataWidths.getOrDefault(column, 0);
        String header = headers.get(column);
        int width = header == null ? data
                : Math.max(data, Math.max(longestWord(header), Math.min(header.length(), Math.max(data, 14))));
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)) + 2;
    }

    private double rowStart(int row) {
        double y = 0;
        for (int r = 0; r < row; r++) {
            y += rowPixels(r);
        }
        return y;
    }

    private double rowPixels(int row) {
        Float points = rowHeights.get(row);
        if (points == null) {
            points = defaultRowPoints;
        }
        return points * Units.PIXEL_DPI / Units.POINT_DPI;
    }

    /** The width of a column in pixels (widths must be set), asked of the sheet once. */
    private float columnPixels(int column) {
        return columnPixels.computeIfAbsent(column, sheet::getColumnWidthInPixels);
    }

    /** {column, dx in EMU, row, dy in EMU} of a pixel position. */
    private int[] locate(double x, double y) {
        int column = 0;
        double left = x;
        while (left >= columnPixels(column)) {
            left -= columnPixels(column);
            column++;
        }
        int row = 0;
        double top = y;
        while (top >= rowPixels(row)) {
            top -= rowPixels(row);
            row++;
        }
        return new int[] {column, (int) Math.round(left * Units.EMU_PER_PIXEL), row,
                (int) Math.round(top * Units.EMU_PER_PIXEL)};
    }

    private void measure(int column, int length) {
        dataWidths.merge(column, length, Math::max);
    }

    /**
     * The length of a number as its column shows it: {@code 0} for a count, {@code 0.00} for a
     * decimal, {@code 0.0%} for a rate, {@code 0.0000} for a p value, the value as given for a
     * score.
     */
    static int shownLength(double value, Kind kind) {
        return switch (kind) {
            case COUNT -> Long.toString(Math.round(value)).length();
            case DECIMAL -> fixedLength(value, 2, 0);
            case PERCENT -> fixedLength(value * 100, 1, 1);
            case P_VALUE -> fixedLength(value, 4, 0);
            case DATE -> DATE_LENGTH;
            default -> value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value).length() : Double.toString(value).length();
        };
    }

    /**
     * The length of {@code String.format(Locale.ROOT, "%.<decimals>f", value)} plus a suffix of
     * {@code suffix} characters. Counted without formatting (formatting thousands of cells is slow)
     * unless rounding to {@code decimals} places could carry into the whole part, or the value is
     * too large for its fraction to be known that precisely: then formatted.
     */
    static int fixedLength(double value, int decimals, int suffix) {
        double magnitude = Math.abs(value);
        double whole = Math.floor(magnitude);
        if (magnitude < 1e9 && magnitude - whole < 1 - Math.pow(10, -decimals)) {
            int sign = Double.compare(value, 0.0) < 0 ? 1 : 0;
            return sign + Long.toString((long) whole).length() + 1 + decimals + suffix;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value).length() + suffix;
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /** Lines that a text takes when wrapped at a width in characters (words kept whole). */
    static int lines(String text, int width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            int used = 0;
            for (String word : paragraph.split(" ")) {
                int length = word.length();
                if (used > 0 && used + 1 + length > width) {
                    lines++;
                    used = length;
                } else {
                    used += used > 0 ? 1 + length : length;
                }
                while (used > width) {
                    lines++;
                    used -= width;
                }
            }
        }
        return Math.max(1, lines);
    }
}
