package org.clinicaloutcomes.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only staging file whose committed length is kept in the step's execution context:
 * on a restart it is cut back to that length, so the rows of a chunk that never committed are
 * written once, not twice (the way Spring Batch's flat-file writer restarts).
 *
 * <p>Writes go to a plain byte buffer (one thread writes a file), which goes to the file when
 * full and when the length is committed.
 */
final class RestartableOutput implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final byte[] buffer = new byte[BUFFER];
    private int count;

    RestartableOutput(Path file, long committedLength) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(committedLength);
            channel.position(committedLength);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open staging file " + file, e);
        }
    }

    void write(byte[] bytes, int offset, int length) {
        if (length > BUFFER - count) {
            flushBuffer();
            if (length >= BUFFER) {
                writeFully(ByteBuffer.wrap(bytes, offset, length));
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    private void flushBuffer() {
        if (count > 0) {
            writeFully(ByteBuffer.wrap(buffer, 0, count));
            count = 0;
        }
    }

    private void writeFully(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write staging file " + file, e);
        }
    }

    /** Flushes and returns the length to record as committed. */
    long committedLength() {
        flushBuffer();
        try {
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush staging file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            flushBuffer();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close staging file " + file, e);
            }
        }
    }
}
