package org.clinicaloutcomes.report;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/** {@code Subgroups}: the table of subgroups, on the primary instrument. */
final class SubgroupsSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.SUBGROUPS;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        int row = SheetTable.of(TableSchemas.SUBGROUPS, c.tables().subgroups())
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .smallGroupsBy(OutcomeTables.SubgroupRow::nPaired)
                .main(0)
                .write(s, c, 0);
        s.note(row + 1, "On " + c.primary().name() + ". Subgroups from the intake file: the index event and four Y/N "
                + "flags (unknown = not recorded).");
    }
}
