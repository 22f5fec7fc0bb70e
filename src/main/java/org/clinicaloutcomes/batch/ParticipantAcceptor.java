package org.clinicaloutcomes.batch;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.ingest.ExportRows;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.ingest.RowResult;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The first reading of a researcher's export (RESEARCH.md): a participant's first row that
 * passes the row rules makes it an episode; in {@code long}, a later row with a different
 * participant value is a reject ({@code conflicting participant value}), in {@code wide} a second
 * row is a {@code duplicate client_id}; rows at a wave not listed are counted as skipped. Used by
 * one thread, in file order; its rejects are staged where intake.csv's are.
 */
class ParticipantAcceptor extends EpisodeAcceptor<ExportRows.Participant> {

    private final ExportRows rows;
    /** True when no approaches are configured: the export's are taken in order of first appearance. */
    private final boolean openApproaches;
    private List<String> approaches;
    private long read;
    private long accepted;
    private long skipped;

    ParticipantAcceptor(WorkFolder work, ExportRows rows, boolean openApproaches) {
        super(work);
        this.rows = rows;
        this.openApproaches = openApproaches;
    }

    @Override
    public void open(ExecutionContext step) {
        super.open(step);
        approaches = new ArrayList<>();
        read = 0;
        accepted = 0;
        skipped = 0;
    }

    @Override
    public int write(RowResult<ExportRows.Participant>[] results, int size) {
        long before = accepted;
        read += size;
        RowResults.forEach(results, size, this::accept, this::reject);
        return (int) (accepted - before);
    }

    private void accept(ExportRows.Participant participant) {
        if (participant.skipped()) {
            skipped++;
            return;
        }
        IntakeRecord record = participant.record();
        int episode = registry.indexOf(record.clientId());
        if (episode < 0) {
            if (openApproaches) {
                record = record.withApproach(ExportRows.settleApproach(record.approach(), approaches));
            }
            registry.accept(record);
            accepted++;
            return;
        }
        String file = rows.layout().fileName();
        if (rows.layout().wide()) {
            reject(new Reject(file, record.line(), clientColumn(), Reject.DUPLICATE_CLIENT_ID));
            return;
        }
        String conflict = rows.conflict(registry.get(episode), record);
        if (conflict != null) {
            reject(new Reject(file, record.line(), conflict, Reject.CONFLICTING_PARTICIPANT_VALUE));
            return;
        }
        accepted++;
    }

    private String clientColumn() {
        return rows.layout().header().columnName(rows.layout().header().indexOf("client_id"));
    }

    @Override
    public long filtered() {
        return skipped;
    }

    /** The export's counts of this reading, and the approaches it named. */
    @Override
    void recordFacts(JobFacts facts) {
        facts.export(rows.layout().fileName());
        facts.counts(InputFileKind.INTAKE, new IngestCounts(read, accepted, rejected, 0, skipped));
        if (registry.size() > 0) {
            facts.intakeDays(0, 0);
        }
        if (openApproaches) {
            facts.exportApproaches(approaches);
        }
    }
}
