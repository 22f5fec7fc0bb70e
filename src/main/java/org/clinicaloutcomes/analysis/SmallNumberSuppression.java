package org.clinicaloutcomes.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.clinicaloutcomes.metrics.ApproachComparison;
import org.clinicaloutcomes.metrics.ComparisonResult;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Proportion;
import org.clinicaloutcomes.metrics.RollingRate;
import org.clinicaloutcomes.metrics.SmallNumberRule;
import org.clinicaloutcomes.metrics.SpcMonth;
import org.clinicaloutcomes.metrics.TrajectoryPoint;
import org.clinicaloutcomes.metrics.WaitingTimes;

/**
 * Small-number suppression following the CMS cell-size rule as METRICS.md defines it ("no value
 * from 1 to 10 shown or derivable"): a pure transformation of {@link OutcomeTables} into the tables
 * a report with suppression on shows. Plain Java, no I/O; the input is not changed.
 *
 * <h2>What {@link #apply} does</h2>
 * <ol>
 *   <li><b>Episode-level outputs</b>: the episode rows ({@code episode_outcomes.csv}), the alert
 *       rows ({@code alerts.csv}) and the attention rows ({@code attention.csv}) are emptied, and {@code OutcomeCsvFiles} does not write those three
 *       files when {@link SuppressedCells#on()}. ({@link OutcomeTables#pairedOutcomes()} is
 *       therefore 0 on suppressed tables; {@code episodesAdded} and {@code closedInWindow} are
 *       kept as they are.)</li>
 *   <li><b>Counts</b> (episodes, clients, sessions) from 1 to {@value SmallNumberRule#MAX_SMALL} are registered in
 *       {@link OutcomeTables#suppressed()} as {@link SuppressedCells.Kind#SMALL} (printed
 *       {@code <11}). Counts keep their true value in the row records: writers must consult the
 *       registry. Zero is never suppressed.</li>
 *   <li><b>Complementary suppression</b> (see "Totals" below): where a hidden count could be
 *       recovered from a total and the other cells, the next smallest non-zero cell is hidden too
 *       ({@link SuppressedCells.Kind#COMPLEMENTARY}, printed {@code >10}), repeated until stable,
 *       then audited by interval reasoning (a reader knows {@code <11} means 1–10 and {@code >10}
 *       at least 11: two {@code <11} cells adding up to 20 are both 10, so one more cell is hidden).
 *       The engine is {@link SuppressionSolver}.</li>
 *   <li><b>Statistics</b> become {@code null} (an empty cell) when any count they depend on is
 *       hidden, whether as 1–10 or as a complementary cell (a rate, an interval or an effect size
 *       over a hidden group would give its size back: a t or Wilson interval, or g next to d,
 *       determines n). The dependencies are in the table below.</li>
 * </ol>
 *
 * The expected-recovery tables, the check and the Summary's attention counts follow their own
 * rules, in {@link MonitoringSuppression} (no count of theirs adds up to one of these tables).
 *
 * <h2>Statistic → the counts it depends on</h2>
 * <table>
 *   <caption>dependencies</caption>
 *   <tr><th>file</th><th>statistic</th><th>counts</th></tr>
 *   <tr><td>outcomes_by_approach</td><td>completeness_pct</td><td>n_closed, n_paired</td></tr>
 *   <tr><td></td><td>baseline/final/change mean and SD, change CI, d, g, g CI, dz</td><td>n_paired</td></tr>
 *   <tr><td></td><td>reliable_improvement_pct and its CI</td><td>n_paired, n_reliable_improvement</td></tr>
 *   <tr><td></td><td>reliable_deterioration_pct</td><td>n_paired, n_reliable_deterioration</td></tr>
 *   <tr><td></td><td>recovery_pct and its CI</td><td>n_cases, n_recovered</td></tr>
 *   <tr><td></td><td>reliable_recovery_pct</td><td>n_cases, n_reliable_recovery</td></tr>
 *   <tr><td></td><td>response_pct</td><td>n_response and the paired episodes with baseline &gt; 0
 *       (not a column: {@link GroupOutcomes#nPositiveBaseline()}; the same quantity as n_paired
 *       when every paired baseline is above 0, so hidden with it)</td></tr>
 *   <tr><td></td><td>sessions median, q1, q3</td><td>n_closed</td></tr>
 *   <tr><td></td><td>dropout_pct</td><td>n_closed and the dropouts (not a column:
 *       {@link GroupOutcomes#nDropout()}; in a research run the same count as activity's
 *       discharges_dropout)</td></tr>
 *   <tr><td>approach_comparison</td><td>ANOVA F, df, p; Kruskal–Wallis H, df, p</td><td>n_paired of
 *       every compared approach (n_paired ≥ 2) and the row's n_paired: any of them hidden (so any
 *       compared group with n ≤ 10) empties the tests</td></tr>
 *   <tr><td></td><td>χ², df, p</td><td>the same, plus every cell of the RI × approach table:
 *       n_reliable_improvement shown and n_paired − n_reliable_improvement not 1–10, for every
 *       compared approach</td></tr>
 *   <tr><td>trajectories</td><td>mean, sd, CI</td><td>n</td></tr>
 *   <tr><td>pcl5_clusters</td><td>cluster means and SDs</td><td>n</td></tr>
 *   <tr><td></td><td>diagnosis_baseline_pct / diagnosis_final_pct</td><td>n and
 *       n_diagnosis_baseline / n_diagnosis_final</td></tr>
 *   <tr><td>clinicians</td><td>every statistic of the row</td><td>n_closed 1–10 empties them all</td></tr>
 *   <tr><td></td><td>change_mean</td><td>n_paired</td></tr>
 *   <tr><td></td><td>reliable_improvement_pct</td><td>n_paired, n_reliable_improvement</td></tr>
 *   <tr><td></td><td>recovery_pct</td><td>n_cases, n_recovered</td></tr>
 *   <tr><td></td><td>practice_reliable_improvement_pct</td><td>outcomes_by_approach ALL row of the
 *       instrument: n_paired, n_reliable_improvement</td></tr>
 *   <tr><td></td><td>funnel limits</td><td>n_paired and the practice rate's counts</td></tr>
 *   <tr><td></td><td>dropout_pct</td><td>n_closed, n_dropout</td></tr>
 *   <tr><td></td><td>reliable_deterioration_pct</td><td>n_paired, n_reliable_deterioration</td></tr>
 *   <tr><td></td><td>measured_pct</td><td>the clinician's episodes with an attended session in the
 *       window, and those sessions, and those of them with a primary score (not columns): any of
 *       them 1–10 empties it</td></tr>
 *   <tr><td></td><td>practice_dropout_pct</td><td>outcomes_by_approach ALL row: n_closed and the
 *       dropouts</td></tr>
 *   <tr><td></td><td>dropout funnel limits</td><td>n_closed and the practice dropout rate's counts</td></tr>
 *   <tr><td></td><td>reliable_improvement_band / dropout_band</td><td>what the rate and its limits
 *       depend on</td></tr>
 *   <tr><td>subgroups</td><td>change_mean, change_sd</td><td>n_paired</td></tr>
 *   <tr><td></td><td>reliable_improvement_pct</td><td>n_paired, n_reliable_improvement</td></tr>
 *   <tr><td>activity</td><td>missed_session_pct</td><td>attended_sessions, missed_sessions</td></tr>
 *   <tr><td>window activity</td><td>missed_session_pct</td><td>attended_sessions, missed_sessions</td></tr>
 *   <tr><td>monthly_series</td><td>reliable_improvement_pct and its CI</td><td>n_paired,
 *       n_reliable_improvement</td></tr>
 *   <tr><td></td><td>recovery_pct and its CI</td><td>n_cases, n_recovered</td></tr>
 *   <tr><td></td><td>reliable_deterioration_pct</td><td>n_paired, n_reliable_deterioration</td></tr>
 *   <tr><td></td><td>dropout_pct</td><td>n_closed, n_dropout</td></tr>
 *   <tr><td></td><td>wait_days_median</td><td>n_started_with_referral</td></tr>
 *   <tr><td></td><td>wait_within_6_weeks_pct / wait_within_18_weeks_pct</td><td>n_started_with_referral
 *       and the waits within 6 / 18 weeks (not columns; approaches add up to ALL)</td></tr>
 *   <tr><td></td><td>reliable_improvement_pct_12m / recovery_pct_12m</td><td>the pooled counts
 *       (Σ RI, Σ n_paired / Σ recovered, Σ n_cases over the 12 months, not columns: 1–10 hides the
 *       rate) and the same counts of every month of the pool that is a row (of the series or of
 *       the months before it): a rate printed in full with the other months' counts gives a hidden
 *       one back. When the pool is the window (the report month of a 12-month window) the rate is
 *       that of outcomes_by_approach's counts on the primary instrument, and those counts alone
 *       decide</td></tr>
 *   <tr><td></td><td>spc_centre_pct</td><td>Σ RI and Σ n_paired over the series (1–10 hides it) and
 *       n_paired, n_reliable_improvement of every month of the series of the approach</td></tr>
 *   <tr><td></td><td>spc_lower_pct, spc_upper_pct</td><td>the month's n_paired and
 *       n_reliable_improvement, and the centre line (the limits give it back)</td></tr>
 *   <tr><td></td><td>above_limit … trend_down</td><td>the month's n_paired and
 *       n_reliable_improvement (the signals of a shown month stay without a centre line: they
 *       only say above or below)</td></tr>
 * </table>
 * The window activity rows ({@link OutcomeTables#windowActivity()}, the activity of the whole
 * window that the workbook's Summary shows; not a CSV) are treated like the activity rows and
 * registered under {@link TableSchemas#WINDOW_ACTIVITY} with the column names of
 * {@code activity.csv}. Likewise the rows of the months before the series
 * ({@link OutcomeTables#monthsBeforeSeries()}, the Summary's month a year before when the series
 * is shorter) follow the series' rules, registered under {@link TableSchemas#MONTHS_BEFORE_SERIES}.
 * Not counts of people, and never suppressed: {@code k}, {@code first_item}, {@code last_item},
 * {@code n_approaches} (a number of approaches); the degrees of freedom are part of their test.
 *
 * <h2>Totals: the identities a reader could use</h2>
 * Each is a constraint {@code total = Σ parts} for the complementary suppression:
 * <ul>
 *   <li>outcomes_by_approach, per instrument and count column (n_closed, n_paired, n_reliable_*,
 *       n_cases, n_recovered, n_reliable_recovery, n_response): approaches → ALL; likewise the
 *       dropouts and the paired episodes with baseline &gt; 0 behind dropout_pct and
 *       response_pct.</li>
 *   <li>outcomes_by_approach, per row: n_paired = n_reliable_improvement +
 *       n_reliable_deterioration + the paired episodes with neither, which the workbook shows as
 *       a count ("no reliable change"; hidden there when one of the three counts is hidden). It
 *       is not a CSV column, but as a shown count it is protected like one: 1–10 hides it and so
 *       the smallest of n_reliable_improvement and n_reliable_deterioration (or n_paired).</li>
 *   <li>approach_comparison: n_paired = Σ n_paired of the compared approaches.</li>
 *   <li>pcl5_clusters: n, n_diagnosis_baseline, n_diagnosis_final: approaches → ALL.</li>
 *   <li>clinicians: n_closed, n_paired, n_reliable_improvement, n_cases, n_recovered,
 *       n_reliable_deterioration and n_dropout over all clinicians = the ALL row of
 *       outcomes_by_approach on the clinicians' instrument (its dropouts); n_open has no total.</li>
 *   <li>subgroups, per approach (and ALL) and variable: the values (Y / N / unknown, or the index
 *       events and unknown) add up to the group's n_closed, n_paired, n_reliable_improvement in
 *       outcomes_by_approach; per variable and value: approaches → ALL.</li>
 *   <li>activity, per count column: approaches → ALL; per row: discharges = completed + dropout +
 *       referred + other.</li>
 *   <li>window activity: the same identities as activity.</li>
 *   <li>monthly_series (and the months before it), per month and count column (intakes,
 *       discharges, caseload, attended and missed sessions, n_closed, n_paired, n_reliable_*,
 *       n_cases, n_recovered, n_dropout, n_started_with_referral) and for the waits within 6 and
 *       18 weeks: approaches → ALL.</li>
 *   <li>the window, when all its months are rows of the series (or before it), per approach and
 *       ALL: its months' intakes, discharges, n_dropout, attended and missed sessions add up to
 *       the window activity's intakes, discharges, discharges_dropout and sessions (not the
 *       caseload: a client seen in two months is one client); their n_closed, n_paired,
 *       n_reliable_improvement, n_reliable_deterioration, n_cases, n_recovered and n_dropout to
 *       outcomes_by_approach's on the primary instrument (the same episodes) and its
 *       dropouts.</li>
 * </ul>
 * And the same count in several cells is one quantity, hidden everywhere or nowhere: n_closed on
 * every instrument row of an approach; a cluster table's n and diagnosis counts on the four rows
 * of an approach; the trajectory n at k = 1 and k = 2 (every paired episode has a first and a
 * second score) with n_paired; and, when the activity period is the window (a research run:
 * every approach's discharges equal its n_closed and its dropouts), activity's discharges and
 * discharges_dropout with n_closed and the dropouts; likewise, always, window activity's
 * discharges and discharges_dropout (discharged in the window = closed episodes); and, when the
 * activity period is the window (a research run, or a monthly run with a one-month window: a
 * period {@code YYYY-MM} is read as its first to last day), every count of an activity row with
 * the same count of the window activity row of its approach (the Summary and the Activity sheet
 * then show one number in two places, hidden in both or in neither); a series row's discharges
 * and n_closed; and the report month's series row with activity.csv (the activity period of a
 * monthly run is the report month): intakes, discharges, discharges_dropout = n_dropout,
 * caseload, attended and missed sessions.
 *
 * <p>Differences of shown counts that are not themselves a cell (n_closed − n_paired,
 * n_paired − n_reliable_improvement, n(k) − n(k + 1) of a trajectory, ...) are not protected,
 * except the RI × approach table of the χ² test and the workbook's no-reliable-change count. A rate is shown only when its numerator and
 * denominator are both shown (0 or above 10), so it never gives a hidden count back.
 */
