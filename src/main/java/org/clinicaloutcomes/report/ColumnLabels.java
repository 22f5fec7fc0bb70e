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
            Map.entry("funnel_95_low", "Improvement 95% limit low %"),
            Map.entry("funnel_95_high", "Improvement 95% limit high %"),
            Map.entry("funnel_998_low", "Improvement 99.8% limit low %"),
            Map.entry("funnel_998_high", "Improvement 99.8% limit high %"),
            Map.entry("n_open", "Open episodes at window end"),
            Map.entry("n_dropout", "Dropouts (n)"),
            Map.entry("measured_pct", "Sessions with a score %"),
            Map.entry("practice_dropout_pct", "Practice dropout %"),
            Map.entry("dropout_funnel_95_low", "Dropout 95% limit low %"),
            Map.entry("dropout_funnel_95_high", "Dropout 95% limit high %"),
            Map.entry("dropout_funnel_998_low", "Dropout 99.8% limit low %"),
            Map.entry("dropout_funnel_998_high", "Dropout 99.8% limit high %"),
            Map.entry("reliable_improvement_band", "Reliable improvement against the practice"),
            Map.entry("dropout_band", "Dropout against the practice"),
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
            // monthly_series.csv
            Map.entry("month", "Month"),
            Map.entry("reliable_improvement_pct_12m", "Reliable improvement, rolling 12 months %"),
            Map.entry("recovery_pct_12m", "Recovery, rolling 12 months %"),
            Map.entry("n_started_with_referral", "Started treatment, with a referral date (n)"),
            Map.entry("wait_days_median", "Median wait (days)"),
            Map.entry("wait_within_6_weeks_pct", "Waited 6 weeks or less %"),
            Map.entry("wait_within_18_weeks_pct", "Waited 18 weeks or less %"),
            Map.entry("spc_centre_pct", "Centre line (average) %"),
            Map.entry("spc_lower_pct", "Lower limit %"),
            Map.entry("spc_upper_pct", "Upper limit %"),
            Map.entry("above_limit", "Above the upper limit"),
            Map.entry("below_limit", "Below the lower limit"),
            Map.entry("run_above", "7+ months in a row above the average"),
            Map.entry("run_below", "7+ months in a row below the average"),
            Map.entry("trend_up", "Rising for 7+ months"),
            Map.entry("trend_down", "Falling for 7+ months"),
            Map.entry("latest", "Latest score"),
            // expected_recovery.csv, expected_recovery_check.csv, attention.csv
            Map.entry("intercept", "Intercept a"),
            Map.entry("slope", "Slope b"),
            Map.entry("residual_sd", "Residual SD s"),
            Map.entry("n_judged", "Clients checked (n)"),
            Map.entry("n_flagged", "Flagged at the 3rd score (n)"),
            Map.entry("flagged_no_ri_pct", "Flagged: ended without reliable improvement %"),
            Map.entry("unflagged_no_ri_pct", "Not flagged: ended without reliable improvement %"),
            Map.entry("sensitivity_no_ri_pct", "Without reliable improvement: flagged %"),
            Map.entry("specificity_no_ri_pct", "With reliable improvement: not flagged %"),
            Map.entry("deteriorated_flagged_pct", "Reliably deteriorated: flagged %"),
            Map.entry("last_attended", "Last attended"),
            Map.entry("reasons", "Why"),
            Map.entry("instruments_deteriorated", "Reliably worse on"),
            Map.entry("instruments_not_on_track", "Not on track on"),
            Map.entry("primary_baseline", "First score"),
            Map.entry("primary_latest", "Latest score (main)"),
            Map.entry("primary_expected", "Expected now"),
            Map.entry("primary_threshold", "Not on track above"),
            Map.entry("n_clients", "Clients on the list"),
            Map.entry("n_deteriorated", "Reliably worse"),
            Map.entry("n_not_on_track", "Not on track"),
            Map.entry("n_no_recent_session", "No recent session"),
            Map.entry("n_no_measure", "Not measured"),
            Map.entry("latest_date", "Latest score date"),
            Map.entry("file", "File"),
            Map.entry("line", "Line"),
            Map.entry("column", "Column"),
            Map.entry("reason", "Reason"));

    /**
     * Headers of a column of one file that means something else there than the column of the same
     * name elsewhere: {@code n_deteriorated} of clinical_significance.csv is a method's count, not
     * the attention list's "reliably worse".
     */
    private static final Map<String, Map<String, String>> FILE_LABELS = Map.of(
            "clinical_significance.csv", Map.ofEntries(
                    Map.entry("method", "Method"),
                    Map.entry("n", "Classified (n)"),
                    Map.entry("n_improved", "Improved (n)"),
                    Map.entry("n_unchanged", "Unchanged (n)"),
                    Map.entry("n_deteriorated", "Deteriorated (n)"),
                    Map.entry("n_recovered", "Five-way: recovered (n)"),
                    Map.entry("n_improved_not_recovered", "Five-way: improved, not recovered (n)"),
                    Map.entry("n_harmed", "Five-way: harmed (n)"),
                    Map.entry("cutoff", "Cut-off"),
                    Map.entry("critical_value", "Critical value (z)")));

    private ColumnLabels() {
    }

    /**
     * The workbook header of a column of a CSV file ({@code clinical_significance.csv}, without
     * the folder): its own header in that file where it has one, else {@link #of(String)}.
     */
    static String of(String csvFile, String csvColumn) {
        Map<String, String> labels = csvFile == null ? null : FILE_LABELS.get(csvFile);
        String label = labels == null ? null : labels.get(csvColumn);
        return label != null ? label : of(csvColumn);
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
