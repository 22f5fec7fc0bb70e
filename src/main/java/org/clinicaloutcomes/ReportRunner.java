package org.clinicaloutcomes;

import java.io.PrintStream;
import java.util.List;

import org.clinicaloutcomes.batch.IngestCounts;
import org.clinicaloutcomes.batch.MonthlyJobConfiguration;
import org.clinicaloutcomes.batch.RunParameters;
import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Launches a checked run and reports its outcome on the console, mapped to an exit code. */
@Component
class ReportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReportRunner.class);

    private final JobOperator jobOperator;
    private final Job monthlyJob;
    private final Job researchJob;

    ReportRunner(JobOperator jobOperator, @Qualifier("monthlyJob") Job monthlyJob,
                 @Qualifier("researchJob") Job researchJob) {
        this.jobOperator = jobOperator;
        this.monthlyJob = monthlyJob;
        this.researchJob = researchJob;
    }

    int run(RunParameters parameters, List<String> warnings, PrintStream out, PrintStream err) throws Exception {
        Job job = parameters.job() == JobKind.MONTHLY ? monthlyJob : researchJob;
        if (!parameters.quiet()) {
            out.println("clinical-outcomes " + job.getName() + ": reading " + parameters.input());
        }
        warnings.forEach(warning -> err.println("warning: " + warning));
        JobExecution execution = jobOperator.start(job, parameters.toJobParameters());
        return report(execution, out, err);
    }

    static int report(JobExecution execution, PrintStream out, PrintStream err) {
        ExecutionContext context = execution.getExecutionContext();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            for (InputFileKind kind : InputFileKind.values()) {
                out.println("  " + IngestCounts.load(context, kind).describe(kind));
            }
            out.println("report written to " + context.getString("output.dir"));
            return ClinicalOutcomesApplication.EXIT_OK;
        }
        String reason = failureReason(execution);
        LOG.error("run {} of job {} ended {}: {}", execution.getId(), execution.getJobInstance().getJobName(),
                execution.getStatus(), reason);
        err.println("error: the " + execution.getJobInstance().getJobName() + " run failed: " + reason
                + " (details in the log; rerun with --restart to resume it)");
        return ClinicalOutcomesApplication.EXIT_FAILURE;
    }

    private static String failureReason(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            for (Throwable failure : step.getFailureExceptions()) {
                return "step '" + step.getStepName() + "': " + describe(failure);
            }
        }
        for (Throwable failure : execution.getFailureExceptions()) {
            return describe(failure);
        }
        return "status " + execution.getStatus();
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    static boolean isMonthly(Job job) {
        return MonthlyJobConfiguration.JOB_NAME.equals(job.getName());
    }
}
