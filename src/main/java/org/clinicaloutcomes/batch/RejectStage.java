package org.clinicaloutcomes.batch;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.clinicaloutcomes.ingest.Reject;

/**
 * Reject records staged between steps, one per line, tab-separated (names and reasons only:
 * never a value), read back as a stream so that any number of rejects fits in flat memory.
 */
final class RejectStage implements Iterator<Reject>, Closeable {

    private final BufferedReader reader;
    private Reject next;

    private RejectStage(Path file) {
        try {
            this.reader = Files.exists(file) ? Files.newBufferedReader(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged rejects " + file, e);
        }
        advance();
    }

    static RejectStage open(Path file) {
        return new RejectStage(file);
    }

    static void write(RestartableOutput out, Reject reject) {
        String line = reject.file() + '\t' + reject.line() + '\t' + clean(reject.column()) + '\t' + reject.reason() + '\n';
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    private static String clean(String column) {
        return column.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private void advance() {
        next = null;
        if (reader == null) {
            return;
        }
        try {
            String line = reader.readLine();
            if (line != null) {
                String[] parts = line.split("\t", -1);
                next = new Reject(parts[0], Long.parseLong(parts[1]), parts[2], parts[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public Reject next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        Reject current = next;
        advance();
        return current;
    }

    /** Merges two streams that are each in line order into one in line order. */
    static Iterator<Reject> mergeByLine(Iterator<Reject> first, Iterator<Reject> second) {
        return new Iterator<>() {
            private Reject a = first.hasNext() ? first.next() : null;
            private Reject b = second.hasNext() ? second.next() : null;

            @Override
            public boolean hasNext() {
                return a != null || b != null;
            }

            @Override
            public Reject next() {
                Reject result;
                if (b == null || (a != null && a.line() <= b.line())) {
                    result = a;
                    a = first.hasNext() ? first.next() : null;
                } else {
                    result = b;
                    b = second.hasNext() ? second.next() : null;
                }
                if (result == null) {
                    throw new NoSuchElementException();
                }
                return result;
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
