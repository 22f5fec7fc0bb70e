package org.clinicaloutcomes.report;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/** {@code Symptom clusters}: the table of pcl5_clusters, with the cluster chart beside it. */
final class SymptomClustersSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.SYMPTOM_CLUSTERS;
    }

    /** Only with PCL-5 item data: a row of the cluster table over at least one episode. */
    @Override
    public boolean present(WorkbookContent content) {
        return DataPresence.clusters(content.tables());
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        SheetTable<OutcomeTables.ClusterRow> table = SheetTable.of(TableSchemas.PCL5_CLUSTERS,
                        c.tables().pcl5Clusters())
                .smallGroupsBy(OutcomeTables.ClusterRow::n)
                .main(2);
        int row = table.write(s, c, 0);
        row = s.note(row + 1, "Episodes whose first and last PCL-5 both carry the 20 items. Probable PTSD (the DSM-5 "
                + "rule) belongs to the approach: it repeats on its four rows.");
        SheetCharts.besideTable(s, c.chartsOf(name()), 0, row, table.width(), 1);
    }
}
