package org.clinicaloutcomes.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.MonitoringSettings;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.report.DataQualityVerdict;

/**
 * The settings of a report run as given on the command line (and, for research, in a
 * {@code --job} file), validated for form but not resolved: {@code null} means "not given, use
 * the default", which the caller resolves at run time (it needs the data or the instrument file).
 *
 * <p>Paths are as given (relative ones stay relative to the working directory; relative paths in a
 * job file have already been resolved against the job file's folder) and normalised. Folders and
 * files are <em>not</em> checked for existence here, except the job file itself.
 *
 * @param job               monthly or research
 * @param input             input folder (default {@code sample-data}); for a long or wide export, the
 *                          export file's folder; never null
 * @param output            output folder, or {@code null} for the default ({@code reports/<YYYY-MM>},
 *                          {@code reports/research-<from>_<to>} or {@code reports/research-all})
 * @param month             monthly: the report month, or {@code null} for automatic; research: always null
 * @param windowMonths      monthly: months in the window ending with the report month, 1–120
 *                          (default 12); research: always 0 (not used, the window is from/to)
 * @param monitoring        monthly: the series months (1–120, default 24), the expected-recovery
 *                          models' minimum n (3–100000, default 30) and the attention list's
 *                          contact days (1–365, default 30) of MONITORING.md; research: always
 *                          {@code null} (no monthly tables)
 * @param from              research: first day of the window, or {@code null} for open; monthly: null
 * @param to                research: last day of the window, or {@code null} for open; monthly: null
 * @param instruments       instrument CSV file, or {@code null} for the bundled defaults
 * @param approaches        approaches in report order (unmodifiable, non-empty, no duplicates
 *                          ignoring case), or {@code null} for {@link #DEFAULT_APPROACHES}
 * @param primaryInstrument key matching {@code [a-z][a-z0-9_]*}, or {@code null} for {@code pcl5};
 *                          whether the instrument exists is checked at run time
 * @param suppression       small-number suppression (default false for monthly, true for research)
 * @param maxRejectPct      the share of a file's rows, in percent (0–100, default 50), above which
 *                          rejected rows end the run with exit code 3 (RESEARCH.md)
 * @param quiet             no progress output on the console
 * @param restart           resume the latest failed run with the same parameters
 * @param jobFile           research: the {@code --job} file that was read, or {@code null}
 * @param export            how the input is read (RESEARCH.md, "Job-file keys"): {@link ExportMapping#CANONICAL}
 *                          (or {@code canonical(true)} for a randomised study) unless a research job file
 *                          describes a long or wide export; never null ({@code null} is taken as CANONICAL)
 * @param significance      research: the clinical-significance methods of {@code --significance} (or the job
 *                          file's {@code significance} key), in the contract's order (SIGNIFICANCE.md, section 11),
 *                          or {@code null} when not given ({@link #defaultSignificance(JobKind)}: {@code JT});
 *                          monthly: always {@code null} (the monthly job computes none)
 * @param jobRepository     {@code --job-repository}: the JDBC URL of a shared job repository on PostgreSQL,
 *                          without user or password (they come from the environment), or {@code null} for the
 *                          embedded HSQLDB database in the state folder
 * @param partitions        {@code --partitions}: how many parts the analysis is split into by the client id's
 *                          CRC-32 ({@value #MIN_PARTITIONS}–{@value #MAX_PARTITIONS}, default 1); the outputs are
 *                          the same for every count (issue 19)
 * @param workDir           {@code --work-dir}: the folder of the runs' staging files, which remote workers read
 *                          too, or {@code null} for {@code work} in the state folder
 * @param remoteWorkers     {@code --remote-workers}: the partitions are analysed by {@code worker} processes that
 *                          share the job repository, not by this process's threads (needs {@code jobRepository})
 */
