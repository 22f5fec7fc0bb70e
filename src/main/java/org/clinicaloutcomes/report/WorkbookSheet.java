package org.clinicaloutcomes.report;

/**
 * One sheet of the report workbook. A new sheet is a class implementing this and its line in
 * {@link OutcomesWorkbook}'s list of sheets, which also fixes where it stands. Its print setup
 * comes with the {@link SheetWriter} ({@link PrintLayout}); a sheet that shows client IDs other
 * than in a {@link SheetTable} of a schema with the client column calls
 * {@link SheetWriter#listsClients()}, so that its printed pages say so.
 */
interface WorkbookSheet {

    /** The sheet's tab name, unique in the workbook. */
    String name();

    /** Whether only a monthly run has this sheet (a research run's window has no month to act on). */
    default boolean monthlyOnly() {
        return false;
    }

    /** Whether only a research run has this sheet (the monthly job computes what it shows only for research). */
    default boolean researchOnly() {
        return false;
    }

    /**
     * Whether the data have what this sheet shows (RESEARCH.md: the workbook shows only what the
     * data have); a sheet without it is left out of the workbook.
     */
    default boolean present(WorkbookContent content) {
        return true;
    }

    /** Writes the sheet's cells and places its charts; the writer sets widths and anchors afterwards. */
    void write(SheetWriter sheet, WorkbookContent content);
}
