package org.clinicaloutcomes.batch;

import java.util.HashMap;
import java.util.Map;

import org.clinicaloutcomes.ingest.ExportRows;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.ingest.RowResult;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The second reading of a researcher's export (RESEARCH.md): stages the assessments of the rows
 * that stand as sessions (day = the wave's position), with the rejects of their bad score cells,
 * and settles the duplicate rule of {@code long} — a second row of a participant at a wave is an
 * exact duplicate (dropped, counted) or a {@code conflicting duplicate} (one reject, none for its
 * cells). It keeps one entry per participant and wave, which is what the rule needs; then it
 * completes the export's counts. Used by one thread, in file order.
 */
class AssessmentStaging implements WholeFileIngestTasklet.Acceptor<ExportRows.Assessments> {

    private final SessionStaging staging;
    private final String fileName;
    private final int waves;
    private final int instruments;
    /** The export's counts after the first reading. */
    private final IngestCounts participants;
    private Map<Long, long[]> seen;
    private long[] cellsRead;
    private long[] cellsRejected;
    private long duplicates;
    private long conflicting;
    private long settled;

    AssessmentStaging(SessionStaging staging, String fileName, int waves, int instruments, IngestCounts participants) {
        this.staging = staging;
        this.fileName = fileName;
        this.waves = waves;
        this.instruments = instruments;
        this.participants = participants;
    }

    @Override
    public void open(ExecutionContext step) {
        staging.open(new ExecutionContext());
        seen = new HashMap<>();
        cellsRead = new long[instruments];
        cellsRejected = new long[instruments];
        duplicates = 0;
        conflicting = 0;
        settled = 0;
    }

    @Override
    public int write(RowResult<ExportRows.Assessments>[] results, int size) {
        int passed = 0;
        for (int i = 0; i < size; i++) {
            if (!(results[i] instanceof RowResult.Accepted<ExportRows.Assessments> accepted)
                    || accepted.record().settled()) {
                settled++;
            } else if (take(accepted.record())) {
                passed++;
            }
        }
        return passed;
    }

    /** The rows the first reading settled (rejected or skipped) and the exact duplicates. */
    @Override
    public long filtered() {
        return settled + duplicates;
    }

    /** Stages a row's assessments unless it is a duplicate; true when staged. */
    private boolean take(ExportRows.Assessments row) {
        if (row.wave() >= 0) {
            long key = (long) row.episode() * waves + row.wave();
            long[] first = seen.putIfAbsent(key, row.hash());
            if (first != null) {
                if (first[0] == row.hash()[0] && first[1] == row.hash()[1]) {
                    duplicates++;
                } else {
                    staging.reject(new Reject(fileName, row.line(), "", Reject.CONFLICTING_DUPLICATE));
                    conflicting++;
                }
                return false;
            }
        }
        for (SessionRecord session : row.sessions()) {
            staging.stage(session);
        }
        row.cellRejects().forEach(staging::reject);
        for (int i = 0; i < instruments; i++) {
            cellsRead[i] += row.cellsRead()[i];
            cellsRejected[i] += row.cellsRejected()[i];
        }
        return true;
    }

    @Override
    public void finish(ExecutionContext step) {
        staging.update(step);
        JobFacts facts = JobFacts.of(step);
        facts.counts(InputFileKind.INTAKE, new IngestCounts(participants.read(),
                participants.accepted() - duplicates - conflicting, participants.rejected() + conflicting, duplicates,
                participants.skipped()));
        facts.scoreCells(cellsRead, cellsRejected);
    }

    @Override
    public void close() {
        staging.close();
    }
}
