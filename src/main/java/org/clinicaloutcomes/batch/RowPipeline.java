package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.clinicaloutcomes.ingest.CsvRecordSource;
import org.clinicaloutcomes.ingest.RawRow;
import org.clinicaloutcomes.ingest.RowResult;

/**
 * Reads the rows of an input file on one thread and validates them on the others, in batches,
 * and hands the results back in file order: whoever consumes the batches sees exactly what a
 * single thread reading and validating row by row would have seen. Each batch carries the
 * position in the file after its last row, which is what a restart resumes from.
 *
 * <p>Validation must be safe to run on several threads at once (the validators read the
 * episodes and the configuration, and keep no state).
 */
final class RowPipeline<T> implements AutoCloseable {

    /** Rows per batch: a chunk is made of whole batches. */
    static final int BATCH_ROWS = 2_000;
    /** Fields per batch: a file of very wide rows (a header of a million columns) makes short batches. */
    static final int BATCH_FIELDS = 1 << 18;
    /**
     * Fields read but not yet handed to the consumer, at most: keeps the memory of the batches in
     * flight bounded whatever the width of the rows (an ordinary file never comes near it).
     */
    static final int FIELDS_IN_FLIGHT = 1 << 22;

    /**
     * One batch of validated rows, in file order.
     *
     * @param fields the fields its rows had, held against {@link #FIELDS_IN_FLIGHT} until it is taken
     */
    record Batch<T>(RowResult<T>[] results, int size, long position, long linesRead, int fields) {
    }

    private final CsvRecordSource source;
    private final Function<RawRow, RowResult<T>> validator;
    private final ExecutorService validators;
    private final BlockingQueue<Future<Batch<T>>> batches;
    private final Future<Batch<T>> end = CompletableFuture.completedFuture(null);
    private final Thread reader;
    private final Semaphore fieldsInFlight = new Semaphore(FIELDS_IN_FLIGHT);
    private volatile boolean closed;
    private boolean finished;

    /**
     * Starts reading at once.
     *
     * @param source    positioned at the first row to read; the pipeline closes it
     * @param validator applied to every row, on the validating threads
     * @param name      for the threads' names
     */
    RowPipeline(CsvRecordSource source, Function<RawRow, RowResult<T>> validator, String name) {
        this.source = source;
        this.validator = validator;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.validators = Executors.newFixedThreadPool(threads, daemonThreads(name + "-validate"));
        // Enough batches in flight to keep every thread busy while the consumer commits a chunk.
        this.batches = new ArrayBlockingQueue<>(4 * threads + 4);
        this.reader = daemonThreads(name + "-read").newThread(this::read);
        reader.start();
    }

    private void read() {
        try {
            while (!closed) {
                RawRow[] rows = new RawRow[BATCH_ROWS];
                int count = 0;
                long fields = 0;
                RawRow row = null;
                while (count < BATCH_ROWS && fields < BATCH_FIELDS && (row = source.next()) != null) {
                    rows[count++] = row;
                    fields += row.fields().length;
                }
                long position = source.position();
                long linesRead = source.linesRead();
                if (count > 0) {
                    int size = count;
                    int held = (int) Math.min(fields, FIELDS_IN_FLIGHT);
                    fieldsInFlight.acquire(held);
                    batches.put(validators.submit(() -> validate(rows, size, position, linesRead, held)));
                }
                if (row == null) {
                    batches.put(end);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        } catch (RuntimeException | Error e) {
            if (!closed) {
                try {
                    batches.put(CompletableFuture.failedFuture(e)); // the consumer fails at this point of the file
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Batch<T> validate(RawRow[] rows, int size, long position, long linesRead, int fields) {
        RowResult<T>[] results = new RowResult[size];
        for (int i = 0; i < size; i++) {
            results[i] = validator.apply(rows[i]);
            rows[i] = null;
        }
        return new Batch<>(results, size, position, linesRead, fields);
    }

    /** The next batch in file order, or null after the last one. */
    Batch<T> next() throws InterruptedException {
        if (finished) {
            return null;
        }
        Future<Batch<T>> future = batches.take();
        if (future == end) {
            finished = true;
            return null;
        }
        try {
            Batch<T> batch = future.get();
            fieldsInFlight.release(batch.fields());
            return batch;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        validators.shutdownNow();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            source.close();
        } catch (IOException e) {
            // Nothing was written through it.
        }
    }

    /** Closes a pipeline (if it was opened), then what it fed, even when closing the pipeline fails. */
    static void close(RowPipeline<?> pipeline, Runnable then) {
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            then.run();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
