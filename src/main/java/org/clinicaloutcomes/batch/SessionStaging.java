package org.clinicaloutcomes.batch;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.ingest.RowResult;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.ingest.SessionSpill;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Stages the session rows that passed the row rules into partition files by episode, and their
 * rejects, recording the committed length of every file so that a restart resumes exactly after
 * the last committed chunk. Used by one thread, in file order.
 */
class SessionStaging {

    private static final String LENGTH = "sessions.staging.length.";
    private static final String REJECTS_LENGTH = "sessions.staging.rejects.length";

    private final WorkFolder work;
    private StagingLayout layout;
    private final byte[] record = new byte[SessionSpill.MAX_RECORD_BYTES];
    private RestartableOutput[] partitions;
    private RestartableOutput rejects;
    private long rejected;
    private long staged;

    /** @param layout which file each episode's sessions go to (a restart keeps the committed file count) */
    SessionStaging(WorkFolder work, StagingLayout layout) {
        this.work = work;
        this.layout = layout;
    }

    /** Opens the staging files, cut back to the lengths of the last commit (none on a first run). */
    void open(ExecutionContext context) {
        JobFacts committed = JobFacts.of(context);
        int count = committed.partitions(layout.files());
        if (count != layout.files()) {
            layout = layout.withFiles(count);
        }
        partitions = new RestartableOutput[count];
        for (int p = 0; p < count; p++) {
            partitions[p] = new RestartableOutput(work.stagedSessions(p), context.getLong(LENGTH + p, 0));
        }
        rejects = new RestartableOutput(work.rejects(InputFileKind.SESSIONS), context.getLong(REJECTS_LENGTH, 0));
        rejected = committed.rowRejects();
        staged = committed.staged();
        committed.staging(count, staged, rejected);
    }

    /** Takes a batch of checked rows in file order; returns how many were staged (the rest are rejects). */
    int write(RowResult<SessionRecord>[] results, int size) {
        long stagedBefore = staged;
        RowResults.forEach(results, size, this::stage, this::reject);
        return (int) (staged - stagedBefore);
    }

    void stage(SessionRecord session) {
        int length = SessionSpill.encode(session, record, 0);
        partitions[layout.fileOf(session.episode())].write(record, 0, length);
        staged++;
    }

    void reject(Reject reject) {
        RejectStage.write(rejects, reject);
        rejected++;
    }

    /**
     * Flushes every file and records what is committed with the chunk. The partition count and
     * the row counts are the step's results too (StepHandoffs): every row read is either staged or
     * rejected, across restarts too, whereas the step's own read count restarts at zero.
     */
    void update(ExecutionContext context) {
        JobFacts.of(context).staging(partitions.length, staged, rejected);
        for (int p = 0; p < partitions.length; p++) {
            context.putLong(LENGTH + p, partitions[p].committedLength());
        }
        context.putLong(REJECTS_LENGTH, rejects.committedLength());
    }

    void close() {
        if (partitions != null) {
            RestartableOutput[] open = partitions;
            partitions = null;
            for (RestartableOutput partition : open) {
                partition.close();
            }
            rejects.close();
        }
    }
}
