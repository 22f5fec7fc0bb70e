package org.clinicaloutcomes.batch;

import java.nio.file.Path;

import org.clinicaloutcomes.ingest.CsvRecordSource;
import org.clinicaloutcomes.ingest.RawRow;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the data rows of one input file. Rows are only parsed here, never validated, so that a
 * restart can skip the rows of committed chunks by re-reading them (NOTES: "Could not move to
 * stored position").
 */
class CsvRowReader extends AbstractItemCountingItemStreamItemReader<RawRow> {

    private final Path file;
    private final Progress progress;
    private CsvRecordSource source;

    CsvRowReader(Path file, String name, boolean restartable, Progress progress) {
        this.file = file;
        this.progress = progress;
        setName(name);
        setSaveState(restartable);
    }

    @Override
    protected void doOpen() throws Exception {
        source = new CsvRecordSource(file);
    }

    @Override
    protected RawRow doRead() {
        RawRow row = source.next();
        if (row != null) {
            progress.row();
        }
        return row;
    }

    @Override
    protected void doClose() throws Exception {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
