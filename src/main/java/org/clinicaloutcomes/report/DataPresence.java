package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.OutcomeTables;

/**
 * What the data have, read off the tables (RESEARCH.md, "Every research run, whatever its
 * layout": the workbook and the charts show only that): PCL-5 item data, paired scores of an
 * instrument, a known clinician, a recorded subgroup variable. The tables and the CSVs keep their
 * fixed shape; the sheets and charts leave out what is empty by these rules.
 */
final class DataPresence {

    private DataPresence() {
    }

    /** Whether the PCL-5 cluster table has a row over at least one episode (PCL-5 item data). */
    static boolean clusters(OutcomeTables tables) {
        return tables.pcl5Clusters().stream().anyMatch(row -> row.n() > 0);
    }

    /** Whether some clinician is known: not every clinician is {@code unknown}. */
    static boolean clinicians(OutcomeTables tables) {
        return tables.clinicians().stream().anyMatch(row -> !CohortAnalysis.UNKNOWN.equals(row.clinicianId()));
    }

    /** Whether an instrument has paired scores in some group (approach or ALL). */
    static boolean paired(OutcomeTables tables, String instrumentKey) {
        return tables.outcomesByApproach().stream()
                .anyMatch(row -> row.instrument().equals(instrumentKey) && row.outcomes().nPaired() > 0);
    }

    /**
     * The subgroup variables the input has: those with a closed episode at a value other than
     * {@code unknown} in some group. A variable absent from the input (every episode unknown,
     * every other value n = 0) is not.
     */
    static Set<String> subgroupVariables(OutcomeTables tables) {
        Set<String> present = new HashSet<>();
        for (OutcomeTables.SubgroupRow row : tables.subgroups()) {
            if (!CohortAnalysis.UNKNOWN.equals(row.value()) && row.nClosed() > 0) {
                present.add(row.variable());
            }
        }
        return present;
    }

    /** Indices in {@code subgroups} of the rows of the variables the input has, in table order. */
    static List<Integer> subgroupRows(OutcomeTables tables) {
        Set<String> present = subgroupVariables(tables);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < tables.subgroups().size(); i++) {
            if (present.contains(tables.subgroups().get(i).variable())) {
                indices.add(i);
            }
        }
        return indices;
    }
}
