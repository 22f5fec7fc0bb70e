package org.clinicaloutcomes.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.clinicaloutcomes.ingest.Codes;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.ApproachComparison;
import org.clinicaloutcomes.metrics.DeteriorationAlert;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.FunnelLimits;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.Interval;
import org.clinicaloutcomes.metrics.Pcl5Clusters;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.metrics.Statistics;
import org.clinicaloutcomes.metrics.TrajectoryPoint;

/**
 * Assembles the outcome cohort and every table of the reports from the accepted episodes
 * (METRICS.md), between ingest and the writers. Plain Java: no framework, no I/O.
 *
 * <p>Use: construct, {@link #add(EpisodeData)} every accepted episode (open or closed, inside
 * the window or not) once, in increasing index order, then {@link #finish()} once.
 *
 * <p>What it computes (METRICS.md, with the choices where it is silent):
 * <ul>
 *   <li><b>Outcome cohort</b>: episodes with a discharge date in {@code [window.from, window.to]}.
 *       Per episode and instrument the scores are those of all its attended sessions that carry
 *       the instrument, inside the window or not, in the sessions' (score) order; baseline = first,
 *       final = last; paired = at least two scores. {@link EpisodeOutcome#of} per paired score.</li>
 *   <li><b>By approach</b>: {@link GroupOutcomes#of} per approach × instrument, then ALL; n_closed,
 *       the attended sessions of each closed episode (all of them) and the dropouts (discharge
 *       reason {@code dropout}) do not depend on the instrument.</li>
 *   <li><b>Comparison</b>: {@link ApproachComparison#compare} over the configured approaches
 *       (ALL is not a group).</li>
 *   <li><b>Trajectories</b>: per approach × instrument and k = 1..20, the k-th scores of the
 *       closed episodes with paired scores; rows with n = 0 are left out.</li>
 *   <li><b>PCL-5 clusters</b> (instrument key {@code pcl5}): closed episodes with paired PCL-5
 *       scores whose baseline and final PCL-5 rows both carry the 20 items; per approach and ALL
 *       and cluster B–E, means (and SDs) of the baseline, final and change of the cluster sum;
 *       the provisional diagnosis rate at baseline and at final over the same episodes.</li>
 *   <li><b>Clinicians</b> (primary instrument): every clinician with a closed episode in the
 *       window; funnel limits ({@link FunnelLimits}) around the practice proportion
 *       {@code p = RI / paired} of all closed episodes, at the clinician's paired count; no
 *       limits when the clinician has no paired episode or the practice has none.</li>
 *   <li><b>Subgroups</b> (primary instrument): per approach and ALL, index_event (each code of
 *       DATA.md, then {@code unknown}) and each flag ({@code Y}, {@code N}, {@code unknown}):
 *       closed and paired episodes, mean and SD of change, RI count and %. Every subgroup is
 *       listed, also with no episode, so that the table has the same shape on any data.</li>
 *   <li><b>Activity</b> in {@code window.periodStart()..periodEnd()}, over all episodes: intakes,
 *       discharges (total and per reason), caseload (episodes with an attended session in the
 *       period: a client id has one episode), attended and missed sessions, and the missed rate
 *       {@code 100 × missed / (attended + missed)} (empty without scheduled sessions).</li>
 *   <li><b>Window activity</b>: the same rows over the whole window {@code [window.from,
 *       window.to]}, period {@code <from>_<to>}, for the workbook's Summary (its window column).
 *       In a monthly run an intake, discharge or session before the report month but inside the
 *       window counts here and not in the activity rows; in a research run both are the same
 *       period and the same counts (computed twice in the same pass, not shared).</li>
 *   <li><b>Alerts</b> (monthly runs): episodes open at the end of the report month (intake on or
 *       before it; no discharge, or one after it) whose latest score up to the month's end on an
 *       instrument is a reliable deterioration ({@link DeteriorationAlert})
 *       from its first score (so at least two scores up to the month's end; scores after it are
 *       not looked at); one row per episode × instrument, by approach, instrument, client id.</li>
 * </ul>
 *
 * <p>Determinism: every group's values are appended in {@link #add} order (episode index order)
 * and the statistics are computed from those arrays, so the same episodes give bit-identical
 * results however the caller batches them. Rows come in a fixed order: approaches in the
 * configured order with ALL last, instruments in the configured order, then k, clinician id,
 * subgroup or client id.
 *
 * <p>Memory: per closed episode of the window only what the tables need (one outcome per paired
 * instrument, the first 20 scores of paired instruments, cluster sums); never the sessions.
 * Not thread-safe.
 */
