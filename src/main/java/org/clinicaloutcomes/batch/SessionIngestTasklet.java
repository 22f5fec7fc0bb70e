package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

import org.clinicaloutcomes.ingest.CsvRecordSource;
import org.clinicaloutcomes.ingest.RawRow;
import org.clinicaloutcomes.ingest.RowResult;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.report.TestPause;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The sessions step: reads {@code sessions.csv}, checks every row (on all cores, through a
 * {@link RowPipeline}) and stages the results in file order, one chunk of rows per call, each
 * call committed with the position in the file after its last row and the lengths of the staging
 * files. A restart opens the file at the last committed position and cuts the staging files back
 * to their committed lengths, so it resumes exactly after the last committed chunk; rows read
 * ahead and checked by the other threads, but not committed, are simply read again.
 */
class SessionIngestTasklet implements Tasklet, ItemStream {

    private static final String POSITION = "sessions.reader.position";
    private static final String LINES = "sessions.reader.lines";

    private final Path file;
    private final Function<RawRow, RowResult<SessionRecord>> validator;
    private final SessionStaging staging;
    private final Progress progress;
    private final int chunkRows;
    private RowPipeline<SessionRecord> pipeline;
    private long position = -1;
    private long linesRead;

    SessionIngestTasklet(Path file, Function<RawRow, RowResult<SessionRecord>> validator,
                         SessionStaging staging, Progress progress, int chunkRows) {
        this.file = file;
        this.validator = validator;
        this.staging = staging;
        this.progress = progress;
        this.chunkRows = chunkRows;
    }

    @Override
    public void open(ExecutionContext context) {
        staging.open(context);
        CsvRecordSource source;
        try {
            if (context.containsKey(POSITION)) {
                position = context.getLong(POSITION);
                linesRead = context.getLong(LINES);
                source = new CsvRecordSource(file, position, linesRead).withContentHash();
            } else {
                source = new CsvRecordSource(file).withContentHash();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
        pipeline = new RowPipeline<>(source, validator, "sessions");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        TestPause.at(TestPause.SESSIONS_CHUNK);
        int rows = 0;
        while (rows < chunkRows) {
            RowPipeline.Batch<SessionRecord> batch = pipeline.next();
            if (batch == null) {
                return RepeatStatus.FINISHED;
            }
            int staged = staging.write(batch.results(), batch.size());
            StepCounts.rows(contribution, batch.size(), staged);
            progress.rows(batch.size());
            position = batch.position();
            linesRead = batch.linesRead();
            rows += batch.size();
        }
        return RepeatStatus.CONTINUABLE;
    }

    @Override
    public void update(ExecutionContext context) {
        staging.update(context);
        if (position >= 0) {
            context.putLong(POSITION, position);
            context.putLong(LINES, linesRead);
        }
    }

    @Override
    public void close() {
        RowPipeline.close(pipeline, staging::close);
        pipeline = null;
    }
}
