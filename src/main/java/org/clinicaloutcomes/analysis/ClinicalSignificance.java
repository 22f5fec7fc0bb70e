package org.clinicaloutcomes.analysis;

import java.util.List;

import org.clinicaloutcomes.metrics.significance.SignificanceMethod;

/**
 * The clinical-significance results of a research run (SIGNIFICANCE.md, section 11):
 * {@code clinical_significance.csv}'s rows and the warning lines of the methods an instrument
 * could not run (missing parameters, undefined input).
 *
 * @param methods  the methods the run asked for, in the contract's order (the
 *                 {@code category_<method>} columns of {@code episode_outcomes.csv})
 * @param rows     instrument (file order) × method (contract order) × approach (configured
 *                 order, then ALL); none for a method left out for an instrument
 * @param warnings one line per instrument and method left out or undefined, in row order
 */
public record ClinicalSignificance(List<SignificanceMethod> methods, List<OutcomeTables.SignificanceRow> rows,
                                   List<String> warnings) {

    /** Nothing computed (the monthly job). */
    public static final ClinicalSignificance NONE = new ClinicalSignificance(List.of(), List.of(), List.of());

    public ClinicalSignificance {
        methods = List.copyOf(methods);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** The same results with other rows (suppression keeps the methods and warnings). */
    public ClinicalSignificance withRows(List<OutcomeTables.SignificanceRow> otherRows) {
        return new ClinicalSignificance(methods, otherRows, warnings);
    }
}
