package org.clinicaloutcomes.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * An ingest step's tasklet, whichever reads the run's input: the pipeline's own files or a
 * researcher's export. One type for the step-scoped bean (its proxy is of this class, so it is
 * a stream of the step whatever it delegates to; not final, for that proxy).
 */
class IngestTasklet implements Tasklet, ItemStream {

    private final Tasklet tasklet;
    private final ItemStream stream;

    <T extends Tasklet & ItemStream> IngestTasklet(T delegate) {
        this.tasklet = delegate;
        this.stream = delegate;
    }

    static <T extends Tasklet & ItemStream> IngestTasklet of(T delegate) {
        return new IngestTasklet(delegate);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        return tasklet.execute(contribution, chunkContext);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        stream.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        stream.update(executionContext);
    }

    @Override
    public void close() {
        stream.close();
    }
}
