package org.clinicaloutcomes.report;

import org.clinicaloutcomes.analysis.OutcomeTables;

/** {@code Trajectories}: the table of trajectories, with the trajectory charts beside it. */
final class TrajectoriesSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.TRAJECTORIES;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        SheetTable<OutcomeTables.TrajectoryRow> table = SheetTable.of(ByWave.trajectories(c.run()),
                        c.tables().trajectories())
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .smallGroupsBy(r -> r.point().n())
                .main(0);
        int row = table.write(s, c, 0);
        if (c.run().byWave()) {
            row = s.note(row + 1, "Wave: the label of the job file's waves; k: its position (1 = the first wave).");
            row = s.note(row, "Over the participants with before-and-after scores; rows with no scores are left out.");
        } else {
            row = s.note(row + 1, "k = the k-th score of the episode (1 = baseline). Rows with no scores are left out.");
        }
        SheetCharts.besideTable(s, c.chartsOf(name()), 0, row, table.width(), 1);
    }
}