public final class CohortAnalysis {

    /** Highest assessment index of the trajectories. */
    public static final int MAX_K = 20;
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

    private final List<Instrument> instruments;
    private final List<String> approaches;
    private final Map<String, Integer> approachIndex = new HashMap<>();
    private final ReportWindow window;
    private final boolean monthly;
    private final int primary;
    private final int pcl5;
    private final int instrumentCount;
    private final int approachCount;
    private final int all;
    private final int fromDay;
    private final int toDay;
    private final int periodStartDay;
    private final int periodEndDay;
    private final int alertMonthEndDay;
    private final String[] subgroupVariable;
    private final String[] subgroupValue;

    // Outcome cohort, per approach (index approachCount = ALL).
    private final int[] closed;
    private final int[] dropouts;
    private final IntList[] attendedPerClosed;
    private final List<List<List<EpisodeOutcome>>> paired; // [approach][instrument]
    private final List<List<List<OutcomeTables.EpisodeRow>>> episodeRows; // [approach][instrument], no ALL
    private final DoubleList[][][] kthScores; // [approach][instrument][k - 1], no ALL
    private final ClusterAccumulator[] clusters;
    private final TreeMap<String, ClinicianAccumulator> clinicians = new TreeMap<>();
    private final SubgroupAccumulator[][] subgroups; // [approach][slot]
    private final ActivityAccumulator[] activity;
    private final ActivityAccumulator[] windowActivity;
    private final List<OutcomeTables.AlertRow> alerts = new ArrayList<>();

    private long episodesAdded;
    private LocalDate[] dates = new LocalDate[0];
    private int firstCachedDay;
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
        this.instruments = List.copyOf(instruments);
        this.approaches = List.copyOf(approaches);
        this.window = Objects.requireNonNull(window, "window");
        this.monthly = monthly;
        if (this.instruments.isEmpty() || this.approaches.isEmpty()) {
            throw new IllegalArgumentException("need at least one instrument and one approach");
        }
        for (int a = 0; a < this.approaches.size(); a++) {
            String approach = this.approaches.get(a);
            if (approach.toUpperCase(Locale.ROOT).equals(OutcomeTables.ALL)) {
                throw new IllegalArgumentException("an approach cannot be called " + OutcomeTables.ALL);
            }
            if (approachIndex.put(approach, a) != null) {
                throw new IllegalArgumentException("approach " + approach + " appears twice");
            }
        }
        int primaryIndex = -1;
        int pcl5Index = -1;
        for (int i = 0; i < this.instruments.size(); i++) {
            String key = this.instruments.get(i).key();
            for (int j = 0; j < i; j++) {
                if (this.instruments.get(j).key().equals(key)) {
                    throw new IllegalArgumentException("instrument " + key + " appears twice");
                }
            }
            if (key.equals(primaryInstrumentKey)) {
                primaryIndex = i;
            }
            if (key.equals(PCL5)) {
                pcl5Index = i;
            }
        }
        if (primaryIndex < 0) {
            throw new IllegalArgumentException("the primary instrument " + primaryInstrumentKey + " is not configured");
        }
        if (monthly && window.reportMonth() == null) {
            throw new IllegalArgumentException("a monthly run needs a report month");
        }
        this.primary = primaryIndex;
        this.pcl5 = pcl5Index;
        this.instrumentCount = this.instruments.size();
        this.approachCount = this.approaches.size();
        this.all = approachCount;
        this.fromDay = (int) window.from().toEpochDay();
        this.toDay = (int) window.to().toEpochDay();
        this.periodStartDay = (int) window.periodStart().toEpochDay();
        this.periodEndDay = (int) window.periodEnd().toEpochDay();
        this.alertMonthEndDay = monthly ? (int) window.reportMonth().atEndOfMonth().toEpochDay() : 0;

