package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SuppressedCells;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * The report workbook (REPORTS.md, "The workbook"), built from {@link OutcomeTables} without
 * recomputing any metric. Sheets, in order: {@value #SUMMARY}, {@value #BY_APPROACH},
 * {@value #RELIABLE_CHANGE}, {@value #TRAJECTORIES}, {@value #SYMPTOM_CLUSTERS},
 * {@value #CLINICIANS}, {@value #SUBGROUPS}, {@value #ACTIVITY}, {@value #ALERTS} (monthly runs
 * only), {@value #DATA_QUALITY}, {@value #ABOUT}.
 *
 * <ul>
 *   <li>{@code Summary}: a one-screen dashboard: activity (caseload, intakes, discharges,
 *       dropouts, sessions) of the report month ({@link OutcomeTables#activity()}) and of the
 *       window ({@link OutcomeTables#windowActivity()}), with the suppression markers,
 *       per approach on the primary instrument the reliable improvement, recovery, reliable
 *       deterioration and dropout rates and g (small groups in grey with a "small n" note), one
 *       plain-language sentence per approach, and the trajectory and reliable-change charts of the
 *       primary instrument beside the table.</li>
 *   <li>The table sheets hold the tables of the CSVs, the same columns with readable headers
 *       ({@link ColumnLabels}), plus a note column marking small groups: {@code By approach}
 *       (outcomes_by_approach, then approach_comparison), {@code Reliable change} (reliable
 *       improvement / no change / deterioration by approach and instrument, then
 *       episode_outcomes), {@code Trajectories}, {@code Symptom clusters} (pcl5_clusters),
 *       {@code Clinicians}, {@code Subgroups}, {@code Activity}, {@code Alerts}. Each chart is
 *       placed beside its table (to the right of a narrow table, below a wide one).</li>
 *   <li>{@code Data quality}: per input file the rows read / accepted / rejected / duplicates and
 *       its SHA-256, the rejects by file, column and reason, and the warnings.</li>
 *   <li>{@code About}: every measure in plain words, the statement that clients were not
 *       randomised, the instruments in force (cut-offs and reliable-change thresholds), the
 *       run's parameters, the input files, and the codebook of every CSV column.</li>
 * </ul>
 *
 * <p>Formatting: bold, frozen header rows; an autofilter on each sheet's main table; column
 * widths from the length of the content; numbers stored as numbers (rates as fractions shown as
 * {@code 0.0%}, means and effect sizes {@code 0.00}, counts {@code 0}, p values {@code 0.0000});
 * an undefined value is an empty cell; styles are created once per workbook ({@link
 * WorkbookStyles}). Text that a spreadsheet could read as a formula is stored quote-prefixed; no
 * cell is a formula. The core properties carry the window's end as their date, so two runs give
 * identical cell contents. The file is written to a temporary file beside the target and renamed.
 */
public final class OutcomesWorkbook {

    public static final String SUMMARY = "Summary";
    public static final String BY_APPROACH = "By approach";
    public static final String RELIABLE_CHANGE = "Reliable change";
    public static final String TRAJECTORIES = "Trajectories";
    public static final String SYMPTOM_CLUSTERS = "Symptom clusters";
    public static final String CLINICIANS = "Clinicians";
    public static final String SUBGROUPS = "Subgroups";
    public static final String ACTIVITY = "Activity";
    public static final String ALERTS = "Alerts";
    public static final String DATA_QUALITY = "Data quality";
    public static final String ABOUT = "About";

    /** Charts beside a table narrower than this (in characters) go to its right, otherwise below. */
    private static final int RIGHT_OF_TABLE_MAX_CHARS = 150;
    private static final int CHART_GAP_PIXELS = 16;
    private static final String NOTE_HEADER = "Note";
    private static final List<String> SUPPRESSION_NOTE = List.of(
            "Small-number suppression is on: a count from 1 to 10 shows as <11, and a larger count that would reveal "
                    + "one as >10.",
            "Figures based on hidden counts are left empty, charts leave those groups out, and episode-level rows "
                    + "are not shown.");

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final OutcomeTables tables;
    private final RunDescription run;
    private final DataQuality quality;

    /**
     * Episode-level lists longer than this stay in their CSV files: a sheet holds at most about a
     * million rows, and a workbook of that size would not fit a modest heap or a reader's patience.
     */
    static final int MAX_LISTED_ROWS = 5_000;
    /**
     * Lists that only the workbook holds and whose length depends on the input (the warnings, one
     * per unknown column; the reject reasons of a file, one per column and reason) show at most
     * this many entries, then a row "and N more": a header of a million columns must not make a
     * million rows (a sheet holds 1,048,576).
     */
    public static final int MAX_LISTED_ITEMS = 100;
    private final List<RenderedChart> charts;
    private final Map<String, Integer> pictureIndex = new HashMap<>();
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Instrument primary;

    private OutcomesWorkbook(SXSSFWorkbook workbook, OutcomeTables tables, RunDescription run, DataQuality quality,
                             List<RenderedChart> charts) {
        this.workbook = workbook;
        this.styles = new WorkbookStyles(workbook.getXSSFWorkbook());
        this.tables = tables;
        this.run = run;
        this.quality = quality;
        this.charts = charts;
        for (Instrument instrument : run.instruments()) {
            instruments.put(instrument.key(), instrument);
        }
        this.primary = ReportCharts.primary(run);
    }

    /** The sheet names in order; {@value #ALERTS} only for a monthly run. */
    public static List<String> sheetNames(boolean monthly) {
        List<String> names = new ArrayList<>(List.of(SUMMARY, BY_APPROACH, RELIABLE_CHANGE, TRAJECTORIES,
                SYMPTOM_CLUSTERS, CLINICIANS, SUBGROUPS, ACTIVITY));
        if (monthly) {
            names.add(ALERTS);
        }
        names.add(DATA_QUALITY);
        names.add(ABOUT);
        return List.copyOf(names);
    }

    /**
     * Writes the workbook to {@code xlsx}: to a temporary file in the same folder first, then
     * renamed over the target (atomically where the file system allows).
     *
     * @param charts the charts of {@link ReportCharts#render}, each placed on its sheet (and the
     *               key ones on the Summary too); may be empty
     */
    public static void write(Path xlsx, OutcomeTables tables, RunDescription run, DataQuality quality,
                             List<RenderedChart> charts) throws IOException {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(charts, "charts");
        Path target = xlsx.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its owner-only permissions would stay on the published file.
        Path temporary = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (SXSSFWorkbook workbook = newWorkbook()) {
                try {
                    new OutcomesWorkbook(workbook, tables, run, quality, List.copyOf(charts)).build();
                    try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        workbook.write(out);
                    }
                } finally {
                    workbook.dispose();
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Makes the streaming writer keep its temporary sheet files in {@code folder} (created if
     * needed) rather than in the system's temporary folder: they hold the episode list, so they
     * belong with the run's other staging files, which are deleted when the run completes and
     * kept (for a restart) when it is killed. Applies to every workbook this process writes after.
     */
    public static void keepTemporaryFilesIn(Path folder) throws IOException {
        Files.createDirectories(folder);
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
    }

    /**
     * An empty workbook whose rows are streamed over an XSSF template (styles, drawings and
     * properties live in the template; cells are plain objects, not XML beans, until written).
     * Every row stays reachable until the workbook is written (no row access window), so heights
     * and header rows can still be set at the end; text cells are inline strings. The rows go
     * through temporary files (owner-only, in the folder given to {@link #keepTemporaryFilesIn}, else in {@code java.io.tmpdir/poifiles}) that
     * {@link SXSSFWorkbook#dispose()} deletes ({@code close()} does too in POI 5.5).
     */
    static SXSSFWorkbook newWorkbook() {
        return new SXSSFWorkbook(new XSSFWorkbook(), -1);
    }

    // ---------------------------------------------------------------- structure

    private void build() {
        properties();
        Map<String, SheetWriter> sheets = new LinkedHashMap<>();
        for (String name : sheetNames(run.monthly())) {
            sheets.put(name, new SheetWriter(workbook.createSheet(name), styles, this::picture));
        }
        summary(sheets.get(SUMMARY));
        byApproach(sheets.get(BY_APPROACH));
        reliableChange(sheets.get(RELIABLE_CHANGE));
        trajectories(sheets.get(TRAJECTORIES));
        clusters(sheets.get(SYMPTOM_CLUSTERS));
        clinicians(sheets.get(CLINICIANS));
        subgroups(sheets.get(SUBGROUPS));
        activity(sheets.get(ACTIVITY));
        if (run.monthly()) {
            alerts(sheets.get(ALERTS));
        }
        dataQuality(sheets.get(DATA_QUALITY));
        about(sheets.get(ABOUT));
        sheets.values().forEach(SheetWriter::finish);
        workbook.setActiveSheet(0);
        workbook.setSelectedTab(0);
    }

    private void properties() {
        POIXMLProperties properties = workbook.getXSSFWorkbook().getProperties();
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        Date date = Date.from(run.window().to().atStartOfDay(ZoneOffset.UTC).toInstant());
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setCreator("clinical-outcomes " + run.toolVersion());
        core.setTitle("Clinical outcomes " + run.window().label());
        core.setDescription("Outcomes of closed episodes discharged " + run.window().from() + " to "
                + run.window().to() + "; job " + run.job());
        properties.getExtendedProperties().getUnderlyingProperties().setApplication("clinical-outcomes");
    }

    private int picture(RenderedChart chart) {
        return pictureIndex.computeIfAbsent(chart.fileName(), name -> workbook.addPicture(chart.png(),
                Workbook.PICTURE_TYPE_PNG));
    }

    // ---------------------------------------------------------------- Summary

    private void summary(SheetWriter s) {
        boolean monthly = run.monthly();
        String heading = monthly
                ? "Clinical outcomes \u2014 monthly report, " + monthName(run.window().reportMonth())
                : "Clinical outcomes \u2014 research report, " + run.window().from() + " to " + run.window().to();
        s.styled(0, 0, heading, styles.title, false);
        s.styled(1, 0, "Outcomes of clients discharged " + run.window().from() + " to " + run.window().to()
                + windowLength() + ". Main questionnaire: " + primary.name() + ". Definitions: see the About sheet.",
                styles.subtitle, false);
        s.freeze(0, 2);

        // The ALL rows of the activity period (the report month, or a research run's window) and of
        // the whole window.
        int activityIndex = allRow(tables.activity());
        OutcomeTables.ActivityRow activity = activityIndex < 0 ? null : tables.activity().get(activityIndex);
        int windowIndex = allRow(tables.windowActivity());
        OutcomeTables.ActivityRow window = windowIndex < 0 ? null : tables.windowActivity().get(windowIndex);
        int allIndex = groupIndex(OutcomeTables.ALL, primary.key());
        GroupOutcomes all = allIndex < 0 ? null : tables.outcomesByApproach().get(allIndex).outcomes();
        String activityFile = OutcomeCsvFiles.ACTIVITY;
        String windowFile = SuppressedCells.WINDOW_ACTIVITY;
        String groupFile = OutcomeCsvFiles.OUTCOMES_BY_APPROACH;

        int row = 3;
        s.header(row, 0, "At a glance");
        s.header(row, 1, monthly ? "Report month " + run.window().reportMonth() : "Window");
        if (monthly) {
            s.header(row, 2, "Window" + windowLength());
        }
        row++;
        row = glance(s, row, "Clients seen (caseload)",
                activity == null ? null : shown(activityFile, activityIndex, "caseload", activity.caseload()),
                window == null ? null : shown(windowFile, windowIndex, "caseload", window.caseload()));
        row = glance(s, row, "New clients (intakes)",
                activity == null ? null : shown(activityFile, activityIndex, "intakes", activity.intakes()),
                window == null ? null : shown(windowFile, windowIndex, "intakes", window.intakes()));
        // Discharged in the window = the closed episodes of the outcome cohort.
        Object windowDischarges = window != null
                ? shown(windowFile, windowIndex, "discharges", window.discharges())
                : all == null ? tables.closedInWindow() : shown(groupFile, allIndex, "n_closed", all.nClosed());
        row = glance(s, row, "Discharges",
                activity == null ? null : shown(activityFile, activityIndex, "discharges", activity.discharges()),
                windowDischarges);
        row = glance(s, row, "  of which dropout", activity == null ? null
                : shown(activityFile, activityIndex, "discharges_dropout", activity.dischargesDropout()),
                window == null ? null
                        : shown(windowFile, windowIndex, "discharges_dropout", window.dischargesDropout()));
        row = glance(s, row, "Sessions attended", activity == null ? null
                : shown(activityFile, activityIndex, "attended_sessions", activity.attendedSessions()),
                window == null ? null
                        : shown(windowFile, windowIndex, "attended_sessions", window.attendedSessions()));
        row = glance(s, row, "Discharged with before-and-after " + primary.name(), null,
                all == null ? null : shown(groupFile, allIndex, "n_paired", all.nPaired()));

        row++;
        s.styled(row, 0, "Outcomes by approach on " + primary.name() + " (clients discharged in the window)",
                styles.section, false);
        row++;
        String[] headers = {"Approach", "Closed episodes", "With before-and-after scores (n)",
                "Reliable improvement %", "Recovery %", "Reliable deterioration %", "Dropout %", "Effect size g",
                NOTE_HEADER};
        for (int c = 0; c < headers.length; c++) {
            s.header(row, c, headers[c]);
        }
        row++;
        List<Integer> indices = rows(primary.key());
        for (int index : indices) {
            OutcomeTables.ApproachRow r = tables.outcomesByApproach().get(index);
            GroupOutcomes g = r.outcomes();
            boolean small = SmallNumbers.isSmall(g.nPaired());
            s.value(row, 0, r.approach(), Kind.TEXT, small);
            count(s, row, 1, g.nClosed(), hidden(OutcomeCsvFiles.OUTCOMES_BY_APPROACH, index, "n_closed"), small);
            count(s, row, 2, g.nPaired(), hidden(OutcomeCsvFiles.OUTCOMES_BY_APPROACH, index, "n_paired"), small);
            s.value(row, 3, g.reliableImprovementPct(), Kind.PERCENT, small);
            s.value(row, 4, g.recoveryPct(), Kind.PERCENT, small);
            s.value(row, 5, g.reliableDeteriorationPct(), Kind.PERCENT, small);
            s.value(row, 6, g.dropoutPct(), Kind.PERCENT, small);
            s.value(row, 7, g.g(), Kind.DECIMAL, small);
            s.value(row, 8, small ? SmallNumbers.FLAG : null, Kind.TEXT, small);
            row++;
        }
        int lastColumn = headers.length - 1;

        row++;
        s.styled(row, 0, "In plain words", styles.section, false);
        row++;
        for (int index : indices) {
            OutcomeTables.ApproachRow r = tables.outcomesByApproach().get(index);
            String n = hidden(OutcomeCsvFiles.OUTCOMES_BY_APPROACH, index, "n_paired");
            s.styled(row, 0, PlainWords.headline(r.approach(), r.outcomes(), primary,
                    n != null ? n : Integer.toString(r.outcomes().nPaired())), styles.sentence, false);
            row++;
        }
        row++;
        s.styled(row++, 0, "Rates are shares of clients with before-and-after scores; recovery is among those who "
                + "started in the clinical range" + cutoffText(primary) + ".", styles.note, false);
        s.styled(row++, 0, "Clients were not randomised to approaches: differences are associations, not effects of "
                + "the approach.", styles.note, false);
        s.styled(row++, 0, "Grey rows marked 'small n' have 10 clients or fewer: too few to draw conclusions.",
                styles.note, false);
        if (suppression()) {
            for (String line : SUPPRESSION_NOTE) {
                s.styled(row++, 0, line, styles.note, false);
            }
        }

        int y = 0;
        for (String file : List.of(ReportCharts.trajectoryFile(primary.key()),
                ReportCharts.reliableChangeFile(primary.key()))) {
            RenderedChart chart = chart(file);
            if (chart != null) {
                s.picture(chart, lastColumn + 1, 0, CHART_GAP_PIXELS, y);
                y += chart.height() + CHART_GAP_PIXELS;
            }
        }
    }

    /** The index of the ALL row of activity rows, or -1. */
    private static int allRow(List<OutcomeTables.ActivityRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (OutcomeTables.ALL.equals(rows.get(i).approach())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A line of the "at a glance" block: a count, the text of a hidden count, or empty (not
     * counted). A research run has one column, the window (its activity period): the window value,
     * else the activity period's.
     */
    private int glance(SheetWriter s, int row, String label, Object month, Object window) {
        s.text(row, 0, label);
        if (run.monthly()) {
            glanceCell(s, row, 1, month);
            glanceCell(s, row, 2, window);
        } else {
            glanceCell(s, row, 1, window != null ? window : month);
        }
        return row + 1;
    }

    private static void glanceCell(SheetWriter s, int row, int column, Object value) {
        if (value != null) {
            s.value(row, column, value, Kind.COUNT, false);
        }
    }

    /** A count, or what suppression shows instead of it. */
    private Object shown(String csvFile, int row, String column, long value) {
        String hidden = hidden(csvFile, row, column);
        return hidden != null ? hidden : (Object) value;
    }

    // ---------------------------------------------------------------- By approach

    private void byApproach(SheetWriter s) {
        List<Col<OutcomeTables.ApproachRow>> columns = List.of(
                col("approach", Kind.TEXT, OutcomeTables.ApproachRow::approach),
                col("instrument", Kind.TEXT, r -> name(r.instrument())),
                col("n_closed", Kind.COUNT, r -> r.outcomes().nClosed()),
                col("n_paired", Kind.COUNT, r -> r.outcomes().nPaired()),
                col("completeness_pct", Kind.PERCENT, r -> r.outcomes().completenessPct()),
                col("baseline_mean", Kind.DECIMAL, r -> r.outcomes().baselineMean()),
                col("baseline_sd", Kind.DECIMAL, r -> r.outcomes().baselineSd()),
                col("final_mean", Kind.DECIMAL, r -> r.outcomes().finalMean()),
                col("final_sd", Kind.DECIMAL, r -> r.outcomes().finalSd()),
                col("change_mean", Kind.DECIMAL, r -> r.outcomes().changeMean()),
                col("change_sd", Kind.DECIMAL, r -> r.outcomes().changeSd()),
                col("change_ci_low", Kind.DECIMAL, r -> r.outcomes().changeCiLow()),
                col("change_ci_high", Kind.DECIMAL, r -> r.outcomes().changeCiHigh()),
                col("d", Kind.DECIMAL, r -> r.outcomes().d()),
                col("g", Kind.DECIMAL, r -> r.outcomes().g()),
                col("g_ci_low", Kind.DECIMAL, r -> r.outcomes().gCiLow()),
                col("g_ci_high", Kind.DECIMAL, r -> r.outcomes().gCiHigh()),
                col("dz", Kind.DECIMAL, r -> r.outcomes().dz()),
                col("n_reliable_improvement", Kind.COUNT, r -> r.outcomes().nReliableImprovement()),
                col("reliable_improvement_pct", Kind.PERCENT, r -> r.outcomes().reliableImprovementPct()),
                col("reliable_improvement_ci_low", Kind.PERCENT, r -> r.outcomes().reliableImprovementCiLow()),
                col("reliable_improvement_ci_high", Kind.PERCENT, r -> r.outcomes().reliableImprovementCiHigh()),
                col("n_reliable_deterioration", Kind.COUNT, r -> r.outcomes().nReliableDeterioration()),
                col("reliable_deterioration_pct", Kind.PERCENT, r -> r.outcomes().reliableDeteriorationPct()),
                col("n_cases", Kind.COUNT, r -> r.outcomes().nCases()),
                col("n_recovered", Kind.COUNT, r -> r.outcomes().nRecovered()),
                col("recovery_pct", Kind.PERCENT, r -> r.outcomes().recoveryPct()),
                col("recovery_ci_low", Kind.PERCENT, r -> r.outcomes().recoveryCiLow()),
                col("recovery_ci_high", Kind.PERCENT, r -> r.outcomes().recoveryCiHigh()),
                col("n_reliable_recovery", Kind.COUNT, r -> r.outcomes().nReliableRecovery()),
                col("reliable_recovery_pct", Kind.PERCENT, r -> r.outcomes().reliableRecoveryPct()),
                col("n_response", Kind.COUNT, r -> r.outcomes().nResponse()),
                col("response_pct", Kind.PERCENT, r -> r.outcomes().responsePct()),
                col("sessions_median", Kind.DECIMAL, r -> r.outcomes().sessionsMedian()),
                col("sessions_q1", Kind.DECIMAL, r -> r.outcomes().sessionsQ1()),
                col("sessions_q3", Kind.DECIMAL, r -> r.outcomes().sessionsQ3()),
                col("dropout_pct", Kind.PERCENT, r -> r.outcomes().dropoutPct()));
        int row = table(s, 0, OutcomeCsvFiles.OUTCOMES_BY_APPROACH, columns, tables.outcomesByApproach(),
                r -> r.outcomes().nPaired(), true, 2);

        row += 1;
        s.styled(row++, 0, "Comparing the approaches on each questionnaire (approaches with at least 2 clients). "
                + "Clients were not randomised: differences are associations, not causal effects.", styles.section,
                false);
        List<Col<OutcomeTables.ComparisonRow>> comparison = List.of(
                col("instrument", Kind.TEXT, r -> name(r.instrument())),
                col("anova_f", Kind.DECIMAL, r -> r.result().anovaF()),
                col("anova_df_between", Kind.COUNT, r -> r.result().anovaDfBetween()),
                col("anova_df_within", Kind.COUNT, r -> r.result().anovaDfWithin()),
                col("anova_p", Kind.P_VALUE, r -> r.result().anovaP()),
                col("kruskal_h", Kind.DECIMAL, r -> r.result().kruskalH()),
                col("kruskal_df", Kind.COUNT, r -> r.result().kruskalDf()),
                col("kruskal_p", Kind.P_VALUE, r -> r.result().kruskalP()),
                col("chi2", Kind.DECIMAL, r -> r.result().chi2()),
                col("chi2_df", Kind.COUNT, r -> r.result().chi2Df()),
                col("chi2_p", Kind.P_VALUE, r -> r.result().chi2P()),
                col("n_approaches", Kind.COUNT, OutcomeTables.ComparisonRow::nApproaches),
                col("n_paired", Kind.COUNT, OutcomeTables.ComparisonRow::nPaired));
        row = table(s, row, OutcomeCsvFiles.APPROACH_COMPARISON, comparison, tables.approachComparison(), null,
                false, 0);
        row = note(s, row, "Empty cells: not defined (for example a rate over no clients, an SD of fewer than 2 "
                + "values, or a test with fewer than two approaches).");
        placeCharts(s, BY_APPROACH, 0, row + 1, columns.size(), 2);
    }

    // ---------------------------------------------------------------- Reliable change

    private void reliableChange(SheetWriter s) {
        List<OutcomeTables.ApproachRow> approachRows = tables.outcomesByApproach();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < approachRows.size(); i++) {
            indices.add(i);
        }
        Function<Integer, GroupOutcomes> g = i -> approachRows.get(i).outcomes();
        List<Col<Integer>> columns = List.of(
                col("approach", Kind.TEXT, i -> approachRows.get(i).approach()),
                col("instrument", Kind.TEXT, i -> name(approachRows.get(i).instrument())),
                col("n_paired", Kind.COUNT, i -> g.apply(i).nPaired()),
                col("n_reliable_improvement", Kind.COUNT, i -> g.apply(i).nReliableImprovement()),
                col("reliable_improvement_pct", Kind.PERCENT, i -> g.apply(i).reliableImprovementPct()),
                col("reliable_improvement_ci_low", Kind.PERCENT, i -> g.apply(i).reliableImprovementCiLow()),
                col("reliable_improvement_ci_high", Kind.PERCENT, i -> g.apply(i).reliableImprovementCiHigh()),
                new Col<>("No reliable change (n)", Kind.COUNT, i -> noChange(i)),
                new Col<>("No reliable change %", Kind.PERCENT, i -> noChangePct(i)),
                col("n_reliable_deterioration", Kind.COUNT, i -> g.apply(i).nReliableDeterioration()),
                col("reliable_deterioration_pct", Kind.PERCENT, i -> g.apply(i).reliableDeteriorationPct()));
        int row = table(s, 0, OutcomeCsvFiles.OUTCOMES_BY_APPROACH, false, columns, indices,
                i -> g.apply(i).nPaired(), true, 2);
        row = placeCharts(s, RELIABLE_CHANGE, 0, row, columns.size(), 1);

        row += 1;
        s.styled(row++, 0, "Every closed episode with before-and-after scores, by questionnaire (the rows of "
                + "episode_outcomes.csv)", styles.section, false);
        if (suppression()) {
            note(s, row, "Not shown: suppression is on, so episode-level rows are not written.");
            return;
        }
        List<Col<OutcomeTables.EpisodeRow>> episodes = List.of(
                col("client_id", Kind.TEXT, OutcomeTables.EpisodeRow::clientId),
                col("approach", Kind.TEXT, OutcomeTables.EpisodeRow::approach),
                col("clinician_id", Kind.TEXT, OutcomeTables.EpisodeRow::clinicianId),
                col("instrument", Kind.TEXT, r -> name(r.instrument())),
                col("baseline", Kind.SCORE, r -> r.outcome().baseline()),
                col("final", Kind.SCORE, r -> r.outcome().finalScore()),
                col("change", Kind.SCORE, r -> r.outcome().change()),
                col("n_scores", Kind.COUNT, r -> r.outcome().nScores()),
                col("reliable_improvement", Kind.TEXT, r -> r.outcome().reliableImprovement()),
                col("reliable_deterioration", Kind.TEXT, r -> r.outcome().reliableDeterioration()),
                col("case_at_baseline", Kind.TEXT, r -> r.outcome().caseAtBaseline()),
                col("recovered", Kind.TEXT, r -> r.outcome().recovered()),
                col("reliable_recovery", Kind.TEXT, r -> r.outcome().reliableRecovery()),
                col("response", Kind.TEXT, r -> r.outcome().response()),
                col("reduction", Kind.SCORE, r -> r.outcome().reduction()),
                col("baseline_date", Kind.DATE, OutcomeTables.EpisodeRow::baselineDate),
                col("final_date", Kind.DATE, OutcomeTables.EpisodeRow::finalDate),
                col("intake_date", Kind.DATE, OutcomeTables.EpisodeRow::intakeDate),
                col("discharge_date", Kind.DATE, OutcomeTables.EpisodeRow::dischargeDate),
                col("discharge_reason", Kind.TEXT, OutcomeTables.EpisodeRow::dischargeReason),
                col("attended_sessions", Kind.COUNT, OutcomeTables.EpisodeRow::attendedSessions));
        if (tables.episodeOutcomes().size() > MAX_LISTED_ROWS) {
            note(s, row, "The " + tables.episodeOutcomes().size() + " rows are too many to read here (and may not fit a "
                    + "sheet): see csv/episode_outcomes.csv.");
            return;
        }
        table(s, row, OutcomeCsvFiles.EPISODE_OUTCOMES, episodes, tables.episodeOutcomes(), null, false, 0);
    }

    /**
     * Paired episodes with neither reliable improvement nor deterioration (row {@code i} of
     * outcomes_by_approach); hidden when one of the counts it is made of is hidden.
     */
    private Object noChange(int i) {
        GroupOutcomes g = tables.outcomesByApproach().get(i).outcomes();
        int count = g.nPaired() - g.nReliableImprovement() - g.nReliableDeterioration();
        if (noChangeHidden(i)) {
            return count >= 1 && count <= SmallNumbers.MAX_SMALL_N ? "<11" : ">10";
        }
        return count;
    }

    private Double noChangePct(int i) {
        GroupOutcomes g = tables.outcomesByApproach().get(i).outcomes();
        if (g.nPaired() == 0 || noChangeHidden(i) || g.reliableImprovementPct() == null
                || g.reliableDeteriorationPct() == null) {
            return null;
        }
        return 100.0 * (g.nPaired() - g.nReliableImprovement() - g.nReliableDeterioration()) / g.nPaired();
    }

    private boolean noChangeHidden(int i) {
        String file = OutcomeCsvFiles.OUTCOMES_BY_APPROACH;
        return hidden(file, i, "n_paired") != null || hidden(file, i, "n_reliable_improvement") != null
                || hidden(file, i, "n_reliable_deterioration") != null
                || hidden(SuppressedCells.RELIABLE_CHANGE, i, SuppressedCells.NO_RELIABLE_CHANGE) != null;
    }

    // ---------------------------------------------------------------- other tables

    private void trajectories(SheetWriter s) {
        List<Col<OutcomeTables.TrajectoryRow>> columns = List.of(
                col("approach", Kind.TEXT, OutcomeTables.TrajectoryRow::approach),
                col("instrument", Kind.TEXT, r -> name(r.instrument())),
                col("k", Kind.COUNT, OutcomeTables.TrajectoryRow::k),
                col("n", Kind.COUNT, r -> r.point().n()),
                col("mean", Kind.DECIMAL, r -> r.point().mean()),
                col("sd", Kind.DECIMAL, r -> r.point().sd()),
                col("ci_low", Kind.DECIMAL, r -> r.point().ciLow()),
                col("ci_high", Kind.DECIMAL, r -> r.point().ciHigh()));
        int row = table(s, 0, OutcomeCsvFiles.TRAJECTORIES, columns, tables.trajectories(),
                r -> r.point().n(), true, 0);
        row = note(s, row + 1, "k = the k-th score of the episode (1 = baseline). Rows with no scores are left out.");
        placeCharts(s, TRAJECTORIES, 0, row, columns.size(), 1);
    }

    private void clusters(SheetWriter s) {
        List<Col<OutcomeTables.ClusterRow>> columns = List.of(
                col("approach", Kind.TEXT, OutcomeTables.ClusterRow::approach),
                col("cluster", Kind.TEXT, r -> r.cluster().name()),
                col("cluster_name", Kind.TEXT, r -> r.cluster().label()),
                col("first_item", Kind.COUNT, r -> r.cluster().firstItem()),
                col("last_item", Kind.COUNT, r -> r.cluster().lastItem()),
                col("n", Kind.COUNT, OutcomeTables.ClusterRow::n),
                col("baseline_mean", Kind.DECIMAL, OutcomeTables.ClusterRow::baselineMean),
                col("baseline_sd", Kind.DECIMAL, OutcomeTables.ClusterRow::baselineSd),
                col("final_mean", Kind.DECIMAL, OutcomeTables.ClusterRow::finalMean),
                col("final_sd", Kind.DECIMAL, OutcomeTables.ClusterRow::finalSd),
                col("change_mean", Kind.DECIMAL, OutcomeTables.ClusterRow::changeMean),
                col("change_sd", Kind.DECIMAL, OutcomeTables.ClusterRow::changeSd),
                col("n_diagnosis_baseline", Kind.COUNT, OutcomeTables.ClusterRow::nDiagnosisBaseline),
                col("diagnosis_baseline_pct", Kind.PERCENT, OutcomeTables.ClusterRow::diagnosisBaselinePct),
                col("n_diagnosis_final", Kind.COUNT, OutcomeTables.ClusterRow::nDiagnosisFinal),
                col("diagnosis_final_pct", Kind.PERCENT, OutcomeTables.ClusterRow::diagnosisFinalPct));
        int row = table(s, 0, OutcomeCsvFiles.PCL5_CLUSTERS, columns, tables.pcl5Clusters(),
                OutcomeTables.ClusterRow::n, true, 0);
        if (tables.pcl5Clusters().isEmpty()) {
            row = note(s, row, "No PCL-5 in the instrument configuration: no cluster table.");
        }
        row = note(s, row + 1, "Episodes whose first and last PCL-5 both carry the 20 items. Probable PTSD (the DSM-5 "
                + "rule) belongs to the approach: it repeats on its four rows.");
        placeCharts(s, SYMPTOM_CLUSTERS, 0, row, columns.size(), 1);
    }

    private void clinicians(SheetWriter s) {
        List<Col<OutcomeTables.ClinicianRow>> columns = List.of(
                col("clinician_id", Kind.TEXT, OutcomeTables.ClinicianRow::clinicianId),
                col("instrument", Kind.TEXT, r -> name(r.instrument())),
                col("n_closed", Kind.COUNT, OutcomeTables.ClinicianRow::nClosed),
                col("n_paired", Kind.COUNT, OutcomeTables.ClinicianRow::nPaired),
                col("change_mean", Kind.DECIMAL, OutcomeTables.ClinicianRow::changeMean),
                col("n_reliable_improvement", Kind.COUNT, OutcomeTables.ClinicianRow::nReliableImprovement),
                col("reliable_improvement_pct", Kind.PERCENT, OutcomeTables.ClinicianRow::reliableImprovementPct),
                col("n_cases", Kind.COUNT, OutcomeTables.ClinicianRow::nCases),
                col("n_recovered", Kind.COUNT, OutcomeTables.ClinicianRow::nRecovered),
                col("recovery_pct", Kind.PERCENT, OutcomeTables.ClinicianRow::recoveryPct),
                col("practice_reliable_improvement_pct", Kind.PERCENT, OutcomeTables.ClinicianRow::practiceRiPct),
                col("funnel_95_low", Kind.PERCENT, OutcomeTables.ClinicianRow::funnel95Low),
                col("funnel_95_high", Kind.PERCENT, OutcomeTables.ClinicianRow::funnel95High),
                col("funnel_998_low", Kind.PERCENT, OutcomeTables.ClinicianRow::funnel998Low),
                col("funnel_998_high", Kind.PERCENT, OutcomeTables.ClinicianRow::funnel998High));
        List<OutcomeTables.ClinicianRow> clinicians = tables.clinicians();
        int listed = Math.min(clinicians.size(), MAX_LISTED_ROWS);
        int row = table(s, 0, OutcomeCsvFiles.CLINICIANS, columns, clinicians.subList(0, listed),
                OutcomeTables.ClinicianRow::nPaired, true, 1);
        if (clinicians.size() > listed) {
            row = note(s, row, andMore(clinicians.size() - listed) + " clinicians: every one is in csv/clinicians.csv.");
        }
        row = note(s, row + 1, "On " + primary.name() + ". The limits are where a clinician's rate would fall by chance "
                + "alone, at their number of clients, around the practice rate; case mix is not adjusted for.");
        placeCharts(s, CLINICIANS, 0, row, columns.size(), 1);
    }

    private void subgroups(SheetWriter s) {
        List<Col<OutcomeTables.SubgroupRow>> columns = List.of(
                col("approach", Kind.TEXT, OutcomeTables.SubgroupRow::approach),
                col("instrument", Kind.TEXT, r -> name(r.instrument())),
                col("variable", Kind.TEXT, OutcomeTables.SubgroupRow::variable),
                col("value", Kind.TEXT, OutcomeTables.SubgroupRow::value),
                col("n_closed", Kind.COUNT, OutcomeTables.SubgroupRow::nClosed),
                col("n_paired", Kind.COUNT, OutcomeTables.SubgroupRow::nPaired),
                col("change_mean", Kind.DECIMAL, OutcomeTables.SubgroupRow::changeMean),
                col("change_sd", Kind.DECIMAL, OutcomeTables.SubgroupRow::changeSd),
                col("n_reliable_improvement", Kind.COUNT, OutcomeTables.SubgroupRow::nReliableImprovement),
                col("reliable_improvement_pct", Kind.PERCENT, OutcomeTables.SubgroupRow::reliableImprovementPct));
        int row = table(s, 0, OutcomeCsvFiles.SUBGROUPS, columns, tables.subgroups(),
                OutcomeTables.SubgroupRow::nPaired, true, 0);
        note(s, row + 1, "On " + primary.name() + ". Subgroups from the intake file: the index event and four Y/N "
                + "flags (unknown = not recorded).");
    }

    private void activity(SheetWriter s) {
        List<Col<OutcomeTables.ActivityRow>> columns = List.of(
                col("period", Kind.TEXT, OutcomeTables.ActivityRow::period),
                col("approach", Kind.TEXT, OutcomeTables.ActivityRow::approach),
                col("intakes", Kind.COUNT, OutcomeTables.ActivityRow::intakes),
                col("discharges", Kind.COUNT, OutcomeTables.ActivityRow::discharges),
                col("discharges_completed", Kind.COUNT, OutcomeTables.ActivityRow::dischargesCompleted),
                col("discharges_dropout", Kind.COUNT, OutcomeTables.ActivityRow::dischargesDropout),
                col("discharges_referred", Kind.COUNT, OutcomeTables.ActivityRow::dischargesReferred),
                col("discharges_other", Kind.COUNT, OutcomeTables.ActivityRow::dischargesOther),
                col("caseload", Kind.COUNT, OutcomeTables.ActivityRow::caseload),
                col("attended_sessions", Kind.COUNT, OutcomeTables.ActivityRow::attendedSessions),
                col("missed_sessions", Kind.COUNT, OutcomeTables.ActivityRow::missedSessions),
                col("missed_session_pct", Kind.PERCENT, OutcomeTables.ActivityRow::missedSessionPct));
        int row = table(s, 0, OutcomeCsvFiles.ACTIVITY, columns, tables.activity(), null, true, 0);
        note(s, row + 1, "Every accepted episode, not only the closed ones. Caseload = clients with at least one "
                + "attended session in the period.");
    }

    private void alerts(SheetWriter s) {
        List<Col<OutcomeTables.AlertRow>> columns = List.of(
                col("client_id", Kind.TEXT, OutcomeTables.AlertRow::clientId),
                col("approach", Kind.TEXT, OutcomeTables.AlertRow::approach),
                col("clinician_id", Kind.TEXT, OutcomeTables.AlertRow::clinicianId),
                col("instrument", Kind.TEXT, r -> name(r.instrument())),
                col("baseline", Kind.SCORE, OutcomeTables.AlertRow::baseline),
                col("latest", Kind.SCORE, OutcomeTables.AlertRow::latest),
                col("change", Kind.SCORE, OutcomeTables.AlertRow::change),
                col("latest_date", Kind.DATE, OutcomeTables.AlertRow::latestDate),
                col("baseline_date", Kind.DATE, OutcomeTables.AlertRow::baselineDate),
                col("n_scores", Kind.COUNT, OutcomeTables.AlertRow::nScores),
                col("intake_date", Kind.DATE, OutcomeTables.AlertRow::intakeDate));
        boolean tooMany = tables.alerts().size() > MAX_LISTED_ROWS;
        List<OutcomeTables.AlertRow> rows = suppression() || tooMany ? List.of() : tables.alerts();
        int row = table(s, 0, OutcomeCsvFiles.ALERTS, columns, rows, null, true, 1);
        if (suppression()) {
            row = note(s, row, "Not shown: suppression is on, so episode-level rows are not written.");
        } else if (tooMany) {
            row = note(s, row, "The " + tables.alerts().size() + " alerts are too many to list here: see csv/alerts.csv.");
        } else if (rows.isEmpty()) {
            row = note(s, row, "No open episode shows a reliable deterioration at the end of the month.");
        }
        note(s, row + 1, "Clients still in treatment at the end of " + run.window().reportMonth() + " whose latest "
                + "score is a reliable deterioration from their first score. For the clinical team to review.");
    }

    // ---------------------------------------------------------------- Data quality

    private void dataQuality(SheetWriter s) {
        int row = files(s, 0, false);
        s.freeze(0, 1);
        s.autoFilter(0, row - 1, 0, FILE_HEADERS.length - 1);
        row = note(s, row, "Every row is counted once: read = accepted + rejected + duplicates (exact duplicate "
                + "session rows are dropped).");

        row++;
        s.styled(row++, 0, "Rejected rows by file, column and reason", styles.section, false);
        String[] reasonHeaders = {"File", "Column", "Reason", "Rows"};
        for (int c = 0; c < reasonHeaders.length; c++) {
            s.header(row, c, reasonHeaders[c]);
        }
        row++;
        for (DataQuality.FileCounts file : quality.files()) {
            List<DataQuality.ReasonCount> reasons = quality.reasons().stream()
                    .filter(r -> r.file().equals(file.file())).toList();
            String[] markers = reasonMarkers(file, reasons);
            int listed = Math.min(reasons.size(), MAX_LISTED_ITEMS);
            for (int i = 0; i < listed; i++) {
                DataQuality.ReasonCount r = reasons.get(i);
                s.text(row, 0, r.file());
                s.text(row, 1, r.column());
                s.text(row, 2, r.reason());
                s.value(row, 3, markers[i] != null ? markers[i] : r.rows(), Kind.COUNT, false);
                row++;
            }
            if (reasons.size() > listed) {
                s.text(row, 0, file.file());
                s.styled(row, 1, andMore(reasons.size() - listed) + " columns and reasons (rows of fewer rejects; "
                        + "every rejected row is in rejects.csv)", styles.note, false);
                row++;
            }
        }
        if (quality.reasons().isEmpty()) {
            row = note(s, row, "No row was rejected.");
        }
        row = note(s, row, "Each rejected row is listed in rejects.csv with its line number; cell values are never "
                + "shown. An empty column means a problem with the whole row.");

        row++;
        s.styled(row++, 0, "Warnings", styles.section, false);
        List<String> warnings = quality.warnings();
        int listed = Math.min(warnings.size(), MAX_LISTED_ITEMS);
        for (String warning : warnings.subList(0, listed)) {
            s.styled(row++, 0, warning, styles.subtitle, false);
        }
        if (warnings.size() > listed) {
            s.styled(row++, 0, andMore(warnings.size() - listed) + " warnings", styles.subtitle, false);
        }
        if (quality.warnings().isEmpty()) {
            note(s, row, "No warnings.");
        }
    }

    /** The row that ends a capped list: {@code and 999,900 more}. */
    static String andMore(long more) {
        return String.format(Locale.ROOT, "and %,d more", more);
    }

    private static final String[] FILE_HEADERS = {"File", "Rows read", "Accepted", "Rejected", "Duplicates", "Bytes",
        "SHA-256"};

    /**
     * The input files with their counts and SHA-256, header at {@code top}; the SHA-256 second
     * (in the About sheet's wide column) or last. Returns the row after the table.
     */
    private int files(SheetWriter s, int top, boolean shaSecond) {
        List<String> headers = new ArrayList<>(List.of(FILE_HEADERS));
        if (shaSecond) {
            headers.add(1, headers.remove(headers.size() - 1));
        }
        for (int c = 0; c < headers.size(); c++) {
            s.header(top, c, headers.get(c));
        }
        int row = top + 1;
        for (DataQuality.FileCounts f : quality.files()) {
            List<Long> counts = List.of(f.read(), f.accepted(), f.rejected(), f.duplicates(), f.bytes());
            String[] markers = fileMarkers(f);
            s.text(row, 0, f.file());
            s.text(row, shaSecond ? 1 : counts.size() + 1, f.sha256());
            for (int c = 0; c < counts.size(); c++) {
                Object shown = c < markers.length && markers[c] != null ? markers[c] : counts.get(c);
                s.value(row, (shaSecond ? 2 : 1) + c, shown, Kind.COUNT, false);
            }
            row++;
        }
        return row;
    }

    /**
     * With suppression on, the row counts of an input file as markers (read, accepted, rejected,
     * duplicates; null where shown): read is the total of the other three.
     */
    private String[] fileMarkers(DataQuality.FileCounts f) {
        if (!suppression()) {
            return new String[4];
        }
        String[] parts = SmallNumbers.hide(f.read(), new long[] {f.accepted(), f.rejected(), f.duplicates()});
        return new String[] {parts[3], parts[0], parts[1], parts[2]};
    }

    /**
     * With suppression on, the rows per reject reason of one file as markers: they add up to the
     * file's rejected rows, and when that count is hidden every reason count is hidden with it.
     */
    private String[] reasonMarkers(DataQuality.FileCounts file, List<DataQuality.ReasonCount> reasons) {
        String[] markers = new String[reasons.size()];
        if (!suppression()) {
            return markers;
        }
        long[] rows = reasons.stream().mapToLong(DataQuality.ReasonCount::rows).toArray();
        boolean rejectedHidden = fileMarkers(file)[2] != null;
        String[] hidden = SmallNumbers.hide(file.rejected(), rows);
        for (int i = 0; i < rows.length; i++) {
            markers[i] = rejectedHidden && rows[i] > 0
                    ? (rows[i] <= SmallNumbers.MAX_SMALL_N ? SmallNumbers.LESS_THAN_11 : SmallNumbers.MORE_THAN_10)
                    : hidden[i];
        }
        return markers;
    }

    // ---------------------------------------------------------------- About

    private void about(SheetWriter s) {
        s.fixWidth(0, 34);
        s.fixWidth(1, 96);
        s.styled(0, 0, "About this report", styles.title, false);
        s.freeze(0, 1);
        int row = 2;

        row = section(s, row, "What the numbers mean");
        s.header(row, 0, "Measure");
        s.header(row, 1, "In plain words");
        row++;
        for (PlainWords.Definition d : PlainWords.definitions()) {
            s.styled(row, 0, d.term(), styles.bold, false);
            s.wrapped(row, 1, d.meaning());
            row++;
        }
        s.styled(row, 0, "Not randomised", styles.bold, false);
        s.wrapped(row, 1, PlainWords.NOT_RANDOMISED);
        row++;
        s.styled(row, 0, "Small numbers", styles.bold, false);
        s.wrapped(row, 1, suppression() ? suppressionNote()
                : "Suppression is off (the internal report): every count is shown, small groups are marked.");
        row += 2;

        row = section(s, row, "Questionnaires, cut-offs and reliable-change thresholds in force ("
                + run.instrumentSource() + ")");
        String[] instrumentHeaders = {"Questionnaire", "Key and direction", "Lowest score", "Highest score",
                "Clinical cut-off", "Reliable change (points)"};
        for (int c = 0; c < instrumentHeaders.length; c++) {
            s.header(row, c, instrumentHeaders[c]);
        }
        row++;
        for (Instrument i : run.instruments()) {
            s.text(row, 0, i.name() + (i.key().equals(primary.key()) ? " (main questionnaire)" : ""));
            s.text(row, 1, i.key() + ": " + (i.higherIsBetter() ? "higher scores are better" : "higher scores are worse")
                    + (i.hasCutoff() ? "; clinical range " + (i.higherIsBetter() ? "at or below " : "at or above ")
                    + ReportCharts.number(i.cutoff()) : "; no cut-off, so no caseness or recovery"));
            s.value(row, 2, i.min(), Kind.SCORE, false);
            s.value(row, 3, i.max(), Kind.SCORE, false);
            s.value(row, 4, i.cutoff(), Kind.SCORE, false);
            s.value(row, 5, i.reliableChange(), Kind.DECIMAL, false);
            row++;
        }
        row++;

        row = section(s, row, "Parameters of this run");
        s.header(row, 0, "Parameter");
        s.header(row, 1, "Value");
        row++;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tool version", run.toolVersion());
        parameters.put("job", run.job());
        parameters.put("command line", run.commandLine());
        parameters.put("window", run.window().from() + " to " + run.window().to());
        parameters.put("approaches", String.join(", ", run.approaches()));
        parameters.put("main questionnaire", run.primaryInstrument());
        parameters.put("suppression", Boolean.toString(run.suppression()));
        run.parameters().forEach(parameters::putIfAbsent);
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            s.text(row, 0, p.getKey());
            s.wrapped(row, 1, p.getValue() == null ? "" : p.getValue());
            row++;
        }
        row++;

        row = section(s, row, "Input files");
        row = files(s, row, true) + 1;

        row = section(s, row, "Codebook: every column of every CSV file of the report");
        s.header(row, 0, "File and column");
        s.header(row, 1, "Meaning");
        s.header(row, 2, "Workbook header");
        row++;
        for (Codebook.Entry e : Codebook.load()) {
            s.text(row, 0, e.file() + " : " + e.column());
            s.wrapped(row, 1, e.meaning());
            if (e.file().startsWith(Codebook.CSV_FOLDER) || e.file().equals(ReportFolder.REJECTS_FILE)) {
                s.text(row, 2, ColumnLabels.of(e.column()));
            }
            row++;
        }
    }

    private int section(SheetWriter s, int row, String title) {
        s.styled(row, 0, title, styles.section, false);
        return row + 1;
    }

    // ---------------------------------------------------------------- tables and charts

    /** A column of a sheet table: its CSV name (or its header), how it is shown and its value. */
    private record Col<R>(String name, Kind kind, Function<R, Object> value) {
        String header() {
            return ColumnLabels.of(name);
        }
    }

    private static <R> Col<R> col(String csvColumn, Kind kind, Function<R, Object> value) {
        return new Col<>(csvColumn, kind, value);
    }

    /**
     * Writes a table with its header at {@code top}: the columns of {@code csvFile} (checked) when
     * given, a note column marking small groups when {@code smallN} is given. The main table of a
     * sheet gets the frozen header (and {@code freezeColumns} key columns), the autofilter, and
     * under it the suppression note when suppression is on. A count cell that suppression hides
     * shows its text ({@code <11} or {@code >10}).
     *
     * @return the row after the table
     */
    private <R> int table(SheetWriter s, int top, String csvFile, List<Col<R>> columns, List<R> rows,
                          ToIntFunction<R> smallN, boolean main, int freezeColumns) {
        return table(s, top, csvFile, true, columns, rows, smallN, main, freezeColumns);
    }

    /**
     * As above; {@code checkColumns} false for a table that shows some columns of {@code csvFile}
     * (its rows are that file's rows, so the suppressed count cells are looked up there).
     */
    private <R> int table(SheetWriter s, int top, String csvFile, boolean checkColumns, List<Col<R>> columns,
                          List<R> rows, ToIntFunction<R> smallN, boolean main, int freezeColumns) {
        if (csvFile != null && checkColumns) {
            List<String> names = columns.stream().map(Col::name).toList();
            if (!names.equals(OutcomeCsvFiles.columns(csvFile))) {
                throw new IllegalStateException("the workbook's columns for " + csvFile + " differ from the CSV's: "
                        + names);
            }
        }
        int width = columns.size() + (smallN == null ? 0 : 1);
        for (int c = 0; c < columns.size(); c++) {
            s.header(top, c, columns.get(c).header());
        }
        if (smallN != null) {
            s.header(top, columns.size(), NOTE_HEADER);
        }
        int row = top + 1;
        for (int index = 0; index < rows.size(); index++) {
            R r = rows.get(index);
            boolean small = smallN != null && SmallNumbers.isSmall(smallN.applyAsInt(r));
            for (int c = 0; c < columns.size(); c++) {
                Col<R> column = columns.get(c);
                String hidden = column.kind() == Kind.COUNT ? hidden(csvFile, index, column.name()) : null;
                if (hidden != null) {
                    s.value(row, c, hidden, Kind.COUNT, small);
                } else {
                    s.value(row, c, column.value().apply(r), column.kind(), small);
                }
            }
            if (small) {
                s.value(row, columns.size(), SmallNumbers.FLAG, Kind.TEXT, true);
            }
            row++;
        }
        if (main) {
            s.freeze(freezeColumns, top + 1);
            s.autoFilter(top, row - 1, 0, width - 1);
            if (suppression()) {
                for (String line : SUPPRESSION_NOTE) {
                    row = note(s, row, line);
                }
            }
        }
        return row;
    }

    private int note(SheetWriter s, int row, String text) {
        s.styled(row, 0, text, styles.note, false);
        return row + 1;
    }

    /**
     * Places the charts of a sheet beside its table: to the right of a narrow table (stacked
     * downwards), below a wide one ({@code perRow} side by side).
     *
     * @param tableTop    first row of the table
     * @param tableEnd    the row after the table (and its notes)
     * @param tableWidth  columns of the table (without the note column)
     * @return the first free row below the table and the charts
     */
    private int placeCharts(SheetWriter s, String sheet, int tableTop, int tableEnd, int tableWidth, int perRow) {
        List<RenderedChart> mine = charts.stream().filter(c -> c.sheet().equals(sheet)).toList();
        if (mine.isEmpty()) {
            return tableEnd;
        }
        int lastColumn = tableWidth;   // the note column
        if (s.widthInCharacters(0, lastColumn) <= RIGHT_OF_TABLE_MAX_CHARS) {
            int y = 0;
            for (RenderedChart chart : mine) {
                s.picture(chart, lastColumn + 1, tableTop, CHART_GAP_PIXELS, y);
                y += chart.height() + CHART_GAP_PIXELS;
            }
            return Math.max(tableEnd, tableTop + s.rowsFor(y));
        }
        int top = tableEnd + 1;
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        int inRow = 0;
        for (RenderedChart chart : mine) {
            if (inRow == perRow) {
                y += rowHeight + CHART_GAP_PIXELS;
                x = 0;
                rowHeight = 0;
                inRow = 0;
            }
            s.picture(chart, 0, top, x, y);
            x += chart.width() + CHART_GAP_PIXELS;
            rowHeight = Math.max(rowHeight, chart.height());
            inRow++;
        }
        return top + s.rowsFor(y + rowHeight);
    }

    // ---------------------------------------------------------------- lookups and text

    /**
     * What to show instead of a count that small-number suppression hides ({@code <11} or
     * {@code >10}), or {@code null} when it is shown.
     */
    private String hidden(String csvFile, int row, String column) {
        return csvFile == null ? null : tables.suppressed().text(csvFile, row, column);
    }

    private boolean suppression() {
        return run.suppression() || tables.suppressed().on();
    }

    private RenderedChart chart(String fileName) {
        return charts.stream().filter(c -> c.fileName().equals(fileName)).findFirst().orElse(null);
    }

    /** Indices in outcomes_by_approach of an instrument's rows (approaches, then ALL). */
    private List<Integer> rows(String instrument) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < tables.outcomesByApproach().size(); i++) {
            if (tables.outcomesByApproach().get(i).instrument().equals(instrument)) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** Index in outcomes_by_approach of a group on an instrument, or -1. */
    private int groupIndex(String approach, String instrument) {
        for (int i : rows(instrument)) {
            if (tables.outcomesByApproach().get(i).approach().equals(approach)) {
                return i;
            }
        }
        return -1;
    }

    private void count(SheetWriter s, int row, int column, Number value, String hidden, boolean light) {
        s.value(row, column, hidden != null ? hidden : value, Kind.COUNT, light);
    }

    private String name(String instrumentKey) {
        Instrument instrument = instruments.get(instrumentKey);
        return instrument == null ? instrumentKey : instrument.name();
    }

    private String windowLength() {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(run.window().from()), YearMonth.from(run.window().to())) + 1;
        return " (" + months + (months == 1 ? " month)" : " months)");
    }

    private static String monthName(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
    }

    private static String cutoffText(Instrument instrument) {
        if (!instrument.hasCutoff()) {
            return "";
        }
        return " (" + instrument.name() + (instrument.higherIsBetter() ? " \u2264 " : " \u2265 ")
                + ReportCharts.number(instrument.cutoff()) + ")";
    }

    private static String suppressionNote() {
        return String.join(" ", SUPPRESSION_NOTE);
    }
}
