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
        int row = SheetTable.of(TableSchemas.ALERTS.file(), rows)
                .text("client_id", OutcomeTables.AlertRow::clientId)
                .text("approach", OutcomeTables.AlertRow::approach)
                .text("clinician_id", OutcomeTables.AlertRow::clinicianId)
                .text("instrument", r -> c.instrumentName(r.instrument()))
                .score("baseline", OutcomeTables.AlertRow::baseline)
                .score("latest", OutcomeTables.AlertRow::latest)
                .score("change", OutcomeTables.AlertRow::change)
                .date("latest_date", OutcomeTables.AlertRow::latestDate)
                .date("baseline_date", OutcomeTables.AlertRow::baselineDate)
                .count("n_scores", OutcomeTables.AlertRow::nScores)
                .date("intake_date", OutcomeTables.AlertRow::intakeDate)
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
