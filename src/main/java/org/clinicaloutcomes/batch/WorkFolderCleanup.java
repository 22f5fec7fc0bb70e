package org.clinicaloutcomes.batch;

import java.nio.file.Path;

import org.clinicaloutcomes.report.OutputLock;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Locks a run's staging folder while the run is alive, and removes the staging files once it
 * has completed; a failed or killed run keeps them for --restart.
 */
class WorkFolderCleanup implements JobExecutionListener {

    private final Path stateDir;
    private final OutputLocks locks;

    WorkFolderCleanup(Path stateDir, OutputLocks locks) {
        this.stateDir = stateDir;
        this.locks = locks;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        WorkFolder work = WorkFolder.of(stateDir, RunParameters.from(jobExecution.getJobParameters()).runId());
        try {
            locks.acquire(work.root());
        } catch (OutputLock.OutputBusyException e) {
            throw new OutputLocks.OutputBusy("the run being resumed is still running");
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
            WorkFolder.of(stateDir, RunParameters.from(jobExecution.getJobParameters()).runId()).delete();
        }
    }
}
