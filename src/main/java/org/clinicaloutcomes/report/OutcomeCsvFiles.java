package org.clinicaloutcomes.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.clinicaloutcomes.analysis.SuppressedCells;
import org.clinicaloutcomes.metrics.ComparisonResult;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.TrajectoryPoint;

/**
 * Writes the metric CSVs of a report's {@code csv/} folder (REPORTS.md, "Output folder") from
 * {@link OutcomeTables}: UTF-8 without byte-order mark, comma-separated, {@code \n} line ends, one
 * header line. Cells go through {@link CsvCells}: numbers with {@link Double#toString}, undefined
 * values as empty cells, counts as plain integers, flags {@code true}/{@code false}, dates ISO,
 * text quoted and protected against formula injection. Rows are written in the tables' order.
 *
 * <p>The columns of every file are {@link #columns(String)}; the codebook
 * ({@code codebook.csv} on the class path, {@link Codebook}) explains each of them.
 * {@code outcomes_by_approach.csv} has exactly the columns of REPORTS.md;
 * {@code episode_outcomes.csv}, {@code approach_comparison.csv} and {@code trajectories.csv}
 * start with them.
 *
 * <p>Small-number suppression ({@link SmallNumberSuppression}): when
 * {@code tables.suppressed().on()}, the episode-level files {@code episode_outcomes.csv} and
 * {@code alerts.csv} are not written, and every count cell registered in
 * {@link OutcomeTables#suppressed()} is written as {@code <11} (a count from 1 to 10) or
 * {@code >10} (a larger count hidden so that a small one cannot be recovered from a total) instead
 * of its number; the statistics of hidden counts are already {@code null} (empty) in the tables.
 *
 * <p>Files are written in place: the caller publishes the whole report folder atomically
 * ({@link ReportFolder}).
 */
public final class OutcomeCsvFiles {

    public static final String EPISODE_OUTCOMES = "episode_outcomes.csv";
    public static final String OUTCOMES_BY_APPROACH = "outcomes_by_approach.csv";
    public static final String APPROACH_COMPARISON = "approach_comparison.csv";
    public static final String TRAJECTORIES = "trajectories.csv";
    public static final String PCL5_CLUSTERS = "pcl5_clusters.csv";
    public static final String CLINICIANS = "clinicians.csv";
    public static final String SUBGROUPS = "subgroups.csv";
    public static final String ACTIVITY = "activity.csv";
    public static final String ALERTS = "alerts.csv";

    private static final List<Table<?>> TABLES = List.of(
            new Table<>(EPISODE_OUTCOMES, List.of("client_id", "approach", "clinician_id", "instrument",
                    "baseline", "final", "change", "n_scores", "reliable_improvement", "reliable_deterioration",
                    "case_at_baseline", "recovered", "reliable_recovery", "response",
                    "reduction", "baseline_date", "final_date", "intake_date", "discharge_date",
                    "discharge_reason", "attended_sessions"),
                    OutcomeTables::episodeOutcomes, OutcomeCsvFiles::episodeRow),
            new Table<>(OUTCOMES_BY_APPROACH, List.of("approach", "instrument", "n_closed", "n_paired",
                    "completeness_pct", "baseline_mean", "baseline_sd", "final_mean", "final_sd",
                    "change_mean", "change_sd", "change_ci_low", "change_ci_high", "d", "g", "g_ci_low",
                    "g_ci_high", "dz", "n_reliable_improvement", "reliable_improvement_pct",
                    "reliable_improvement_ci_low", "reliable_improvement_ci_high", "n_reliable_deterioration",
                    "reliable_deterioration_pct", "n_cases", "n_recovered", "recovery_pct", "recovery_ci_low",
                    "recovery_ci_high", "n_reliable_recovery", "reliable_recovery_pct", "n_response",
                    "response_pct", "sessions_median", "sessions_q1", "sessions_q3", "dropout_pct"),
                    OutcomeTables::outcomesByApproach, OutcomeCsvFiles::approachRow),
            new Table<>(APPROACH_COMPARISON, List.of("instrument", "anova_f", "anova_df_between",
                    "anova_df_within", "anova_p", "kruskal_h", "kruskal_df", "kruskal_p", "chi2", "chi2_df",
                    "chi2_p", "n_approaches", "n_paired"),
                    OutcomeTables::approachComparison, OutcomeCsvFiles::comparisonRow),
            new Table<>(TRAJECTORIES, List.of("approach", "instrument", "k", "n", "mean", "sd", "ci_low", "ci_high"),
                    OutcomeTables::trajectories, OutcomeCsvFiles::trajectoryRow),
            new Table<>(PCL5_CLUSTERS, List.of("approach", "cluster", "cluster_name", "first_item", "last_item",
                    "n", "baseline_mean", "baseline_sd", "final_mean", "final_sd", "change_mean", "change_sd",
                    "n_diagnosis_baseline", "diagnosis_baseline_pct", "n_diagnosis_final", "diagnosis_final_pct"),
                    OutcomeTables::pcl5Clusters, OutcomeCsvFiles::clusterRow),
            new Table<>(CLINICIANS, List.of("clinician_id", "instrument", "n_closed", "n_paired", "change_mean",
                    "n_reliable_improvement", "reliable_improvement_pct", "n_cases", "n_recovered", "recovery_pct",
                    "practice_reliable_improvement_pct", "funnel_95_low", "funnel_95_high", "funnel_998_low",
                    "funnel_998_high"),
                    OutcomeTables::clinicians, OutcomeCsvFiles::clinicianRow),
            new Table<>(SUBGROUPS, List.of("approach", "instrument", "variable", "value", "n_closed", "n_paired",
                    "change_mean", "change_sd", "n_reliable_improvement", "reliable_improvement_pct"),
                    OutcomeTables::subgroups, OutcomeCsvFiles::subgroupRow),
            new Table<>(ACTIVITY, List.of("period", "approach", "intakes", "discharges", "discharges_completed",
                    "discharges_dropout", "discharges_referred", "discharges_other", "caseload",
                    "attended_sessions", "missed_sessions", "missed_session_pct"),
                    OutcomeTables::activity, OutcomeCsvFiles::activityRow),
            new Table<>(ALERTS, List.of("client_id", "approach", "clinician_id", "instrument", "baseline", "latest",
                    "change", "latest_date", "baseline_date", "n_scores", "intake_date"),
                    OutcomeTables::alerts, OutcomeCsvFiles::alertRow));

