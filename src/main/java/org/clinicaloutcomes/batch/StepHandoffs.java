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
 * job's context in two ways: after each step of a run (copied here in {@code afterStep}), and when
 * a run is restarted, from the saved contexts of the steps recorded complete ({@link #completed}).
 *
 * <p>Why both, checked against Spring Batch 6.0.6 (spring-batch-core, the version this build
 * uses): Spring Batch does save the job's context between steps — {@code SimpleStepHandler.handleStep}
 * calls {@code jobRepository.updateExecutionContext(jobExecution)} after {@code step.execute}
 * returns, for every step it runs, failed ones included; a restart's new job execution starts
 * from a copy of the last execution's saved context ({@code TaskExecutorJobLauncher}), and the
 * job's end ({@code AbstractJob.execute}) saves only the job execution row, not its context. But
 * {@code AbstractStep.execute} first records the step COMPLETED ({@code jobRepository.update} and
 * {@code updateExecutionContext} of the step execution, before the listeners: Spring Batch issue
 * 4362), then runs the {@code afterStep} listeners, saves the step again and closes its streams,
 * and only then returns to {@code handleStep}. A run killed in that window has a step recorded
 * complete, which a restart does not run again, and a saved job context without its results: the
 * copy in {@code afterStep} alone would lose them, and a step writing straight into the job's
 * context would lose them for the whole time from its last commit. The restart therefore reads
 * them from the completed steps' own contexts, committed inside their chunks.
 */
public final class StepHandoffs implements StepExecutionListener, JobExecutionListener {

    static final String INTAKE = "intake";
    static final String SESSIONS = "sessions";
    static final String DUPLICATES = "duplicates";
    static final String WINDOW = "window";
    /** The partitioned analysis (its manager step) and the name of its workers' step. */
    static final String ANALYSIS = "analysis";
    static final String ANALYSIS_PARTITION = "analysis.partition";
    static final String OUTCOMES = "outcomes";
    static final String PUBLISH = "publish";
    /** The steps of both jobs, in order. */
    static final List<String> STEPS = List.of(INTAKE, SESSIONS, DUPLICATES, WINDOW, ANALYSIS, OUTCOMES, PUBLISH);
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

    /**
     * Puts the completed steps' results into the job's context, in memory only: Spring Batch saves
     * it after the first step this execution runs, and until then nothing reads the saved one
     * without merging the completed steps' results over it again ({@link #completed}).
     */
    @Override
    public void beforeJob(JobExecution jobExecution) {
        ExecutionContext completed = completed(jobRepository, jobExecution);
        for (Map.Entry<String, Object> entry : completed.entrySet()) {
            jobExecution.getExecutionContext().put(entry.getKey(), entry.getValue());
        }
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