        List<String> variables = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String event : Codes.INDEX_EVENTS) {
            variables.add(SUBGROUP_VARIABLES.get(0));
            values.add(event);
        }
        variables.add(SUBGROUP_VARIABLES.get(0));
        values.add(UNKNOWN);
        for (String flag : SUBGROUP_VARIABLES.subList(1, SUBGROUP_VARIABLES.size())) {
            for (String value : FLAG_VALUES) {
                variables.add(flag);
                values.add(value);
            }
        }
        this.subgroupVariable = variables.toArray(new String[0]);
        this.subgroupValue = values.toArray(new String[0]);

        int groups = approachCount + 1;
        this.closed = new int[groups];
        this.dropouts = new int[groups];
        this.attendedPerClosed = new IntList[groups];
        this.paired = new ArrayList<>(groups);
        this.episodeRows = new ArrayList<>(approachCount);
        this.kthScores = new DoubleList[approachCount][instrumentCount][MAX_K];
        this.clusters = new ClusterAccumulator[groups];
        this.subgroups = new SubgroupAccumulator[groups][subgroupValue.length];
        this.activity = new ActivityAccumulator[groups];
        this.windowActivity = new ActivityAccumulator[groups];
        for (int a = 0; a < groups; a++) {
            attendedPerClosed[a] = new IntList();
            List<List<EpisodeOutcome>> perInstrument = new ArrayList<>(instrumentCount);
            for (int i = 0; i < instrumentCount; i++) {
                perInstrument.add(new ArrayList<>());
            }
            paired.add(perInstrument);
            clusters[a] = new ClusterAccumulator();
            for (int s = 0; s < subgroupValue.length; s++) {
                subgroups[a][s] = new SubgroupAccumulator();
            }
            activity[a] = new ActivityAccumulator();
            windowActivity[a] = new ActivityAccumulator();
        }
        for (int a = 0; a < approachCount; a++) {
            List<List<OutcomeTables.EpisodeRow>> perInstrument = new ArrayList<>(instrumentCount);
            for (int i = 0; i < instrumentCount; i++) {
                perInstrument.add(new ArrayList<>());
                for (int k = 0; k < MAX_K; k++) {
                    kthScores[a][i][k] = new DoubleList();
                }
            }
            episodeRows.add(perInstrument);
        }
    }

    /**
     * Adds one accepted episode. Call it once for every accepted episode, in increasing index
     * order: the activity counts need all episodes, the outcome tables only the closed ones of
     * the window.
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
        Integer a = approachIndex.get(intake.approach());
        if (a == null) {
            throw new IllegalArgumentException("episode " + episode.index() + " has an approach that is not configured");
        }
        List<SessionRecord> sessions = episode.sessions();
        checkSessions(episode.index(), sessions);
        lastIndex = episode.index();
        episodesAdded++;

        countActivity(a, intake, sessions);
        if (monthly) {
            findAlerts(intake, sessions);
        }
        if (intake.isClosed() && intake.dischargeDay() >= fromDay && intake.dischargeDay() <= toDay) {
            addClosed(a, intake, sessions);
        }
    }

    private void checkSessions(int index, List<SessionRecord> sessions) {
        SessionRecord previous = null;
        for (SessionRecord session : sessions) {
            if (session.episode() != index) {
                throw new IllegalArgumentException("a session of episode " + session.episode()
                        + " was given with episode " + index);
            }
            if (session.scores().length != instrumentCount) {
                throw new IllegalArgumentException("a session has " + session.scores().length
                        + " scores for " + instrumentCount + " instruments");
            }
            if (previous != null && SESSION_ORDER.compare(previous, session) > 0) {
                throw new IllegalArgumentException("the sessions of episode " + index + " are not in score order");
            }
            previous = session;
        }
    }

    // ---------------------------------------------------------------- activity

    /** Counts the episode in the activity period and, separately, in the whole window. */
    private void countActivity(int a, IntakeRecord intake, List<SessionRecord> sessions) {
        int reason = -1;
        if (intake.isClosed() && (inPeriod(intake.dischargeDay()) || inWindow(intake.dischargeDay()))) {
            reason = Codes.DISCHARGE_REASONS.indexOf(intake.dischargeReason());
            if (reason < 0) {
                throw new IllegalArgumentException("unknown discharge reason on intake line " + intake.line());
            }
        }
        long periodAttended = 0;
        long periodMissed = 0;
        long windowAttended = 0;
        long windowMissed = 0;
        for (SessionRecord session : sessions) {
            int day = session.day();
            if (inPeriod(day)) {
                if (session.attended()) {
                    periodAttended++;
                } else {
                    periodMissed++;
                }
            }
            if (inWindow(day)) {
                if (session.attended()) {
                    windowAttended++;
                } else {
                    windowMissed++;
                }
            }
        }
        boolean discharged = intake.isClosed();
        count(activity, a, inPeriod(intake.intakeDay()), discharged && inPeriod(intake.dischargeDay()) ? reason : -1,
                periodAttended, periodMissed);
        count(windowActivity, a, inWindow(intake.intakeDay()),
                discharged && inWindow(intake.dischargeDay()) ? reason : -1, windowAttended, windowMissed);
    }

    /** Adds one episode's counts in a period to its approach and to ALL. */
    private void count(ActivityAccumulator[] groups, int a, boolean intake, int reason, long attended, long missed) {
        for (ActivityAccumulator group : new ActivityAccumulator[] {groups[a], groups[all]}) {
            group.intakes += intake ? 1 : 0;
            if (reason >= 0) {
                group.discharges[reason]++;
            }
            group.caseload += attended > 0 ? 1 : 0;
            group.attended += attended;
            group.missed += missed;
        }
    }

    private boolean inPeriod(int day) {
        return day >= periodStartDay && day <= periodEndDay;
    }

    private boolean inWindow(int day) {
        return day >= fromDay && day <= toDay;
    }

    // ---------------------------------------------------------------- alerts

    private void findAlerts(IntakeRecord intake, List<SessionRecord> sessions) {
        int monthEnd = alertMonthEndDay;
        if (!DeteriorationAlert.isOpenAt(monthEnd, intake.intakeDay(), intake.isClosed(), intake.dischargeDay())) {
            return;
        }
        for (int i = 0; i < instrumentCount; i++) {
            int n = 0;
            double baseline = Double.NaN;
            double latest = Double.NaN;
            int baselineDay = 0;
            int latestDay = 0;
            for (SessionRecord session : sessions) {
                if (session.day() > monthEnd) {
                    break; // score order: every later session is later still
                }
                double score = session.scores()[i];
                if (!session.attended() || Double.isNaN(score)) {
                    continue;
                }
                if (n == 0) {
                    baseline = score;
                    baselineDay = session.day();
                }
                latest = score;
                latestDay = session.day();
                n++;
            }
            if (DeteriorationAlert.isAlert(instruments.get(i), n, baseline, latest)) {
                alerts.add(new OutcomeTables.AlertRow(intake.clientId(), intake.approach(), intake.clinicianId(),
                        instruments.get(i).key(), baseline, latest, latest - baseline, date(latestDay),
                        date(baselineDay), n, date(intake.intakeDay())));
            }
        }
    }

    // ---------------------------------------------------------------- outcome cohort

    private void addClosed(int a, IntakeRecord intake, List<SessionRecord> sessions) {
        int attendedSessions = 0;
        int[] count = new int[instrumentCount];
        double[][] firstScores = new double[instrumentCount][MAX_K];
        double[] last = new double[instrumentCount];
        int[] firstDay = new int[instrumentCount];
        int[] lastDay = new int[instrumentCount];
        SessionRecord pcl5First = null;
        SessionRecord pcl5Last = null;
        for (SessionRecord session : sessions) {
            if (!session.attended()) {
                continue;
            }
            attendedSessions++;
            double[] scores = session.scores();
            for (int i = 0; i < instrumentCount; i++) {
                double score = scores[i];
                if (Double.isNaN(score)) {
                    continue;
                }
                if (count[i] == 0) {
                    firstDay[i] = session.day();
                    if (i == pcl5) {
                        pcl5First = session;
                    }
                }
                if (count[i] < MAX_K) {
                    firstScores[i][count[i]] = score;
                }
                last[i] = score;
                lastDay[i] = session.day();
                if (i == pcl5) {
                    pcl5Last = session;
                }
                count[i]++;
            }
        }

        int[] groups = {a, all};
        for (int g : groups) {
            closed[g]++;
            attendedPerClosed[g].add(attendedSessions);
            dropouts[g] += "dropout".equals(intake.dischargeReason()) ? 1 : 0;
        }

        EpisodeOutcome[] outcomes = new EpisodeOutcome[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            if (count[i] < 2) {
                continue;
            }
            Instrument instrument = instruments.get(i);
            EpisodeOutcome outcome = EpisodeOutcome.of(instrument, firstScores[i][0], last[i], count[i]);
            outcomes[i] = outcome;
            for (int g : groups) {
                paired.get(g).get(i).add(outcome);
            }
            episodeRows.get(a).get(i).add(new OutcomeTables.EpisodeRow(intake.clientId(), intake.approach(),
                    intake.clinicianId(), instrument.key(), outcome, date(intake.intakeDay()),
                    date(intake.dischargeDay()), intake.dischargeReason(), date(firstDay[i]), date(lastDay[i]),
                    attendedSessions));
            int scoresKept = Math.min(count[i], MAX_K);
            for (int k = 0; k < scoresKept; k++) {
                kthScores[a][i][k].add(firstScores[i][k]);
            }
        }

        if (pcl5 >= 0 && outcomes[pcl5] != null
                && pcl5First.hasItems() && pcl5Last.hasItems()) {
            Pcl5Clusters baseline = Pcl5Clusters.of(items(pcl5First.items()));
            Pcl5Clusters last5 = Pcl5Clusters.of(items(pcl5Last.items()));
            for (int g : groups) {
                clusters[g].add(baseline, last5);
            }
        }

        EpisodeOutcome primaryOutcome = outcomes[primary];
        clinicians.computeIfAbsent(intake.clinicianId(), id -> new ClinicianAccumulator()).add(primaryOutcome);
        for (int slot : subgroupSlots(intake)) {
            for (int g : groups) {
                subgroups[g][slot].add(primaryOutcome);
            }
        }
    }

    private int[] subgroupSlots(IntakeRecord intake) {
        int events = Codes.INDEX_EVENTS.size() + 1;
        int eventSlot = intake.indexEvent() == null ? events - 1 : Codes.INDEX_EVENTS.indexOf(intake.indexEvent());
        if (eventSlot < 0) {
            throw new IllegalArgumentException("unknown index event on intake line " + intake.line());
        }
        Boolean[] flags = {intake.chronicIllness(), intake.priorTrauma(), intake.childhoodMedical(), intake.marginalized()};
        int[] slots = new int[1 + flags.length];
        slots[0] = eventSlot;
        for (int f = 0; f < flags.length; f++) {
            int value = flags[f] == null ? 2 : flags[f] ? 0 : 1;
            slots[f + 1] = events + f * FLAG_VALUES.size() + value;
        }
        return slots;
    }

    private static int[] items(byte[] items) {
        int[] values = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            values[i] = items[i];
        }
        return values;
    }

    /**
     * One LocalDate object per day: a large export holds millions of episode rows with four dates
     * each but only a few thousand distinct days, and the rows stay in memory until they are written.
     */
    private LocalDate date(int epochDay) {
        int index = epochDay - firstCachedDay;
        if (index < 0 || index >= dates.length) {
            boolean empty = dates.length == 0;
            int first = empty ? epochDay - 366 : Math.min(firstCachedDay, epochDay - 366);
            int last = empty ? epochDay + 366 : Math.max(firstCachedDay + dates.length - 1, epochDay + 366);
            LocalDate[] grown = new LocalDate[last - first + 1];
            if (!empty) {
                System.arraycopy(dates, 0, grown, firstCachedDay - first, dates.length);
            }
            dates = grown;
            firstCachedDay = first;
            index = epochDay - first;
        }
        LocalDate date = dates[index];
        if (date == null) {
            date = LocalDate.ofEpochDay(epochDay);
            dates[index] = date;
        }
        return date;
    }

    // ---------------------------------------------------------------- tables

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
        // The tables only read the accumulators, so the three largest are computed at once on
        // other threads (sorting the episode rows, ranking for the comparisons) while this one
        // computes the rest; each table is the same whichever thread computes it.
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "tables");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<List<OutcomeTables.EpisodeRow>> episodeRows =
                    CompletableFuture.supplyAsync(this::episodeOutcomeRows, pool);
            CompletableFuture<List<OutcomeTables.ComparisonRow>> comparisonRows =
                    CompletableFuture.supplyAsync(this::comparisonRows, pool);
            List<OutcomeTables.ApproachRow> approachRows = approachRows();
            List<OutcomeTables.TrajectoryRow> trajectoryRows = trajectoryRows();
            List<OutcomeTables.ClusterRow> clusterRows = clusterRows();
            List<OutcomeTables.ClinicianRow> clinicianRows = clinicianRows();
            List<OutcomeTables.SubgroupRow> subgroupRows = subgroupRows();
            List<OutcomeTables.ActivityRow> periodActivity = activityRows(window.periodLabel(), activity);
            List<OutcomeTables.ActivityRow> windowActivityRows =
                    activityRows(window.from() + "_" + window.to(), windowActivity);
            List<OutcomeTables.AlertRow> alertRows = alertRows();
            return new OutcomeTables(episodesAdded, closed[all], join(episodeRows), approachRows,
                    join(comparisonRows), trajectoryRows, clusterRows, clinicianRows, subgroupRows,
                    periodActivity, windowActivityRows, alertRows, SuppressedCells.NONE);
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

    private String groupName(int g) {
        return g == all ? OutcomeTables.ALL : approaches.get(g);
    }

    private List<OutcomeTables.EpisodeRow> episodeOutcomeRows() {
        List<OutcomeTables.EpisodeRow> rows = new ArrayList<>();
        for (int a = 0; a < approachCount; a++) {
            for (int i = 0; i < instrumentCount; i++) {
                List<OutcomeTables.EpisodeRow> group = new ArrayList<>(episodeRows.get(a).get(i));
                group.sort(Comparator.comparing(OutcomeTables.EpisodeRow::clientId));
                rows.addAll(group);
            }
        }
        return rows;
    }

    private List<OutcomeTables.ApproachRow> approachRows() {
        List<OutcomeTables.ApproachRow> rows = new ArrayList<>();
        for (int g = 0; g <= all; g++) {
            int[] sessions = attendedPerClosed[g].toArray();
            for (int i = 0; i < instrumentCount; i++) {
                Instrument instrument = instruments.get(i);
                rows.add(new OutcomeTables.ApproachRow(groupName(g), instrument.key(),
                        GroupOutcomes.of(instrument, paired.get(g).get(i), closed[g], sessions, dropouts[g])));
            }
        }
        return rows;
    }

    private List<OutcomeTables.ComparisonRow> comparisonRows() {
        List<OutcomeTables.ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < instrumentCount; i++) {
            List<List<EpisodeOutcome>> groups = new ArrayList<>();
            int nApproaches = 0;
            int nPaired = 0;
            for (int a = 0; a < approachCount; a++) {
                List<EpisodeOutcome> group = paired.get(a).get(i);
                groups.add(group);
                if (group.size() >= ApproachComparison.MIN_GROUP_SIZE) {
                    nApproaches++;
                    nPaired += group.size();
                }
            }
            rows.add(new OutcomeTables.ComparisonRow(instruments.get(i).key(), ApproachComparison.compare(groups),
                    nApproaches, nPaired));
        }
        return rows;
    }

    private List<OutcomeTables.TrajectoryRow> trajectoryRows() {
        List<OutcomeTables.TrajectoryRow> rows = new ArrayList<>();
        for (int a = 0; a < approachCount; a++) {
            for (int i = 0; i < instrumentCount; i++) {
                for (int k = 0; k < MAX_K; k++) {
                    DoubleList scores = kthScores[a][i][k];
                    if (scores.size() > 0) {
                        rows.add(new OutcomeTables.TrajectoryRow(approaches.get(a), instruments.get(i).key(), k + 1,
                                TrajectoryPoint.of(scores.toArray())));
                    }
                }
            }
        }
        return rows;
    }

    private List<OutcomeTables.ClusterRow> clusterRows() {
        List<OutcomeTables.ClusterRow> rows = new ArrayList<>();
        if (pcl5 < 0) {
            return rows;
        }
        for (int g = 0; g <= all; g++) {
            ClusterAccumulator group = clusters[g];
            int n = group.n;
            Double diagnosisBaseline = Statistics.percent(group.diagnosisBaseline, n);
            Double diagnosisFinal = Statistics.percent(group.diagnosisFinal, n);
            for (Pcl5Clusters.Cluster cluster : Pcl5Clusters.Cluster.values()) {
                int c = cluster.ordinal();
                double[] baseline = group.baseline[c].toArray();
                double[] last = group.last[c].toArray();
                double[] change = group.change[c].toArray();
                rows.add(new OutcomeTables.ClusterRow(groupName(g), cluster, n,
                        Statistics.mean(baseline), Statistics.sampleSd(baseline),
                        Statistics.mean(last), Statistics.sampleSd(last),
                        Statistics.mean(change), Statistics.sampleSd(change),
                        group.diagnosisBaseline, diagnosisBaseline, group.diagnosisFinal, diagnosisFinal));
            }
        }
        return rows;
    }

    private List<OutcomeTables.ClinicianRow> clinicianRows() {
        Instrument instrument = instruments.get(primary);
        List<EpisodeOutcome> practice = paired.get(all).get(primary);
        int practiceRi = 0;
        for (EpisodeOutcome outcome : practice) {
            practiceRi += outcome.reliableImprovement() ? 1 : 0;
        }
        Double practicePct = Statistics.percent(practiceRi, practice.size());
        Double proportion = practice.isEmpty() ? null : (double) practiceRi / practice.size();
        boolean caseness = instrument.hasCutoff();
        List<OutcomeTables.ClinicianRow> rows = new ArrayList<>();
        for (Map.Entry<String, ClinicianAccumulator> entry : clinicians.entrySet()) {
            ClinicianAccumulator c = entry.getValue();
            int n = c.changes.size();
            FunnelLimits limits = proportion == null ? null : FunnelLimits.of(proportion, n);
            Interval inner = limits == null ? null : limits.inner95();
            Interval outer = limits == null ? null : limits.outer998();
            rows.add(new OutcomeTables.ClinicianRow(entry.getKey(), instrument.key(), c.closed, n,
                    Statistics.mean(c.changes.toArray()), c.reliableImprovement,
                    Statistics.percent(c.reliableImprovement, n),
                    caseness ? c.cases : null, caseness ? c.recovered : null,
                    caseness ? Statistics.percent(c.recovered, c.cases) : null,
                    practicePct,
                    inner == null ? null : inner.low(), inner == null ? null : inner.high(),
                    outer == null ? null : outer.low(), outer == null ? null : outer.high()));
        }
        return rows;
    }

    private List<OutcomeTables.SubgroupRow> subgroupRows() {
        String key = instruments.get(primary).key();
        List<OutcomeTables.SubgroupRow> rows = new ArrayList<>();
        for (int g = 0; g <= all; g++) {
            for (int s = 0; s < subgroupValue.length; s++) {
                SubgroupAccumulator group = subgroups[g][s];
                double[] changes = group.changes.toArray();
                rows.add(new OutcomeTables.SubgroupRow(groupName(g), key, subgroupVariable[s], subgroupValue[s],
                        group.closed, changes.length, Statistics.mean(changes), Statistics.sampleSd(changes),
                        group.reliableImprovement, Statistics.percent(group.reliableImprovement, changes.length)));
            }
        }
        return rows;
    }

    private List<OutcomeTables.ActivityRow> activityRows(String period, ActivityAccumulator[] groups) {
        List<OutcomeTables.ActivityRow> rows = new ArrayList<>();
        for (int g = 0; g <= all; g++) {
            ActivityAccumulator group = groups[g];
            int[] d = group.discharges;
            rows.add(new OutcomeTables.ActivityRow(period, groupName(g), group.intakes, d[0] + d[1] + d[2] + d[3],
                    d[0], d[1], d[2], d[3], group.caseload, group.attended, group.missed,
                    Statistics.percent(group.missed, group.attended + group.missed)));
        }
        return rows;
    }

    private List<OutcomeTables.AlertRow> alertRows() {
        Map<String, Integer> instrumentIndex = new HashMap<>();
        for (int i = 0; i < instrumentCount; i++) {
            instrumentIndex.put(instruments.get(i).key(), i);
        }
        List<OutcomeTables.AlertRow> rows = new ArrayList<>(alerts);
        rows.sort(Comparator.<OutcomeTables.AlertRow>comparingInt(r -> approachIndex.get(r.approach()))
                .thenComparingInt(r -> instrumentIndex.get(r.instrument()))
                .thenComparing(OutcomeTables.AlertRow::clientId));
        return rows;
    }

    // ---------------------------------------------------------------- accumulators

    private static final class ClusterAccumulator {
        int n;
        int diagnosisBaseline;
        int diagnosisFinal;
        final DoubleList[] baseline = lists();
        final DoubleList[] last = lists();
        final DoubleList[] change = lists();

        void add(Pcl5Clusters first, Pcl5Clusters end) {
            n++;
            diagnosisBaseline += first.provisionalDiagnosis() ? 1 : 0;
            diagnosisFinal += end.provisionalDiagnosis() ? 1 : 0;
            for (Pcl5Clusters.Cluster cluster : Pcl5Clusters.Cluster.values()) {
                int c = cluster.ordinal();
                baseline[c].add(first.sum(cluster));
                last[c].add(end.sum(cluster));
                change[c].add(end.sum(cluster) - first.sum(cluster));
            }
        }

        private static DoubleList[] lists() {
            DoubleList[] lists = new DoubleList[Pcl5Clusters.Cluster.values().length];
            for (int i = 0; i < lists.length; i++) {
                lists[i] = new DoubleList();
            }
            return lists;
        }
    }

    private static final class ClinicianAccumulator {
        int closed;
        final DoubleList changes = new DoubleList();
        int reliableImprovement;
        int cases;
        int recovered;

        /** A closed episode; {@code outcome} null when it has no paired scores. */
        void add(EpisodeOutcome outcome) {
            closed++;
            if (outcome == null) {
                return;
            }
            changes.add(outcome.change());
            reliableImprovement += outcome.reliableImprovement() ? 1 : 0;
            cases += Boolean.TRUE.equals(outcome.caseAtBaseline()) ? 1 : 0;
            recovered += Boolean.TRUE.equals(outcome.recovered()) ? 1 : 0;
        }
    }

    private static final class SubgroupAccumulator {
        int closed;
        final DoubleList changes = new DoubleList();
        int reliableImprovement;

        void add(EpisodeOutcome outcome) {
            closed++;
            if (outcome != null) {
                changes.add(outcome.change());
                reliableImprovement += outcome.reliableImprovement() ? 1 : 0;
            }
        }
    }

    private static final class ActivityAccumulator {
        int intakes;
        final int[] discharges = new int[Codes.DISCHARGE_REASONS.size()];
        int caseload;
        long attended;
        long missed;
    }

    /** A growable array of doubles, kept in insertion order. */
    private static final class DoubleList {
        private double[] values = new double[4];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable array of ints, kept in insertion order. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
