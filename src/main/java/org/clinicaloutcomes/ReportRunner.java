package org.clinicaloutcomes;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.clinicaloutcomes.batch.IngestCounts;
import org.clinicaloutcomes.batch.OutputLocks;
import org.clinicaloutcomes.batch.ResolvedSettings;
import org.clinicaloutcomes.batch.RunParameters;
import org.clinicaloutcomes.batch.RunRefused;
import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.report.OutputLock;
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

    ReportRunner(JobOperator jobOperator, JobRepository jobRepository, OutputLocks locks,
                 @Qualifier("monthlyJob") Job monthlyJob, @Qualifier("researchJob") Job researchJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.monthlyJob = monthlyJob;
        this.researchJob = researchJob;
    }

    int run(RunPreflight.Checked checked, PrintStream out, PrintStream err) throws Exception {
        RunParameters parameters = checked.parameters();
        Job job = parameters.job() == JobKind.MONTHLY ? monthlyJob : researchJob;
        try {
            if (parameters.output() != null) {
                locks.acquire(parameters.output());
            }
            checked.warnings().forEach(warning -> err.println("warning: " + warning));
            JobExecution execution;
            if (checked.restart()) {
                JobExecution previous = restartable(job, parameters);
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
            return report(execution, out, err);
        } catch (OutputLock.OutputBusyException | RefusedRestart e) {
            err.println("error: " + e.getMessage());
            return ClinicalOutcomesApplication.EXIT_REFUSED;
        } finally {
            locks.releaseAll();
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
            if (!sameSettings(previous, wanted, last.getExecutionContext())) {
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
            String output = last.getExecutionContext().getString("output.dir", null);
            if (output != null) {
                locks.acquire(java.nio.file.Path.of(output));
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
                && a.windowMonths() == b.windowMonths()
                && Objects.equals(a.instrumentsFile(), b.instrumentsFile())
                && a.instrumentsSha256().equals(b.instrumentsSha256()) && a.approaches().equals(b.approaches())
                && a.primaryInstrument().equals(b.primaryInstrument()) && a.suppression() == b.suppression();
    }

    static int report(JobExecution execution, PrintStream out, PrintStream err) {
        ExecutionContext context = execution.getExecutionContext();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            for (InputFileKind kind : InputFileKind.values()) {
                IngestCounts counts = IngestCounts.load(context, kind);
                out.println("  " + counts.describe(kind));
                if (counts.duplicates() > 0) {
                    // DATA.md: an exact duplicate is dropped with a warning.
                    err.println("warning: " + kind.fileName() + ": " + counts.duplicates() + " exact duplicate row"
                            + (counts.duplicates() == 1 ? "" : "s") + " dropped (same as an earlier row)");
                }
            }
            out.println("report written to " + context.getString("output.dir"));
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

    private static String describe(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    /** --restart found nothing it may resume. */
    static final class RefusedRestart extends Exception {
        RefusedRestart(String message) {
            super(message, null, false, false);
        }
    }
}
