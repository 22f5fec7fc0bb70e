package org.clinicaloutcomes.report;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/** {@code Activity}: the table of activity, every accepted episode by period and approach. */
final class ActivitySheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.ACTIVITY;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        int row = SheetTable.of(TableSchemas.ACTIVITY.file(), c.tables().activity())
                .text("period", OutcomeTables.ActivityRow::period)
                .text("approach", OutcomeTables.ActivityRow::approach)
                .count("intakes", OutcomeTables.ActivityRow::intakes)
                .count("discharges", OutcomeTables.ActivityRow::discharges)
                .count("discharges_completed", OutcomeTables.ActivityRow::dischargesCompleted)
                .count("discharges_dropout", OutcomeTables.ActivityRow::dischargesDropout)
                .count("discharges_referred", OutcomeTables.ActivityRow::dischargesReferred)
                .count("discharges_other", OutcomeTables.ActivityRow::dischargesOther)
                .count("caseload", OutcomeTables.ActivityRow::caseload)
                .count("attended_sessions", OutcomeTables.ActivityRow::attendedSessions)
                .count("missed_sessions", OutcomeTables.ActivityRow::missedSessions)
                .percent("missed_session_pct", OutcomeTables.ActivityRow::missedSessionPct)
                .main(0)
                .write(s, c, 0);
        s.note(row + 1, "Every accepted episode, not only the closed ones. Caseload = clients with at least one "
                + "attended session in the period.");
    }
}
