package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.ChartBaselines;
import org.clinicaloutcomes.metrics.ComparisonResult;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.ExpectedRecovery;
import org.clinicaloutcomes.metrics.FlagCheck;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Interval;
import org.clinicaloutcomes.metrics.Pcl5Clusters;
import org.clinicaloutcomes.metrics.Proportion;
import org.clinicaloutcomes.metrics.SpcMonth;
import org.clinicaloutcomes.metrics.TrajectoryPoint;
import org.clinicaloutcomes.metrics.WaitingTimes;

/**
 * Everything the reports of one run show, one list of rows per output CSV (REPORTS.md, "Output
 * folder"), each already in the file's fixed row order. Built by {@link CohortAnalysis#finish()}.
 * Undefined values are {@code null} (an empty cell); counts that do not apply are {@code null}
 * too, counts over an empty group are {@code 0} (METRICS.md).
 *
 * @param episodesAdded      accepted episodes seen (open, closed, inside the window or not)
 * @param closedInWindow     closed episodes of the outcome cohort (discharge date in the window)
 * @param episodeOutcomes    {@code episode_outcomes.csv}: closed episode × instrument with paired
 *                           scores; by approach (configured order), instrument, client id
 * @param outcomesByApproach {@code outcomes_by_approach.csv}: approach (then ALL) × instrument
 * @param approachComparison {@code approach_comparison.csv}: one row per instrument
 * @param trajectories       {@code trajectories.csv}: approach × instrument × k, rows with n = 0
 *                           left out
 * @param pcl5Clusters       {@code pcl5_clusters.csv}: approach (then ALL) × cluster B, C, D, E;
 *                           empty when no instrument has the key {@code pcl5}
 * @param clinicians         {@code clinicians.csv}: one row per clinician with a closed episode
 *                           in the window, by clinician id
 * @param subgroups          {@code subgroups.csv}: approach (then ALL) × subgroup, every subgroup
 *                           listed whether or not it has episodes
 * @param activity           {@code activity.csv}: one row per approach, then ALL, for the activity
 *                           period (the report month; for a research run the window)
 * @param windowActivity     the same activity rows for the whole window {@code [from, to]} (period
 *                           {@code <from>_<to>}), for the workbook's Summary only (not a CSV: {@code
 *                           activity.csv} keeps the activity period); in a research run the same
 *                           counts as {@code activity}; empty for tables built without it
 * @param alerts             {@code alerts.csv} (monthly runs; empty otherwise): by approach,
 *                           instrument, client id
 * @param suppressed         the count cells a writer must print as {@code <11} (or {@code >10}) with
 *                           small-number suppression on ({@link SmallNumberSuppression#apply});
 *                           {@link SuppressedCells#NONE} for unsuppressed tables
 * @param monthlySeries      {@code monthly_series.csv} (monthly runs; empty otherwise): every month
 *                           of the series × approach (configured order) then ALL, by month
 * @param monthsBeforeSeries rows of the months before the series that the Summary's month at a
 *                           glance compares with (the month before and the same month a year
 *                           before the report month, when the series is too short to hold them),
 *                           computed as the series computes a month but without signals; not a
 *                           CSV; empty when the series holds both (or in a research run)
 * @param expectedRecovery   {@code expected_recovery.csv} (monthly runs): instrument (file order)
 *                           × k ascending, only where a model exists
 * @param expectedRecoveryCheck {@code expected_recovery_check.csv} (monthly runs): one row per
 *                           instrument in file order
 * @param attention          {@code attention.csv} (monthly runs): by the most urgent reason's
 *                           rank, clinician id, client id; empty with suppression on
 * @param attentionCounts    the Summary's attention counts (not a CSV): one row per clinician
 *                           with a row in {@code attention}, by clinician id, then ALL
 * @param significance       research runs: {@code clinical_significance.csv}'s rows, the methods
 *                           and their warning lines ({@link ClinicalSignificance#NONE} otherwise)
 * @param recoveryBaselines  the expected-recovery chart's three baselines on the primary
 *                           instrument; {@code null} without reference episodes (or hidden)
 */
