package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.ReportWindow;

/**
 * Assembles the outcome cohort and every table of the reports from the accepted episodes
 * (METRICS.md), between ingest and the writers. Plain Java: no framework, no I/O.
 *
 * <p>Use: construct, {@link #add(EpisodeData)} every accepted episode (open or closed, inside
 * the window or not) once, in increasing index order, then {@link #finish()} once.
 *
 * <p>The <b>outcome cohort</b> is the episodes with a discharge date in {@code [window.from,
 * window.to]} ({@link ScoredEpisode}). Each table has its own accumulator, which says what it
 * computes (METRICS.md, with the choices where it is silent): {@link EpisodeOutcomesTable},
 * {@link ApproachOutcomesTable}, {@link ComparisonTable}, {@link TrajectoryTable},
 * {@link ClusterTable}, {@link ClinicianTable}, {@link SubgroupTable}, {@link ActivityTable} (the
 * activity period, and the whole window for the workbook's Summary) and, in monthly runs,
 * {@link AlertTable}, {@link MonthlySeriesTable} (which also reads the closed episodes before
 * the window), {@link ExpectedRecoveryTable} (every episode discharged by the end of the report
 * month) and {@link AttentionTable} (the episodes open at its end).
 *
 * <p>Determinism: every group's values are appended in {@link #add} order (episode index order)
 * and the statistics are computed from those arrays, or from exact sums, so the same episodes give
 * bit-identical results however the caller batches or partitions them ({@link #merge}). Rows come in a fixed order: approaches in the
 * configured order with ALL last, instruments in the configured order, then k, clinician id,
 * subgroup or client id.
 *
 * <p>Memory: per closed episode of the window only what the tables need (one outcome per paired
 * instrument, for the approach outcomes, the comparison and the episode rows); the trajectories,
 * clusters, subgroups and clinicians keep exact sums ({@link org.clinicaloutcomes.metrics.ExactMoments}),
 * not values; never the sessions. Serializable: a partition's analysis can be written out and read
 * back to be merged (for workers in other processes, issue 19; both sides run the same build).
 * Not thread-safe.
 */
public final class CohortAnalysis implements Serializable {

    /** Highest assessment index of the trajectories. */
    public static final int MAX_K = 20;
    /**
     * Months of the monthly series when none are given (MONITORING.md: {@code --series-months},
     * default 24); the command line's default refers to this one.
     */
    public static final int DEFAULT_SERIES_MONTHS = 24;
    /** The PCL-5 instrument key, whose items give the cluster table. */
    public static final String PCL5 = "pcl5";
    /** Subgroup value of a blank code or flag. */
    public static final String UNKNOWN = "unknown";
    /** The subgroup variables, in row order. */
    public static final List<String> SUBGROUP_VARIABLES =
            List.of("index_event", "chronic_illness", "prior_trauma", "childhood_medical", "marginalized");
    /** The values of a flag subgroup, in row order. */
    public static final List<String> FLAG_VALUES = List.of("Y", "N", UNKNOWN);

    private static final Comparator<SessionRecord> SESSION_ORDER = Comparator
            .comparingInt(SessionRecord::day)
            .thenComparingLong(SessionRecord::number)
            .thenComparingLong(SessionRecord::line);

    private final CohortLayout layout;
    private final int fromDay;
    private final int toDay;

    private final EpisodeOutcomesTable episodeOutcomes;
    private final ApproachOutcomesTable outcomesByApproach;
    private final ComparisonTable comparison;
    private final TrajectoryTable trajectories;
    private final ClusterTable clusters;
    private final ClinicianTable clinicians;
    private final SubgroupTable subgroups;
    private final ActivityTable activity;
    private final AlertTable alerts;
    /** The monthly series; {@code null} in a research run. */
    private final MonthlySeriesTable series;
    /** The expected-recovery models and their check; {@code null} in a research run. */
    private final ExpectedRecoveryTable expectedRecovery;
    /** The attention list; {@code null} in a research run. */
    private final AttentionTable attention;
    /** Research runs asking for clinical significance: its table (after the others); else null. */
    private ClinicalSignificanceTable significance;
    /** The tables above that see the episodes, in the order they see each one. */
    private final TableAccumulator<?, ?>[] tables;

