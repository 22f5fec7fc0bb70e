package org.clinicaloutcomes.analysis;

import static org.clinicaloutcomes.analysis.TableSchema.count;
import static org.clinicaloutcomes.analysis.TableSchema.date;
import static org.clinicaloutcomes.analysis.TableSchema.flag;
import static org.clinicaloutcomes.analysis.TableSchema.number;
import static org.clinicaloutcomes.analysis.TableSchema.pValue;
import static org.clinicaloutcomes.analysis.TableSchema.rate;
import static org.clinicaloutcomes.analysis.TableSchema.score;
import static org.clinicaloutcomes.analysis.TableSchema.text;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.clinicaloutcomes.analysis.OutcomeTables.ActivityRow;
import org.clinicaloutcomes.analysis.OutcomeTables.AlertRow;
import org.clinicaloutcomes.analysis.OutcomeTables.AttentionCountRow;
import org.clinicaloutcomes.analysis.OutcomeTables.AttentionRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ExpectedRecoveryRow;
import org.clinicaloutcomes.analysis.OutcomeTables.FlagCheckRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ApproachRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ClinicianRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ClusterRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ComparisonRow;
import org.clinicaloutcomes.analysis.OutcomeTables.EpisodeRow;
import org.clinicaloutcomes.analysis.OutcomeTables.SeriesRow;
import org.clinicaloutcomes.analysis.OutcomeTables.SignificanceRow;
import org.clinicaloutcomes.analysis.OutcomeTables.SubgroupRow;
import org.clinicaloutcomes.analysis.OutcomeTables.TrajectoryRow;
import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.Interval;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;

/**
 * The schema of every output table ({@link TableSchema}), one constant per table: the file names
 * and column lists of REPORTS.md ("Output folder", the CSV columns) are written here once, and
 * the CSV writer, the workbook's sheets, the suppression's cell addresses and the codebook test
 * use them. {@code outcomes_by_approach.csv} has exactly the columns of REPORTS.md;
 * {@code episode_outcomes.csv}, {@code approach_comparison.csv} and {@code trajectories.csv}
 * start with them. Three tables are the workbook's, not CSV files: {@link #WINDOW_ACTIVITY},
 * {@link #MONTHS_BEFORE_SERIES} and {@link #ATTENTION_COUNTS}.
 */
public final class TableSchemas {

    /** The count of paired episodes with neither reliable improvement nor deterioration. */
    public static final String NO_RELIABLE_CHANGE = "n_no_reliable_change";

    /** {@code episode_outcomes.csv}: closed episode × instrument with paired scores. */
    public static final TableSchema<EpisodeRow> EPISODE_OUTCOMES = table("episode_outcomes.csv",
            OutcomeTables::episodeOutcomes, List.of(
                    text("client_id", EpisodeRow::clientId),
                    text("approach", EpisodeRow::approach),
                    text("clinician_id", EpisodeRow::clinicianId),
                    text("instrument", EpisodeRow::instrument),
                    score("baseline", r -> r.outcome().baseline()),
                    score("final", r -> r.outcome().finalScore()),
                    score("change", r -> r.outcome().change()),
                    count("n_scores", r -> r.outcome().nScores()),
                    flag("reliable_improvement", r -> r.outcome().reliableImprovement()),
                    flag("reliable_deterioration", r -> r.outcome().reliableDeterioration()),
                    flag("case_at_baseline", r -> r.outcome().caseAtBaseline()),
                    flag("recovered", r -> r.outcome().recovered()),
                    flag("reliable_recovery", r -> r.outcome().reliableRecovery()),
                    flag("response", r -> r.outcome().response()),
                    score("reduction", r -> r.outcome().reduction()),
                    date("baseline_date", EpisodeRow::baselineDate),
                    date("final_date", EpisodeRow::finalDate),
                    date("intake_date", EpisodeRow::intakeDate),
                    date("discharge_date", EpisodeRow::dischargeDate),
                    text("discharge_reason", EpisodeRow::dischargeReason),
                    count("attended_sessions", EpisodeRow::attendedSessions),
                    text("category", r -> r.outcome().category())));

