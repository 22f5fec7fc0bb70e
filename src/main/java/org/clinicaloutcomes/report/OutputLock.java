package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per output folder (REPORTS.md): an operating-system lock on a lock file
 * beside the output folder. The operating system releases it when the process ends, so a run
 * killed with SIGKILL does not leave the folder locked.
 */
public final class OutputLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of an output folder: {@code .<name>.lock} beside it. */
    public static Path lockFile(Path output) {
        Path absolute = output.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock at once or refuses.
     *
     * @throws OutputBusyException when another run holds it
     */
    public static OutputLock acquire(Path output) throws OutputBusyException {
        Path file = lockFile(output);
        try {
            Files.createDirectories(file.getParent());
            OutputLock lock = tryLock(file);
            if (lock == null) {
                throw new OutputBusyException("another run is writing " + output.toAbsolutePath().normalize()
                        + "; wait for it to finish (lock " + file.getFileName() + ")");
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the output folder " + output, e);
        }
    }

    /**
     * An operating-system lock on {@code file} (created if need be), taken at once, or
     * {@code null} when another process (or this one) holds it.
     */
    public static OutputLock tryLock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        return new OutputLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the output lock", e);
        }
    }

    /** Another run is writing the same output folder. */
    public static final class OutputBusyException extends Exception {
        public OutputBusyException(String message) {
            super(message, null, false, false);
        }
    }
}
