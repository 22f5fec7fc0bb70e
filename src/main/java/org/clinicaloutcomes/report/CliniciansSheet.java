package org.clinicaloutcomes.report;

import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/**
 * {@code Clinicians}: the table of clinicians (at most {@link OutcomesWorkbook#MAX_LISTED_ROWS}
 * of them, by id: never ranked by a rate; the rates and their bands first), each band in words ({@link PlainWords#band}), with the
 * two funnel charts (reliable improvement, dropout) beside it.
 */
final class CliniciansSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.CLINICIANS;
    }

    /** Not when every clinician is {@code unknown} (an export without a clinician column). */
    @Override
    public boolean present(WorkbookContent content) {
        return DataPresence.clinicians(content.tables());
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        List<OutcomeTables.ClinicianRow> clinicians = c.tables().clinicians();
        int listed = Math.min(clinicians.size(), OutcomesWorkbook.MAX_LISTED_ROWS);
        // The figures an owner reads first (caseload, the two rates and their bands in words) come
        // before the counts and limits they rest on; every column of clinicians.csv is shown.
        SheetTable<OutcomeTables.ClinicianRow> table = SheetTable.someColumnsOf(TableSchemas.CLINICIANS,
                        clinicians.subList(0, listed))
                .columns("clinician_id", "instrument", "n_closed", "n_open", "n_paired", "reliable_improvement_pct",
                        "reliable_improvement_band", "n_dropout", "dropout_pct", "dropout_band",
                        "n_reliable_deterioration", "reliable_deterioration_pct", "measured_pct", "change_mean",
                        "n_reliable_improvement", "n_cases", "n_recovered", "recovery_pct",
                        "practice_reliable_improvement_pct", "funnel_95_low", "funnel_95_high", "funnel_998_low",
                        "funnel_998_high", "practice_dropout_pct", "dropout_funnel_95_low", "dropout_funnel_95_high",
                        "dropout_funnel_998_low", "dropout_funnel_998_high")
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .shown("reliable_improvement_band", r -> c.run().words(PlainWords.band(r.reliableImprovementBand())))
                .shown("dropout_band", r -> c.run().words(PlainWords.band(r.dropoutBand())))
                .smallGroupsBy(OutcomeTables.ClinicianRow::nPaired)
                .main(1);
        int row = table.write(s, c, 0);
        if (clinicians.size() > listed) {
            row = s.note(row, OutcomesWorkbook.andMore(clinicians.size() - listed)
                    + " clinicians: every one is in csv/clinicians.csv.");
        }
        row = s.note(row + 1, "On " + c.primary().name() + c.run().words(". The limits are where a clinician's rate "
                + "would fall by chance alone, at their number of clients, around the practice rate; case mix is not "
                + "adjusted for."));
        row = s.note(row, c.run().byWave() // no discharge reasons, so no dropout
                ? c.run().words("Reliable improvement: higher is better (limits at the clients with before-and-after "
                        + "scores).")
                : c.run().words("Reliable improvement: higher is better (limits at the clients with "
                + "before-and-after scores). Dropout: lower is better (limits at the clients discharged in the "
                + "window)."));
        row = s.note(row, c.run().words("Clinicians are listed by id, not ranked: read each rate against the limits "
                + "at that clinician's own number of clients."));
        SheetCharts.besideTable(s, c.chartsOf(name()), 0, row, table.width(), 2);
    }
}
