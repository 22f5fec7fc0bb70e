package org.clinicaloutcomes.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the steps of a run hand each other, by name and type: the one place that knows the keys
 * under which they are kept in an execution context. A step records its facts in its own context
 * (so that they are committed with it, StepHandoffs) and later steps read them from the job's.
 *
 * <ul>
 *   <li>intake: its counts and the earliest and latest intake dates;</li>
 *   <li>sessions: the number of staging partitions and the rows staged and rejected so far;</li>
 *   <li>duplicates: the counts of sessions.csv and the earliest and latest session dates;</li>
 *   <li>window: the report's window and output folder.</li>
 * </ul>
 */
public final class JobFacts {

    private static final String EARLIEST_INTAKE_DAY = "intake.min.day";
    private static final String LATEST_INTAKE_DAY = "intake.max.day";
    private static final String PARTITIONS = "sessions.partitions";
    private static final String STAGED = "sessions.staging.staged";
    private static final String ROW_REJECTS = "sessions.staging.rejected";
    private static final String EARLIEST_SESSION_DAY = "sessions.min.day";
    private static final String LATEST_SESSION_DAY = "sessions.max.day";
    private static final String FROM = "window.from";
    private static final String TO = "window.to";
    private static final String MONTH = "window.month";
    private static final String LABEL = "window.label";
    private static final String OUTPUT = "output.dir";
    private static final String PRIMARY_PAIRED = "outcomes.primary.paired";
    private static final String REASON_LINES = "quality.reasons";
    private static final String PROBLEM = "quality.problem";
    private static final String GAPS = "quality.gaps";
    private static final String EXPORT = "export.file";
    private static final String EXPORT_APPROACHES = "export.approaches";
    private static final String CELLS_READ = "export.cells.read";
    private static final String CELLS_REJECTED = "export.cells.rejected";

    private final ExecutionContext context;

    private JobFacts(ExecutionContext context) {
        this.context = context;
    }

    /** The facts kept in a job's or a step's execution context. */
    public static JobFacts of(ExecutionContext context) {
        return new JobFacts(context);
    }

    /**
     * Where a step that runs again on every restart (outcomes, publish: no hand-off) records what
     * the later steps and the end of the run read: the job's context itself.
     */
    static JobFacts ofRerunStep(ChunkContext chunkContext) {
        return handedOn(chunkContext);
    }

    /** What the earlier steps handed on to the tasklet's step: the job's context. */
    static JobFacts handedOn(ChunkContext chunkContext) {
        return of(chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext());
    }

    /** Where the tasklet's step records its own results: its own context, committed with it (StepHandoffs). */
    static JobFacts results(ChunkContext chunkContext) {
        return of(chunkContext.getStepContext().getStepExecution().getExecutionContext());
    }

    // --- ingest counts (both files) ---

    private static String countKey(InputFileKind kind, String count) {
        return kind.name().toLowerCase(Locale.ROOT) + "." + count;
    }

    void counts(InputFileKind kind, IngestCounts counts) {
        context.putLong(countKey(kind, "read"), counts.read());
        context.putLong(countKey(kind, "accepted"), counts.accepted());
        context.putLong(countKey(kind, "rejected"), counts.rejected());
        context.putLong(countKey(kind, "duplicates"), counts.duplicates());
        context.putLong(countKey(kind, "skipped"), counts.skipped());
    }

    /** The files whose counts a run reports, with their names: the two files, or the one export. */
    public java.util.Map<InputFileKind, String> reportedFiles() {
        java.util.Map<InputFileKind, String> files = new java.util.EnumMap<>(InputFileKind.class);
        String export = context.getString(EXPORT, "");
        if (export.isEmpty()) {
            for (InputFileKind kind : InputFileKind.values()) {
                files.put(kind, kind.fileName());
            }
        } else {
            files.put(InputFileKind.INTAKE, export);
        }
        return files;
    }

    // --- a researcher's export (RESEARCH.md): its counts are kept as INTAKE's ---

    /** The run reads a researcher's export of this name, whose counts are {@code counts(INTAKE)}. */
    void export(String fileName) {
        context.putString(EXPORT, fileName);
    }

    /** The export's name, when the run reads one. */
    public Optional<String> export() {
        String export = context.getString(EXPORT, "");
        return export.isEmpty() ? Optional.empty() : Optional.of(export);
    }

    /** The approaches an export named, in order of first appearance (when none were configured). */
    void exportApproaches(List<String> approaches) {
        context.putString(EXPORT_APPROACHES, String.join("\n", approaches));
    }

    /** The approaches of {@link #exportApproaches}; empty when the run configured its approaches. */
    List<String> exportApproaches() {
        String lines = context.getString(EXPORT_APPROACHES, "");
        return lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
    }

    /** Per configured instrument: the export's score cells with a value, and those rejected. */
    void scoreCells(long[] read, long[] rejected) {
        context.putString(CELLS_READ, joined(read));
        context.putString(CELLS_REJECTED, joined(rejected));
    }

