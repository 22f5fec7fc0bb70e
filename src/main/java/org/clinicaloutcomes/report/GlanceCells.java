package org.clinicaloutcomes.report;

import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * Where the "at a glance" blocks ({@link MonthAtAGlance}, {@link SummaryGlance}) put their cells:
 * a sheet of the workbook ({@link SheetWriter}) or the summary page's table ({@link SummaryPageModel}).
 * The blocks work out their figures and words once; each output only lays them out.
 */
interface GlanceCells {

    /** A header cell. */
    void header(int row, int column, String label);

    /** A text cell. */
    void text(int row, int column, String text);

    /**
     * A value: a {@link Number} of its kind (a {@link Kind#PERCENT} in percent), or the text of a
     * hidden count ({@code <11}, {@code >10}); {@code null} leaves the cell empty. {@code light}:
     * a small group.
     */
    void value(int row, int column, Object value, Kind kind, boolean light);

    /** A note below the block; returns the row after it. */
    int note(int row, String text);
}
