package org.clinicaloutcomes.batch;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.ingest.SessionDeduplicator;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.ingest.SessionSpill;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Settles the duplicate rule for sessions one partition at a time (a partition holds whole
 * episodes, so memory is bounded by the partition, not the file), and leaves each partition's
 * surviving sessions in score order for the metric steps. It rewrites all its outputs, so a
 * restart simply runs it again.
 */
class DeduplicationTasklet implements Tasklet {

    static final String MAX_SESSION_DAY = "sessions.max.day";
    static final String MIN_SESSION_DAY = "sessions.min.day";

    private final WorkFolder work;
    private final int instrumentCount;
    private final JobRepository jobRepository;

    DeduplicationTasklet(WorkFolder work, int instrumentCount, JobRepository jobRepository) {
        this.work = work;
        this.instrumentCount = instrumentCount;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        int partitions = job.getInt(SessionStagingWriter.PARTITIONS);
        long duplicates = 0;
        long accepted = 0;
        int maxDay = Integer.MIN_VALUE;
        int minDay = Integer.MAX_VALUE;
        List<Reject> conflicting = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            List<SessionRecord> staged = SessionSpill.readAll(work.stagedSessions(p), instrumentCount);
            SessionDeduplicator.Result result = SessionDeduplicator.deduplicate(staged, InputFileKind.SESSIONS.fileName());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(work.sessions(p)), 1 << 16))) {
                for (SessionRecord session : result.accepted()) {
                    SessionSpill.write(out, session);
                    maxDay = Math.max(maxDay, session.day());
                    minDay = Math.min(minDay, session.day());
                }
            }
            accepted += result.accepted().size();
            duplicates += result.duplicates();
            conflicting.addAll(result.rejects());
        }
        conflicting.sort(Comparator.comparingLong(Reject::line));
        try (RestartableOutput out = new RestartableOutput(work.duplicateRejects(), 0)) {
            conflicting.forEach(reject -> RejectStage.write(out, reject));
        }
        long rowRejects = SessionStagingWriter.rowRejects(job);
        new IngestCounts(SessionStagingWriter.staged(job) + rowRejects, accepted,
                rowRejects + conflicting.size(), duplicates).store(job, InputFileKind.SESSIONS);
        if (accepted > 0) {
            job.putInt(MAX_SESSION_DAY, maxDay);
            job.putInt(MIN_SESSION_DAY, minDay);
        }
        contribution.incrementWriteCount(accepted);
        JobContext.save(jobRepository, chunkContext.getStepContext().getStepExecution());
        return RepeatStatus.FINISHED;
    }
}