    private long episodesAdded;
    /** Per configured approach, the accepted episodes added. */
    private final long[] episodesByApproach;
    /** Per configured instrument, whether an accepted score was seen; and how many were not yet. */
    private final boolean[] instrumentScored;
    private int instrumentsUnscored;
    private int closedInWindow;
    private int lastIndex = Integer.MIN_VALUE;
    private boolean finished;

    /**
     * @param instruments          the configured instruments, in file order; a session's scores
     *                             are aligned with this list
     * @param approaches           the configured approaches, in report order (not {@code ALL})
     * @param primaryInstrumentKey key of the primary instrument (clinicians, subgroups)
     * @param window               the reporting window; its period gives the activity table and,
     *                             for a monthly run, the report month of the alerts; the window
     *                             itself gives the window activity table
     * @param monthly              whether alerts are computed (the monthly job)
     * @throws IllegalArgumentException on an empty or duplicated list, an approach named ALL, an
     *                                  unknown primary instrument, or a monthly run whose window
     *                                  has no report month
     */
    public CohortAnalysis(List<Instrument> instruments, List<String> approaches, String primaryInstrumentKey,
                          ReportWindow window, boolean monthly) {
        this(instruments, approaches, primaryInstrumentKey, window, monthly, DEFAULT_SERIES_MONTHS);
    }

    /**
     * The analysis of a run whose monthly series has {@code seriesMonths} months ending with the
     * report month (ignored in a research run, which has no series).
     *
     * @throws IllegalArgumentException as the constructor above, and for a monthly run with
     *                                  {@code seriesMonths < 1}
     */
    public CohortAnalysis(List<Instrument> instruments, List<String> approaches, String primaryInstrumentKey,
                          ReportWindow window, boolean monthly, int seriesMonths) {
        this(instruments, approaches, primaryInstrumentKey, window, monthly,
                MonitoringSettings.withSeriesMonths(seriesMonths));
    }

    /**
     * The analysis of a run with these monitoring settings (ignored in a research run, which has
     * no monthly tables).
     *
     * @throws IllegalArgumentException as the first constructor
     */
    public CohortAnalysis(List<Instrument> instruments, List<String> approaches, String primaryInstrumentKey,
                          ReportWindow window, boolean monthly, MonitoringSettings monitoring) {
        this(instruments, approaches, primaryInstrumentKey, window, monthly, monitoring, null);
    }

    /**
     * The analysis by wave of a researcher's export (RESEARCH.md, "What a wave-based analysis
     * computes"): every participant is a closed episode of the outcome cohort, a session's day is
     * its wave's position, and what needs dates or sessions is left out (no activity; sessions
     * per episode, dropout and the clinicians' measured rate empty).
     */
    public static CohortAnalysis byWave(List<Instrument> instruments, List<String> approaches,
                                        String primaryInstrumentKey, WaveDesign waves) {
        return new CohortAnalysis(instruments, approaches, primaryInstrumentKey, ReportWindow.byWave(waves.count()),
                false, MonitoringSettings.DEFAULT, Objects.requireNonNull(waves, "waves"));
    }