    /**
     * {@code episode_outcomes.csv} of an analysis by wave (RESEARCH.md): the same columns (those of
     * dates and sessions empty), then the labels of the baseline's and the final score's waves.
     */
    public static final TableSchema<EpisodeRow> EPISODE_OUTCOMES_BY_WAVE = EPISODE_OUTCOMES.withColumnsAfter(
            "category", List.of(text("baseline_wave", EpisodeRow::baselineWave),
                    text("final_wave", EpisodeRow::finalWave)));

    /**
     * {@code clinical_significance.csv} (research runs): instrument × method × approach, then ALL
     * (SIGNIFICANCE.md, section 11).
     */
    public static final TableSchema<SignificanceRow> CLINICAL_SIGNIFICANCE = table("clinical_significance.csv",
            OutcomeTables::clinicalSignificance, List.of(
                    text("instrument", SignificanceRow::instrument),
                    text("method", SignificanceRow::method),
                    text("approach", SignificanceRow::approach),
                    count("n", SignificanceRow::n),
                    count("n_improved", SignificanceRow::nImproved),
                    count("n_unchanged", SignificanceRow::nUnchanged),
                    count("n_deteriorated", SignificanceRow::nDeteriorated),
                    count("n_recovered", SignificanceRow::nRecovered),
                    count("n_improved_not_recovered", SignificanceRow::nImprovedNotRecovered),
                    count("n_harmed", SignificanceRow::nHarmed),
                    number("cutoff", SignificanceRow::cutoff),
                    number("critical_value", SignificanceRow::criticalValue)));

    /**
     * The five-way "deteriorated" count of a {@link #CLINICAL_SIGNIFICANCE} row (n_deteriorated −
     * n_harmed): not a CSV column, a count the workbook shows, protected by suppression like one.
     */
    public static final String DETERIORATED_NOT_HARMED = "n_deteriorated_not_harmed";

    /** The prefix of {@code episode_outcomes.csv}'s column of a clinical-significance method. */
    public static final String CATEGORY_PREFIX = "category_";

    /** {@code outcomes_by_approach.csv}: approach (then ALL) × instrument. */
    public static final TableSchema<ApproachRow> OUTCOMES_BY_APPROACH = table("outcomes_by_approach.csv",
            OutcomeTables::outcomesByApproach, List.of(
                    text("approach", ApproachRow::approach),
                    text("instrument", ApproachRow::instrument),
                    count("n_closed", r -> r.outcomes().nClosed()),
                    count("n_paired", r -> r.outcomes().nPaired()),
                    rate("completeness_pct", r -> r.outcomes().completenessPct()),
                    number("baseline_mean", r -> r.outcomes().baselineMean()),
                    number("baseline_sd", r -> r.outcomes().baselineSd()),
                    number("final_mean", r -> r.outcomes().finalMean()),
                    number("final_sd", r -> r.outcomes().finalSd()),
                    number("change_mean", r -> r.outcomes().changeMean()),
                    number("change_sd", r -> r.outcomes().changeSd()),
                    number("change_ci_low", r -> r.outcomes().changeCiLow()),
                    number("change_ci_high", r -> r.outcomes().changeCiHigh()),
                    number("d", r -> r.outcomes().d()),
                    number("g", r -> r.outcomes().g()),
                    number("g_ci_low", r -> r.outcomes().gCiLow()),
                    number("g_ci_high", r -> r.outcomes().gCiHigh()),
                    number("dz", r -> r.outcomes().dz()),
                    count("n_reliable_improvement", r -> r.outcomes().nReliableImprovement()),
                    rate("reliable_improvement_pct", r -> r.outcomes().reliableImprovementPct()),
                    rate("reliable_improvement_ci_low", r -> r.outcomes().reliableImprovementCiLow()),
                    rate("reliable_improvement_ci_high", r -> r.outcomes().reliableImprovementCiHigh()),
                    count("n_reliable_deterioration", r -> r.outcomes().nReliableDeterioration()),
                    rate("reliable_deterioration_pct", r -> r.outcomes().reliableDeteriorationPct()),
                    count("n_cases", r -> r.outcomes().nCases()),
                    count("n_recovered", r -> r.outcomes().nRecovered()),
                    rate("recovery_pct", r -> r.outcomes().recoveryPct()),
                    rate("recovery_ci_low", r -> r.outcomes().recoveryCiLow()),
                    rate("recovery_ci_high", r -> r.outcomes().recoveryCiHigh()),
                    count("n_reliable_recovery", r -> r.outcomes().nReliableRecovery()),
                    rate("reliable_recovery_pct", r -> r.outcomes().reliableRecoveryPct()),
                    count("n_response", r -> r.outcomes().nResponse()),
                    rate("response_pct", r -> r.outcomes().responsePct()),
                    number("sessions_median", r -> r.outcomes().sessionsMedian()),
                    number("sessions_q1", r -> r.outcomes().sessionsQ1()),
                    number("sessions_q3", r -> r.outcomes().sessionsQ3()),
                    rate("dropout_pct", r -> r.outcomes().dropoutPct()),
                    count(NO_RELIABLE_CHANGE, r -> r.outcomes().nNoReliableChange()),
                    rate("no_reliable_change_pct", r -> r.outcomes().noReliableChangePct())));

