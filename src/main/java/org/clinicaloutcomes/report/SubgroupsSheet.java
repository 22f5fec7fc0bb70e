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
        int row = SheetTable.of(TableSchemas.SUBGROUPS.file(), c.tables().subgroups())
                .text("approach", OutcomeTables.SubgroupRow::approach)
                .text("instrument", r -> c.instrumentName(r.instrument()))
                .text("variable", OutcomeTables.SubgroupRow::variable)
                .text("value", OutcomeTables.SubgroupRow::value)
                .count("n_closed", OutcomeTables.SubgroupRow::nClosed)
                .count("n_paired", OutcomeTables.SubgroupRow::nPaired)
                .decimal("change_mean", OutcomeTables.SubgroupRow::changeMean)
                .decimal("change_sd", OutcomeTables.SubgroupRow::changeSd)
                .count("n_reliable_improvement", OutcomeTables.SubgroupRow::nReliableImprovement)
                .percent("reliable_improvement_pct", OutcomeTables.SubgroupRow::reliableImprovementPct)
                .smallGroupsBy(OutcomeTables.SubgroupRow::nPaired)
                .main(0)
                .write(s, c, 0);
        s.note(row + 1, "On " + c.primary().name() + ". Subgroups from the intake file: the index event and four Y/N "
                + "flags (unknown = not recorded).");
    }
}