    private OutcomeCsvFiles() {
    }

    /** The files {@link #write} writes, in writing order ({@code alerts.csv} only for monthly runs). */
    public static List<String> files(boolean monthly) {
        return files(monthly, false);
    }

    /**
     * The files {@link #write} writes, in writing order: {@code alerts.csv} only for monthly runs,
     * and neither {@code episode_outcomes.csv} nor {@code alerts.csv} with suppression on.
     */
    public static List<String> files(boolean monthly, boolean suppressed) {
        List<String> files = new ArrayList<>();
        for (Table<?> table : TABLES) {
            boolean episodeLevel = table.file().equals(EPISODE_OUTCOMES) || table.file().equals(ALERTS);
            if ((monthly || !table.file().equals(ALERTS)) && !(suppressed && episodeLevel)) {
                files.add(table.file());
            }
        }
        return List.copyOf(files);
    }

    /**
     * The columns of one file, in order.
     *
     * @throws IllegalArgumentException for a file this class does not write
     */
    public static List<String> columns(String file) {
        return table(file).columns();
    }

    /**
     * Writes every metric CSV into {@code csvFolder} (created if needed), replacing files of the
     * same name.
     *
     * @param monthly whether to write {@code alerts.csv} (the monthly job); with suppression on
     *                ({@code tables.suppressed().on()}) neither {@code alerts.csv} nor
     *                {@code episode_outcomes.csv} is written
     * @return the files written, in {@link #files(boolean, boolean)} order
     */
    public static List<Path> write(Path csvFolder, OutcomeTables tables, boolean monthly) throws IOException {
        Files.createDirectories(csvFolder);
        List<Path> written = new ArrayList<>();
        for (String file : files(monthly, tables.suppressed().on())) {
            Path path = csvFolder.resolve(file);
            table(file).write(path, tables);
            written.add(path);
        }
        return written;
    }

    private static Table<?> table(String file) {
        for (Table<?> table : TABLES) {
            if (table.file().equals(file)) {
                return table;
            }
        }
        throw new IllegalArgumentException("not a metric CSV: " + file);
    }

    // ---------------------------------------------------------------- rows

    private static void episodeRow(OutcomeTables.EpisodeRow row, Cells cells) {
        EpisodeOutcome o = row.outcome();
        cells.text(row.clientId()).text(row.approach()).text(row.clinicianId()).text(row.instrument())
                .number(o.baseline()).number(o.finalScore()).number(o.change()).count(o.nScores())
                .flag(o.reliableImprovement()).flag(o.reliableDeterioration()).flag(o.caseAtBaseline())
                .flag(o.recovered()).flag(o.reliableRecovery()).flag(o.response())
                .number(o.reduction()).date(row.baselineDate()).date(row.finalDate()).date(row.intakeDate())
                .date(row.dischargeDate()).text(row.dischargeReason()).count(row.attendedSessions());
    }