    /** {@code approach_comparison.csv}: the tests comparing the approaches, one row per instrument. */
    public static final TableSchema<ComparisonRow> APPROACH_COMPARISON = table("approach_comparison.csv",
            OutcomeTables::approachComparison, List.of(
                    text("instrument", ComparisonRow::instrument),
                    number("anova_f", r -> r.result().anovaF()),
                    count("anova_df_between", r -> r.result().anovaDfBetween()),
                    count("anova_df_within", r -> r.result().anovaDfWithin()),
                    pValue("anova_p", r -> r.result().anovaP()),
                    number("kruskal_h", r -> r.result().kruskalH()),
                    count("kruskal_df", r -> r.result().kruskalDf()),
                    pValue("kruskal_p", r -> r.result().kruskalP()),
                    number("chi2", r -> r.result().chi2()),
                    count("chi2_df", r -> r.result().chi2Df()),
                    pValue("chi2_p", r -> r.result().chi2P()),
                    count("n_approaches", ComparisonRow::nApproaches),
                    count("n_paired", ComparisonRow::nPaired)));

    /** {@code trajectories.csv}: approach × instrument × k. */
    public static final TableSchema<TrajectoryRow> TRAJECTORIES = table("trajectories.csv",
            OutcomeTables::trajectories, List.of(
                    text("approach", TrajectoryRow::approach),
                    text("instrument", TrajectoryRow::instrument),
                    count("k", TrajectoryRow::k),
                    count("n", r -> r.point().n()),
                    number("mean", r -> r.point().mean()),
                    number("sd", r -> r.point().sd()),
                    number("ci_low", r -> r.point().ciLow()),
                    number("ci_high", r -> r.point().ciHigh())));

    /** {@code trajectories.csv} of an analysis by wave: {@code wave} is the wave's label, k its position. */
    public static final TableSchema<TrajectoryRow> TRAJECTORIES_BY_WAVE = TRAJECTORIES.withColumnsAfter("instrument",
            List.of(text("wave", TrajectoryRow::wave)));

    /** {@code pcl5_clusters.csv}: approach (then ALL) × DSM-5 cluster of the PCL-5. */
    public static final TableSchema<ClusterRow> PCL5_CLUSTERS = table("pcl5_clusters.csv",
            OutcomeTables::pcl5Clusters, List.of(
                    text("approach", ClusterRow::approach),
                    text("cluster", r -> r.cluster().name()),
                    text("cluster_name", r -> r.cluster().label()),
                    count("first_item", r -> r.cluster().firstItem()),
                    count("last_item", r -> r.cluster().lastItem()),
                    count("n", ClusterRow::n),
                    number("baseline_mean", ClusterRow::baselineMean),
                    number("baseline_sd", ClusterRow::baselineSd),
                    number("final_mean", ClusterRow::finalMean),
                    number("final_sd", ClusterRow::finalSd),
                    number("change_mean", ClusterRow::changeMean),
                    number("change_sd", ClusterRow::changeSd),
                    count("n_diagnosis_baseline", ClusterRow::nDiagnosisBaseline),
                    rate("diagnosis_baseline_pct", ClusterRow::diagnosisBaselinePct),
                    count("n_diagnosis_final", ClusterRow::nDiagnosisFinal),
                    rate("diagnosis_final_pct", ClusterRow::diagnosisFinalPct)));

