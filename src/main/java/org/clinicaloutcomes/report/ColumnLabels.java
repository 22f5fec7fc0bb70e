package org.clinicaloutcomes.report;

import java.util.Map;

/**
 * The readable workbook header of each CSV column (the codebook on the About sheet lists both).
 * Percent columns end in {@code %}; counts that have a rate beside them end in {@code (n)}.
 */
final class ColumnLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("client_id", "Client"),
            Map.entry("approach", "Approach"),
            Map.entry("clinician_id", "Clinician"),
            Map.entry("instrument", "Instrument"),
            Map.entry("baseline", "Baseline score"),
            Map.entry("final", "Final score"),
            Map.entry("change", "Change (final \u2212 baseline)"),
            Map.entry("n_scores", "Scores"),
            Map.entry("reliable_improvement", "Reliable improvement"),
            Map.entry("reliable_deterioration", "Reliable deterioration"),
            Map.entry("case_at_baseline", "Clinical range at baseline"),
            Map.entry("recovered", "Recovered"),
            Map.entry("reliable_recovery", "Reliable recovery"),
            Map.entry("response", "Response"),
            Map.entry("reduction", "Improvement (points)"),
            Map.entry("baseline_date", "Baseline date"),
            Map.entry("final_date", "Final date"),
            Map.entry("intake_date", "Intake date"),
            Map.entry("discharge_date", "Discharge date"),
            Map.entry("discharge_reason", "Discharge reason"),
            Map.entry("attended_sessions", "Attended sessions"),
            Map.entry("n_closed", "Closed episodes"),
            Map.entry("n_paired", "Paired (n)"),
            Map.entry("completeness_pct", "Completeness %"),
            Map.entry("baseline_mean", "Baseline mean"),
            Map.entry("baseline_sd", "Baseline SD"),
            Map.entry("final_mean", "Final mean"),
            Map.entry("final_sd", "Final SD"),
            Map.entry("change_mean", "Mean change"),
            Map.entry("change_sd", "Change SD"),
            Map.entry("change_ci_low", "Change 95% CI low"),
            Map.entry("change_ci_high", "Change 95% CI high"),
            Map.entry("d", "Effect size d"),
            Map.entry("g", "Effect size g"),
            Map.entry("g_ci_low", "g 95% CI low"),
            Map.entry("g_ci_high", "g 95% CI high"),
            Map.entry("dz", "Effect size dz"),
            Map.entry("n_reliable_improvement", "Reliable improvement (n)"),
            Map.entry("reliable_improvement_pct", "Reliable improvement %"),
            Map.entry("reliable_improvement_ci_low", "Reliable improvement 95% CI low %"),
            Map.entry("reliable_improvement_ci_high", "Reliable improvement 95% CI high %"),
            Map.entry("n_reliable_deterioration", "Reliable deterioration (n)"),
            Map.entry("reliable_deterioration_pct", "Reliable deterioration %"),
            Map.entry("n_cases", "Clinical range at baseline (n)"),
            Map.entry("n_recovered", "Recovered (n)"),
            Map.entry("recovery_pct", "Recovery %"),
            Map.entry("recovery_ci_low", "Recovery 95% CI low %"),
            Map.entry("recovery_ci_high", "Recovery 95% CI high %"),
            Map.entry("n_reliable_recovery", "Reliable recovery (n)"),
            Map.entry("reliable_recovery_pct", "Reliable recovery %"),
            Map.entry("n_response", "Response (n)"),
            Map.entry("response_pct", "Response %"),
            Map.entry("sessions_median", "Sessions median"),
            Map.entry("sessions_q1", "Sessions Q1"),
            Map.entry("sessions_q3", "Sessions Q3"),
            Map.entry("dropout_pct", "Dropout %"),
            Map.entry("n_no_reliable_change", "No reliable change (n)"),
            Map.entry("no_reliable_change_pct", "No reliable change %"),
            Map.entry("category", "Category"),
            Map.entry("anova_f", "ANOVA F"),
            Map.entry("anova_df_between", "ANOVA df between"),
            Map.entry("anova_df_within", "ANOVA df within"),
            Map.entry("anova_p", "ANOVA p"),
            Map.entry("kruskal_h", "Kruskal\u2013Wallis H"),
            Map.entry("kruskal_df", "Kruskal\u2013Wallis df"),
            Map.entry("kruskal_p", "Kruskal\u2013Wallis p"),
            Map.entry("chi2", "\u03c7\u00b2 reliable improvement"),
            Map.entry("chi2_df", "\u03c7\u00b2 df"),
            Map.entry("chi2_p", "\u03c7\u00b2 p"),
            Map.entry("n_approaches", "Approaches compared"),
            Map.entry("k", "Assessment (k)"),
            Map.entry("n", "Episodes (n)"),
            Map.entry("mean", "Mean score"),
            Map.entry("sd", "SD"),
            Map.entry("ci_low", "95% CI low"),
            Map.entry("ci_high", "95% CI high"),
            Map.entry("cluster", "Cluster"),
            Map.entry("cluster_name", "Cluster name"),
            Map.entry("first_item", "First item"),
            Map.entry("last_item", "Last item"),
            Map.entry("n_diagnosis_baseline", "Probable PTSD at baseline (n)"),
            Map.entry("diagnosis_baseline_pct", "Probable PTSD at baseline %"),
            Map.entry("n_diagnosis_final", "Probable PTSD at final (n)"),
            Map.entry("diagnosis_final_pct", "Probable PTSD at final %"),
            Map.entry("practice_reliable_improvement_pct", "Practice reliable improvement %"),
            Map.entry("funnel_95_low", "95% limit low %"),
            Map.entry("funnel_95_high", "95% limit high %"),
            Map.entry("funnel_998_low", "99.8% limit low %"),
            Map.entry("funnel_998_high", "99.8% limit high %"),
            Map.entry("variable", "Subgroup variable"),
            Map.entry("value", "Subgroup"),
            Map.entry("period", "Period"),
            Map.entry("intakes", "Intakes"),
            Map.entry("discharges", "Discharges"),
            Map.entry("discharges_completed", "Discharged: completed"),
            Map.entry("discharges_dropout", "Discharged: dropout"),
            Map.entry("discharges_referred", "Discharged: referred"),
            Map.entry("discharges_other", "Discharged: other"),
            Map.entry("caseload", "Caseload"),
            Map.entry("missed_sessions", "Missed sessions"),
            Map.entry("missed_session_pct", "Missed sessions %"),
            Map.entry("latest", "Latest score"),
            Map.entry("latest_date", "Latest score date"),
            Map.entry("file", "File"),
            Map.entry("line", "Line"),
            Map.entry("column", "Column"),
            Map.entry("reason", "Reason"));

    private ColumnLabels() {
    }

    /** The workbook header of a CSV column: from the table above, or the name made readable. */
    static String of(String csvColumn) {
        String label = LABELS.get(csvColumn);
        if (label != null) {
            return label;
        }
        String words = csvColumn.replace('_', ' ').replace(" pct", " %");
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
