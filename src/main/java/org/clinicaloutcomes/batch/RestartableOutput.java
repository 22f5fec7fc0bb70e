package org.clinicaloutcomes.batch;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only staging file whose committed length is kept in the step's execution context:
 * on a restart it is cut back to that length, so the rows of a chunk that never committed are
 * written once, not twice (the way Spring Batch's flat-file writer restarts).
 */
final class RestartableOutput implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final DataOutputStream out;

    RestartableOutput(Path file, long committedLength) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(committedLength);
            channel.position(committedLength);
            this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open staging file " + file, e);
        }
    }

    DataOutputStream data() {
        return out;
    }

    /** Flushes and returns the length to record as committed. */
    long committedLength() {
        try {
            out.flush();
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush staging file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close staging file " + file, e);
        }
    }
}
