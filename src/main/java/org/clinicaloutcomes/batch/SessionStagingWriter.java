package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.RowResult;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.ingest.SessionSpill;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Stages the session rows that passed the row rules into partition files by episode, and their
 * rejects, recording the committed length of every file so that a restart resumes exactly after
 * the last committed chunk.
 */
class SessionStagingWriter implements ItemStreamWriter<RowResult<SessionRecord>>, StepExecutionListener {

    static final String PARTITIONS = "sessions.partitions";
    private static final String REJECTED = "sessions.staging.rejected";
    private static final String STAGED = "sessions.staging.staged";
    private static final String LENGTH = "sessions.staging.length.";
    private static final String REJECTS_LENGTH = "sessions.staging.rejects.length";

    private final WorkFolder work;
    private final int requestedPartitions;
    private final long episodes;
    private final JobRepository jobRepository;
    private RestartableOutput[] partitions;
    private RestartableOutput rejects;
    private long rejected;
    private long staged;

    /**
     * @param partitions how many partitions to stage into
     * @param episodes   accepted episodes; partition p holds a contiguous range of episode
     *                   indexes, so that reading the partitions in order visits episodes in order
     */
    SessionStagingWriter(WorkFolder work, int partitions, long episodes, JobRepository jobRepository) {
        this.work = work;
        this.jobRepository = jobRepository;
        this.requestedPartitions = partitions;
        this.episodes = Math.max(1, episodes);
    }

    static int partitionOf(int episode, int partitions, long episodes) {
        return (int) ((long) episode * partitions / Math.max(1, episodes));
    }

    @Override
    public void open(ExecutionContext context) {
        int count = context.containsKey(PARTITIONS) ? context.getInt(PARTITIONS) : requestedPartitions;
        context.putInt(PARTITIONS, count);
        partitions = new RestartableOutput[count];
        for (int p = 0; p < count; p++) {
            partitions[p] = new RestartableOutput(work.stagedSessions(p), context.getLong(LENGTH + p, 0));
        }
        rejects = new RestartableOutput(work.rejects(InputFileKind.SESSIONS), context.getLong(REJECTS_LENGTH, 0));
        rejected = context.getLong(REJECTED, 0);
        staged = context.getLong(STAGED, 0);
    }

    @Override
    public void write(Chunk<? extends RowResult<SessionRecord>> chunk) {
        try {
            for (RowResult<SessionRecord> result : chunk) {
                if (result instanceof RowResult.Accepted<SessionRecord> accepted) {
                    SessionRecord record = accepted.record();
                    SessionSpill.write(partitions[partitionOf(record.episode(), partitions.length, episodes)].data(), record);
                    staged++;
                } else if (result instanceof RowResult.Rejected<SessionRecord> rejectedRow) {
                    RejectStage.write(rejects, rejectedRow.reject());
                    rejected++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage sessions", e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(PARTITIONS, partitions.length);
        for (int p = 0; p < partitions.length; p++) {
            context.putLong(LENGTH + p, partitions[p].committedLength());
        }
        context.putLong(REJECTS_LENGTH, rejects.committedLength());
        context.putLong(REJECTED, rejected);
        context.putLong(STAGED, staged);
    }

    @Override
    public void close() {
        if (partitions != null) {
            for (RestartableOutput partition : partitions) {
                partition.close();
            }
            rejects.close();
            partitions = null;
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
        ExecutionContext step = stepExecution.getExecutionContext();
        job.putInt(PARTITIONS, step.getInt(PARTITIONS, requestedPartitions));
        // Every row read is either staged or rejected, across restarts too (both counts are committed
        // with each chunk), whereas the step's own read count restarts at zero on a restart.
        job.putLong(STAGED, step.getLong(STAGED, 0));
        job.putLong(REJECTED, step.getLong(REJECTED, 0));
        JobContext.save(jobRepository, stepExecution);
        return null;
    }

    static long rowRejects(ExecutionContext job) {
        return job.getLong(REJECTED, 0);
    }

    static long staged(ExecutionContext job) {
        return job.getLong(STAGED, 0);
    }
}