public record OutcomeTables(
        long episodesAdded,
        int closedInWindow,
        List<EpisodeRow> episodeOutcomes,
        List<ApproachRow> outcomesByApproach,
        List<ComparisonRow> approachComparison,
        List<TrajectoryRow> trajectories,
        List<ClusterRow> pcl5Clusters,
        List<ClinicianRow> clinicians,
        List<SubgroupRow> subgroups,
        List<ActivityRow> activity,
        List<ActivityRow> windowActivity,
        List<AlertRow> alerts,
        SuppressedCells suppressed,
        List<SeriesRow> monthlySeries,
        List<SeriesRow> monthsBeforeSeries,
        List<ExpectedRecoveryRow> expectedRecovery,
        List<FlagCheckRow> expectedRecoveryCheck,
        List<AttentionRow> attention,
        List<AttentionCountRow> attentionCounts,
        ChartBaselines recoveryBaselines,
        ClinicalSignificance significance) {

    /** The name of the all-approaches group in every table. */
    public static final String ALL = "ALL";

    public OutcomeTables {
        // The episode rows are kept as columns (EpisodeOutcomesTable.Rows, immutable): a copy would make them all objects.
        episodeOutcomes = episodeOutcomes instanceof EpisodeOutcomesTable.Rows ? episodeOutcomes : List.copyOf(episodeOutcomes);
        outcomesByApproach = List.copyOf(outcomesByApproach);
        approachComparison = List.copyOf(approachComparison);
        trajectories = List.copyOf(trajectories);
        pcl5Clusters = List.copyOf(pcl5Clusters);
        clinicians = List.copyOf(clinicians);
        subgroups = List.copyOf(subgroups);
        activity = List.copyOf(activity);
        windowActivity = List.copyOf(windowActivity);
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(suppressed, "suppressed");
        monthlySeries = List.copyOf(monthlySeries);
        monthsBeforeSeries = List.copyOf(monthsBeforeSeries);
        expectedRecovery = List.copyOf(expectedRecovery);
        expectedRecoveryCheck = List.copyOf(expectedRecoveryCheck);
        attention = List.copyOf(attention);
        attentionCounts = List.copyOf(attentionCounts);
        significance = significance == null ? ClinicalSignificance.NONE : significance;
    }

    /** Tables without clinical significance (those of the monthly job). */
    public OutcomeTables(long episodesAdded, int closedInWindow, List<EpisodeRow> episodeOutcomes,
                         List<ApproachRow> outcomesByApproach, List<ComparisonRow> approachComparison,
                         List<TrajectoryRow> trajectories, List<ClusterRow> pcl5Clusters, List<ClinicianRow> clinicians,
                         List<SubgroupRow> subgroups, List<ActivityRow> activity, List<ActivityRow> windowActivity,
                         List<AlertRow> alerts, SuppressedCells suppressed, List<SeriesRow> monthlySeries,
                         List<SeriesRow> monthsBeforeSeries, List<ExpectedRecoveryRow> expectedRecovery,
                         List<FlagCheckRow> expectedRecoveryCheck, List<AttentionRow> attention,
                         List<AttentionCountRow> attentionCounts, ChartBaselines recoveryBaselines) {
        this(episodesAdded, closedInWindow, episodeOutcomes, outcomesByApproach, approachComparison, trajectories,
                pcl5Clusters, clinicians, subgroups, activity, windowActivity, alerts, suppressed, monthlySeries,
                monthsBeforeSeries, expectedRecovery, expectedRecoveryCheck, attention, attentionCounts,
                recoveryBaselines, ClinicalSignificance.NONE);
    }

    /** These tables with the clinical-significance results (and the same everything else). */
    public OutcomeTables withSignificance(ClinicalSignificance results) {
        return new OutcomeTables(episodesAdded, closedInWindow, episodeOutcomes, outcomesByApproach,
                approachComparison, trajectories, pcl5Clusters, clinicians, subgroups, activity, windowActivity,
                alerts, suppressed, monthlySeries, monthsBeforeSeries, expectedRecovery, expectedRecoveryCheck,
                attention, attentionCounts, recoveryBaselines, results);
    }

    /** {@code clinical_significance.csv}'s rows (empty outside research runs). */
    public List<SignificanceRow> clinicalSignificance() {
        return significance.rows();
    }

    /** Tables without expected recovery and attention list (those of a research run). */
    public OutcomeTables(long episodesAdded, int closedInWindow, List<EpisodeRow> episodeOutcomes,
                         List<ApproachRow> outcomesByApproach, List<ComparisonRow> approachComparison,
                         List<TrajectoryRow> trajectories, List<ClusterRow> pcl5Clusters, List<ClinicianRow> clinicians,
                         List<SubgroupRow> subgroups, List<ActivityRow> activity, List<ActivityRow> windowActivity,
                         List<AlertRow> alerts, SuppressedCells suppressed, List<SeriesRow> monthlySeries,
                         List<SeriesRow> monthsBeforeSeries) {
        this(episodesAdded, closedInWindow, episodeOutcomes, outcomesByApproach, approachComparison, trajectories,
                pcl5Clusters, clinicians, subgroups, activity, windowActivity, alerts, suppressed, monthlySeries,
                monthsBeforeSeries, List.of(), List.of(), List.of(), List.of(), null);
    }

    /** These tables with other monthly series rows (and the same everything else). */
    public OutcomeTables withMonthlySeries(List<SeriesRow> series, List<SeriesRow> beforeSeries) {
        return new OutcomeTables(episodesAdded, closedInWindow, episodeOutcomes, outcomesByApproach,
                approachComparison, trajectories, pcl5Clusters, clinicians, subgroups, activity, windowActivity,
                alerts, suppressed, series, beforeSeries, expectedRecovery, expectedRecoveryCheck, attention,
                attentionCounts, recoveryBaselines, significance);
    }

    /** These tables with other attention rows and counts (and the same everything else). */
    public OutcomeTables withAttention(List<AttentionRow> rows, List<AttentionCountRow> counts) {
        return new OutcomeTables(episodesAdded, closedInWindow, episodeOutcomes, outcomesByApproach,
                approachComparison, trajectories, pcl5Clusters, clinicians, subgroups, activity, windowActivity,
                alerts, suppressed, monthlySeries, monthsBeforeSeries, expectedRecovery, expectedRecoveryCheck,
                rows, counts, recoveryBaselines, significance);
    }

    /** Tables without a monthly series. */
    public OutcomeTables(long episodesAdded, int closedInWindow, List<EpisodeRow> episodeOutcomes,
                         List<ApproachRow> outcomesByApproach, List<ComparisonRow> approachComparison,
                         List<TrajectoryRow> trajectories, List<ClusterRow> pcl5Clusters, List<ClinicianRow> clinicians,
                         List<SubgroupRow> subgroups, List<ActivityRow> activity, List<ActivityRow> windowActivity,
                         List<AlertRow> alerts, SuppressedCells suppressed) {
        this(episodesAdded, closedInWindow, episodeOutcomes, outcomesByApproach, approachComparison, trajectories,
                pcl5Clusters, clinicians, subgroups, activity, windowActivity, alerts, suppressed, List.of(), List.of());
    }

    /** Tables without window activity rows ({@code windowActivity} empty). */
    public OutcomeTables(long episodesAdded, int closedInWindow, List<EpisodeRow> episodeOutcomes,
                         List<ApproachRow> outcomesByApproach, List<ComparisonRow> approachComparison,
                         List<TrajectoryRow> trajectories, List<ClusterRow> pcl5Clusters, List<ClinicianRow> clinicians,
                         List<SubgroupRow> subgroups, List<ActivityRow> activity, List<AlertRow> alerts,
                         SuppressedCells suppressed) {
        this(episodesAdded, closedInWindow, episodeOutcomes, outcomesByApproach, approachComparison, trajectories,
                pcl5Clusters, clinicians, subgroups, activity, List.of(), alerts, suppressed);
    }

    /** Unsuppressed tables ({@link SuppressedCells#NONE}) without window activity rows. */
    public OutcomeTables(long episodesAdded, int closedInWindow, List<EpisodeRow> episodeOutcomes,
                         List<ApproachRow> outcomesByApproach, List<ComparisonRow> approachComparison,
                         List<TrajectoryRow> trajectories, List<ClusterRow> pcl5Clusters, List<ClinicianRow> clinicians,
                         List<SubgroupRow> subgroups, List<ActivityRow> activity, List<AlertRow> alerts) {
        this(episodesAdded, closedInWindow, episodeOutcomes, outcomesByApproach, approachComparison, trajectories,
                pcl5Clusters, clinicians, subgroups, activity, List.of(), alerts, SuppressedCells.NONE);
    }

    /** Closed episode × instrument outcomes with paired scores (the rows of episode_outcomes). */
    public int pairedOutcomes() {
        return episodeOutcomes.size();
    }

    /**
     * One closed episode on one instrument with paired scores.
     *
     * @param clientId         pseudonymous client id of the episode
     * @param approach         the episode's approach
     * @param clinicianId      pseudonymous clinician id
     * @param instrument       instrument key
     * @param outcome          baseline, final, change and the flags of METRICS.md
     * @param intakeDate       intake date of the episode
     * @param dischargeDate    discharge date (inside the window)
     * @param dischargeReason  completed, dropout, referred or other
     * @param baselineDate     date of the session of the first score
     * @param finalDate        date of the session of the last score
     * @param attendedSessions all attended sessions of the episode; null by wave (no sessions)
     * @param baselineWave     by wave: the label of the baseline's wave; else null
     * @param finalWave        by wave: the label of the final score's wave; else null
     * @param categories       per method of the run ({@link ClinicalSignificance#methods()}), the
     *                         episode's category on the instrument ({@code null} where the method did
     *                         not classify it); empty outside research runs
     */
    public record EpisodeRow(String clientId, String approach, String clinicianId, String instrument,
                             EpisodeOutcome outcome, LocalDate intakeDate, LocalDate dischargeDate,
                             String dischargeReason, LocalDate baselineDate, LocalDate finalDate,
                             Integer attendedSessions, String baselineWave, String finalWave,
                             List<String> categories) implements Serializable {

        public EpisodeRow {
            // A monthly run's millions of rows have no categories: they share the one empty list.
            categories = categories == null || categories.isEmpty() ? List.of()
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(categories));
        }

        /** An episode without clinical-significance categories. */
        public EpisodeRow(String clientId, String approach, String clinicianId, String instrument,
                          EpisodeOutcome outcome, LocalDate intakeDate, LocalDate dischargeDate,
                          String dischargeReason, LocalDate baselineDate, LocalDate finalDate,
                          Integer attendedSessions, String baselineWave, String finalWave) {
            this(clientId, approach, clinicianId, instrument, outcome, intakeDate, dischargeDate, dischargeReason,
                    baselineDate, finalDate, attendedSessions, baselineWave, finalWave, List.of());
        }

        /** This row with its category per method of the run ({@code null} where a method did not classify it). */
        public EpisodeRow withCategories(List<String> labels) {
            return new EpisodeRow(clientId, approach, clinicianId, instrument, outcome, intakeDate, dischargeDate,
                    dischargeReason, baselineDate, finalDate, attendedSessions, baselineWave, finalWave, labels);
        }

        /** An episode of dated sessions: no waves. */
        public EpisodeRow(String clientId, String approach, String clinicianId, String instrument,
                          EpisodeOutcome outcome, LocalDate intakeDate, LocalDate dischargeDate,
                          String dischargeReason, LocalDate baselineDate, LocalDate finalDate, int attendedSessions) {
            this(clientId, approach, clinicianId, instrument, outcome, intakeDate, dischargeDate, dischargeReason,
                    baselineDate, finalDate, (Integer) attendedSessions, null, null);
        }
    }

    /**
     * One row of {@code clinical_significance.csv} (SIGNIFICANCE.md, section 11): an instrument, a
     * method and an approach (or ALL). Every count is {@code null} when the method is undefined for
     * the instrument; the five-way counts also when it has no combined approach.
     *
     * @param n                      the episodes the method classified
     * @param nImproved              three-way: improved
     * @param nUnchanged             three-way: unchanged
     * @param nDeteriorated          three-way: deteriorated
     * @param nRecovered             five-way: recovered
     * @param nImprovedNotRecovered  five-way: improved, not recovered
     * @param nHarmed                five-way: harmed
     * @param cutoff                 the cut-off of the combined approach
     * @param criticalValue          {@code z2}, {@code z1} (HA), or {@code null} (percentage, anchor)
     */
    public record SignificanceRow(String instrument, String method, String approach, Integer n, Integer nImproved,
                                  Integer nUnchanged, Integer nDeteriorated, Integer nRecovered,
                                  Integer nImprovedNotRecovered, Integer nHarmed, Double cutoff,
                                  Double criticalValue) {
    }

    /** One approach (or ALL) on one instrument. */
    public record ApproachRow(String approach, String instrument, GroupOutcomes outcomes) {
    }

    /**
     * The tests comparing the approaches on one instrument.
     *
     * @param instrument  instrument key
     * @param result      ANOVA, Kruskal–Wallis and χ² (null cells where not defined)
     * @param nApproaches approaches with at least {@code ApproachComparison.MIN_GROUP_SIZE} paired
     *                    episodes, the ones a test compares (the tests need at least 2)
     * @param nPaired     paired episodes of those approaches
     */
    public record ComparisonRow(String instrument, ComparisonResult result, int nApproaches, int nPaired) {
    }

    /** The k-th scores of an approach's closed episodes with paired scores on an instrument. */
    public record TrajectoryRow(String approach, String instrument, int k, TrajectoryPoint point, String wave) {

        /** A point of dated sessions: the k-th score, no wave. */
        public TrajectoryRow(String approach, String instrument, int k, TrajectoryPoint point) {
            this(approach, instrument, k, point, null);
        }
    }

    /**
     * One DSM-5 cluster of the PCL-5 for one approach (or ALL), over the closed episodes with
     * paired PCL-5 scores whose baseline and final PCL-5 both carry the 20 items. The diagnosis
     * columns belong to the approach, not the cluster: they repeat on the approach's four rows.
     *
     * @param approach             approach, or ALL
     * @param cluster              B, C, D or E
     * @param n                    episodes
     * @param baselineMean         mean cluster sum at baseline
     * @param baselineSd           its sample SD
     * @param finalMean            mean cluster sum at the final assessment
     * @param finalSd              its sample SD
     * @param changeMean           mean of (final − baseline) cluster sum
     * @param changeSd             its sample SD
     * @param nDiagnosisBaseline   episodes meeting the provisional PTSD rule at baseline
     * @param diagnosisBaselinePct {@code 100 × nDiagnosisBaseline / n}
     * @param nDiagnosisFinal      episodes meeting the rule at the final assessment
     * @param diagnosisFinalPct    {@code 100 × nDiagnosisFinal / n}
     */
    public record ClusterRow(String approach, Pcl5Clusters.Cluster cluster, int n,
                             Double baselineMean, Double baselineSd, Double finalMean, Double finalSd,
                             Double changeMean, Double changeSd,
                             int nDiagnosisBaseline, Double diagnosisBaselinePct,
                             int nDiagnosisFinal, Double diagnosisFinalPct) {
    }

    /**
     * One clinician on the primary instrument (MONITORING.md, "Clinicians, fuller view"), with
     * funnel-plot limits (FunnelLimits, z = 1.96 and 3.09) for the reliable improvement rate and
     * the dropout rate around the practice's rates, and the band of each (FunnelBand).
     *
     * @param clinicianId            pseudonymous clinician id
     * @param instrument             the primary instrument's key
     * @param nClosed                the clinician's closed episodes in the window
     * @param nPaired                of those, episodes with paired scores on the instrument
     * @param changeMean             mean change (final − baseline)
     * @param nReliableImprovement   paired episodes with reliable improvement
     * @param reliableImprovementPct {@code 100 × nReliableImprovement / nPaired}
     * @param nCases                 paired episodes in the clinical range at baseline (null
     *                               without cut-off)
     * @param nRecovered             recovered cases (null without cut-off)
     * @param recoveryPct            {@code 100 × nRecovered / nCases}
     * @param practiceRiPct          the practice's rate: RI over paired episodes of all approaches
     * @param funnel95Low            lower 95% limit at {@code nPaired}
     * @param funnel95High           upper 95% limit
     * @param funnel998Low           lower 99.8% limit
     * @param funnel998High          upper 99.8% limit
     * @param nOpen                  the clinician's episodes open at the end of the window
     *                               (intake on or before it, no discharge or one after it)
     * @param nDropout               closed episodes discharged with reason dropout
     * @param dropoutPct             {@code 100 × nDropout / nClosed}
     * @param nReliableDeterioration paired episodes with reliable deterioration
     * @param reliableDeteriorationPct {@code 100 × nReliableDeterioration / nPaired}
     * @param measuredPct            {@code 100 × measuredSessions / attendedSessions}
     * @param practiceDropoutPct     the practice's rate: dropouts over closed episodes of all
     *                               approaches
     * @param dropoutFunnel95Low     lower 95% limit of the dropout rate at {@code nClosed}
     * @param dropoutFunnel95High    upper 95% limit
     * @param dropoutFunnel998Low    lower 99.8% limit
     * @param dropoutFunnel998High   upper 99.8% limit
     * @param reliableImprovementBand the reliable improvement rate against its limits
     * @param dropoutBand            the dropout rate against its limits
     * @param attendedSessions       attended sessions dated in the window, of all the clinician's
     *                               episodes (not a column: measured_pct's denominator)
     * @param measuredSessions       of those, sessions with a primary score (not a column)
     * @param sessionEpisodes        the clinician's episodes with an attended session in the
     *                               window (not a column: the group measured_pct is computed from)
     */
    public record ClinicianRow(String clinicianId, String instrument, int nClosed, int nPaired,
                               Double changeMean, int nReliableImprovement, Double reliableImprovementPct,
                               Integer nCases, Integer nRecovered, Double recoveryPct, Double practiceRiPct,
                               Double funnel95Low, Double funnel95High, Double funnel998Low, Double funnel998High,
                               int nOpen, int nDropout, Double dropoutPct,
                               int nReliableDeterioration, Double reliableDeteriorationPct, Double measuredPct,
                               Double practiceDropoutPct, Double dropoutFunnel95Low, Double dropoutFunnel95High,
                               Double dropoutFunnel998Low, Double dropoutFunnel998High,
                               org.clinicaloutcomes.metrics.FunnelBand reliableImprovementBand,
                               org.clinicaloutcomes.metrics.FunnelBand dropoutBand,
                               long attendedSessions, long measuredSessions, int sessionEpisodes) {
    }

    /**
     * One subgroup of one approach (or ALL) on the primary instrument.
     *
     * @param approach               approach, or ALL
     * @param instrument             the primary instrument's key
     * @param variable               index_event, chronic_illness, prior_trauma, childhood_medical
     *                               or marginalized
     * @param value                  the index event code (or {@code unknown}); for a flag
     *                               {@code Y}, {@code N} or {@code unknown}
     * @param nClosed                closed episodes of the subgroup
     * @param nPaired                of those, episodes with paired scores
     * @param changeMean             mean change (final − baseline)
     * @param changeSd               its sample SD
     * @param nReliableImprovement   paired episodes with reliable improvement
     * @param reliableImprovementPct {@code 100 × nReliableImprovement / nPaired}
     */
    public record SubgroupRow(String approach, String instrument, String variable, String value,
                              int nClosed, int nPaired, Double changeMean, Double changeSd,
                              int nReliableImprovement, Double reliableImprovementPct) {
    }

    /**
     * Activity of one approach (or ALL) in the period (the report month, or a research run's
     * window; for {@code windowActivity} always the window), counted over every accepted episode,
     * not only the outcome cohort.
     *
     * @param period             {@code YYYY-MM}, or {@code <from>_<to>}
     * @param approach           approach, or ALL
     * @param intakes            episodes with intake_date in the period
     * @param discharges         episodes with discharge_date in the period
     * @param dischargesCompleted of those, reason completed
     * @param dischargesDropout  reason dropout
     * @param dischargesReferred reason referred
     * @param dischargesOther    reason other
     * @param caseload           clients (episodes) with at least one attended session in the period
     * @param attendedSessions   attended sessions in the period
     * @param missedSessions     missed sessions (attended = N) in the period
     * @param missedSessionPct   {@code 100 × missed / (attended + missed)}
     */
    public record ActivityRow(String period, String approach, int intakes, int discharges,
                              int dischargesCompleted, int dischargesDropout, int dischargesReferred,
                              int dischargesOther, int caseload, long attendedSessions, long missedSessions,
                              Double missedSessionPct) {
    }

    /**
     * An episode open at the end of the report month whose latest score up to the month's end is
     * a reliable deterioration from its baseline on an instrument.
     *
     * @param clientId     pseudonymous client id
     * @param approach     the episode's approach
     * @param clinicianId  pseudonymous clinician id
     * @param instrument   instrument key
     * @param baseline     first score
     * @param latest       latest score up to the end of the month
     * @param change       {@code latest − baseline}
     * @param latestDate   date of the latest score
     * @param baselineDate date of the first score
     * @param nScores      scores up to the end of the month
     * @param intakeDate   intake date of the episode
     */
    public record AlertRow(String clientId, String approach, String clinicianId, String instrument,
                           double baseline, double latest, double change, LocalDate latestDate,
                           LocalDate baselineDate, int nScores, LocalDate intakeDate) implements Serializable {
    }

    /**
     * One month of the monthly series for one approach or ALL (MONITORING.md, "The monthly
     * series", readings 8–20), on the primary instrument.
     *
     * @param month                  {@code YYYY-MM}
     * @param approach               an approach, or ALL
     * @param intakes                episodes with their intake date in the month
     * @param discharges             episodes with their discharge date in the month (every reason)
     * @param caseload               episodes with an attended session dated in the month
     * @param attendedSessions       attended sessions dated in the month
     * @param missedSessions         missed sessions dated in the month
     * @param nClosed                episodes discharged in the month ({@code = discharges})
     * @param nPaired                of those, with paired primary scores (all attended sessions)
     * @param nReliableImprovement   of the paired, reliably improved
     * @param reliableImprovementPct {@code 100 × RI / n_paired}
     * @param reliableImprovementCi  its Wilson interval, {@code null} when {@code n_paired = 0}
     * @param nCases                 paired episodes in the clinical range at baseline; {@code null}
     *                               when the primary instrument has no cut-off
     * @param nRecovered             of the cases, recovered; {@code null} without cut-off
     * @param recoveryPct            {@code 100 × recovered / cases}
     * @param recoveryCi             its Wilson interval
     * @param nReliableDeterioration of the paired, reliably deteriorated
     * @param reliableDeteriorationPct {@code 100 × RD / n_paired}
     * @param nDropout               of the closed, discharged with reason dropout
     * @param dropoutPct             {@code 100 × dropout / n_closed}
     * @param reliableImprovement12m the pooled counts Σ RI of Σ n_paired over the episodes
     *                               discharged in the 12 months ending with the month
     *                               ({@link org.clinicaloutcomes.metrics.RollingRate}); their rate is
     *                               {@link #reliableImprovementPct12m()}; {@code null} when not
     *                               shown (small-number suppression)
     * @param recovery12m            the same for recovery (Σ recovered of Σ cases); {@code null}
     *                               without cut-off or when not shown
     * @param waits                  waits of the episodes whose first attended session is in the month
     * @param spc                    the p-chart of the month ({@link SpcMonth#EMPTY} outside the series)
     */
    public record SeriesRow(String month, String approach, int intakes, int discharges, int caseload,
                            long attendedSessions, long missedSessions, int nClosed, int nPaired,
                            int nReliableImprovement, Double reliableImprovementPct,
                            Interval reliableImprovementCi, Integer nCases,
                            Integer nRecovered, Double recoveryPct, Interval recoveryCi,
                            int nReliableDeterioration, Double reliableDeteriorationPct, int nDropout,
                            Double dropoutPct, Proportion reliableImprovement12m, Proportion recovery12m,
                            WaitingTimes waits, SpcMonth spc) {

        public SeriesRow {
            Objects.requireNonNull(waits, "waits");
            Objects.requireNonNull(spc, "spc");
        }

        /** {@code reliable_improvement_pct_12m}: the rate of {@link #reliableImprovement12m()}; {@code null} when empty. */
        public Double reliableImprovementPct12m() {
            return reliableImprovement12m == null ? null : reliableImprovement12m.percent();
        }

        /** {@code recovery_pct_12m}: the rate of {@link #recovery12m()}; {@code null} when empty. */
        public Double recoveryPct12m() {
            return recovery12m == null ? null : recovery12m.percent();
        }
    }

    /**
     * The practice's expected-recovery model of one instrument at assessment {@code k}
     * (MONITORING.md, "Expected recovery").
     *
     * @param instrument instrument key
     * @param k          the assessment, 2 to 20
     * @param model      intercept, slope, residual SD and n of the fit
     */
    public record ExpectedRecoveryRow(String instrument, int k, ExpectedRecovery model) {
    }

    /**
     * The two-fold check of the not-on-track flag on one instrument (MONITORING.md, "How well the
     * flag predicts"; the rates are those of {@link FlagCheck}, {@code null} over 0 or when hidden).
     *
     * @param instrument             instrument key
     * @param nJudged                judged reference episodes
     * @param nFlagged               of those, flagged at their 3rd score
     * @param flaggedNoRiPct         flagged ∧ ¬RI over flagged
     * @param unflaggedNoRiPct       ¬flagged ∧ ¬RI over ¬flagged
     * @param sensitivityNoRiPct     flagged ∧ ¬RI over ¬RI
     * @param specificityNoRiPct     ¬flagged ∧ RI over RI
     * @param deterioratedFlaggedPct flagged ∧ RD over RD
     * @param check                  the counts behind them (not columns; small-number suppression
     *                               reads them)
     */
    public record FlagCheckRow(String instrument, long nJudged, long nFlagged, Double flaggedNoRiPct,
                               Double unflaggedNoRiPct, Double sensitivityNoRiPct, Double specificityNoRiPct,
                               Double deterioratedFlaggedPct, FlagCheck check) {

        /** The row of {@code check}'s counts and rates. */
        public static FlagCheckRow of(String instrument, FlagCheck check) {
            return new FlagCheckRow(instrument, check.nJudged(), check.nFlagged(), check.flaggedNoRiPct(),
                    check.unflaggedNoRiPct(), check.sensitivityNoRiPct(), check.specificityNoRiPct(),
                    check.deterioratedFlaggedPct(), check);
        }
    }

    /**
     * An episode open at the end of the report month that needs a look (MONITORING.md,
     * "Attention list", readings 36–41); everything up to the month's last day.
     *
     * @param clientId                pseudonymous client id
     * @param approach                the episode's approach
     * @param clinicianId             pseudonymous clinician id
     * @param intakeDate              intake date
     * @param lastAttended            date of the latest attended session, {@code null} with none
     * @param attendedSessions        attended sessions
     * @param reasons                 the reasons it meets, in rank order (at least one)
     * @param instrumentsDeteriorated instruments with a reliable deterioration, in file order
     * @param instrumentsNotOnTrack   instruments on which it is not on track, in file order
     * @param primaryBaseline         first primary score, {@code null} with none
     * @param primaryLatest           last primary score, {@code null} with none
     * @param primaryExpected         {@code E_k(x)} on the primary, {@code null} where not judged
     * @param primaryThreshold        {@code T_k(x)} on the primary, {@code null} where not judged
     * @param primaryScores           primary scores ({@code k}; not a column)
     */
    public record AttentionRow(String clientId, String approach, String clinicianId, LocalDate intakeDate,
                               LocalDate lastAttended, int attendedSessions, List<AttentionReason> reasons,
                               List<String> instrumentsDeteriorated, List<String> instrumentsNotOnTrack,
                               Double primaryBaseline, Double primaryLatest, Double primaryExpected,
                               Double primaryThreshold, int primaryScores) {

        public AttentionRow {
            reasons = List.copyOf(reasons);
            instrumentsDeteriorated = List.copyOf(instrumentsDeteriorated);
            instrumentsNotOnTrack = List.copyOf(instrumentsNotOnTrack);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("an attention row needs a reason");
            }
        }

        /** The most urgent of its reasons (the first). */
        public AttentionReason mostUrgent() {
            return reasons.get(0);
        }
    }

    /**
     * The Summary's attention counts of one clinician (or ALL): clients on the list, and per
     * reason the clients who meet it (a client with two reasons counts under both).
     *
     * @param clinicianId     a clinician id, or ALL
     * @param clients         clients on the attention list
     * @param byReason        per {@link AttentionReason}, in rank order: the clients meeting it
     */
    public record AttentionCountRow(String clinicianId, int clients, List<Integer> byReason) {

        public AttentionCountRow {
            byReason = List.copyOf(byReason);
            if (byReason.size() != AttentionReason.IN_RANK_ORDER.size()) {
                throw new IllegalArgumentException("one count per reason");
            }
        }

        /** The clients meeting {@code reason}. */
        public int count(AttentionReason reason) {
            return byReason.get(reason.ordinal());
        }
    }
}
