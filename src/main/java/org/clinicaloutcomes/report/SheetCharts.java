package org.clinicaloutcomes.report;

import java.util.List;

/** Where the charts of a sheet go: beside its table, to the right of a narrow one, below a wide one. */
final class SheetCharts {

    /** Charts beside a table narrower than this (in characters) go to its right, otherwise below. */
    private static final int RIGHT_OF_TABLE_MAX_CHARS = 150;
    static final int GAP_PIXELS = 16;

    private SheetCharts() {
    }

    /**
     * Places charts beside a table: to the right of a narrow table (stacked downwards), below a
     * wide one ({@code perRow} side by side, as far as a row of them prints on one page: a wide
     * table prints across several pages, and a chart must not be cut between two).
     *
     * @param tableTop    first row of the table
     * @param tableEnd    the row after the table (and its notes)
     * @param tableWidth  columns of the table (without the note column)
     * @return the first free row below the table and the charts
     */
    static int besideTable(SheetWriter s, List<RenderedChart> charts, int tableTop, int tableEnd, int tableWidth,
                           int perRow) {
        if (charts.isEmpty()) {
            return tableEnd;
        }
        int lastColumn = tableWidth;   // the note column
        if (s.widthInCharacters(0, lastColumn) <= RIGHT_OF_TABLE_MAX_CHARS) {
            // Beside the rows, not the header: a printed page that repeats the header row would
            // repeat the slice of a chart beside it too.
            int height = stackRight(s, charts, lastColumn, tableTop + 1);
            return Math.max(tableEnd, tableTop + 1 + s.rowsFor(height));
        }
        return below(s, charts, tableEnd + 1, perRow);
    }

    /**
     * Places charts from row {@code top}, {@code perRow} side by side (fewer when a printed page
     * would not hold them), right of the frozen key columns, which printed pages repeat (with
     * anything on them).
     *
     * @return the first free row below them
     */
    static int below(SheetWriter s, List<RenderedChart> charts, int top, int perRow) {
        if (charts.isEmpty()) {
            return top;
        }
        int column = s.keyColumns();
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        int inRow = 0;
        for (RenderedChart chart : charts) {
            if (inRow == perRow || inRow > 0 && x + chart.width() > PrintLayout.pictureRowPixels()) {
                y += rowHeight + GAP_PIXELS;
                x = 0;
                rowHeight = 0;
                inRow = 0;
            }
            s.picture(chart, column, top, x, y);
            x += chart.width() + GAP_PIXELS;
            rowHeight = Math.max(rowHeight, chart.height());
            inRow++;
        }
        return top + s.rowsFor(y + rowHeight);
    }

    /**
     * Stacks charts downwards from row {@code top}, to the right of column {@code lastColumn}.
     *
     * @return the height they take in pixels, with a gap under each
     */
    static int stackRight(SheetWriter s, List<RenderedChart> charts, int lastColumn, int top) {
        int y = 0;
        for (RenderedChart chart : charts) {
            s.picture(chart, lastColumn + 1, top, GAP_PIXELS, y);
            y += chart.height() + GAP_PIXELS;
        }
        return y;
    }
}