    /**
     * {@code clinicians.csv}: one row per clinician, with the funnel limits of the reliable
     * improvement rate, then MONITORING.md's fuller view (open caseload, dropout with its own
     * limits, deterioration, measured sessions, the two bands).
     */
    public static final TableSchema<ClinicianRow> CLINICIANS = table("clinicians.csv",
            OutcomeTables::clinicians, List.of(
                    text("clinician_id", ClinicianRow::clinicianId),
                    text("instrument", ClinicianRow::instrument),
                    count("n_closed", ClinicianRow::nClosed),
                    count("n_paired", ClinicianRow::nPaired),
                    number("change_mean", ClinicianRow::changeMean),
                    count("n_reliable_improvement", ClinicianRow::nReliableImprovement),
                    rate("reliable_improvement_pct", ClinicianRow::reliableImprovementPct),
                    count("n_cases", ClinicianRow::nCases),
                    count("n_recovered", ClinicianRow::nRecovered),
                    rate("recovery_pct", ClinicianRow::recoveryPct),
                    rate("practice_reliable_improvement_pct", ClinicianRow::practiceRiPct),
                    rate("funnel_95_low", ClinicianRow::funnel95Low),
                    rate("funnel_95_high", ClinicianRow::funnel95High),
                    rate("funnel_998_low", ClinicianRow::funnel998Low),
                    rate("funnel_998_high", ClinicianRow::funnel998High),
                    count("n_open", ClinicianRow::nOpen),
                    count("n_dropout", ClinicianRow::nDropout),
                    rate("dropout_pct", ClinicianRow::dropoutPct),
                    count("n_reliable_deterioration", ClinicianRow::nReliableDeterioration),
                    rate("reliable_deterioration_pct", ClinicianRow::reliableDeteriorationPct),
                    rate("measured_pct", ClinicianRow::measuredPct),
                    rate("practice_dropout_pct", ClinicianRow::practiceDropoutPct),
                    rate("dropout_funnel_95_low", ClinicianRow::dropoutFunnel95Low),
                    rate("dropout_funnel_95_high", ClinicianRow::dropoutFunnel95High),
                    rate("dropout_funnel_998_low", ClinicianRow::dropoutFunnel998Low),
                    rate("dropout_funnel_998_high", ClinicianRow::dropoutFunnel998High),
                    text("reliable_improvement_band", r -> org.clinicaloutcomes.metrics.FunnelBand.codeOf(
                            r.reliableImprovementBand())),
                    text("dropout_band", r -> org.clinicaloutcomes.metrics.FunnelBand.codeOf(r.dropoutBand()))));

    /** {@code subgroups.csv}: approach (then ALL) × subgroup, on the primary instrument. */
    public static final TableSchema<SubgroupRow> SUBGROUPS = table("subgroups.csv",
            OutcomeTables::subgroups, List.of(
                    text("approach", SubgroupRow::approach),
                    text("instrument", SubgroupRow::instrument),
                    text("variable", SubgroupRow::variable),
                    text("value", SubgroupRow::value),
                    count("n_closed", SubgroupRow::nClosed),
                    count("n_paired", SubgroupRow::nPaired),
                    number("change_mean", SubgroupRow::changeMean),
                    number("change_sd", SubgroupRow::changeSd),
                    count("n_reliable_improvement", SubgroupRow::nReliableImprovement),
                    rate("reliable_improvement_pct", SubgroupRow::reliableImprovementPct)));

    /** {@code activity.csv}: one row per approach, then ALL, for the activity period. */
    public static final TableSchema<ActivityRow> ACTIVITY = table("activity.csv",
            OutcomeTables::activity, List.of(
                    text("period", ActivityRow::period),
                    text("approach", ActivityRow::approach),
                    count("intakes", ActivityRow::intakes),
                    count("discharges", ActivityRow::discharges),
                    count("discharges_completed", ActivityRow::dischargesCompleted),
                    count("discharges_dropout", ActivityRow::dischargesDropout),
                    count("discharges_referred", ActivityRow::dischargesReferred),
                    count("discharges_other", ActivityRow::dischargesOther),
                    count("caseload", ActivityRow::caseload),
                    count("attended_sessions", ActivityRow::attendedSessions),
                    count("missed_sessions", ActivityRow::missedSessions),
                    rate("missed_session_pct", ActivityRow::missedSessionPct)));

