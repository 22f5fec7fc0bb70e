package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.ingest.StagedPartition;
import org.clinicaloutcomes.report.TestPause;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Settles the duplicate rule for sessions one partition at a time (a partition holds whole
 * episodes, so memory is bounded by the partition, not the file), and leaves each partition's
 * surviving sessions in score order for the metric steps. Partitions are independent, so they
 * are settled on all cores at once (one partition per core in memory); their results are added
 * up in partition order. It rewrites all its outputs, so a restart simply runs it again.
 */
class DeduplicationTasklet implements Tasklet {

    private final WorkFolder work;

    DeduplicationTasklet(WorkFolder work) {
        this.work = work;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobFacts staging = JobFacts.handedOn(chunkContext);
        int partitions = staging.partitions();
        int threads = Math.max(1, Math.min(partitions, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "duplicates");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<StagedPartition.Summary>> results = new ArrayList<>(partitions);
        try {
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                results.add(pool.submit(() -> StagedPartition.deduplicate(work.stagedSessions(partition),
                        work.sessions(partition), InputFileKind.SESSIONS.fileName())));
            }
            long duplicates = 0;
            long accepted = 0;
            int maxDay = Integer.MIN_VALUE;
            int minDay = Integer.MAX_VALUE;
            List<Reject> conflicting = new ArrayList<>();
            for (Future<StagedPartition.Summary> result : results) {
                StagedPartition.Summary summary = get(result);
                accepted += summary.accepted();
                duplicates += summary.duplicates();
                conflicting.addAll(summary.rejects());
                maxDay = Math.max(maxDay, summary.maxDay());
                minDay = Math.min(minDay, summary.minDay());
            }
            conflicting.sort(Comparator.comparingLong(Reject::line));
            try (RestartableOutput out = new RestartableOutput(work.duplicateRejects(), 0)) {
                conflicting.forEach(reject -> RejectStage.write(out, reject));
            }
            long rowRejects = staging.rowRejects();
            JobFacts facts = JobFacts.results(chunkContext);
            facts.counts(InputFileKind.SESSIONS, new IngestCounts(staging.staged() + rowRejects, accepted,
                    rowRejects + conflicting.size(), duplicates));
            if (accepted > 0) {
                facts.sessionDays(minDay, maxDay);
            }
            // Read: the staged rows; written: the sessions that stand; filtered: exact duplicates,
            // dropped by the rule; skipped: conflicting duplicates, which are rejects.
            StepCounts.read(contribution, staging.staged());
            contribution.incrementWriteCount(accepted);
            contribution.incrementFilterCount(duplicates);
            contribution.incrementProcessSkipCount(conflicting.size());
            TestPause.at(TestPause.DUPLICATES_DONE);
            return RepeatStatus.FINISHED;
        } finally {
            pool.shutdownNow();
        }
    }

    private static StagedPartition.Summary get(Future<StagedPartition.Summary> result) throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot deduplicate the staged sessions", io);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