    private static void approachRow(OutcomeTables.ApproachRow row, Cells cells) {
        GroupOutcomes g = row.outcomes();
        cells.text(row.approach()).text(row.instrument())
                .count(g.nClosed()).count(g.nPaired()).number(g.completenessPct())
                .number(g.baselineMean()).number(g.baselineSd()).number(g.finalMean()).number(g.finalSd())
                .number(g.changeMean()).number(g.changeSd()).number(g.changeCiLow()).number(g.changeCiHigh())
                .number(g.d()).number(g.g()).number(g.gCiLow()).number(g.gCiHigh()).number(g.dz())
                .count(g.nReliableImprovement()).number(g.reliableImprovementPct())
                .number(g.reliableImprovementCiLow()).number(g.reliableImprovementCiHigh())
                .count(g.nReliableDeterioration()).number(g.reliableDeteriorationPct())
                .count(g.nCases()).count(g.nRecovered()).number(g.recoveryPct())
                .number(g.recoveryCiLow()).number(g.recoveryCiHigh())
                .count(g.nReliableRecovery()).number(g.reliableRecoveryPct())
                .count(g.nResponse()).number(g.responsePct())
                .number(g.sessionsMedian()).number(g.sessionsQ1()).number(g.sessionsQ3())
                .number(g.dropoutPct());
    }

    private static void comparisonRow(OutcomeTables.ComparisonRow row, Cells cells) {
        ComparisonResult r = row.result();
        cells.text(row.instrument())
                .number(r.anovaF()).count(r.anovaDfBetween()).count(r.anovaDfWithin()).number(r.anovaP())
                .number(r.kruskalH()).count(r.kruskalDf()).number(r.kruskalP())
                .number(r.chi2()).count(r.chi2Df()).number(r.chi2P())
                .count(row.nApproaches()).count(row.nPaired());
    }

    private static void trajectoryRow(OutcomeTables.TrajectoryRow row, Cells cells) {
        TrajectoryPoint p = row.point();
        cells.text(row.approach()).text(row.instrument()).count(row.k())
                .count(p.n()).number(p.mean()).number(p.sd()).number(p.ciLow()).number(p.ciHigh());
    }

    private static void clusterRow(OutcomeTables.ClusterRow row, Cells cells) {
        cells.text(row.approach()).text(row.cluster().name()).text(row.cluster().label())
                .count(row.cluster().firstItem()).count(row.cluster().lastItem())
                .count(row.n()).number(row.baselineMean()).number(row.baselineSd())
                .number(row.finalMean()).number(row.finalSd()).number(row.changeMean()).number(row.changeSd())
                .count(row.nDiagnosisBaseline()).number(row.diagnosisBaselinePct())
                .count(row.nDiagnosisFinal()).number(row.diagnosisFinalPct());
    }

    private static void clinicianRow(OutcomeTables.ClinicianRow row, Cells cells) {
        cells.text(row.clinicianId()).text(row.instrument()).count(row.nClosed()).count(row.nPaired())
                .number(row.changeMean()).count(row.nReliableImprovement()).number(row.reliableImprovementPct())
                .count(row.nCases()).count(row.nRecovered()).number(row.recoveryPct())
                .number(row.practiceRiPct()).number(row.funnel95Low()).number(row.funnel95High())
                .number(row.funnel998Low()).number(row.funnel998High());
    }

    private static void subgroupRow(OutcomeTables.SubgroupRow row, Cells cells) {
        cells.text(row.approach()).text(row.instrument()).text(row.variable()).text(row.value())
                .count(row.nClosed()).count(row.nPaired()).number(row.changeMean()).number(row.changeSd())
                .count(row.nReliableImprovement()).number(row.reliableImprovementPct());
    }

    private static void activityRow(OutcomeTables.ActivityRow row, Cells cells) {
        cells.text(row.period()).text(row.approach()).count(row.intakes()).count(row.discharges())
                .count(row.dischargesCompleted()).count(row.dischargesDropout()).count(row.dischargesReferred())
                .count(row.dischargesOther()).count(row.caseload()).count(row.attendedSessions())
                .count(row.missedSessions()).number(row.missedSessionPct());
    }

    private static void alertRow(OutcomeTables.AlertRow row, Cells cells) {
        cells.text(row.clientId()).text(row.approach()).text(row.clinicianId()).text(row.instrument())
                .number(row.baseline()).number(row.latest()).number(row.change()).date(row.latestDate())
                .date(row.baselineDate()).count(row.nScores()).date(row.intakeDate());
    }

