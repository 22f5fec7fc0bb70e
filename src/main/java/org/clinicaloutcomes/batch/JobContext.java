package org.clinicaloutcomes.batch;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Persists the job's execution context as soon as a step has added to it. Spring Batch 6 does
 * not save it between steps, and a restarted run starts from the last saved copy: without this,
 * a run killed in the sessions step would forget what the intake step found.
 */
final class JobContext {

    private JobContext() {
    }

    static void save(JobRepository jobRepository, StepExecution stepExecution) {
        jobRepository.updateExecutionContext(stepExecution.getJobExecution());
    }
}
