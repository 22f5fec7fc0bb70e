package org.clinicaloutcomes.batch;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.core.MessagingTemplate;

/**
 * The manager's side of remote partitioning (issue 19): Spring Batch's
 * {@link MessageChannelPartitionHandler}, which sends one request per partition through the
 * {@link PartitionRequests} channel and waits for the workers' step executions in the job
 * repository, with a watch for workers that die. A partition recorded STARTED whose worker's
 * lease is free ({@link PartitionLeases}) is recorded FAILED, so the wait ends and the run fails
 * cleanly, saying which partition was lost; {@code --restart} then runs every partition again.
 * A partition that no worker has taken yet just waits for one.
 */
final class RemotePartitionHandler extends MessageChannelPartitionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RemotePartitionHandler.class);
    /** How often the repository is read for finished partitions, and the leases for lost ones. */
    static final long POLL_MILLIS = 250;
    private static final String LOST = "its worker stopped before it finished";

    private final JobRepository jobRepository;
    private final PartitionLeases leases;

    RemotePartitionHandler(JobRepository jobRepository, PartitionRequests requests, PartitionLeases leases,
                           String workerStepName) {
        this.jobRepository = jobRepository;
        this.leases = leases;
        MessagingTemplate template = new MessagingTemplate(requests.channel());
        setMessagingOperations(template);
        setJobRepository(jobRepository);
        setStepName(workerStepName);
        setPollInterval(POLL_MILLIS);
        try {
            afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the remote partitions", e);
        }
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        // The workers read what the earlier steps handed on from the job's saved context: saved
        // now, as a restart may hold some of it only in memory (StepHandoffs#beforeJob).
        jobRepository.updateExecutionContext(manager.getJobExecution());
        SortedSet<String> lost = new ConcurrentSkipListSet<>();
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "partition-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(() -> recordLost(partitions, lost), POLL_MILLIS, POLL_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.info("analysis: {} sent to the workers", names(partitions));
        Set<StepExecution> finished;
        try {
            finished = super.doHandle(manager, partitions);
        } finally {
            watch.shutdownNow();
            watch.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (!lost.isEmpty()) {
            throw new IllegalStateException("analysis " + String.join(", ", lost) + ": " + LOST
                    + "; start the workers again and resume the run with --restart");
        }
        return finished;
    }

    /** Records FAILED every started partition whose worker is gone. */
    private void recordLost(Set<StepExecution> partitions, SortedSet<String> lost) {
        try {
            for (StepExecution partition : partitions) {
                StepExecution now = jobRepository.getStepExecution(partition.getId());
                if (now == null || now.getStatus() != BatchStatus.STARTED) {
                    continue;
                }
                boolean gone = leases.lost(partition.getId(), () -> {
                    StepExecution again = jobRepository.getStepExecution(partition.getId());
                    if (again == null || again.getStatus() != BatchStatus.STARTED) {
                        return false;
                    }
                    again.setStatus(BatchStatus.FAILED);
                    again.setExitStatus(ExitStatus.FAILED.addExitDescription(LOST));
                    again.setEndTime(LocalDateTime.now());
                    jobRepository.update(again);
                    return true;
                });
                if (gone) {
                    String name = partitionName(partition);
                    lost.add(name);
                    LOG.warn("analysis {}: {}", name, LOST);
                }
            }
        } catch (Exception e) {
            // The wait goes on; the next round looks again.
            LOG.warn("could not check the remote partitions' workers: {}", e.toString());
        }
    }

    /** {@code partition3} of the step execution {@code analysis.partition:partition3}. */
    private static String partitionName(StepExecution partition) {
        String name = partition.getStepName();
        return name.substring(name.indexOf(':') + 1);
    }

    /** The partitions' names, for the log. */
    private static String names(Set<StepExecution> partitions) {
        return partitions.stream().map(RemotePartitionHandler::partitionName)
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