    private CohortAnalysis(List<Instrument> instruments, List<String> approaches, String primaryInstrumentKey,
                           ReportWindow window, boolean monthly, MonitoringSettings monitoring, WaveDesign waves) {
        Objects.requireNonNull(monitoring, "monitoring");
        List<Instrument> instrumentList = List.copyOf(instruments);
        List<String> approachList = List.copyOf(approaches);
        Objects.requireNonNull(window, "window");
        this.layout = new CohortLayout(instrumentList, approachList, primaryInstrumentKey, waves);
        if (monthly && window.reportMonth() == null) {
            throw new IllegalArgumentException("a monthly run needs a report month");
        }
        this.episodesByApproach = new long[layout.approachCount];
        this.instrumentScored = new boolean[layout.instrumentCount];
        this.instrumentsUnscored = layout.instrumentCount;
        this.fromDay = (int) window.from().toEpochDay();
        this.toDay = (int) window.to().toEpochDay();

        this.episodeOutcomes = new EpisodeOutcomesTable(layout);
        this.outcomesByApproach = new ApproachOutcomesTable(layout);
        this.comparison = new ComparisonTable(layout);
        this.trajectories = new TrajectoryTable(layout);
        this.clusters = new ClusterTable(layout);
        this.clinicians = new ClinicianTable(layout, fromDay, toDay);
        this.subgroups = new SubgroupTable(layout);
        this.activity = new ActivityTable(layout, window);
        // A research run has no report month: its alert table sees no episode and stays empty.
        int monthEndDay = monthly ? (int) window.reportMonth().atEndOfMonth().toEpochDay() : 0;
        this.alerts = new AlertTable(layout, monthEndDay);
        this.series = monthly ? new MonthlySeriesTable(layout, window.reportMonth(), monitoring.seriesMonths()) : null;
        this.expectedRecovery = monthly ? new ExpectedRecoveryTable(layout, monthEndDay, monitoring.expectedMinN()) : null;
        this.attention = monthly
                ? new AttentionTable(layout, monthEndDay, monitoring.contactDays(), expectedRecovery) : null;
        // Activity first: an episode with an unknown discharge reason is refused before any other
        // table looks at it, and one with an unknown index event (subgroups) after all others. The
        // series after the tables of the outcome cohort, whose scores it then reuses.
        this.tables = monthly
                ? new TableAccumulator<?, ?>[] {activity, alerts, attention, outcomesByApproach, episodeOutcomes,
                        comparison, trajectories, clusters, clinicians, series, expectedRecovery, subgroups}
                : waves != null
                ? new TableAccumulator<?, ?>[] {outcomesByApproach, episodeOutcomes, comparison, trajectories, clusters,
                        clinicians, subgroups}
                : new TableAccumulator<?, ?>[] {activity, outcomesByApproach, episodeOutcomes, comparison,
                        trajectories, clusters, clinicians, subgroups};
    }

    /**
     * Computes the clinical-significance methods of {@code settings} too (SIGNIFICANCE.md, section
     * 11: research runs). Call before the first {@link #add}; with no method, nothing changes.
     *
     * @throws IllegalStateException    after the first {@link #add}, or in a monthly run
     * @throws IllegalArgumentException when the parameters are not one per configured instrument
     */
    public CohortAnalysis computeSignificance(SignificanceSettings settings) {
        if (episodesAdded > 0 || finished) {
            throw new IllegalStateException("computeSignificance must come before the first episode");
        }
        if (series != null) {
            throw new IllegalStateException("the monthly job computes no clinical significance");
        }
        significance = settings.any() ? new ClinicalSignificanceTable(layout, settings) : null;
        return this;
    }

    /**
     * Adds one accepted episode. Call it once for every accepted episode, in increasing index
     * order: the activity counts need all episodes, the outcome tables only the closed ones of
     * the window (and the clinicians also those open at its end).
     *
     * @throws IllegalArgumentException when the index does not increase, the approach is not
     *                                  configured, or the sessions do not belong to the episode,
     *                                  are not in score order or have the wrong number of scores
     * @throws IllegalStateException    after {@link #finish()}
     */
    public void add(EpisodeData episode) {
        if (finished) {
            throw new IllegalStateException("finish() was called");
        }
        if (episodesAdded > 0 && episode.index() <= lastIndex) {
            throw new IllegalArgumentException("episodes must come in increasing index order: "
                    + episode.index() + " after " + lastIndex);
        }
        IntakeRecord intake = episode.intake();
        Integer a = layout.approachIndex(intake.approach());
        if (a == null) {
            throw new IllegalArgumentException("episode " + episode.index() + " has an approach that is not configured");
        }
        List<SessionRecord> sessions = episode.sessions();
        checkSessions(episode.index(), sessions);
        lastIndex = episode.index();
        episodesAdded++;
        episodesByApproach[a]++;
        if (instrumentsUnscored > 0) {
            noteScores(sessions);
        }

        ScoredEpisode scored = new ScoredEpisode(layout, episode.index(), a, intake, sessions, fromDay, toDay);
        closedInWindow += scored.closedInWindow ? 1 : 0;
        for (TableAccumulator<?, ?> table : tables) {
            table.add(scored);
        }
        if (significance != null) {
            significance.add(scored);
        }
    }

