package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

import org.clinicaloutcomes.ingest.CsvRecordSource;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.RawRow;
import org.clinicaloutcomes.ingest.RowResult;
import org.clinicaloutcomes.report.TestPause;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The intake step: reads {@code intake.csv} whole, checks the rows on all cores (through a
 * {@link RowPipeline}) and accepts them in file order, in one call. It is not resumed mid-file:
 * a restart reads the file again from the start.
 */
class IntakeIngestTasklet implements Tasklet, ItemStream {

    private final Path file;
    private final Function<RawRow, RowResult<IntakeRecord>> validator;
    private final IntakeAcceptor writer;
    private final Progress progress;
    private RowPipeline<IntakeRecord> pipeline;

    IntakeIngestTasklet(Path file, Function<RawRow, RowResult<IntakeRecord>> validator, IntakeAcceptor writer,
                        Progress progress) {
        this.file = file;
        this.validator = validator;
        this.writer = writer;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        writer.open();
        try {
            pipeline = new RowPipeline<>(new CsvRecordSource(file), validator, "intake");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        RowPipeline.Batch<IntakeRecord> batch;
        while ((batch = pipeline.next()) != null) {
            int accepted = writer.write(batch.results(), batch.size());
            StepCounts.rows(contribution, batch.size(), accepted);
            progress.rows(batch.size());
        }
        // Inside the step's only chunk, so committed with it before the step is recorded complete.
        writer.finish(chunkContext.getStepContext().getStepExecution().getExecutionContext());
        TestPause.at(TestPause.INTAKE_STAGED);
        return RepeatStatus.FINISHED;
    }

    @Override
    public void close() {
        RowPipeline.close(pipeline, writer::close);
        pipeline = null;
    }
}
