package org.clinicaloutcomes.batch;

import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Removes a run's staging files once it has completed; a failed run keeps them for --restart. */
class WorkFolderCleanup implements JobExecutionListener {

    private final Path stateDir;

    WorkFolderCleanup(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
            WorkFolder.of(stateDir, RunParameters.from(jobExecution.getJobParameters()).runId()).delete();
        }
    }
}
