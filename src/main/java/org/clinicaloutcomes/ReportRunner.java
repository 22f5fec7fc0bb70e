package org.clinicaloutcomes;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.clinicaloutcomes.batch.IngestCounts;
import org.clinicaloutcomes.batch.JobFacts;
import org.clinicaloutcomes.batch.OutputLocks;
import org.clinicaloutcomes.batch.ResolvedSettings;
import org.clinicaloutcomes.batch.RunParameters;
import org.clinicaloutcomes.batch.RunRefused;
import org.clinicaloutcomes.batch.StepHandoffs;
import org.clinicaloutcomes.batch.WorkFolder;
import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.OutputLock;
import org.clinicaloutcomes.report.TestPause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Launches a checked run, or resumes the latest failed or killed run with the same settings, and
 * reports the outcome on the console, mapped to an exit code.
 */
@Component
class ReportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReportRunner.class);
    /** How many recent runs of a job --restart looks through for one with the same settings. */
    private static final int RESTART_LOOKBACK = 500;

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final OutputLocks locks;
    private final Job monthlyJob;
    private final Job researchJob;
    private final Path workDir;

    ReportRunner(JobOperator jobOperator, JobRepository jobRepository, OutputLocks locks,
                 @Qualifier("monthlyJob") Job monthlyJob, @Qualifier("researchJob") Job researchJob,
                 @Value("${" + WorkFolder.PROPERTY + "}") Path workDir) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.monthlyJob = monthlyJob;
        this.researchJob = researchJob;
        this.workDir = workDir;
    }

    /**
     * @param stateProblem says, for a failure, whether it is the state folder's and what to do
     *                     (StateFailures); such a run ends with exit code 2
     */
    int run(RunPreflight.Checked checked, PrintStream out, PrintStream err,
            Function<Throwable, Optional<String>> stateProblem) throws Exception {
        RunParameters parameters = checked.parameters();
        Job job = parameters.job() == JobKind.MONTHLY ? monthlyJob : researchJob;
        try {
            // This run holds the state folder (StateFolder): no other run is alive that could
            // use the staging files of a finished one.
            deleteFinishedWorkFolders();
            if (parameters.output() != null) {
                locks.acquireOutput(parameters.output(), parameters.runId());
            }
            printWarnings(checked.warnings(), err);
            JobExecution execution;
            if (checked.restart()) {
                JobExecution previous = restartable(job, parameters);
                refuseWithoutItsStagingFiles(previous, checked.jobRepository());
                if (!parameters.quiet()) {
                    out.println("clinical-outcomes " + job.getName() + ": resuming run " + previous.getId()
                            + " of " + previous.getStartTime());
                }
                if (previous.getStatus().isRunning()) {
                    // Killed: its process is gone (we hold its locks), but the repository still says running.
                    previous = jobOperator.recover(previous);
                }
                execution = jobOperator.restart(previous);
            } else {
                if (!parameters.quiet()) {
                    out.println("clinical-outcomes " + job.getName() + ": reading " + parameters.input());
                }
                execution = jobOperator.start(job, parameters.toJobParameters());
            }
            int exitCode = report(execution, out, err, stateProblem);
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                // Only now, with the job recorded complete: a run killed before this point is
                // resumed by --restart from these files, and one killed during the deletion is
                // tidied up by the next run (deleteFinishedWorkFolders).
                TestPause.at(TestPause.JOB_COMPLETED);
                // The run that completed: this one, or the one a --restart resumed.
                WorkFolder.of(workDir, RunParameters.from(execution.getJobParameters()).runId()).delete();
                deleteFinishedWorkFolders();
            }
            return exitCode;
        } catch (OutputLock.OutputBusyException | RefusedRestart e) {
            err.println("error: " + e.getMessage());
            return ClinicalOutcomesApplication.EXIT_REFUSED;
        } finally {
            locks.releaseAll();
        }
    }

    /**
     * The warnings of the pre-flight check (one per unknown column, DATA.md), at most as many as
     * the workbook lists, then how many more: a header of a million columns is not a million lines.
     */
    private static void printWarnings(List<String> warnings, PrintStream err) {
        int shown = Math.min(warnings.size(), OutcomesWorkbook.MAX_LISTED_ITEMS);
        for (int i = 0; i < shown; i++) {
            err.println("warning: " + warnings.get(i));
        }
        if (warnings.size() > shown) {
            err.println("warning: and " + (warnings.size() - shown) + " more warnings");
        }
    }

    /** The latest run of this job with the same settings, if it failed or was killed and its inputs are unchanged. */
    private JobExecution restartable(Job job, RunParameters wanted) throws RefusedRestart, OutputLock.OutputBusyException {
        List<JobInstance> instances = jobRepository.getJobInstances(job.getName(), 0, RESTART_LOOKBACK);
        for (JobInstance instance : instances) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last == null) {
                continue;
            }
            RunParameters previous = RunParameters.from(last.getJobParameters());
            ExecutionContext facts = StepHandoffs.completed(jobRepository, last);
            if (!sameSettings(previous, wanted, facts)) {
                continue;
            }
            if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                throw new RefusedRestart("there is no failed or interrupted " + job.getName()
                        + " run with these settings to resume (the latest one " + last.getStatus().name().toLowerCase()
                        + "); run without --restart");
            }
            if (!previous.intakeSha256().equals(wanted.intakeSha256())) {
                throw new RefusedRestart("intake.csv changed since the run being resumed; run without --restart");
            }
            if (!previous.sessionsSha256().equals(wanted.sessionsSha256())) {
                throw new RefusedRestart("sessions.csv changed since the run being resumed; run without --restart");
            }
            Path output = JobFacts.of(facts).outputFolder();
            if (output != null) {
                locks.acquireOutput(output, previous.runId());
            }
            return last;
        }
        throw new RefusedRestart("there is no failed or interrupted " + job.getName()
                + " run with these settings to resume; run without --restart");
    }

    /**
     * The resolved settings that make two runs "the same" (REPORTS.md, --restart). The window and
     * output folder are compared as resolved, from the facts of the earlier run's ingest (the
     * inputs are the same, or the restart is refused); before its ingest completed, as given.
     */
    private static boolean sameSettings(RunParameters a, RunParameters b, ExecutionContext aContext) {
        boolean sameWindowAndOutput;
        Optional<ResolvedSettings> resolvedA = ResolvedSettings.of(a, aContext);
        Optional<ResolvedSettings> resolvedB = ResolvedSettings.of(b, aContext);
        if (resolvedA.isPresent() && resolvedB.isPresent()) {
            sameWindowAndOutput = resolvedA.get().equals(resolvedB.get());
        } else {
            sameWindowAndOutput = Objects.equals(a.output(), b.output()) && Objects.equals(a.month(), b.month())
                    && Objects.equals(a.from(), b.from()) && Objects.equals(a.to(), b.to());
        }
        return sameWindowAndOutput && a.job() == b.job() && a.input().equals(b.input())
                && a.windowMonths() == b.windowMonths() && Objects.equals(a.monitoring(), b.monitoring())
                && Objects.equals(a.instrumentsFile(), b.instrumentsFile())
                && a.instrumentsSha256().equals(b.instrumentsSha256()) && a.approaches().equals(b.approaches())
                && a.primaryInstrument().equals(b.primaryInstrument()) && a.suppression() == b.suppression()
                && a.export().equals(b.export()) && a.significance().equals(b.significance());
    }

    /**
     * Deletes the staging files of every run that cannot be resumed any more: recorded complete
     * or abandoned, followed by a later run with the same settings (--restart takes the latest),
     * or unknown to the job repository. Those of the latest failed or killed run of each settings
     * stay for --restart.
     */
    private void deleteFinishedWorkFolders() {
        List<Path> folders = WorkFolder.all(workDir);
        if (folders.isEmpty()) {
            return;
        }
        Set<String> resumable = new HashSet<>();
        Set<List<Object>> later = new HashSet<>();
        for (Job job : List.of(monthlyJob, researchJob)) {
            // Newest first, so a run whose settings were seen already has a later run.
            for (JobInstance instance : jobRepository.getJobInstances(job.getName(), 0, RESTART_LOOKBACK)) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                if (last == null) {
                    continue;
                }
                RunParameters run = RunParameters.from(last.getJobParameters());
                boolean latest = later.add(settingsAsGiven(run));
                if (latest && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
                    resumable.add(run.runId());
                }
            }
        }
        for (Path folder : folders) {
            WorkFolder work = new WorkFolder(folder);
            if (!resumable.contains(work.runId())) {
                work.delete();
            }
        }
    }

    /**
     * A shared job repository (--job-repository) also holds the runs of other state folders: a
     * failed run is resumed only from the state folder that holds its staging files, never from
     * another one (which has none of them, and whose run may even be alive elsewhere).
     */
    private void refuseWithoutItsStagingFiles(JobExecution previous, String sharedRepository) throws RefusedRestart {
        if (sharedRepository == null) {
            return;
        }
        WorkFolder work = WorkFolder.of(workDir, RunParameters.from(previous.getJobParameters()).runId());
        if (!Files.isDirectory(work.root())) {
            throw new RefusedRestart("run " + previous.getId() + " in the job repository " + sharedRepository
                    + " was not started with the work folder " + workDir + " (its staging files are not there): resume it "
                    + "with the state folder (" + StateFolder.ENVIRONMENT_VARIABLE + ") or --work-dir it started with, "
                    + "or run without --restart");
        }
    }

    /** The settings of a run as its command line gave them (without the facts a run resolves them from). */
    private static List<Object> settingsAsGiven(RunParameters run) {
        return java.util.Arrays.asList(run.job(), run.input(), run.output(), run.month(), run.windowMonths(),
                run.monitoring(), run.from(), run.to(), run.instrumentsFile(), run.instrumentsSha256(), run.approaches(),
                run.primaryInstrument(), run.suppression(), run.export());
    }

    static int report(JobExecution execution, PrintStream out, PrintStream err,
                      Function<Throwable, Optional<String>> stateProblem) {
        ExecutionContext context = execution.getExecutionContext();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            JobFacts facts = JobFacts.of(context);
            for (Map.Entry<InputFileKind, String> file : facts.reportedFiles().entrySet()) {
                IngestCounts counts = facts.counts(file.getKey());
                out.println("  " + counts.describe(file.getValue()));
                if (counts.duplicates() > 0) {
                    // DATA.md: an exact duplicate is dropped with a warning.
                    err.println("warning: " + file.getValue() + ": " + counts.duplicates() + " exact duplicate row"
                            + (counts.duplicates() == 1 ? "" : "s") + " dropped (same as an earlier row)");
                }
            }
            facts.reasonLines().forEach(out::println);
            facts.dataGaps().forEach(gap -> err.println("warning: " + gap));
            out.println("report written to " + facts.outputFolder());
            Optional<String> problem = facts.dataProblem();
            if (problem.isPresent()) {
                // RESEARCH.md: exit code 3 means "report written, but look at the data first".
                err.println("warning: " + problem.get());
                return ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA;
            }
            return ClinicalOutcomesApplication.EXIT_OK;
        }
        Throwable failure = firstFailure(execution);
        String reason = failure == null ? "status " + execution.getStatus() : describe(failure);
        LOG.error("run {} of job {} ended {}: {}", execution.getId(), execution.getJobInstance().getJobName(),
                execution.getStatus(), reason);
        if (failure instanceof RunRefused) {
            err.println("error: " + reason);
            return ClinicalOutcomesApplication.EXIT_REFUSED;
        }
        Optional<String> stateFolder = failure == null ? Optional.empty() : stateProblem.apply(failure);
        if (stateFolder.isPresent()) {
            err.println("error: " + stateFolder.get());
            return ClinicalOutcomesApplication.EXIT_REFUSED;
        }
        err.println("error: the " + execution.getJobInstance().getJobName() + " run failed: " + reason
                + " (details in the log; rerun with --restart to resume it)");
        return ClinicalOutcomesApplication.EXIT_FAILURE;
    }

    private static Throwable firstFailure(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            for (Throwable failure : step.getFailureExceptions()) {
                return rootCause(failure);
            }
        }
        for (Throwable failure : execution.getFailureExceptions()) {
            return rootCause(failure);
        }
        return null;
    }

    /** The innermost cause says what went wrong, unless a wrapper on the way is a refusal. */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof RunRefused) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            // "Java heap space" alone does not say what to do about it.
            return "out of memory (" + failure.getMessage() + "): give the run a larger heap (-Xmx, or "
                    + "CLINICAL_OUTCOMES_JAVA_OPTIONS with the launcher)";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    /** --restart found nothing it may resume. */
    static final class RefusedRestart extends Exception {
        RefusedRestart(String message) {
            super(message, null, false, false);
        }
    }
}
