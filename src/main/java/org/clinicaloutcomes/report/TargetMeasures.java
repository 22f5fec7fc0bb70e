package org.clinicaloutcomes.report;

import java.util.Locale;
import java.util.Map;

/**
 * Each default approach's own target measure (REPORTS.md, "The summary page": "outcomes by
 * approach on the primary instrument and on each approach's own target measure"): DBT on
 * emotion regulation (DERS-16), ACT on psychological flexibility (AAQ-II), CPT and PE on PTSD
 * symptoms (PCL-5, and its symptom clusters). An approach not listed here (a researcher's own
 * arms) has no target measure beyond the primary instrument; a target instrument that is not
 * configured, or has no paired scores, is left out by the page.
 */
final class TargetMeasures {

    /** Approach code (upper case) to the instrument key of its target measure. */
    private static final Map<String, String> TARGET = Map.of(
            "DBT", "ders16",
            "ACT", "aaq2",
            "CPT", "pcl5",
            "PE", "pcl5");

    /** The instrument key whose item data give the symptom clusters of the trauma-focused approaches. */
    static final String CLUSTER_INSTRUMENT = "pcl5";

    private TargetMeasures() {
    }

    /** The instrument key of an approach's target measure, or {@code null} when it has none. */
    static String of(String approach) {
        return TARGET.get(approach.toUpperCase(Locale.ROOT));
    }

    /** Whether the approach's target is PCL-5, whose symptom clusters the page then shows. */
    static boolean clusters(String approach) {
        return CLUSTER_INSTRUMENT.equals(of(approach));
    }
}
