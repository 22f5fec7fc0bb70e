package org.clinicaloutcomes.batch;


import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.ingest.RowResult;

/**
 * Accepts validated intake rows into the episode registry (where the duplicate rule applies) and
 * stages rejects. The intake file is small next to the sessions file, so its step is not resumed
 * mid-file: a restart reads it again from the start. Used by one thread, in file order.
 */
class IntakeAcceptor extends EpisodeAcceptor<IntakeRecord> {

    IntakeAcceptor(WorkFolder work) {
        super(work);
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

    /** The counts and intake dates, for the later steps. */
    @Override
    void recordFacts(JobFacts facts) {
        facts.counts(InputFileKind.INTAKE, new IngestCounts(registry.size() + rejected, registry.size(), rejected, 0));
        if (registry.size() > 0) {
            java.util.IntSummaryStatistics days = registry.episodes().stream().mapToInt(IntakeRecord::intakeDay)
                    .summaryStatistics();
            facts.intakeDays(days.getMin(), days.getMax());
        }
    }
}
