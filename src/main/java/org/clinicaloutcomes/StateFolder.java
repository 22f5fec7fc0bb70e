package org.clinicaloutcomes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.clinicaloutcomes.ingest.RefusedFileException;
import org.clinicaloutcomes.report.OutputLock;
import org.clinicaloutcomes.report.ReportFolder;

/**
 * The state folder (README, "State that outlives a run"): the job repository, the staging files
 * of unfinished runs and the log. One run at a time holds it, through an operating-system lock on
 * {@code state.lock} inside it (released by the operating system when the process ends, SIGKILL
 * included), so that two runs never share the job repository and no run's history is lost.
 *
 * <p>Everything here happens before Spring and the logging system start, so that a state folder
 * that cannot be used is reported in one line, without the logging system's own complaints.
 */
final class StateFolder implements AutoCloseable {

    /** The Spring property that names the state folder (application.properties). */
    static final String PROPERTY = "clinical-outcomes.state-dir";
    static final String ENVIRONMENT_VARIABLE = "CLINICAL_OUTCOMES_STATE_DIR";
    private static final String DEFAULT = ".clinical-outcomes";
    private static final String LOCK_FILE = "state.lock";
    /**
     * Below this much free space a run would fill the disk while it starts (the job repository
     * and the log): refused up front, so the failure is one line rather than the logging
     * system's.
     */
    private static final long MINIMUM_FREE_SPACE = 16L << 20;
    private static final String CHOOSE_ANOTHER = "; set " + ENVIRONMENT_VARIABLE + " to use another state folder";

    private final Path root;
    private final OutputLock lock;

    private StateFolder(Path root, OutputLock lock) {
        this.root = root;
        this.lock = lock;
    }

    /**
     * Where the state folder is, absolute: the Spring property when given (tests), else the
     * environment variable, else {@code .clinical-outcomes} in the working folder.
     */
    static Path locate(Map<String, Object> springProperties) {
        Object property = springProperties.get(PROPERTY);
        String location = property != null ? property.toString()
                : System.getProperty(PROPERTY, System.getenv(ENVIRONMENT_VARIABLE));
        if (location == null || location.isBlank()) {
            location = DEFAULT;
        }
        return Path.of(location).toAbsolutePath().normalize();
    }

    /**
     * Creates the state folder if need be, checks that it can be written, and takes its lock.
     *
     * @throws RefusedFileException with one line for the user when it cannot be used
     */
    static StateFolder open(Path root) throws RefusedFileException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new RefusedFileException("the state folder " + root + " is a file, not a folder" + CHOOSE_ANOTHER);
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new RefusedFileException("cannot create the state folder " + root + " (" + reason(e) + ")" + CHOOSE_ANOTHER);
        }
        // A lock file can be opened on a read-only folder when it exists already: a real write
        // of a few bytes tells a read-only or full disk from a usable one.
        IOException unwritable = writeProbe(root);
        if (unwritable != null) {
            throw new RefusedFileException("cannot write to the state folder " + root + " (" + reason(unwritable) + ")"
                    + CHOOSE_ANOTHER);
        }
        long free = usableSpace(root);
        if (free >= 0 && free < MINIMUM_FREE_SPACE) {
            throw new RefusedFileException("the disk of the state folder " + root + " is full (" + (free >> 20)
                    + " MiB free; a run needs at least " + (MINIMUM_FREE_SPACE >> 20)
                    + " MiB there, and more for the staging files of a large sessions.csv)" + CHOOSE_ANOTHER);
        }
        OutputLock lock;
        try {
            lock = OutputLock.tryLock(root.resolve(LOCK_FILE));
        } catch (IOException e) {
            throw new RefusedFileException("cannot lock the state folder " + root + " (" + reason(e) + ")" + CHOOSE_ANOTHER);
        }
        if (lock == null) {
            throw new RefusedFileException("the state folder " + root + " is in use by another run; wait for it to finish"
                    + CHOOSE_ANOTHER);
        }
        return new StateFolder(root, lock);
    }

    Path root() {
        return root;
    }

    /** The job repository's files (application.properties: {@code repository/jobs}). */
    Path repository() {
        return root.resolve("repository");
    }

    /**
     * Why the state folder may not serve a run writing {@code output}, or {@code null}: publishing
     * replaces the output folder as a whole, so the state folder may not be, or lie inside, it.
     * Without {@code --output} the report goes to a folder {@code reports/<label>} (REPORTS.md)
     * that is not known yet, so the state folder may lie in none of those.
     *
     * @param output the output folder given, or {@code null} for the default one
     */
    static String refusalFor(Path root, Path output) {
        if (output != null) {
            Path folder = output.toAbsolutePath().normalize();
            return root.startsWith(folder) ? "the state folder " + root + " is inside the output folder " + folder
                    + ", which the report replaces" + CHOOSE_ANOTHER + ", or give another --output" : null;
        }
        Path reports = Path.of(ReportFolder.DEFAULT_PARENT).toAbsolutePath().normalize();
        if (root.startsWith(reports) && root.getNameCount() > reports.getNameCount()
                && !root.getName(reports.getNameCount()).toString().startsWith(".")) {
            return "the state folder " + root + " is inside " + reports.resolve(root.getName(reports.getNameCount()))
                    + ", where reports are written and replaced" + CHOOSE_ANOTHER + ", or give --output";
        }
        return null;
    }

    /**
     * Whether the state folder's disk takes a write now: after a failure, this tells a full or
     * read-only state folder from other causes.
     */
    boolean writable() {
        return writeProbe(root) == null;
    }

    /** Writes and deletes a small file: {@code null} when that worked, else the failure. */
    private static IOException writeProbe(Path root) {
        Path probe = root.resolve(".write-check-" + ProcessHandle.current().pid());
        try {
            Files.write(probe, new byte[4096]);
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // Nothing was written, or the folder refuses deletions too: the failure says why.
            }
            return e;
        }
    }

    /** Free bytes on the state folder's disk, or −1 when the file system does not say. */
    private static long usableSpace(Path root) {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A short reason for an I/O failure, without a stack trace: the file system's own words. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied or read-only";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (UncheckedIOException ignored) {
            // The operating system releases the lock when the process ends anyway.
        }
    }
}
