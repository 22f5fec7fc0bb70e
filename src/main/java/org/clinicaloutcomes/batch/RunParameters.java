package org.clinicaloutcomes.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.cli.RunSettings;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.analysis.MonitoringSettings;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.report.DataQualityVerdict;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Everything a run needs, as job parameters. The identifying ones are the resolved settings that
 * define "the same run" for a restart (REPORTS.md): job, window settings, input and output
 * folders, monitoring settings (series length, expected-recovery minimum n, contact days), instrument configuration, approaches, primary instrument, suppression, plus a run id
 * that makes every fresh run a new job instance, and how the input is read: {@code layout},
 * {@code randomised} and the whole {@link ExportMapping} as {@code export} (text of
 * {@link ExportParameter}; a long one is split over {@code export.2}, {@code export.3} … so that
 * no value passes the job repository's 2500 characters). Input hashes are not identifying: a
 * restart compares them to refuse when an input changed.
 *
 * <p>{@link #significance} is the identifying {@code significance}, the methods' labels joined
 * with commas (empty for the monthly job), so a run with another list is another run. A run
 * recorded before the option existed computed none; it is read as the default it would have now
 * ({@link RunSettings#defaultSignificance}: {@code JT} for research, none for monthly).
 *
 * <p>For a long or wide export, {@link #input} is the export's folder and {@link #intakeFile()}
 * and {@link #sessionsFile()} are both the export file (the steps read it twice), so
 * {@code intakeSha256} and {@code sessionsSha256} are the export's.
 */
public record RunParameters(JobKind job, Path input, Path output, YearMonth month, int windowMonths,
                            MonitoringSettings monitoring, LocalDate from, LocalDate to, Path instrumentsFile, String instrumentsSha256,
                            List<String> approaches, String primaryInstrument, boolean suppression,
                            int maxRejectPct, boolean quiet, String runId, String intakeSha256, String sessionsSha256,
                            LocalDate today, String commandLine, ExportMapping export,
                            List<SignificanceMethod> significance, int partitions, boolean remoteWorkers) {

    static final String JOB = "job";
    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String MONTH = "month";
    static final String WINDOW_MONTHS = "window-months";
    static final String SERIES_MONTHS = "series-months";
    static final String EXPECTED_MIN_N = "expected-min-n";
    static final String CONTACT_DAYS = "contact-days";
    static final String FROM = "from";
    static final String TO = "to";
    static final String INSTRUMENTS = "instruments";
    static final String INSTRUMENTS_SHA256 = "instruments.sha256";
    static final String APPROACHES = "approaches";
    static final String PRIMARY = "primary-instrument";
    static final String SUPPRESSION = "suppression";
    static final String RUN_ID = "run.id";
    static final String QUIET = "quiet";
    static final String MAX_REJECT_PCT = "max-reject-pct";
    static final String INTAKE_SHA256 = "intake.sha256";
    static final String SESSIONS_SHA256 = "sessions.sha256";
    static final String TODAY = "today";
    static final String COMMAND_LINE = "command.line";
    static final String LAYOUT = "layout";
    static final String RANDOMISED = "randomised";
    static final String EXPORT = "export";
    static final String SIGNIFICANCE = "significance";
    /** Not identifying: the outputs are the same for every count; a restart keeps the failed run's. */
    static final String PARTITIONS = "partitions";
    /** Not identifying either: who analyses the partitions ({@code --remote-workers}); a restart keeps the failed run's. */
    static final String REMOTE_WORKERS = "remote-workers";
    /** The longest value of one {@code export} parameter (the repository's column holds 2500). */
    static final int EXPORT_CHUNK = 2000;
    private static final String NONE = "";

    public RunParameters {
        export = export == null ? ExportMapping.CANONICAL : export;
        // In the contract's order, whatever order they were given in, so the same methods are the same run.
        significance = significance == null ? RunSettings.defaultSignificance(job)
                : significance.stream().sorted().distinct().toList();
        if (partitions < RunSettings.MIN_PARTITIONS || partitions > RunSettings.MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be " + RunSettings.MIN_PARTITIONS + " to "
                    + RunSettings.MAX_PARTITIONS + ": " + partitions);
        }
    }

    /** The parameters of a run whose partitions run on its own threads. */
    public RunParameters(JobKind job, Path input, Path output, YearMonth month, int windowMonths,
                         MonitoringSettings monitoring, LocalDate from, LocalDate to, Path instrumentsFile,
                         String instrumentsSha256, List<String> approaches, String primaryInstrument, boolean suppression,
                         int maxRejectPct, boolean quiet, String runId, String intakeSha256, String sessionsSha256,
                         LocalDate today, String commandLine, ExportMapping export, List<SignificanceMethod> significance,
                         int partitions) {
        this(job, input, output, month, windowMonths, monitoring, from, to, instrumentsFile, instrumentsSha256,
                approaches, primaryInstrument, suppression, maxRejectPct, quiet, runId, intakeSha256, sessionsSha256,
                today, commandLine, export, significance, partitions, false);
    }

    /** The parameters of a run in one partition. */
    public RunParameters(JobKind job, Path input, Path output, YearMonth month, int windowMonths,
                         MonitoringSettings monitoring, LocalDate from, LocalDate to, Path instrumentsFile,
                         String instrumentsSha256, List<String> approaches, String primaryInstrument, boolean suppression,
                         int maxRejectPct, boolean quiet, String runId, String intakeSha256, String sessionsSha256,
                         LocalDate today, String commandLine, ExportMapping export, List<SignificanceMethod> significance) {
        this(job, input, output, month, windowMonths, monitoring, from, to, instrumentsFile, instrumentsSha256,
                approaches, primaryInstrument, suppression, maxRejectPct, quiet, runId, intakeSha256, sessionsSha256,
                today, commandLine, export, significance, RunSettings.DEFAULT_PARTITIONS);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder();
        if (monitoring != null) {
            builder.addLong(SERIES_MONTHS, (long) monitoring.seriesMonths())
                    .addLong(EXPECTED_MIN_N, (long) monitoring.expectedMinN())
                    .addLong(CONTACT_DAYS, (long) monitoring.contactDays());
        }
        builder.addString(LAYOUT, export.layout().key())
                .addString(RANDOMISED, Boolean.toString(export.randomised()));
        String text = ExportParameter.encode(export);
        for (int chunk = 0; chunk * EXPORT_CHUNK < text.length(); chunk++) {
            builder.addString(chunk == 0 ? EXPORT : EXPORT + "." + (chunk + 1),
                    text.substring(chunk * EXPORT_CHUNK, Math.min(text.length(), (chunk + 1) * EXPORT_CHUNK)));
        }
        return builder
                .addString(JOB, job.name().toLowerCase(java.util.Locale.ROOT))
                .addString(INPUT, input.toString())
                .addString(OUTPUT, output == null ? NONE : output.toString())
                .addString(MONTH, month == null ? NONE : month.toString())
                .addLong(WINDOW_MONTHS, (long) windowMonths)
                .addString(FROM, from == null ? NONE : from.toString())
                .addString(TO, to == null ? NONE : to.toString())
                .addString(INSTRUMENTS, instrumentsFile == null ? NONE : instrumentsFile.toString())
                .addString(INSTRUMENTS_SHA256, instrumentsSha256)
                .addString(APPROACHES, String.join(",", approaches))
                .addString(PRIMARY, primaryInstrument)
                .addString(SUPPRESSION, Boolean.toString(suppression))
                .addString(SIGNIFICANCE, SignificanceMethod.joined(significance))
                .addString(RUN_ID, runId)
                .addString(QUIET, Boolean.toString(quiet), false)
                .addLong(MAX_REJECT_PCT, (long) maxRejectPct, false)
                .addLong(PARTITIONS, (long) partitions, false)
                .addString(REMOTE_WORKERS, Boolean.toString(remoteWorkers), false)
                .addString(INTAKE_SHA256, intakeSha256, false)
                .addString(SESSIONS_SHA256, sessionsSha256, false)
                .addString(TODAY, today.toString(), false)
                .addString(COMMAND_LINE, commandLine, false)
                .toJobParameters();
    }

    public static RunParameters from(JobParameters parameters) {
        return new RunParameters(
                JobKind.valueOf(parameters.getString(JOB).toUpperCase(java.util.Locale.ROOT)),
                Path.of(parameters.getString(INPUT)),
                optional(parameters.getString(OUTPUT)) == null ? null : Path.of(parameters.getString(OUTPUT)),
                optional(parameters.getString(MONTH)) == null ? null : YearMonth.parse(parameters.getString(MONTH)),
                parameters.getLong(WINDOW_MONTHS).intValue(),
                monitoring(parameters),
                optional(parameters.getString(FROM)) == null ? null : LocalDate.parse(parameters.getString(FROM)),
                optional(parameters.getString(TO)) == null ? null : LocalDate.parse(parameters.getString(TO)),
                optional(parameters.getString(INSTRUMENTS)) == null ? null : Path.of(parameters.getString(INSTRUMENTS)),
                parameters.getString(INSTRUMENTS_SHA256),
                approaches(parameters.getString(APPROACHES)),
                parameters.getString(PRIMARY),
                Boolean.parseBoolean(parameters.getString(SUPPRESSION)),
                orDefault(parameters.getLong(MAX_REJECT_PCT), DataQualityVerdict.DEFAULT_MAX_REJECT_PCT),
                Boolean.parseBoolean(parameters.getString(QUIET)),
                parameters.getString(RUN_ID),
                parameters.getString(INTAKE_SHA256),
                parameters.getString(SESSIONS_SHA256),
                LocalDate.parse(parameters.getString(TODAY)),
                parameters.getString(COMMAND_LINE),
                export(parameters),
                significance(parameters),
                orDefault(parameters.getLong(PARTITIONS), RunSettings.DEFAULT_PARTITIONS),
                Boolean.parseBoolean(parameters.getString(REMOTE_WORKERS)));
    }

    /**
     * The clinical-significance methods of a run; {@code null} (the default of its job) for a run
     * recorded before the {@code significance} parameter existed.
     */
    private static List<SignificanceMethod> significance(JobParameters parameters) {
        String joined = parameters.getString(SIGNIFICANCE);
        if (joined == null) {
            return null;
        }
        return joined.isEmpty() ? List.of() : SignificanceMethod.listOf(joined);
    }

    /** The export mapping of a run; a run of an earlier version (no {@code export} parameter) read the canonical files. */
    private static ExportMapping export(JobParameters parameters) {
        String first = parameters.getString(EXPORT);
        if (first == null) {
            return ExportMapping.CANONICAL;
        }
        StringBuilder text = new StringBuilder(first);
        for (int chunk = 2; parameters.getString(EXPORT + "." + chunk) != null; chunk++) {
            text.append(parameters.getString(EXPORT + "." + chunk));
        }
        return ExportParameter.decode(text.toString());
    }

    /**
     * The monitoring settings of a monthly run ({@code null} for a research run); a setting
     * recorded before its option existed (a state folder of an earlier version) had its default.
     */
    private static MonitoringSettings monitoring(JobParameters parameters) {
        if (!JobKind.MONTHLY.name().equalsIgnoreCase(parameters.getString(JOB))) {
            return null;
        }
        MonitoringSettings defaults = MonitoringSettings.DEFAULT;
        return new MonitoringSettings(
                orDefault(parameters.getLong(SERIES_MONTHS), defaults.seriesMonths()),
                orDefault(parameters.getLong(EXPECTED_MIN_N), defaults.expectedMinN()),
                orDefault(parameters.getLong(CONTACT_DAYS), defaults.contactDays()));
    }

    /** The configured approaches; none (an export's are found in the data) when empty. */
    private static List<String> approaches(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static int orDefault(Long value, int fallback) {
        return value == null ? fallback : value.intValue();
    }

    private static String optional(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The intake file; for a long or wide export, the export file. */
    public Path intakeFile() {
        return export.layout().byWave() ? exportFile() : input.resolve("intake.csv");
    }

    /** The sessions file; for a long or wide export, the export file. */
    public Path sessionsFile() {
        return export.layout().byWave() ? exportFile() : input.resolve("sessions.csv");
    }

    /** The export file of a long or wide layout, absolute; null for canonical input. */
    public Path exportFile() {
        return export.file() == null ? null : export.file().toAbsolutePath().normalize();
    }
}