    long[] scoreCellsRead() {
        return split(context.getString(CELLS_READ, ""));
    }

    long[] scoreCellsRejected() {
        return split(context.getString(CELLS_REJECTED, ""));
    }

    private static String joined(long[] values) {
        return java.util.Arrays.stream(values).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(","));
    }

    private static long[] split(String values) {
        return values.isEmpty() ? new long[0]
                : java.util.Arrays.stream(values.split(",")).mapToLong(Long::parseLong).toArray();
    }

    /** Whether the file's counts are known (its ingest, duplicates included, completed). */
    boolean counted(InputFileKind kind) {
        return context.containsKey(countKey(kind, "read"));
    }

    /** The file's counts; zeros when they are not known yet. */
    public IngestCounts counts(InputFileKind kind) {
        return new IngestCounts(context.getLong(countKey(kind, "read"), 0), context.getLong(countKey(kind, "accepted"), 0),
                context.getLong(countKey(kind, "rejected"), 0), context.getLong(countKey(kind, "duplicates"), 0),
                context.getLong(countKey(kind, "skipped"), 0));
    }

    // --- dates of the data ---

    void intakeDays(int earliest, int latest) {
        context.putInt(EARLIEST_INTAKE_DAY, earliest);
        context.putInt(LATEST_INTAKE_DAY, latest);
    }

    void sessionDays(int earliest, int latest) {
        context.putInt(EARLIEST_SESSION_DAY, earliest);
        context.putInt(LATEST_SESSION_DAY, latest);
    }

    Optional<LocalDate> earliestIntake() {
        return day(EARLIEST_INTAKE_DAY);
    }

    Optional<LocalDate> latestIntake() {
        return day(LATEST_INTAKE_DAY);
    }

    Optional<LocalDate> latestSession() {
        return day(LATEST_SESSION_DAY);
    }

    private Optional<LocalDate> day(String key) {
        return context.containsKey(key) ? Optional.of(LocalDate.ofEpochDay(context.getInt(key))) : Optional.empty();
    }

    // --- the staging of sessions.csv ---

    void staging(int partitions, long staged, long rowRejects) {
        context.putInt(PARTITIONS, partitions);
        context.putLong(STAGED, staged);
        context.putLong(ROW_REJECTS, rowRejects);
    }

    /** The partition count of a staging in progress, or {@code fallback} before its first commit. */
    int partitions(int fallback) {
        return context.getInt(PARTITIONS, fallback);
    }

    int partitions() {
        return context.getInt(PARTITIONS);
    }

    /** Rows of sessions.csv staged (they passed the row rules), across restarts. */
    long staged() {
        return context.getLong(STAGED, 0);
    }

    /** Rows of sessions.csv rejected by the row rules, across restarts. */
    long rowRejects() {
        return context.getLong(ROW_REJECTS, 0);
    }

    // --- the window and the output folder ---

    void window(ReportWindow window, Path output) {
        context.putString(FROM, window.from().toString());
        context.putString(TO, window.to().toString());
        context.putString(MONTH, window.reportMonth() == null ? "" : window.reportMonth().toString());
        context.putString(LABEL, window.label());
        context.putString(OUTPUT, output.toString());
    }

    ReportWindow window() {
        String month = context.getString(MONTH);
        return new ReportWindow(LocalDate.parse(context.getString(FROM)), LocalDate.parse(context.getString(TO)),
                month.isEmpty() ? null : YearMonth.parse(month), context.getString(LABEL));
    }

    // --- what the data say (RESEARCH.md, "Data quality is never silent") ---

    /** Episodes of the outcome cohort with paired scores on the primary instrument. */
    void primaryPaired(long episodes) {
        context.putLong(PRIMARY_PAIRED, episodes);
    }

    long primaryPaired() {
        return context.getLong(PRIMARY_PAIRED, 0);
    }

    /**
     * The warnings of configured approaches without an accepted episode and instruments without
     * an accepted score (RESEARCH.md), one line each.
     */
    void dataGaps(List<String> warnings) {
        context.putString(GAPS, String.join("\n", warnings));
    }

    /** The warnings of {@link #dataGaps}, in order; empty when none (or not known yet). */
    public List<String> dataGaps() {
        String lines = context.getString(GAPS, "");
        return lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
    }

    /** The console's reject reasons and the cause of exit code 3 ({@code null}: none). */
    void dataQuality(List<String> reasonLines, String problem) {
        context.putString(REASON_LINES, String.join("\n", reasonLines));
        context.putString(PROBLEM, problem == null ? "" : problem);
    }

    /** The reject reason lines for the console, in order; empty before the report is published. */
    public List<String> reasonLines() {
        String lines = context.getString(REASON_LINES, "");
        return lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
    }

    /** Why the run ends with exit code 3, or empty. */
    public Optional<String> dataProblem() {
        String problem = context.getString(PROBLEM, "");
        return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }

    /** The output folder the window step resolved, or {@code null} before it completed. */
    public Path outputFolder() {
        String output = context.getString(OUTPUT, null);
        return output == null ? null : Path.of(output);
    }
}