    /**
     * Takes in the episodes {@code other} was given: afterwards this analysis holds what one
     * analysis given every episode of both in increasing index order would hold, so
     * {@link #finish()} gives the same tables, bit for bit (issue 19: the partitions of a run,
     * each a disjoint set of episodes, merge into the single pass; {@link TableAccumulator#merge}).
     * {@code other} must be built with the same arguments (and clinical-significance settings),
     * and is not used afterwards.
     *
     * @throws IllegalStateException    when either was finished
     * @throws IllegalArgumentException when the two are not analyses of the same run
     */
    public CohortAnalysis merge(CohortAnalysis other) {
        if (finished || other.finished) {
            throw new IllegalStateException("finish() was called");
        }
        if (other.layout.instrumentCount != layout.instrumentCount || other.layout.approachCount != layout.approachCount
                || other.tables.length != tables.length || other.fromDay != fromDay || other.toDay != toDay
                || (other.significance == null) != (significance == null) || (other.series == null) != (series == null)) {
            throw new IllegalArgumentException("not an analysis of the same run");
        }
        episodesAdded += other.episodesAdded;
        closedInWindow += other.closedInWindow;
        for (int a = 0; a < episodesByApproach.length; a++) {
            episodesByApproach[a] += other.episodesByApproach[a];
        }
        instrumentsUnscored = 0;
        for (int i = 0; i < instrumentScored.length; i++) {
            instrumentScored[i] |= other.instrumentScored[i];
            instrumentsUnscored += instrumentScored[i] ? 0 : 1;
        }
        lastIndex = Math.max(lastIndex, other.lastIndex);
        activity.merge(other.activity);
        alerts.merge(other.alerts);
        outcomesByApproach.merge(other.outcomesByApproach);
        episodeOutcomes.merge(other.episodeOutcomes);
        comparison.merge(other.comparison);
        trajectories.merge(other.trajectories);
        clusters.merge(other.clusters);
        clinicians.merge(other.clinicians);
        subgroups.merge(other.subgroups);
        if (series != null) {
            series.merge(other.series);
            expectedRecovery.merge(other.expectedRecovery);
            attention.merge(other.attention);
        }
        if (significance != null) {
            significance.merge(other.significance);
        }
        return this;
    }

    /** Marks the instruments these sessions carry a score of (only while some have none yet). */
    private void noteScores(List<SessionRecord> sessions) {
        for (SessionRecord session : sessions) {
            double[] scores = session.scores();
            for (int i = 0; i < scores.length; i++) {
                if (!instrumentScored[i] && !Double.isNaN(scores[i])) {
                    instrumentScored[i] = true;
                    instrumentsUnscored--;
                }
            }
        }
    }

    /**
     * The configured approaches without an accepted episode, in configured order (RESEARCH.md:
     * each gets a warning line); call after the last {@link #add}.
     */
    public List<String> approachesWithoutEpisodes() {
        List<String> none = new ArrayList<>();
        for (int a = 0; a < layout.approachCount; a++) {
            if (episodesByApproach[a] == 0) {
                none.add(layout.approaches.get(a));
            }
        }
        return none;
    }

