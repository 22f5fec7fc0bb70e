package org.clinicaloutcomes.report;

import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/**
 * {@code Clinicians}: the table of clinicians (at most {@link OutcomesWorkbook#MAX_LISTED_ROWS}
 * of them), with the funnel chart beside it.
 */
final class CliniciansSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.CLINICIANS;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        List<OutcomeTables.ClinicianRow> clinicians = c.tables().clinicians();
        int listed = Math.min(clinicians.size(), OutcomesWorkbook.MAX_LISTED_ROWS);
        SheetTable<OutcomeTables.ClinicianRow> table = SheetTable.of(TableSchemas.CLINICIANS,
                        clinicians.subList(0, listed))
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .smallGroupsBy(OutcomeTables.ClinicianRow::nPaired)
                .main(1);
        int row = table.write(s, c, 0);
        if (clinicians.size() > listed) {
            row = s.note(row, OutcomesWorkbook.andMore(clinicians.size() - listed)
                    + " clinicians: every one is in csv/clinicians.csv.");
        }
        row = s.note(row + 1, "On " + c.primary().name() + ". The limits are where a clinician's rate would fall by "
                + "chance alone, at their number of clients, around the practice rate; case mix is not adjusted for.");
        SheetCharts.besideTable(s, c.chartsOf(name()), 0, row, table.width(), 1);
    }
}
