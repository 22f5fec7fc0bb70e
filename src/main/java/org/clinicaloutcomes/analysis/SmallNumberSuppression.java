package org.clinicaloutcomes.analysis;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.metrics.ApproachComparison;
import org.clinicaloutcomes.metrics.ComparisonResult;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.SmallNumberRule;
import org.clinicaloutcomes.metrics.TrajectoryPoint;

/**
 * Small-number suppression following the CMS cell-size rule as METRICS.md defines it ("no value
 * from 1 to 10 shown or derivable"): a pure transformation of {@link OutcomeTables} into the tables
 * a report with suppression on shows. Plain Java, no I/O; the input is not changed.
 *
 * <h2>What {@link #apply} does</h2>
 * <ol>
 *   <li><b>Episode-level outputs</b>: the episode rows ({@code episode_outcomes.csv}) and the alert
 *       rows ({@code alerts.csv}) are emptied, and {@code OutcomeCsvFiles} does not write those two
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
 *       (not a column: {@link GroupOutcomes#nPositiveBaseline()})</td></tr>
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
 * </table>
 * The window activity rows ({@link OutcomeTables#windowActivity()}, the activity of the whole
 * window that the workbook's Summary shows; not a CSV) are treated like the activity rows and
 * registered under {@link TableSchemas#WINDOW_ACTIVITY} with the column names of
 * {@code activity.csv}.
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
 * then show one number in two places, hidden in both or in neither).
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
                // The workbook shows the paired episodes with neither RI nor RD as a count, hidden
                // whenever n_paired, RI or RD is hidden; it is the complement hidden first to
                // protect a small RD (or RI), so that the reliable-improvement count stays shown.
                long unchanged = g.nNoReliableChange();
                noChange[r] = unchanged < 0 ? -1
                        : solver.cell(unchanged, TableSchemas.RELIABLE_CHANGE.file(), r, TableSchemas.NO_RELIABLE_CHANGE);
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
                Integer all = null;
                List<Integer> approachRows = new ArrayList<>();
                for (int r : group) {
                    if (rows.get(r).approach().equals(ALL)) {
                        all = r;
                    } else {
                        approachRows.add(r);
                    }
                }
                if (all == null) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    List<Integer> parts = new ArrayList<>();
                    for (int r : approachRows) {
                        parts.add(subgroup[r][c]);
                    }
                    solver.sum(subgroup[all][c], parts);
                }
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
            Integer all = null;
            List<Integer> approachRows = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ActivityRow row = rows.get(r);
                long[] counts = activityCounts(row);
                quantities[r] = new int[counts.length];
                for (int c = 0; c < counts.length; c++) {
                    quantities[r][c] = solver.cell(counts[c], table, r, ACTIVITY_COLUMNS[c]);
                }
                // discharges = completed + dropout + referred + other
                solver.sum(quantities[r][1], List.of(quantities[r][2], quantities[r][3], quantities[r][4], quantities[r][5]));
                if (row.approach().equals(ALL)) {
                    all = r;
                } else {
                    approachRows.add(r);
                }
            }
            if (all != null) {
                for (int c = 0; c < ACTIVITY_COLUMNS.length; c++) {
                    List<Integer> parts = new ArrayList<>();
                    for (int r : approachRows) {
                        parts.add(quantities[r][c]);
                    }
                    solver.sum(quantities[all][c], parts);
                }
            }
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
            return new OutcomeTables(t.episodesAdded(), t.closedInWindow(), List.of(), approachRows(),
                    comparisonRows(), trajectoryRows(), clusterRows(), clinicianRows(), subgroupRows(),
                    activityRows(t.activity(), activity), activityRows(t.windowActivity(), windowActivity),
                    List.of(), SuppressedCells.of(solver.hiddenCells()));
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
    }
}
