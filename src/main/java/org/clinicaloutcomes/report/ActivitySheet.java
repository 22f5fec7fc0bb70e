package org.clinicaloutcomes.report;

import org.clinicaloutcomes.analysis.TableSchemas;

/** {@code Activity}: the table of activity, every accepted episode by period and approach. */
final class ActivitySheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.ACTIVITY;
    }

    /** Not in an analysis by wave: nothing is dated, so there is no activity (RESEARCH.md). */
    @Override
    public boolean present(WorkbookContent content) {
        return !content.run().byWave();
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        int row = SheetTable.of(TableSchemas.ACTIVITY, c.tables().activity())
                .main(0)
                .write(s, c, 0);
        s.note(row + 1, c.run().words("Every accepted episode, not only the closed ones. Caseload = clients with at "
                + "least one attended session in the period."));
    }
}
