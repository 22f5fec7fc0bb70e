package org.clinicaloutcomes.report;

import java.util.List;
import java.util.Set;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/**
 * {@code Subgroups}: the table of subgroups, on the primary instrument, with the rows of the
 * variables the input records ({@link DataPresence#subgroupVariables}): an index event or flag
 * absent from the input (every episode {@code unknown}) has no rows here (csv/subgroups.csv keeps
 * them), and without any the sheet is left out.
 */
final class SubgroupsSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.SUBGROUPS;
    }

    @Override
    public boolean present(WorkbookContent content) {
        return !DataPresence.subgroupVariables(content.tables()).isEmpty();
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        List<Integer> shown = DataPresence.subgroupRows(c.tables());
        int row = SheetTable.of(TableSchemas.SUBGROUPS, c.tables().subgroups())
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .rowsAt(shown)
                .smallGroupsBy(OutcomeTables.SubgroupRow::nPaired)
                .main(0)
                .write(s, c, 0);
        s.note(row + 1, "On " + c.primary().name() + ". " + source(DataPresence.subgroupVariables(c.tables()),
                c.run().practiceData()));
    }

    /** Where the subgroups come from: every variable, or those the input records. */
    private static String source(Set<String> present, boolean practiceData) {
        if (practiceData && present.containsAll(CohortAnalysis.SUBGROUP_VARIABLES)) {
            return "Subgroups from the intake file: the index event and four Y/N flags (unknown = not recorded).";
        }
        List<String> variables = CohortAnalysis.SUBGROUP_VARIABLES.stream().filter(present::contains).toList();
        return "Subgroups from the " + (practiceData ? "intake file: " : "export: ") + String.join(", ", variables) + " (unknown = not recorded). "
                + "Variables the input does not record are left out (csv/subgroups.csv lists them as unknown).";
    }
}
