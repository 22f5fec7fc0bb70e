package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

import org.clinicaloutcomes.ingest.CsvRecordSource;
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
 * An ingest step that reads its file whole, checks the rows on all cores (through a
 * {@link RowPipeline}) and hands them to its acceptor in file order, in one call: the intake step
 * (intake.csv), and both readings of a researcher's export. It is not resumed mid-file: a
 * restart reads the file again from the start.
 */
class WholeFileIngestTasklet<T> implements Tasklet, ItemStream {

    /** Takes the checked rows of the file in order, on one thread. */
    interface Acceptor<T> {

        /** Before the first row (again on a restart). */
        void open(ExecutionContext step);

        /** Takes a batch of checked rows in file order; returns how many passed. */
        int write(RowResult<T>[] results, int size);

        /**
         * Rows taken so far that neither passed nor were rejected (an export's rows at a wave not
         * listed; in its second reading also the rows its first settled, and exact duplicates):
         * the step counts them as filtered.
         */
        default long filtered() {
            return 0;
        }

        /** After the last row, inside the step's only chunk: records the step's results. */
        void finish(ExecutionContext step);

        void close();
    }

    /** Opens the file for reading. */
    interface Opener {
        CsvRecordSource open() throws IOException;
    }

    private final Opener file;
    private final String name;
    private final Function<RawRow, RowResult<T>> validator;
    private final Acceptor<T> writer;
    private final Progress progress;
    private final String pause;
    private RowPipeline<T> pipeline;

    WholeFileIngestTasklet(Opener file, String name, Function<RawRow, RowResult<T>> validator, Acceptor<T> writer,
                           Progress progress, String pause) {
        this.file = file;
        this.name = name;
        this.validator = validator;
        this.writer = writer;
        this.progress = progress;
        this.pause = pause;
    }

    @Override
    public void open(ExecutionContext context) {
        writer.open(context);
        try {
            pipeline = new RowPipeline<>(file.open(), validator, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        RowPipeline.Batch<T> batch;
        while ((batch = pipeline.next()) != null) {
            long filteredBefore = writer.filtered();
            int accepted = writer.write(batch.results(), batch.size());
            StepCounts.rows(contribution, batch.size(), accepted, writer.filtered() - filteredBefore);
            progress.rows(batch.size());
        }
        // Inside the step's only chunk, so committed with it before the step is recorded complete.
        writer.finish(chunkContext.getStepContext().getStepExecution().getExecutionContext());
        if (pause != null) {
            TestPause.at(pause);
        }
        return RepeatStatus.FINISHED;
    }

    @Override
    public void close() {
        RowPipeline.close(pipeline, writer::close);
        pipeline = null;
    }
}
