package org.clinicaloutcomes.report;

import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/**
 * {@code Alerts} (monthly runs only): the open episodes whose latest score is a reliable
 * deterioration, for the clinical team; not listed when suppression is on (they are episode
 * rows) or when there are too many.
 */
final class AlertsSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.ALERTS;
    }

    @Override
    public boolean monthlyOnly() {
        return true;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        List<OutcomeTables.AlertRow> alerts = c.tables().alerts();
        boolean tooMany = alerts.size() > OutcomesWorkbook.MAX_LISTED_ROWS;
        List<OutcomeTables.AlertRow> rows = c.suppression() || tooMany ? List.of() : alerts;
        int row = SheetTable.of(TableSchemas.ALERTS, rows)
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .main(1)
                .write(s, c, 0);
        if (c.suppression()) {
            row = s.note(row, "Not shown: suppression is on, so episode-level rows are not written.");
        } else if (tooMany) {
            row = s.note(row, "The " + alerts.size() + " alerts are too many to list here: see csv/alerts.csv.");
        } else if (rows.isEmpty()) {
            row = s.note(row, "No open episode shows a reliable deterioration at the end of the month.");
        }
        s.note(row + 1, "Clients still in treatment at the end of " + c.run().window().reportMonth() + " whose "
                + "latest score is a reliable deterioration from their first score. For the clinical team to review.");
    }
}
