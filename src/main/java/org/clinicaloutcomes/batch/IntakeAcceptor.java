package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.ingest.EpisodeRegistryFile;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.ingest.RowResult;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Accepts validated intake rows into the episode registry (where the duplicate rule applies) and
 * stages rejects. The intake file is small next to the sessions file, so its step is not resumed
 * mid-file: a restart reads it again from the start. Used by one thread, in file order.
 */
class IntakeAcceptor implements WholeFileIngestTasklet.Acceptor<IntakeRecord> {

    private final WorkFolder work;
    private EpisodeRegistry registry;
    private RestartableOutput rejects;
    private long rejected;

    IntakeAcceptor(WorkFolder work) {
        this.work = work;
    }

    @Override
    public void open(ExecutionContext step) {
        registry = new EpisodeRegistry();
        rejected = 0;
        rejects = new RestartableOutput(work.rejects(InputFileKind.INTAKE), 0);
    }

    /** Takes a batch of checked rows in file order; returns how many became episodes (the rest are rejects). */
    @Override
    public int write(RowResult<IntakeRecord>[] results, int size) {
        long rejectedBefore = rejected;
        RowResults.forEach(results, size, this::accept, this::reject);
        return size - (int) (rejected - rejectedBefore);
    }

    /** A row that passed the row rules becomes an episode unless its client_id has one already. */
    private void accept(IntakeRecord record) {
        if (!registry.accept(record)) {
            reject(new Reject(InputFileKind.INTAKE.fileName(), record.line(), "client_id", Reject.DUPLICATE_CLIENT_ID));
        }
    }

    private void reject(Reject reject) {
        RejectStage.write(rejects, reject);
        rejected++;
    }

    @Override
    public void close() {
        if (rejects != null) {
            rejects.close();
            rejects = null;
        }
    }

    /**
     * Stages the accepted episodes for the later steps (and a restart) and puts the counts and
     * intake dates into the step's context, for the later steps (StepHandoffs).
     */
    @Override
    public void finish(ExecutionContext step) {
        try {
            EpisodeRegistryFile.save(registry, work.episodes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the accepted episodes", e);
        }
        JobFacts facts = JobFacts.of(step);
        facts.counts(InputFileKind.INTAKE, new IngestCounts(registry.size() + rejected, registry.size(), rejected, 0));
        if (registry.size() > 0) {
            java.util.IntSummaryStatistics days = registry.episodes().stream().mapToInt(IntakeRecord::intakeDay)
                    .summaryStatistics();
            facts.intakeDays(days.getMin(), days.getMax());
        }
    }
}