    /** {@code alerts.csv} (monthly runs): open episodes whose latest score is a reliable deterioration. */
    public static final TableSchema<AlertRow> ALERTS = table("alerts.csv",
            OutcomeTables::alerts, List.of(
                    text("client_id", AlertRow::clientId),
                    text("approach", AlertRow::approach),
                    text("clinician_id", AlertRow::clinicianId),
                    text("instrument", AlertRow::instrument),
                    score("baseline", AlertRow::baseline),
                    score("latest", AlertRow::latest),
                    score("change", AlertRow::change),
                    date("latest_date", AlertRow::latestDate),
                    date("baseline_date", AlertRow::baselineDate),
                    count("n_scores", AlertRow::nScores),
                    date("intake_date", AlertRow::intakeDate)));

    /**
     * {@code monthly_series.csv} (monthly runs): month × approach, then ALL, by month (MONITORING.md,
     * reading 9 gives these columns in this order).
     */
    public static final TableSchema<SeriesRow> MONTHLY_SERIES = table("monthly_series.csv",
            OutcomeTables::monthlySeries, List.of(
                    text("month", SeriesRow::month),
                    text("approach", SeriesRow::approach),
                    count("intakes", SeriesRow::intakes),
                    count("discharges", SeriesRow::discharges),
                    count("caseload", SeriesRow::caseload),
                    count("attended_sessions", SeriesRow::attendedSessions),
                    count("missed_sessions", SeriesRow::missedSessions),
                    count("n_closed", SeriesRow::nClosed),
                    count("n_paired", SeriesRow::nPaired),
                    count("n_reliable_improvement", SeriesRow::nReliableImprovement),
                    rate("reliable_improvement_pct", SeriesRow::reliableImprovementPct),
                    rate("reliable_improvement_ci_low", r -> Interval.lowOf(r.reliableImprovementCi())),
                    rate("reliable_improvement_ci_high", r -> Interval.highOf(r.reliableImprovementCi())),
                    count("n_cases", SeriesRow::nCases),
                    count("n_recovered", SeriesRow::nRecovered),
                    rate("recovery_pct", SeriesRow::recoveryPct),
                    rate("recovery_ci_low", r -> Interval.lowOf(r.recoveryCi())),
                    rate("recovery_ci_high", r -> Interval.highOf(r.recoveryCi())),
                    count("n_reliable_deterioration", SeriesRow::nReliableDeterioration),
                    rate("reliable_deterioration_pct", SeriesRow::reliableDeteriorationPct),
                    count("n_dropout", SeriesRow::nDropout),
                    rate("dropout_pct", SeriesRow::dropoutPct),
                    rate("reliable_improvement_pct_12m", SeriesRow::reliableImprovementPct12m),
                    rate("recovery_pct_12m", SeriesRow::recoveryPct12m),
                    count("n_started_with_referral", r -> r.waits().n()),
                    number("wait_days_median", r -> r.waits().medianDays()),
                    rate("wait_within_6_weeks_pct", r -> r.waits().within6WeeksPct()),
                    rate("wait_within_18_weeks_pct", r -> r.waits().within18WeeksPct()),
                    rate("spc_centre_pct", r -> r.spc().centrePct()),
                    rate("spc_lower_pct", r -> r.spc().lowerPct()),
                    rate("spc_upper_pct", r -> r.spc().upperPct()),
                    flag("above_limit", r -> r.spc().aboveLimit()),
                    flag("below_limit", r -> r.spc().belowLimit()),
                    flag("run_above", r -> r.spc().runAbove()),
                    flag("run_below", r -> r.spc().runBelow()),
                    flag("trend_up", r -> r.spc().trendUp()),
                    flag("trend_down", r -> r.spc().trendDown())));

    /** {@code expected_recovery.csv} (monthly runs): the models, instrument × k (MONITORING.md, reading 29). */
    public static final TableSchema<ExpectedRecoveryRow> EXPECTED_RECOVERY = table("expected_recovery.csv",
            OutcomeTables::expectedRecovery, List.of(
                    text("instrument", ExpectedRecoveryRow::instrument),
                    count("k", ExpectedRecoveryRow::k),
                    count("n", r -> r.model().model().n()),
                    number("intercept", r -> r.model().model().intercept()),
                    number("slope", r -> r.model().model().slope()),
                    number("residual_sd", r -> r.model().model().residualSd())));

