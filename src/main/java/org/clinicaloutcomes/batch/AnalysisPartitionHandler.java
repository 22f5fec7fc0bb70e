package org.clinicaloutcomes.batch;

import java.util.Collection;
import java.util.function.Supplier;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Who runs a run's analysis partitions (issue 19): this process's threads, as many as there are
 * cores, or, for a run started with {@code --remote-workers}, the {@code worker} processes
 * ({@link RemotePartitionHandler}, made on first use: it needs the shared database). Decided per
 * run, from its job parameters, as the step itself is one for every run.
 */
final class AnalysisPartitionHandler implements PartitionHandler {

    private final TaskExecutorPartitionHandler local;
    private final Supplier<RemotePartitionHandler> remoteFactory;
    private RemotePartitionHandler remote;

    AnalysisPartitionHandler(Step partitionStep, Supplier<RemotePartitionHandler> remoteFactory) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("analysis-");
        threads.setConcurrencyLimit(Runtime.getRuntime().availableProcessors());
        local = new TaskExecutorPartitionHandler();
        local.setStep(partitionStep);
        local.setTaskExecutor(threads);
        this.remoteFactory = remoteFactory;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution)
            throws Exception {
        PartitionHandler handler = RunParameters.from(managerStepExecution.getJobParameters()).remoteWorkers()
                ? remote() : local;
        return handler.handle(splitter, managerStepExecution);
    }

    private synchronized RemotePartitionHandler remote() {
        if (remote == null) {
            remote = remoteFactory.get();
        }
        return remote;
    }
}