    // ---------------------------------------------------------------- plumbing

    /** Rows formatted per task when a file is written on two threads, and tasks held at once. */
    static final int CHUNK_ROWS = 20_000;
    private static final int CHUNKS_IN_FLIGHT = 4;

    /** One file: its name, columns, rows and how a row becomes cells. */
    private record Table<R>(String file, List<String> columns, Function<OutcomeTables, List<R>> rows,
                            BiConsumer<R, Cells> cells) {

        void write(Path path, OutcomeTables tables) throws IOException {
            List<R> all = rows.apply(tables);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
                out.write((String.join(",", columns) + "\n").getBytes(StandardCharsets.UTF_8));
                if (all.size() <= CHUNK_ROWS) {
                    out.write(lines(all, 0, all.size(), tables.suppressed()));
                    return;
                }
                // A large file (the episode rows) is formatted in chunks on two threads and written
                // in order, at most a few chunks held at once: the bytes are those of one thread.
                ExecutorService formatting = Executors.newFixedThreadPool(2);
                try {
                    Deque<Future<byte[]>> pending = new ArrayDeque<>();
                    for (int from = 0; from < all.size(); from += CHUNK_ROWS) {
                        int start = from;
                        int end = Math.min(all.size(), from + CHUNK_ROWS);
                        pending.add(formatting.submit(() -> lines(all, start, end, tables.suppressed())));
                        if (pending.size() == CHUNKS_IN_FLIGHT) {
                            out.write(take(pending.removeFirst()));
                        }
                    }
                    while (!pending.isEmpty()) {
                        out.write(take(pending.removeFirst()));
                    }
                } finally {
                    formatting.shutdownNow();
                }
            }
        }

        /** Rows {@code from} (inclusive) to {@code to} of the file, as the UTF-8 bytes of their lines. */
        private byte[] lines(List<R> all, int from, int to, SuppressedCells suppressed) {
            Cells line = new Cells(file, columns, suppressed);
            StringBuilder text = new StringBuilder(Math.max(16, (to - from) * 128));
            for (int index = from; index < to; index++) {
                line.reset(index);
                cells.accept(all.get(index), line);
                if (line.count != columns.size()) {
                    throw new IllegalStateException(file + ": a row has " + line.count + " cells for "
                            + columns.size() + " columns");
                }
                text.append(line.text).append('\n');
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] take(Future<byte[]> chunk) throws IOException {
            try {
                return chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing a CSV file");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * The cells of one line, comma-separated, formatted by {@link CsvCells}; a cell registered in
     * the tables' {@link SuppressedCells} is written as its text ({@code <11} or {@code >10}).
     */
    private static final class Cells {
        final StringBuilder text = new StringBuilder(256);
        final Map<LocalDate, String> dates = new HashMap<>();
        final String file;
        final List<String> columns;
        final SuppressedCells suppressed;
        int row;
        int count;

        Cells(String file, List<String> columns, SuppressedCells suppressed) {
            this.file = file;
            this.columns = columns;
            this.suppressed = suppressed.size() == 0 ? null : suppressed;
        }

        void reset(int rowIndex) {
            text.setLength(0);
            row = rowIndex;
            count = 0;
        }

        /** Starts the next cell: true when it is to be written by the caller, false when hidden (written here). */
        private boolean next() {
            String hidden = suppressed == null || count >= columns.size() ? null
                    : suppressed.text(file, row, columns.get(count));
            if (count++ > 0) {
                text.append(',');
            }
            if (hidden != null) {
                text.append(hidden);
                return false;
            }
            return true;
        }

        private Cells cell(String value) {
            if (next()) {
                text.append(value);
            }
            return this;
        }

        Cells text(String value) {
            return cell(CsvCells.text(value));
        }

        Cells number(Double value) {
            return value == null ? cell("") : number(value.doubleValue());
        }

        Cells number(double value) {
            if (next()) {
                CsvCells.appendNumber(text, value);
            }
            return this;
        }

        Cells count(Integer value) {
            return cell(CsvCells.count(value));
        }

        Cells count(long value) {
            if (next()) {
                text.append(value);
            }
            return this;
        }

        Cells flag(Boolean value) {
            return cell(CsvCells.flag(value));
        }

        Cells date(LocalDate value) {
            // The analysis shares one LocalDate per day, so the text of each day is worked out once.
            return cell(value == null ? "" : dates.computeIfAbsent(value, day -> CsvCells.text(day.toString())));
        }
    }
}