    /** {@code expected_recovery_check.csv} (monthly runs): the two-fold check, one row per instrument (reading 34). */
    public static final TableSchema<FlagCheckRow> EXPECTED_RECOVERY_CHECK = table("expected_recovery_check.csv",
            OutcomeTables::expectedRecoveryCheck, List.of(
                    text("instrument", FlagCheckRow::instrument),
                    count("n_judged", FlagCheckRow::nJudged),
                    count("n_flagged", FlagCheckRow::nFlagged),
                    rate("flagged_no_ri_pct", FlagCheckRow::flaggedNoRiPct),
                    rate("unflagged_no_ri_pct", FlagCheckRow::unflaggedNoRiPct),
                    rate("sensitivity_no_ri_pct", FlagCheckRow::sensitivityNoRiPct),
                    rate("specificity_no_ri_pct", FlagCheckRow::specificityNoRiPct),
                    rate("deteriorated_flagged_pct", FlagCheckRow::deterioratedFlaggedPct)));

    /** The separator of the lists in one cell of {@code attention.csv} (reasons, instruments). */
    public static final String LIST_SEPARATOR = ";";

    /** {@code attention.csv} (monthly runs): open episodes that need a look (reading 41 gives the columns). */
    public static final TableSchema<AttentionRow> ATTENTION = table("attention.csv",
            OutcomeTables::attention, List.of(
                    text("client_id", AttentionRow::clientId),
                    text("approach", AttentionRow::approach),
                    text("clinician_id", AttentionRow::clinicianId),
                    date("intake_date", AttentionRow::intakeDate),
                    date("last_attended", AttentionRow::lastAttended),
                    count("attended_sessions", AttentionRow::attendedSessions),
                    text("reasons", r -> String.join(LIST_SEPARATOR,
                            r.reasons().stream().map(AttentionReason::code).toList())),
                    text("instruments_deteriorated", r -> joined(r.instrumentsDeteriorated())),
                    text("instruments_not_on_track", r -> joined(r.instrumentsNotOnTrack())),
                    number("primary_baseline", AttentionRow::primaryBaseline),
                    number("primary_latest", AttentionRow::primaryLatest),
                    number("primary_expected", AttentionRow::primaryExpected),
                    number("primary_threshold", AttentionRow::primaryThreshold)));

    /**
     * The Summary's attention counts ({@link OutcomeTables#attentionCounts()}): a table of the
     * workbook, not a CSV file; one count column per reason.
     */
    public static final TableSchema<AttentionCountRow> ATTENTION_COUNTS = table("attention_counts",
            OutcomeTables::attentionCounts, Stream.concat(
                    Stream.of(text("clinician_id", AttentionCountRow::clinicianId),
                            count("n_clients", AttentionCountRow::clients)),
                    AttentionReason.IN_RANK_ORDER.stream().map(reason -> TableSchema.<AttentionCountRow>count(
                            "n_" + reason.code(), r -> r.count(reason)))).toList());

    /**
     * The rows of the months before the series that the Summary's month at a glance shows
     * ({@link OutcomeTables#monthsBeforeSeries()}): a table of the workbook, not a CSV file; the
     * columns of {@link #MONTHLY_SERIES}.
     */
    public static final TableSchema<SeriesRow> MONTHS_BEFORE_SERIES = MONTHLY_SERIES.as("months_before_series",
            OutcomeTables::monthsBeforeSeries);

    /**
     * The activity rows of the whole window ({@link OutcomeTables#windowActivity()}): a table of
     * the workbook's Summary, not a CSV file (no {@code .csv}); the columns of {@link #ACTIVITY}.
     */
    public static final TableSchema<ActivityRow> WINDOW_ACTIVITY = ACTIVITY.as("window_activity",
            OutcomeTables::windowActivity);

    /** The CSV files, in writing order. */
    public static final List<TableSchema<?>> CSV_FILES = List.of(EPISODE_OUTCOMES, OUTCOMES_BY_APPROACH,
            APPROACH_COMPARISON, TRAJECTORIES, PCL5_CLUSTERS, CLINICIANS, SUBGROUPS, ACTIVITY, CLINICAL_SIGNIFICANCE,
            ALERTS, MONTHLY_SERIES, EXPECTED_RECOVERY, EXPECTED_RECOVERY_CHECK, ATTENTION);

    /** The CSV files only the monthly job writes. */
    public static final List<TableSchema<?>> MONTHLY_ONLY = List.of(ALERTS, MONTHLY_SERIES, EXPECTED_RECOVERY,
            EXPECTED_RECOVERY_CHECK, ATTENTION);

