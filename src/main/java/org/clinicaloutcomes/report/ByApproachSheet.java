package org.clinicaloutcomes.report;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/**
 * {@code By approach}: the table of outcomes_by_approach, then approach_comparison, with the
 * recovery, effect-size and change charts below (the table is wide).
 */
final class ByApproachSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.BY_APPROACH;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        SheetTable<OutcomeTables.ApproachRow> outcomes = outcomes(c);
        int row = outcomes.write(s, c, 0);
        row += 1;
        row = s.section(row, c.run().words("Comparing the approaches on each questionnaire (approaches with at "
                + "least 2 clients). ") + c.run().design().shortSentence());
        row = SheetTable.of(TableSchemas.APPROACH_COMPARISON, c.tables().approachComparison())
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .write(s, c, row);
        row = s.note(row, c.run().words("Empty cells: not defined (for example a rate over no clients, an SD of "
                + "fewer than 2 values, or a test with fewer than two approaches)."));
        SheetCharts.besideTable(s, c.chartsOf(name()), 0, row + 1, outcomes.width(), 2);
    }

    private static SheetTable<OutcomeTables.ApproachRow> outcomes(WorkbookContent c) {
        return SheetTable.of(TableSchemas.OUTCOMES_BY_APPROACH, c.tables().outcomesByApproach())
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .smallGroupsBy(r -> r.outcomes().nPaired())
                .main(2);
    }
}