    /** The configured instruments without an accepted score, in file order (a warning line each). */
    public List<Instrument> instrumentsWithoutScores() {
        List<Instrument> none = new ArrayList<>();
        for (int i = 0; i < layout.instrumentCount; i++) {
            if (!instrumentScored[i]) {
                none.add(layout.instruments.get(i));
            }
        }
        return none;
    }

    private void checkSessions(int index, List<SessionRecord> sessions) {
        SessionRecord previous = null;
        for (SessionRecord session : sessions) {
            if (session.episode() != index) {
                throw new IllegalArgumentException("a session of episode " + session.episode()
                        + " was given with episode " + index);
            }
            if (session.scores().length != layout.instrumentCount) {
                throw new IllegalArgumentException("a session has " + session.scores().length
                        + " scores for " + layout.instrumentCount + " instruments");
            }
            if (previous != null && SESSION_ORDER.compare(previous, session) > 0) {
                throw new IllegalArgumentException("the sessions of episode " + index + " are not in score order");
            }
            previous = session;
        }
    }

    /**
     * Computes every table. Call once, after the last {@link #add}.
     *
     * @throws IllegalStateException when called twice
     */
    public OutcomeTables finish() {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        finished = true;
        // The tables only read their accumulators, so the two largest are computed at once on
        // other threads (sorting the episode rows, ranking for the comparisons) while this one
        // computes the rest; each table is the same whichever thread computes it.
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "tables");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // The significance first: the episode rows carry its categories.
            ClinicalSignificanceTable.Result significanceResult = significance == null ? null : significance.result();
            if (significanceResult != null) {
                episodeOutcomes.categories(significanceResult.categories());
            }
            CompletableFuture<List<OutcomeTables.EpisodeRow>> episodeRows =
                    CompletableFuture.supplyAsync(episodeOutcomes::result, pool);
            CompletableFuture<List<OutcomeTables.ComparisonRow>> comparisonRows =
                    CompletableFuture.supplyAsync(comparison::result, pool);
            List<OutcomeTables.ApproachRow> approachRows = outcomesByApproach.result();
            List<OutcomeTables.TrajectoryRow> trajectoryRows = trajectories.result();
            List<OutcomeTables.ClusterRow> clusterRows = clusters.result();
            List<OutcomeTables.ClinicianRow> clinicianRows = clinicians.result();
            List<OutcomeTables.SubgroupRow> subgroupRows = subgroups.result();
            ActivityTable.Rows activityRows = activity.result();
            List<OutcomeTables.AlertRow> alertRows = alerts.result();
            MonthlySeriesTable.Rows seriesRows = series == null
                    ? new MonthlySeriesTable.Rows(List.of(), List.of()) : series.result();
            OutcomeTables tables = new OutcomeTables(episodesAdded, closedInWindow, join(episodeRows), approachRows,
                    join(comparisonRows), trajectoryRows, clusterRows, clinicianRows, subgroupRows,
                    activityRows.activity(), activityRows.windowActivity(), alertRows, SuppressedCells.NONE,
                    seriesRows.series(), seriesRows.monthsBeforeSeries());
            if (expectedRecovery == null) {
                return significanceResult == null ? tables : tables.withSignificance(significanceResult.significance());
            }
            ExpectedRecoveryTable.Result models = expectedRecovery.result();
            List<OutcomeTables.AttentionRow> attentionRows = attention.result();
            return new OutcomeTables(episodesAdded, closedInWindow, tables.episodeOutcomes(), approachRows,
                    tables.approachComparison(), trajectoryRows, clusterRows, clinicianRows, subgroupRows,
                    tables.activity(), tables.windowActivity(), alertRows, SuppressedCells.NONE,
                    tables.monthlySeries(), tables.monthsBeforeSeries(), models.rows(), models.check(),
                    attentionRows, AttentionTable.counts(attentionRows), models.primaryBaselines());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T join(CompletableFuture<T> table) {
        try {
            return table.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