    /** The CSV files only research runs write. */
    public static final List<TableSchema<?>> RESEARCH_ONLY = List.of(CLINICAL_SIGNIFICANCE);

    /**
     * {@code episode_outcomes.csv} (by date or by wave) with one {@code category_<method>} column
     * per method of the run, after the others (SIGNIFICANCE.md, section 11): the five-way category,
     * three-way where the method has no cut-off; the table itself when there is no method.
     */
    public static TableSchema<EpisodeRow> episodeOutcomes(boolean byWave, List<SignificanceMethod> methods) {
        TableSchema<EpisodeRow> table = byWave ? EPISODE_OUTCOMES_BY_WAVE : EPISODE_OUTCOMES;
        if (methods.isEmpty()) {
            return table;
        }
        List<TableSchema.Column<EpisodeRow>> categories = new java.util.ArrayList<>();
        for (int m = 0; m < methods.size(); m++) {
            int position = m;
            categories.add(text(CATEGORY_PREFIX + methods.get(m).label(),
                    r -> position < r.categories().size() ? r.categories().get(position) : null));
        }
        return table.withColumnsAfter(table.columns().get(table.columns().size() - 1).name(), categories);
    }

    /**
     * The CSV files of a run, in writing order: those of {@link #MONTHLY_ONLY} only for the
     * monthly job; for an analysis by wave (RESEARCH.md) the by-wave episode and trajectory files
     * and no activity file (nothing is dated).
     */
    public static List<TableSchema<?>> csvFiles(boolean monthly, boolean byWave) {
        return csvFiles(monthly, byWave, List.of());
    }

    /**
     * As {@link #csvFiles(boolean, boolean)}, with {@code episode_outcomes.csv}'s category columns
     * of the run's clinical-significance methods ({@link #episodeOutcomes}); research runs also
     * write {@link #RESEARCH_ONLY}.
     */
    public static List<TableSchema<?>> csvFiles(boolean monthly, boolean byWave, List<SignificanceMethod> methods) {
        List<TableSchema<?>> files = new java.util.ArrayList<>();
        for (TableSchema<?> table : CSV_FILES) {
            if (!monthly && MONTHLY_ONLY.contains(table) || monthly && RESEARCH_ONLY.contains(table)) {
                continue;
            }
            if (table == EPISODE_OUTCOMES) {
                files.add(episodeOutcomes(byWave, methods));
                continue;
            }
            if (byWave) {
                if (table == ACTIVITY) {
                    continue;
                }
                table = table == TRAJECTORIES ? TRAJECTORIES_BY_WAVE : table;
            }
            files.add(table);
        }
        return List.copyOf(files);
    }

    /** Whether a table has one row per client episode (its file is in {@link #EPISODE_LEVEL}). */
    public static boolean isEpisodeLevel(TableSchema<?> table) {
        return EPISODE_LEVEL.stream().anyMatch(level -> level.file().equals(table.file()));
    }

    /** The CSV files with one row per client episode: not written with small-number suppression on. */
    public static final List<TableSchema<?>> EPISODE_LEVEL = List.of(EPISODE_OUTCOMES, ALERTS, ATTENTION);

    /** Every table: the CSV files in writing order, then the workbook's. */
    public static final List<TableSchema<?>> ALL = Stream.concat(CSV_FILES.stream(),
            Stream.of(WINDOW_ACTIVITY, MONTHS_BEFORE_SERIES, ATTENTION_COUNTS)).toList();

    private TableSchemas() {
    }

    /**
     * The table of this name ({@code activity.csv}, {@code window_activity}, ...).
     *
     * @throws IllegalArgumentException for a name no table has
     */
    public static TableSchema<?> named(String file) {
        for (TableSchema<?> table : ALL) {
            if (table.file().equals(file)) {
                return table;
            }
        }
        throw new IllegalArgumentException("no output table is named " + file);
    }

    /** An empty cell for no item, else the items joined with {@link #LIST_SEPARATOR}. */
    private static String joined(List<String> items) {
        return items.isEmpty() ? null : String.join(LIST_SEPARATOR, items);
    }

    private static <R> TableSchema<R> table(String file, Function<OutcomeTables, List<R>> rows,
                                            List<TableSchema.Column<R>> columns) {
        return new TableSchema<>(file, rows, columns);
    }
}