public final class SmallNumberSuppression {

    private static final String ALL = OutcomeTables.ALL;

    private SmallNumberSuppression() {
    }

    /**
     * The suppressed tables: episode and alert rows empty, statistics of hidden counts
     * {@code null}, and the hidden count cells in {@link OutcomeTables#suppressed()} (on). Tables
     * that are already suppressed are returned as they are.
     */
    public static OutcomeTables apply(OutcomeTables tables) {
        if (tables.suppressed().on()) {
            return tables;
        }
        return new Model(tables).suppressed();
    }

    private static boolean small(long count) {
        return SmallNumberRule.isSmallCount(count);
    }

    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }

    /** The quantities and identities of one set of tables, and the suppressed tables built from them. */
    private static final class Model {
        private final OutcomeTables t;
        private final SuppressionSolver solver = new SuppressionSolver();

        // outcomes_by_approach, per row
        private final Map<String, Integer> obaIndex = new HashMap<>(); // approach, instrument -> row
        private final LinkedHashMap<String, List<Integer>> obaRowsByApproach = new LinkedHashMap<>();
        private final List<String> approaches = new ArrayList<>(); // without ALL, in row order
        private final List<String> instruments = new ArrayList<>();
        private int[] closed;
        private int[] paired;
        private int[] ri;
        private int[] rd;
        private int[] cases;
        private int[] recovered;
        private int[] reliableRecovery;
        private int[] response;
        private int[] positiveBaseline;
        private int[] noChange;
        private final Map<String, Integer> dropouts = new HashMap<>(); // approach -> quantity

        private int[] comparisonPaired;
        private int[] trajectoryN;
        private int[] clusterN;
        private int[] clusterDiagnosisBaseline;
        private int[] clusterDiagnosisFinal;
        private int[][] clinician; // row -> closed, paired, ri, cases, recovered, dropout, rd, open
        private int[][] subgroup;  // row -> closed, paired, ri
        private int[][] activity;  // row -> the nine counts
        private int[][] windowActivity; // row -> the nine counts
        private SeriesQuantities series;       // monthly_series
        private SeriesQuantities beforeSeries; // the months before the series (Summary)
        /** key(month, approach) -> the counts of its row of the series or of the months before it. */
        private final Map<String, int[]> seriesByMonth = new HashMap<>();
        /** The primary instrument (the series' and the subgroups'), or null when no table says. */
        private String primary;
        /** The report window as whole calendar months, or empty when it is not whole months. */
        private List<YearMonth> windowMonths = List.of();

        Model(OutcomeTables tables) {
            this.t = tables;
            outcomesByApproach();
            comparison();
            trajectories();
            clusters();
            clinicians();
            subgroups();
            activity = activity(t.activity(), TableSchemas.ACTIVITY.file());
            windowActivity = activity(t.windowActivity(), TableSchemas.WINDOW_ACTIVITY.file());
            samePeriod();
            series = series(t.monthlySeries(), TableSchemas.MONTHLY_SERIES.file());
            beforeSeries = series(t.monthsBeforeSeries(), TableSchemas.MONTHS_BEFORE_SERIES.file());
            seriesLinks();
            clinicalSignificance();
            solver.solve();
        }

        // ------------------------------------------------------------ quantities and identities

        private int oba(String approach, String instrument) {
            Integer row = obaIndex.get(key(approach, instrument));
            return row == null ? -1 : row;
        }

        private static int at(int[] quantities, int row) {
            return row < 0 ? -1 : quantities[row];
        }

        private void outcomesByApproach() {
            List<OutcomeTables.ApproachRow> rows = t.outcomesByApproach();
            int n = rows.size();
            closed = new int[n];
            paired = new int[n];
            ri = new int[n];
            rd = new int[n];
            cases = new int[n];
            recovered = new int[n];
            reliableRecovery = new int[n];
            response = new int[n];
            positiveBaseline = new int[n];
            noChange = new int[n];
            String file = TableSchemas.OUTCOMES_BY_APPROACH.file();
            for (int r = 0; r < n; r++) {
                OutcomeTables.ApproachRow row = rows.get(r);
                GroupOutcomes g = row.outcomes();
                obaIndex.putIfAbsent(key(row.approach(), row.instrument()), r);
                obaRowsByApproach.computeIfAbsent(row.approach(), a -> new ArrayList<>()).add(r);
                if (!row.approach().equals(ALL) && !approaches.contains(row.approach())) {
                    approaches.add(row.approach());
                }
                if (!instruments.contains(row.instrument())) {
                    instruments.add(row.instrument());
                }
                closed[r] = solver.cell(g.nClosed(), file, r, "n_closed");
                paired[r] = solver.cell(g.nPaired(), file, r, "n_paired");
                ri[r] = solver.cell(g.nReliableImprovement(), file, r, "n_reliable_improvement");
                rd[r] = solver.cell(g.nReliableDeterioration(), file, r, "n_reliable_deterioration");
                cases[r] = solver.cell(g.nCases(), file, r, "n_cases");
                recovered[r] = solver.cell(g.nRecovered(), file, r, "n_recovered");
                reliableRecovery[r] = solver.cell(g.nReliableRecovery(), file, r, "n_reliable_recovery");
                response[r] = solver.cell(g.nResponse(), file, r, "n_response");
                positiveBaseline[r] = g.nPositiveBaseline() == null ? -1
                        : solver.hiddenQuantity(g.nPositiveBaseline());
                // Mostly every paired baseline is above 0: the response rate's denominator is then
                // n_paired itself, and a rate over it would give a hidden n_paired back.
                solver.same(paired[r], positiveBaseline[r]);
                // The paired episodes with neither RI nor RD, hidden whenever n_paired, RI or RD is
                // hidden; it is the complement hidden first to protect a small RD (or RI), so that
                // the reliable-improvement count stays shown.
                long unchanged = g.nNoReliableChange();
                noChange[r] = unchanged < 0 ? -1 : solver.cell(unchanged, file, r, TableSchemas.NO_RELIABLE_CHANGE);
                solver.hideFirstAsComplement(noChange[r]);
                for (int component : new int[] {paired[r], ri[r], rd[r]}) {
                    solver.hiddenWith(component, noChange[r]);
                }
                solver.sum(paired[r], List.of(ri[r], rd[r], noChange[r]));
            }
            // One n_closed and one dropout count per approach, on every instrument row.
            for (Map.Entry<String, List<Integer>> entry : obaRowsByApproach.entrySet()) {
                List<Integer> group = entry.getValue();
                int first = group.get(0);
                for (int r : group) {
                    solver.same(closed[first], closed[r]);
                }
                dropouts.put(entry.getKey(), solver.hiddenQuantity(rows.get(first).outcomes().nDropout()));
            }
            // Approaches add up to ALL.
            for (String instrument : instruments) {
                int all = oba(ALL, instrument);
                if (all < 0) {
                    continue;
                }
                for (int[] column : new int[][] {closed, paired, ri, rd, noChange, cases, recovered,
                        reliableRecovery, response, positiveBaseline}) {
                    List<Integer> parts = new ArrayList<>();
                    for (String approach : approaches) {
                        int r = oba(approach, instrument);
                        if (r >= 0) {
                            parts.add(column[r]);
                        }
                    }
                    solver.sum(column[all], parts);
                }
            }
            if (dropouts.containsKey(ALL)) {
                List<Integer> parts = new ArrayList<>();
                for (String approach : approaches) {
                    parts.add(dropouts.get(approach));
                }
                solver.sum(dropouts.get(ALL), parts);
            }
        }

        /**
         * clinical_significance: per row n = improved + unchanged + deteriorated, improved =
         * recovered + improved not recovered, deteriorated = harmed + deteriorated not harmed (the
         * five-way "deteriorated", which the workbook shows); every count: approaches → ALL per
         * instrument and method; a pre/post method's n is the approach's n_paired.
         */
        private void clinicalSignificance() {
            List<OutcomeTables.SignificanceRow> rows = t.clinicalSignificance();
            String file = TableSchemas.CLINICAL_SIGNIFICANCE.file();
            LinkedHashMap<String, List<int[]>> byMethod = new LinkedHashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.SignificanceRow row = rows.get(r);
                if (row.n() == null) {
                    continue;
                }
                int n = solver.cell(row.n(), file, r, "n");
                int improved = solver.cell(row.nImproved(), file, r, "n_improved");
                int unchanged = solver.cell(row.nUnchanged(), file, r, "n_unchanged");
                int deteriorated = solver.cell(row.nDeteriorated(), file, r, "n_deteriorated");
                int recovered = solver.cell(row.nRecovered(), file, r, "n_recovered");
                int improvedOnly = solver.cell(row.nImprovedNotRecovered(), file, r, "n_improved_not_recovered");
                int harmed = solver.cell(row.nHarmed(), file, r, "n_harmed");
                int deterioratedOnly = row.nHarmed() == null ? -1 : solver.cell(row.nDeteriorated() - row.nHarmed(),
                        file, r, TableSchemas.DETERIORATED_NOT_HARMED);
                solver.sum(n, List.of(improved, unchanged, deteriorated));
                solver.sum(improved, List.of(recovered, improvedOnly));
                solver.sum(deteriorated, List.of(harmed, deterioratedOnly));
                if (!row.method().equals(org.clinicaloutcomes.metrics.significance.SignificanceMethod.HLM.label())) {
                    solver.same(n, at(paired, oba(row.approach(), row.instrument())));
                }
                byMethod.computeIfAbsent(key(row.instrument(), row.method()), k -> new ArrayList<>())
                        .add(new int[] {row.approach().equals(ALL) ? 1 : 0, n, improved, unchanged, deteriorated,
                                recovered, improvedOnly, harmed, deterioratedOnly});
            }
            for (List<int[]> group : byMethod.values()) {
                int[] all = group.stream().filter(q -> q[0] == 1).findFirst().orElse(null);
                if (all == null) {
                    continue;
                }
                for (int column = 1; column < all.length; column++) {
                    List<Integer> parts = new ArrayList<>();
                    for (int[] quantities : group) {
                        if (quantities[0] == 0) {
                            parts.add(quantities[column]);
                        }
                    }
                    solver.sum(all[column], parts);
                }
            }
        }

        private void comparison() {
            List<OutcomeTables.ComparisonRow> rows = t.approachComparison();
            comparisonPaired = new int[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ComparisonRow row = rows.get(r);
                comparisonPaired[r] = solver.cell(row.nPaired(), TableSchemas.APPROACH_COMPARISON.file(), r, "n_paired");
                List<Integer> parts = new ArrayList<>();
                for (int o : compared(row.instrument())) {
                    parts.add(paired[o]);
                }
                solver.sum(comparisonPaired[r], parts);
            }
        }

        /** The outcomes_by_approach rows of the approaches the tests compare (n_paired ≥ 2). */
        private List<Integer> compared(String instrument) {
            List<Integer> rows = new ArrayList<>();
            for (String approach : approaches) {
                int r = oba(approach, instrument);
                if (r >= 0 && t.outcomesByApproach().get(r).outcomes().nPaired() >= ApproachComparison.MIN_GROUP_SIZE) {
                    rows.add(r);
                }
            }
            return rows;
        }

        private void trajectories() {
            List<OutcomeTables.TrajectoryRow> rows = t.trajectories();
            trajectoryN = new int[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.TrajectoryRow row = rows.get(r);
                trajectoryN[r] = solver.cell(row.point().n(), TableSchemas.TRAJECTORIES.file(), r, "n");
                if (row.k() <= 2) {
                    solver.same(trajectoryN[r], at(paired, oba(row.approach(), row.instrument())));
                }
            }
        }

        private void clusters() {
            List<OutcomeTables.ClusterRow> rows = t.pcl5Clusters();
            int n = rows.size();
            clusterN = new int[n];
            clusterDiagnosisBaseline = new int[n];
            clusterDiagnosisFinal = new int[n];
            LinkedHashMap<String, Integer> firstRow = new LinkedHashMap<>();
            String file = TableSchemas.PCL5_CLUSTERS.file();
            for (int r = 0; r < n; r++) {
                OutcomeTables.ClusterRow row = rows.get(r);
                clusterN[r] = solver.cell(row.n(), file, r, "n");
                clusterDiagnosisBaseline[r] = solver.cell(row.nDiagnosisBaseline(), file, r, "n_diagnosis_baseline");
                clusterDiagnosisFinal[r] = solver.cell(row.nDiagnosisFinal(), file, r, "n_diagnosis_final");
                Integer first = firstRow.putIfAbsent(row.approach(), r);
                if (first != null) {
                    solver.same(clusterN[first], clusterN[r]);
                    solver.same(clusterDiagnosisBaseline[first], clusterDiagnosisBaseline[r]);
                    solver.same(clusterDiagnosisFinal[first], clusterDiagnosisFinal[r]);
                }
            }
            Integer all = firstRow.get(ALL);
            if (all != null) {
                for (int[] column : new int[][] {clusterN, clusterDiagnosisBaseline, clusterDiagnosisFinal}) {
                    List<Integer> parts = new ArrayList<>();
                    firstRow.forEach((approach, r) -> {
                        if (!approach.equals(ALL)) {
                            parts.add(column[r]);
                        }
                    });
                    solver.sum(column[all], parts);
                }
            }
        }

        private void clinicians() {
            List<OutcomeTables.ClinicianRow> rows = t.clinicians();
            clinician = new int[rows.size()][];
            Map<String, List<Integer>> byInstrument = new LinkedHashMap<>();
            String file = TableSchemas.CLINICIANS.file();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ClinicianRow row = rows.get(r);
                clinician[r] = new int[] {
                        solver.cell(row.nClosed(), file, r, "n_closed"),
                        solver.cell(row.nPaired(), file, r, "n_paired"),
                        solver.cell(row.nReliableImprovement(), file, r, "n_reliable_improvement"),
                        solver.cell(row.nCases(), file, r, "n_cases"),
                        solver.cell(row.nRecovered(), file, r, "n_recovered"),
                        solver.cell(row.nDropout(), file, r, "n_dropout"),
                        solver.cell(row.nReliableDeterioration(), file, r, "n_reliable_deterioration"),
                        solver.cell(row.nOpen(), file, r, "n_open")};
                byInstrument.computeIfAbsent(row.instrument(), k -> new ArrayList<>()).add(r);
            }
            Integer practiceDropouts = dropouts.get(ALL);
            byInstrument.forEach((instrument, group) -> {
                int all = oba(ALL, instrument);
                if (all < 0) {
                    return;
                }
                // n_open adds up to no shown total: it has no identity.
                int[] totals = {closed[all], paired[all], ri[all], cases[all], recovered[all],
                        practiceDropouts == null ? -1 : practiceDropouts, rd[all]};
                for (int c = 0; c < totals.length; c++) {
                    List<Integer> parts = new ArrayList<>();
                    for (int r : group) {
                        parts.add(clinician[r][c]);
                    }
                    solver.sum(totals[c], parts);
                }
            });
        }

        private void subgroups() {
            List<OutcomeTables.SubgroupRow> rows = t.subgroups();
            subgroup = new int[rows.size()][];
            Map<String, List<Integer>> byApproachAndVariable = new LinkedHashMap<>();
            Map<String, List<Integer>> byVariableAndValue = new LinkedHashMap<>();
            String file = TableSchemas.SUBGROUPS.file();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.SubgroupRow row = rows.get(r);
                subgroup[r] = new int[] {
                        solver.cell(row.nClosed(), file, r, "n_closed"),
                        solver.cell(row.nPaired(), file, r, "n_paired"),
                        solver.cell(row.nReliableImprovement(), file, r, "n_reliable_improvement")};
                byApproachAndVariable.computeIfAbsent(key(row.approach(), row.instrument(), row.variable()),
                        k -> new ArrayList<>()).add(r);
                byVariableAndValue.computeIfAbsent(key(row.instrument(), row.variable(), row.value()),
                        k -> new ArrayList<>()).add(r);
            }
            // The values of a variable add up to the group's counts in outcomes_by_approach.
            for (List<Integer> group : byApproachAndVariable.values()) {
                OutcomeTables.SubgroupRow first = rows.get(group.get(0));
                int o = oba(first.approach(), first.instrument());
                if (o < 0) {
                    continue;
                }
                int[] totals = {closed[o], paired[o], ri[o]};
                for (int c = 0; c < totals.length; c++) {
                    List<Integer> parts = new ArrayList<>();
                    for (int r : group) {
                        parts.add(subgroup[r][c]);
                    }
                    solver.sum(totals[c], parts);
                }
            }
            // The approaches add up to ALL.
            for (List<Integer> group : byVariableAndValue.values()) {
                approachesAddUpToAll(subgroup, group, r -> rows.get(r).approach(), 3);
            }
        }

        /**
         * In a group of rows (one per approach and ALL), every one of the first {@code columns}
         * quantities of the approaches' rows adds up to the ALL row's; nothing without an ALL row.
         */
        private void approachesAddUpToAll(int[][] quantities, List<Integer> group, IntFunction<String> approach,
                                          int columns) {
            Integer all = null;
            List<Integer> approachRows = new ArrayList<>();
            for (int r : group) {
                if (approach.apply(r).equals(ALL)) {
                    all = r;
                } else {
                    approachRows.add(r);
                }
            }
            if (all == null) {
                return;
            }
            for (int c = 0; c < columns; c++) {
                solver.sum(quantities[all][c], column(quantities, approachRows, c));
            }
        }

        private static final String[] ACTIVITY_COLUMNS = {"intakes", "discharges", "discharges_completed",
                "discharges_dropout", "discharges_referred", "discharges_other", "caseload", "attended_sessions",
                "missed_sessions"};

        private static long[] activityCounts(OutcomeTables.ActivityRow row) {
            return new long[] {row.intakes(), row.discharges(), row.dischargesCompleted(), row.dischargesDropout(),
                    row.dischargesReferred(), row.dischargesOther(), row.caseload(), row.attendedSessions(),
                    row.missedSessions()};
        }

        /**
         * The counts of activity rows (the activity period, or the whole window) in {@code table},
         * with their identities; returns the quantities, row -> the nine counts.
         */
        private int[][] activity(List<OutcomeTables.ActivityRow> rows, String table) {
            int[][] quantities = new int[rows.size()][];
            List<Integer> allRows = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ActivityRow row = rows.get(r);
                long[] counts = activityCounts(row);
                quantities[r] = new int[counts.length];
                for (int c = 0; c < counts.length; c++) {
                    quantities[r][c] = solver.cell(counts[c], table, r, ACTIVITY_COLUMNS[c]);
                }
                // discharges = completed + dropout + referred + other
                solver.sum(quantities[r][1], List.of(quantities[r][2], quantities[r][3], quantities[r][4], quantities[r][5]));
                allRows.add(r);
            }
            approachesAddUpToAll(quantities, allRows, r -> rows.get(r).approach(), ACTIVITY_COLUMNS.length);
            // When the period is the window (a research run's activity; the window activity of any
            // run), discharges are the closed episodes and discharges_dropout the dropouts of
            // outcomes_by_approach.
            boolean periodIsWindow = !rows.isEmpty();
            for (OutcomeTables.ActivityRow row : rows) {
                List<Integer> group = obaRowsByApproach.get(row.approach());
                if (group == null) {
                    periodIsWindow = false;
                    break;
                }
                int o = group.get(0);
                periodIsWindow &= solver.value(closed[o]) == row.discharges()
                        && solver.value(dropouts.get(row.approach())) == row.dischargesDropout();
            }
            if (periodIsWindow) {
                for (int r = 0; r < rows.size(); r++) {
                    String approach = rows.get(r).approach();
                    solver.same(quantities[r][1], closed[obaRowsByApproach.get(approach).get(0)]);
                    solver.same(quantities[r][3], dropouts.get(approach));
                }
            }
            return quantities;
        }

        /**
         * An activity row and a window activity row of the same approach and period (a research
         * run, whose activity period is the window; a monthly run with a one-month window) show
         * the same counts: one quantity each.
         */
        private void samePeriod() {
            List<OutcomeTables.ActivityRow> rows = t.activity();
            List<OutcomeTables.ActivityRow> windowRows = t.windowActivity();
            Map<String, Integer> windowRow = new HashMap<>();
            for (int w = 0; w < windowRows.size(); w++) {
                OutcomeTables.ActivityRow row = windowRows.get(w);
                windowRow.putIfAbsent(key(days(row.period()), row.approach()), w);
            }
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ActivityRow row = rows.get(r);
                Integer w = windowRow.get(key(days(row.period()), row.approach()));
                if (w != null) {
                    for (int c = 0; c < ACTIVITY_COLUMNS.length; c++) {
                        solver.same(activity[r][c], windowActivity[w][c]);
                    }
                }
            }
        }

        /**
         * A period label as its first and last day, {@code <from>_<to>}: {@code YYYY-MM} is the
         * month's first to last day; any other label is returned as it is.
         */
        private static String days(String period) {
            try {
                YearMonth month = YearMonth.parse(period);
                return month.atDay(1) + "_" + month.atEndOfMonth();
            } catch (DateTimeParseException e) {
                return period;
            }
        }

        // ------------------------------------------------------------ the monthly series

        /** The count columns of a series row, in the order of {@link #seriesCounts}. */
        private static final String[] SERIES_COLUMNS = {"intakes", "discharges", "caseload", "attended_sessions",
                "missed_sessions", "n_closed", "n_paired", "n_reliable_improvement", "n_cases", "n_recovered",
                "n_reliable_deterioration", "n_dropout", "n_started_with_referral"};
        private static final int S_INTAKES = 0;
        private static final int S_DISCHARGES = 1;
        private static final int S_CASELOAD = 2;
        private static final int S_ATTENDED = 3;
        private static final int S_MISSED = 4;
        private static final int S_CLOSED = 5;
        private static final int S_PAIRED = 6;
        private static final int S_RI = 7;
        private static final int S_CASES = 8;
        private static final int S_RECOVERED = 9;
        private static final int S_RD = 10;
        private static final int S_DROPOUT = 11;
        private static final int S_STARTED = 12;

        /**
         * The quantities of series rows: row -> the {@link #SERIES_COLUMNS} counts; row -> the
         * waits within 6 and within 18 weeks (not columns: the numerators of the two wait rates).
         */
        private record SeriesQuantities(int[][] counts, int[][] waits) {
        }

        private static Number[] seriesCounts(OutcomeTables.SeriesRow row) {
            return new Number[] {row.intakes(), row.discharges(), row.caseload(), row.attendedSessions(),
                    row.missedSessions(), row.nClosed(), row.nPaired(), row.nReliableImprovement(), row.nCases(),
                    row.nRecovered(), row.nReliableDeterioration(), row.nDropout(), row.waits().n()};
        }

        /**
         * The counts of series rows (the series, or the months before it) in {@code table}, with
         * their identities: discharges = n_closed per row; per month and count, approaches -> ALL.
         */
        private SeriesQuantities series(List<OutcomeTables.SeriesRow> rows, String table) {
            int[][] counts = new int[rows.size()][];
            int[][] waits = new int[rows.size()][];
            Map<String, List<Integer>> byMonth = new LinkedHashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.SeriesRow row = rows.get(r);
                Number[] values = seriesCounts(row);
                counts[r] = new int[values.length];
                for (int c = 0; c < values.length; c++) {
                    counts[r][c] = solver.cell(values[c], table, r, SERIES_COLUMNS[c]);
                }
                solver.same(counts[r][S_DISCHARGES], counts[r][S_CLOSED]);
                WaitingTimes w = row.waits();
                waits[r] = new int[] {solver.hiddenQuantity(numerator(w.within6WeeksPct(), w.n())),
                        solver.hiddenQuantity(numerator(w.within18WeeksPct(), w.n()))};
                seriesByMonth.putIfAbsent(key(row.month(), row.approach()), counts[r]);
                byMonth.computeIfAbsent(row.month(), m -> new ArrayList<>()).add(r);
            }
            for (List<Integer> month : byMonth.values()) {
                approachesAddUpToAll(counts, month, r -> rows.get(r).approach(), SERIES_COLUMNS.length);
                approachesAddUpToAll(waits, month, r -> rows.get(r).approach(), 2);
            }
            return new SeriesQuantities(counts, waits);
        }

        /** The count behind {@code 100 × k / n}: {@code k}, 0 over no episode. */
        private static long numerator(Double pct, int n) {
            return pct == null ? 0 : Math.round(pct * n / 100.0);
        }

        private static List<Integer> column(int[][] quantities, List<Integer> rows, int c) {
            List<Integer> parts = new ArrayList<>(rows.size());
            for (int r : rows) {
                parts.add(quantities[r][c]);
            }
            return parts;
        }

        /**
         * The series' links with the other tables: the report month's row shows the counts of
         * activity.csv (the activity period of a monthly run is the report month); the months of
         * the window, when all are rows of the series (or of the months before it), add up to the
         * window activity and to the outcomes_by_approach counts of the primary instrument (the
         * same episodes: discharged in the window, scored over all their attended sessions).
         */
        private void seriesLinks() {
            primary = !t.subgroups().isEmpty() ? t.subgroups().get(0).instrument()
                    : !t.clinicians().isEmpty() ? t.clinicians().get(0).instrument() : null;
            if (seriesByMonth.isEmpty()) {
                return;
            }
            List<OutcomeTables.ActivityRow> rows = t.activity();
            for (int r = 0; r < rows.size(); r++) {
                int[] q = seriesByMonth.get(key(rows.get(r).period(), rows.get(r).approach()));
                if (q != null) {
                    solver.same(activity[r][0], q[S_INTAKES]);
                    solver.same(activity[r][1], q[S_DISCHARGES]);
                    solver.same(activity[r][3], q[S_DROPOUT]);
                    solver.same(activity[r][6], q[S_CASELOAD]);
                    solver.same(activity[r][7], q[S_ATTENDED]);
                    solver.same(activity[r][8], q[S_MISSED]);
                }
            }
            windowMonths = windowMonths();
            if (windowMonths.isEmpty()) {
                return;
            }
            List<OutcomeTables.ActivityRow> windowRows = t.windowActivity();
            for (int w = 0; w < windowRows.size(); w++) {
                List<int[]> months = windowMonthsOf(windowRows.get(w).approach());
                if (months != null) {
                    // Caseload is not additive over months (a client seen in two months counts once).
                    solver.sum(windowActivity[w][0], counts(months, S_INTAKES));
                    solver.sum(windowActivity[w][1], counts(months, S_DISCHARGES));
                    solver.sum(windowActivity[w][3], counts(months, S_DROPOUT));
                    solver.sum(windowActivity[w][7], counts(months, S_ATTENDED));
                    solver.sum(windowActivity[w][8], counts(months, S_MISSED));
                }
            }
            for (Map.Entry<String, List<Integer>> entry : obaRowsByApproach.entrySet()) {
                List<int[]> months = windowMonthsOf(entry.getKey());
                if (months == null) {
                    continue;
                }
                solver.sum(closed[entry.getValue().get(0)], counts(months, S_CLOSED));
                solver.sum(dropouts.get(entry.getKey()), counts(months, S_DROPOUT));
                int o = primary == null ? -1 : oba(entry.getKey(), primary);
                if (o >= 0) {
                    solver.sum(paired[o], counts(months, S_PAIRED));
                    solver.sum(ri[o], counts(months, S_RI));
                    solver.sum(rd[o], counts(months, S_RD));
                    solver.sum(cases[o], counts(months, S_CASES));
                    solver.sum(recovered[o], counts(months, S_RECOVERED));
                }
            }
        }

        /** The window, from the window activity's period {@code <from>_<to>}, when it is whole months. */
        private List<YearMonth> windowMonths() {
            if (t.windowActivity().isEmpty()) {
                return List.of();
            }
            String[] days = t.windowActivity().get(0).period().split("_", -1);
            if (days.length != 2) {
                return List.of();
            }
            LocalDate from;
            LocalDate to;
            try {
                from = LocalDate.parse(days[0]);
                to = LocalDate.parse(days[1]);
            } catch (DateTimeParseException e) {
                return List.of();
            }
            if (from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(to).atEndOfMonth()) || to.isBefore(from)) {
                return List.of();
            }
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                months.add(m);
            }
            return months;
        }

        /** The series counts of every month of the window for one approach, or null when one is not a row. */
        private List<int[]> windowMonthsOf(String approach) {
            List<int[]> months = new ArrayList<>(windowMonths.size());
            for (YearMonth m : windowMonths) {
                int[] q = seriesByMonth.get(key(m.toString(), approach));
                if (q == null) {
                    return null;
                }
                months.add(q);
            }
            return months;
        }

        private static List<Integer> counts(List<int[]> months, int c) {
            List<Integer> parts = new ArrayList<>(months.size());
            for (int[] q : months) {
                parts.add(q[c]);
            }
            return parts;
        }

        /**
         * Whether a rolling 12-month rate of {@code approach} ending with {@code month} is left
         * out. It is printed in full, so with the counts of the months it pools it could give a
         * hidden one back; it is shown only when it adds nothing to what the tables show:
         * <ul>
         *   <li>when the pool is the window (the report month of a 12-month window), its counts
         *       are those of outcomes_by_approach on the primary instrument: shown when they are
         *       (it is then their rate, which that table shows too);</li>
         *   <li>otherwise when its pooled counts are not 1–10 and no count it pools ({@code n} or
         *       {@code k}) is hidden in a month of the pool that a table shows (the months before
         *       the series that are no row are seen nowhere).</li>
         * </ul>
         */
        private boolean poolHidden(String month, String approach, Proportion pool, int n, int k,
                                   int[] windowN, int[] windowK) {
            if (pool == null) {
                return false;
            }
            YearMonth last = YearMonth.parse(month);
            boolean poolIsWindow = windowMonths.size() == RollingRate.MONTHS
                    && windowMonths.get(windowMonths.size() - 1).equals(last);
            int o = primary == null ? -1 : oba(approach, primary);
            if (poolIsWindow && o >= 0 && windowN[o] >= 0 && windowK[o] >= 0
                    && solver.value(windowN[o]) == pool.n() && solver.value(windowK[o]) == pool.k()) {
                return hidden(windowN[o], windowK[o]);
            }
            if (small(pool.k()) || small(pool.n())) {
                return true;
            }
            for (int back = 0; back < RollingRate.MONTHS; back++) {
                int[] q = seriesByMonth.get(key(last.minusMonths(back).toString(), approach));
                if (q != null && hidden(q[n], q[k])) {
                    return true;
                }
            }
            return false;
        }

        // ------------------------------------------------------------ the suppressed tables

        private boolean hidden(int... quantities) {
            for (int q : quantities) {
                if (solver.hidden(q)) {
                    return true;
                }
            }
            return false;
        }

        private static Double unless(boolean hide, Double value) {
            return hide ? null : value;
        }

        private static Integer unless(boolean hide, Integer value) {
            return hide ? null : value;
        }

        OutcomeTables suppressed() {
            Map<String, Boolean> centreHidden = centreHidden();
            MonitoringSuppression monitoring = new MonitoringSuppression(t, primary);
            Map<SuppressedCells.Cell, SuppressedCells.Kind> hidden = new LinkedHashMap<>(solver.hiddenCells());
            hidden.putAll(monitoring.hiddenCells());
            return monitoring.suppressed(new OutcomeTables(t.episodesAdded(), t.closedInWindow(), List.of(),
                    approachRows(), comparisonRows(), trajectoryRows(), clusterRows(), clinicianRows(), subgroupRows(),
                    activityRows(t.activity(), activity), activityRows(t.windowActivity(), windowActivity),
                    List.of(), SuppressedCells.of(hidden),
                    seriesRows(t.monthlySeries(), series, centreHidden),
                    seriesRows(t.monthsBeforeSeries(), beforeSeries, centreHidden))
                    .withSignificance(t.significance()));
        }

        private List<OutcomeTables.ApproachRow> approachRows() {
            List<OutcomeTables.ApproachRow> out = new ArrayList<>();
            List<OutcomeTables.ApproachRow> rows = t.outcomesByApproach();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ApproachRow row = rows.get(r);
                GroupOutcomes g = row.outcomes();
                boolean n = hidden(paired[r]);
                boolean completeness = hidden(closed[r], paired[r]);
                boolean riRate = hidden(paired[r], ri[r]);
                boolean rdRate = hidden(paired[r], rd[r]);
                boolean recovery = hidden(cases[r], recovered[r]);
                boolean reliableRecoveryRate = hidden(cases[r], reliableRecovery[r]);
                boolean responseRate = hidden(response[r], positiveBaseline[r]);
                boolean sessions = hidden(closed[r]);
                Integer dropout = dropouts.get(row.approach());
                boolean dropoutRate = hidden(closed[r], dropout == null ? -1 : dropout);
                out.add(new OutcomeTables.ApproachRow(row.approach(), row.instrument(), new GroupOutcomes(
                        g.nClosed(), g.nPaired(),
                        unless(completeness, g.completenessPct()),
                        unless(n, g.baselineMean()), unless(n, g.baselineSd()),
                        unless(n, g.finalMean()), unless(n, g.finalSd()),
                        unless(n, g.changeMean()), unless(n, g.changeSd()),
                        unless(n, g.changeCiLow()), unless(n, g.changeCiHigh()),
                        unless(n, g.d()), unless(n, g.g()), unless(n, g.gCiLow()), unless(n, g.gCiHigh()),
                        unless(n, g.dz()),
                        g.nReliableImprovement(), unless(riRate, g.reliableImprovementPct()),
                        unless(riRate, g.reliableImprovementCiLow()), unless(riRate, g.reliableImprovementCiHigh()),
                        g.nReliableDeterioration(), unless(rdRate, g.reliableDeteriorationPct()),
                        g.nCases(), g.nRecovered(), unless(recovery, g.recoveryPct()),
                        unless(recovery, g.recoveryCiLow()), unless(recovery, g.recoveryCiHigh()),
                        g.nReliableRecovery(), unless(reliableRecoveryRate, g.reliableRecoveryPct()),
                        g.nResponse(), unless(responseRate, g.responsePct()),
                        unless(sessions, g.sessionsMedian()), unless(sessions, g.sessionsQ1()),
                        unless(sessions, g.sessionsQ3()),
                        unless(dropoutRate, g.dropoutPct()), g.nDropout(), g.nPositiveBaseline())));
            }
            return out;
        }

        private List<OutcomeTables.ComparisonRow> comparisonRows() {
            List<OutcomeTables.ComparisonRow> out = new ArrayList<>();
            List<OutcomeTables.ComparisonRow> rows = t.approachComparison();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ComparisonRow row = rows.get(r);
                boolean groups = hidden(comparisonPaired[r]);
                boolean table = false;
                for (int o : compared(row.instrument())) {
                    GroupOutcomes g = t.outcomesByApproach().get(o).outcomes();
                    groups |= hidden(paired[o]);
                    table |= hidden(ri[o]) || small((long) g.nPaired() - g.nReliableImprovement());
                }
                table |= groups;
                ComparisonResult c = row.result();
                out.add(new OutcomeTables.ComparisonRow(row.instrument(), new ComparisonResult(
                        unless(groups, c.anovaF()), unless(groups, c.anovaDfBetween()),
                        unless(groups, c.anovaDfWithin()), unless(groups, c.anovaP()),
                        unless(groups, c.kruskalH()), unless(groups, c.kruskalDf()), unless(groups, c.kruskalP()),
                        unless(table, c.chi2()), unless(table, c.chi2Df()), unless(table, c.chi2P())),
                        row.nApproaches(), row.nPaired()));
            }
            return out;
        }

        private List<OutcomeTables.TrajectoryRow> trajectoryRows() {
            List<OutcomeTables.TrajectoryRow> out = new ArrayList<>();
            List<OutcomeTables.TrajectoryRow> rows = t.trajectories();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.TrajectoryRow row = rows.get(r);
                TrajectoryPoint p = row.point();
                TrajectoryPoint point = hidden(trajectoryN[r]) ? new TrajectoryPoint(p.n(), null, null, null, null) : p;
                out.add(new OutcomeTables.TrajectoryRow(row.approach(), row.instrument(), row.k(), point));
            }
            return out;
        }

        private List<OutcomeTables.ClusterRow> clusterRows() {
            List<OutcomeTables.ClusterRow> out = new ArrayList<>();
            List<OutcomeTables.ClusterRow> rows = t.pcl5Clusters();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ClusterRow row = rows.get(r);
                boolean n = hidden(clusterN[r]);
                boolean baseline = hidden(clusterN[r], clusterDiagnosisBaseline[r]);
                boolean last = hidden(clusterN[r], clusterDiagnosisFinal[r]);
                out.add(new OutcomeTables.ClusterRow(row.approach(), row.cluster(), row.n(),
                        unless(n, row.baselineMean()), unless(n, row.baselineSd()),
                        unless(n, row.finalMean()), unless(n, row.finalSd()),
                        unless(n, row.changeMean()), unless(n, row.changeSd()),
                        row.nDiagnosisBaseline(), unless(baseline, row.diagnosisBaselinePct()),
                        row.nDiagnosisFinal(), unless(last, row.diagnosisFinalPct())));
            }
            return out;
        }

        private List<OutcomeTables.ClinicianRow> clinicianRows() {
            List<OutcomeTables.ClinicianRow> out = new ArrayList<>();
            List<OutcomeTables.ClinicianRow> rows = t.clinicians();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ClinicianRow row = rows.get(r);
                int[] q = clinician[r];
                int all = oba(ALL, row.instrument());
                boolean smallClinician = small(row.nClosed());
                // The practice's rate is the same on every row and computed from the practice's
                // episodes, not the clinician's: only the practice's own counts can hide it.
                boolean practice = hidden(at(paired, all), at(ri, all));
                Integer practiceDropouts = dropouts.get(ALL);
                boolean practiceDropout = hidden(at(closed, all), practiceDropouts == null ? -1 : practiceDropouts);
                boolean n = smallClinician || hidden(q[1]);
                boolean riRate = n || hidden(q[2]);
                boolean recovery = smallClinician || hidden(q[3], q[4]);
                boolean funnel = smallClinician || n || practice;
                boolean dropoutRate = smallClinician || hidden(q[0], q[5]);
                boolean rdRate = n || hidden(q[6]);
                // measured_pct rests on the sessions of the episodes with a session in the window
                // (not columns): empty when that group, or either session count, is 1 to 10.
                boolean measured = smallClinician || small(row.sessionEpisodes()) || small(row.attendedSessions())
                        || small(row.measuredSessions());
                boolean dropoutFunnel = smallClinician || hidden(q[0]) || practiceDropout;
                out.add(new OutcomeTables.ClinicianRow(row.clinicianId(), row.instrument(), row.nClosed(), row.nPaired(),
                        unless(n, row.changeMean()), row.nReliableImprovement(),
                        unless(riRate, row.reliableImprovementPct()), row.nCases(), row.nRecovered(),
                        unless(recovery, row.recoveryPct()), unless(practice, row.practiceRiPct()),
                        unless(funnel, row.funnel95Low()), unless(funnel, row.funnel95High()),
                        unless(funnel, row.funnel998Low()), unless(funnel, row.funnel998High()),
                        row.nOpen(), row.nDropout(), unless(dropoutRate, row.dropoutPct()),
                        row.nReliableDeterioration(), unless(rdRate, row.reliableDeteriorationPct()),
                        unless(measured, row.measuredPct()), unless(practiceDropout, row.practiceDropoutPct()),
                        unless(dropoutFunnel, row.dropoutFunnel95Low()), unless(dropoutFunnel, row.dropoutFunnel95High()),
                        unless(dropoutFunnel, row.dropoutFunnel998Low()),
                        unless(dropoutFunnel, row.dropoutFunnel998High()),
                        riRate || funnel ? null : row.reliableImprovementBand(),
                        dropoutRate || dropoutFunnel ? null : row.dropoutBand(),
                        row.attendedSessions(), row.measuredSessions(), row.sessionEpisodes()));
            }
            return out;
        }

        private List<OutcomeTables.SubgroupRow> subgroupRows() {
            List<OutcomeTables.SubgroupRow> out = new ArrayList<>();
            List<OutcomeTables.SubgroupRow> rows = t.subgroups();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.SubgroupRow row = rows.get(r);
                boolean n = hidden(subgroup[r][1]);
                boolean riRate = hidden(subgroup[r][1], subgroup[r][2]);
                out.add(new OutcomeTables.SubgroupRow(row.approach(), row.instrument(), row.variable(), row.value(),
                        row.nClosed(), row.nPaired(), unless(n, row.changeMean()), unless(n, row.changeSd()),
                        row.nReliableImprovement(), unless(riRate, row.reliableImprovementPct())));
            }
            return out;
        }

        private List<OutcomeTables.ActivityRow> activityRows(List<OutcomeTables.ActivityRow> rows, int[][] counts) {
            List<OutcomeTables.ActivityRow> out = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ActivityRow row = rows.get(r);
                boolean rate = hidden(counts[r][7], counts[r][8]);
                out.add(new OutcomeTables.ActivityRow(row.period(), row.approach(), row.intakes(), row.discharges(),
                        row.dischargesCompleted(), row.dischargesDropout(), row.dischargesReferred(),
                        row.dischargesOther(), row.caseload(), row.attendedSessions(), row.missedSessions(),
                        unless(rate, row.missedSessionPct())));
            }
            return out;
        }

        /**
         * Per approach, whether the p-chart's centre line is left out: it is pooled over the
         * months of the series ({@code Σ RI / Σ n_paired}) and printed in full, so it is shown only
         * when those sums are not 1–10 and no month's n_paired or n_reliable_improvement is hidden
         * (with the other months' counts it would give a hidden one back).
         */
        private Map<String, Boolean> centreHidden() {
            Map<String, Boolean> hide = new HashMap<>();
            Map<String, long[]> sums = new HashMap<>();
            List<OutcomeTables.SeriesRow> rows = t.monthlySeries();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.SeriesRow row = rows.get(r);
                int[] q = series.counts()[r];
                hide.merge(row.approach(), hidden(q[S_PAIRED], q[S_RI]), Boolean::logicalOr);
                long[] sum = sums.computeIfAbsent(row.approach(), a -> new long[2]);
                sum[0] += row.nReliableImprovement();
                sum[1] += row.nPaired();
            }
            sums.forEach((approach, sum) -> hide.merge(approach, small(sum[0]) || small(sum[1]), Boolean::logicalOr));
            return hide;
        }

        private List<OutcomeTables.SeriesRow> seriesRows(List<OutcomeTables.SeriesRow> rows, SeriesQuantities quantities,
                                                         Map<String, Boolean> centreHidden) {
            List<OutcomeTables.SeriesRow> out = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.SeriesRow row = rows.get(r);
                int[] q = quantities.counts()[r];
                int[] w = quantities.waits()[r];
                boolean riRate = hidden(q[S_PAIRED], q[S_RI]);
                boolean recovery = hidden(q[S_CASES], q[S_RECOVERED]);
                boolean rdRate = hidden(q[S_PAIRED], q[S_RD]);
                boolean dropoutRate = hidden(q[S_CLOSED], q[S_DROPOUT]);
                boolean ri12 = poolHidden(row.month(), row.approach(), row.reliableImprovement12m(), S_PAIRED, S_RI,
                        paired, ri);
                boolean recovery12 = poolHidden(row.month(), row.approach(), row.recovery12m(), S_CASES, S_RECOVERED,
                        cases, recovered);
                WaitingTimes waits = row.waits();
                boolean started = hidden(q[S_STARTED]);
                WaitingTimes shownWaits = new WaitingTimes(waits.n(), started ? null : waits.medianDays(),
                        started || hidden(w[0]) ? null : waits.within6WeeksPct(),
                        started || hidden(w[1]) ? null : waits.within18WeeksPct());
                out.add(new OutcomeTables.SeriesRow(row.month(), row.approach(), row.intakes(), row.discharges(),
                        row.caseload(), row.attendedSessions(), row.missedSessions(), row.nClosed(), row.nPaired(),
                        row.nReliableImprovement(), unless(riRate, row.reliableImprovementPct()),
                        riRate ? null : row.reliableImprovementCi(), row.nCases(), row.nRecovered(),
                        unless(recovery, row.recoveryPct()), recovery ? null : row.recoveryCi(),
                        row.nReliableDeterioration(), unless(rdRate, row.reliableDeteriorationPct()), row.nDropout(),
                        unless(dropoutRate, row.dropoutPct()), ri12 ? null : row.reliableImprovement12m(),
                        recovery12 ? null : row.recovery12m(), shownWaits,
                        spc(row.spc(), riRate, centreHidden.getOrDefault(row.approach(), false))));
            }
            return out;
        }

        /**
         * The p-chart of a month: the limits depend on the month's n_paired (which they give back)
         * and on the centre line, the signals on the month's rate; so a month whose n_paired or
         * n_reliable_improvement is hidden has no limits and no signal, and without a centre line
         * no month has limits (they give it back). The signals of the other months stay: they
         * compare shown rates with the limits and the line and say only "above" or "below".
         */
        private static SpcMonth spc(SpcMonth spc, boolean month, boolean centre) {
            boolean limits = month || centre;
            return new SpcMonth(centre ? null : spc.centrePct(), limits ? null : spc.lowerPct(),
                    limits ? null : spc.upperPct(), month ? null : spc.aboveLimit(), month ? null : spc.belowLimit(),
                    month ? null : spc.runAbove(), month ? null : spc.runBelow(),
                    month ? null : spc.trendUp(), month ? null : spc.trendDown(),
                    month ? null : spc.runLength(), month ? null : spc.trendUpLength(),
                    month ? null : spc.trendDownLength());
        }
    }
}
