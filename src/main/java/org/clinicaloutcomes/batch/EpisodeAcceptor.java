package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.ingest.EpisodeRegistryFile;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.Reject;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the first ingest step's acceptors share, for intake.csv and for a researcher's export:
 * the episode registry they fill, the rejects they stage where intake.csv's are, and the staging
 * of the episodes for the later steps (and a restart). A restart reads the file again from the
 * start. Used by one thread, in file order.
 */
abstract class EpisodeAcceptor<T> implements WholeFileIngestTasklet.Acceptor<T> {

    private final WorkFolder work;
    EpisodeRegistry registry;
    private RestartableOutput rejects;
    long rejected;

    EpisodeAcceptor(WorkFolder work) {
        this.work = work;
    }

    @Override
    public void open(ExecutionContext step) {
        registry = new EpisodeRegistry();
        rejected = 0;
        rejects = new RestartableOutput(work.rejects(InputFileKind.INTAKE), 0);
    }

    void reject(Reject reject) {
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

    /** Stages the accepted episodes for the later steps; the caller then records its counts in {@code step}. */
    @Override
    public void finish(ExecutionContext step) {
        try {
            EpisodeRegistryFile.save(registry, work.episodes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the accepted episodes", e);
        }
        recordFacts(JobFacts.of(step));
    }

    /** Puts the step's counts and what the later steps need into its context (StepHandoffs). */
    abstract void recordFacts(JobFacts facts);
}
