package org.clinicaloutcomes.batch;

import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the steps of a run hand each other (counts, dates, the resolved window and output folder),
 * kept so that a restart after a kill at any instant starts from what the completed steps
 * produced.
 *
 * <p>Each step puts its results into its own execution context while it runs, so that they are
 * committed with its last chunk, before Spring Batch records the step complete. They reach the
 * job's context in two ways: after each step of a run (copied here, then saved by Spring Batch's
 * {@code SimpleStepHandler}), and when a run is restarted, from the saved contexts of the steps
 * recorded complete. The second matters because Spring Batch 6 records a step complete before its
 * {@code afterStep} listeners run and saves the job's context only after that: a run killed in
 * between has a complete step whose results the saved job context lacks.
 */
public final class StepHandoffs implements StepExecutionListener, JobExecutionListener {

    static final String INTAKE = "intake";
    static final String SESSIONS = "sessions";
    static final String DUPLICATES = "duplicates";
    static final String WINDOW = "window";
    static final String OUTCOMES = "outcomes";
    static final String PUBLISH = "publish";
    /** The steps of both jobs, in order. */
    static final List<String> STEPS = List.of(INTAKE, SESSIONS, DUPLICATES, WINDOW, OUTCOMES, PUBLISH);
    /** Spring Batch's own entries in a step's context, which are not results. */
    private static final String FRAMEWORK_PREFIX = "batch.";

    private final JobRepository jobRepository;

    StepHandoffs(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /**
     * The results of every step of {@code execution}'s job instance recorded complete, over the
     * execution's own job context: what a restart of it starts from.
     */
    public static ExecutionContext completed(JobRepository jobRepository, JobExecution execution) {
        ExecutionContext merged = new ExecutionContext(execution.getExecutionContext());
        JobInstance instance = execution.getJobInstance();
        for (String step : STEPS) {
            StepExecution last = jobRepository.getLastStepExecution(instance, step);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                copyResults(last.getExecutionContext(), merged);
            }
        }
        return merged;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        ExecutionContext completed = completed(jobRepository, jobExecution);
        for (Map.Entry<String, Object> entry : completed.entrySet()) {
            jobExecution.getExecutionContext().put(entry.getKey(), entry.getValue());
        }
        jobRepository.updateExecutionContext(jobExecution);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            copyResults(stepExecution.getExecutionContext(), stepExecution.getJobExecution().getExecutionContext());
        }
        return null;
    }

    private static void copyResults(ExecutionContext from, ExecutionContext to) {
        for (Map.Entry<String, Object> entry : from.entrySet()) {
            if (!entry.getKey().startsWith(FRAMEWORK_PREFIX)) {
                to.put(entry.getKey(), entry.getValue());
            }
        }
    }
}