public record RunSettings(JobKind job, Path input, Path output, YearMonth month, int windowMonths,
                          MonitoringSettings monitoring, LocalDate from, LocalDate to, Path instruments, List<String> approaches,
                          String primaryInstrument, boolean suppression, int maxRejectPct, boolean quiet, boolean restart,
                          Path jobFile, ExportMapping export, List<SignificanceMethod> significance,
                          String jobRepository, int partitions, Path workDir, boolean remoteWorkers) {

    public static final Path DEFAULT_INPUT = Path.of("sample-data");
    public static final int DEFAULT_WINDOW_MONTHS = 12;
    public static final int MIN_WINDOW_MONTHS = 1;
    public static final int MAX_WINDOW_MONTHS = 120;
    /** {@code windowMonths} of a research run, which has no month window. */
    public static final int NO_WINDOW_MONTHS = 0;
    /** The analysis's default, so that the series has one default however it is started. */
    public static final int DEFAULT_SERIES_MONTHS = CohortAnalysis.DEFAULT_SERIES_MONTHS;
    public static final int MIN_SERIES_MONTHS = 1;
    public static final int MAX_SERIES_MONTHS = 120;
    public static final String DEFAULT_PRIMARY_INSTRUMENT = "pcl5";
    public static final List<String> DEFAULT_APPROACHES = List.of("DBT", "CPT", "ACT", "PE");
    /** {@code --partitions}: the analysis in one part unless asked (issue 19). */
    public static final int DEFAULT_PARTITIONS = 1;
    public static final int MIN_PARTITIONS = 1;
    public static final int MAX_PARTITIONS = 64;

    public RunSettings {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(input, "input");
        approaches = approaches == null ? null : List.copyOf(approaches);
        export = export == null ? ExportMapping.CANONICAL : export;
        significance = significance == null ? null : List.copyOf(significance);
        if (partitions < MIN_PARTITIONS || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be " + MIN_PARTITIONS + " to " + MAX_PARTITIONS
                    + ": " + partitions);
        }
        if (remoteWorkers && jobRepository == null) {
            throw new IllegalArgumentException("remote workers need a shared job repository");
        }
    }

    /** The settings of a run whose partitions run on its own threads, with its staging files in the state folder. */
    public RunSettings(JobKind job, Path input, Path output, YearMonth month, int windowMonths,
                       MonitoringSettings monitoring, LocalDate from, LocalDate to, Path instruments, List<String> approaches,
                       String primaryInstrument, boolean suppression, int maxRejectPct, boolean quiet, boolean restart,
                       Path jobFile, ExportMapping export, List<SignificanceMethod> significance, String jobRepository,
                       int partitions) {
        this(job, input, output, month, windowMonths, monitoring, from, to, instruments, approaches, primaryInstrument,
                suppression, maxRejectPct, quiet, restart, jobFile, export, significance, jobRepository, partitions,
                null, false);
    }

    /** The settings of a run in one partition. */
    public RunSettings(JobKind job, Path input, Path output, YearMonth month, int windowMonths,
                       MonitoringSettings monitoring, LocalDate from, LocalDate to, Path instruments, List<String> approaches,
                       String primaryInstrument, boolean suppression, int maxRejectPct, boolean quiet, boolean restart,
                       Path jobFile, ExportMapping export, List<SignificanceMethod> significance, String jobRepository) {
        this(job, input, output, month, windowMonths, monitoring, from, to, instruments, approaches, primaryInstrument,
                suppression, maxRejectPct, quiet, restart, jobFile, export, significance, jobRepository,
                DEFAULT_PARTITIONS);
    }

    /** The settings of a run on the embedded job repository. */
    public RunSettings(JobKind job, Path input, Path output, YearMonth month, int windowMonths,
                       MonitoringSettings monitoring, LocalDate from, LocalDate to, Path instruments, List<String> approaches,
                       String primaryInstrument, boolean suppression, int maxRejectPct, boolean quiet, boolean restart,
                       Path jobFile, ExportMapping export, List<SignificanceMethod> significance) {
        this(job, input, output, month, windowMonths, monitoring, from, to, instruments, approaches, primaryInstrument,
                suppression, maxRejectPct, quiet, restart, jobFile, export, significance, null);
    }

    /** The settings of {@code monthly} / {@code research} with no options at all. */
    public static RunSettings defaults(JobKind job) {
        return new RunSettings(job, DEFAULT_INPUT, null, null,
                job == JobKind.MONTHLY ? DEFAULT_WINDOW_MONTHS : NO_WINDOW_MONTHS,
                job == JobKind.MONTHLY ? MonitoringSettings.DEFAULT : null,
                null, null, null, null, null, defaultSuppression(job), DataQualityVerdict.DEFAULT_MAX_REJECT_PCT,
                false, false, null, ExportMapping.CANONICAL, null);
    }

    /**
     * The clinical-significance methods of a run that names none (SIGNIFICANCE.md, section 11):
     * {@link SignificanceMethod#DEFAULT} for research, none for the monthly job.
     */
    public static List<SignificanceMethod> defaultSignificance(JobKind job) {
        return job == JobKind.RESEARCH ? SignificanceMethod.DEFAULT : List.of();
    }

    /** Suppression is off for the internal monthly report and on for research runs. */
    public static boolean defaultSuppression(JobKind job) {
        return job == JobKind.RESEARCH;
    }
}
