package org.clinicaloutcomes.batch;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.messaging.Message;

/**
 * The {@code worker} command (issue 19): takes the analysis partitions that managers send
 * ({@link PartitionRequests}), one at a time, and runs each with Spring Batch's
 * {@link StepExecutionRequestHandler} on the step execution the manager recorded in the shared job
 * repository, holding the partition's lease ({@link PartitionLeases}) meanwhile. Runs until the
 * process is stopped.
 */
public final class PartitionWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionWorker.class);
    private static final long RECEIVE_MILLIS = 500;

    private final PartitionRequests requests;
    private final PartitionLeases leases;
    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler handler;
    private volatile boolean stopped;

    PartitionWorker(PartitionRequests requests, PartitionLeases leases, JobRepository jobRepository, Step partitionStep) {
        this.requests = requests;
        this.leases = leases;
        this.jobRepository = jobRepository;
        this.handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(name -> {
            if (!name.equals(partitionStep.getName())) {
                throw new IllegalArgumentException("no step " + name + " in this worker");
            }
            return partitionStep;
        });
    }

    /** Serves the managers' partitions until {@link #stop}; says on {@code out} what it runs. */
    public void serve(PrintStream out) throws Exception {
        out.println("clinical-outcomes worker: waiting for analysis partitions");
        out.flush();
        while (!stopped) {
            Message<?> message = requests.channel().receive(RECEIVE_MILLIS);
            if (message == null) {
                continue;
            }
            StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
            try (PartitionLeases.Lease lease = leases.hold(request.getStepExecutionId())) {
                run(request, out);
            } catch (Exception e) {
                // The partition's manager finds its lease free and fails the run; this worker goes on.
                LOG.error("{} could not be run", request, e);
                out.println("run of " + request + " failed: " + e.getMessage());
                out.flush();
            }
        }
    }

    /** Stops taking partitions; the one under way, if any, is finished first. */
    public void stop() {
        stopped = true;
    }

    private void run(StepExecutionRequest request, PrintStream out) {
        StepExecution recorded = jobRepository.getStepExecution(request.getStepExecutionId());
        if (recorded == null || recorded.getStatus() != BatchStatus.STARTING) {
            // A request of a run whose manager died, or one answered already: nothing to do.
            LOG.warn("skipped {}: its step execution is {}", request,
                    recorded == null ? "unknown" : recorded.getStatus());
            return;
        }
        long started = System.nanoTime();
        StepExecution done = handler.handle(request);
        if (done.getStatus().isUnsuccessful() && stillRunning(done)) {
            // Failed outside the step's own bookkeeping (StepExecutionRequestHandler leaves that to us).
            jobRepository.update(done);
        }
        String line = "run " + done.getJobExecutionId() + ", " + done.getStepName() + ": "
                + done.getStatus().name().toLowerCase(java.util.Locale.ROOT) + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms";
        out.println(line);
        out.flush();
        LOG.info(line);
    }

    private boolean stillRunning(StepExecution execution) {
        StepExecution stored = jobRepository.getStepExecution(execution.getId());
        return stored != null && stored.getStatus().isRunning();
    }
}
