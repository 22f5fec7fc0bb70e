package org.clinicaloutcomes;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Failures that come from the state folder rather than from the data or the program: a job
 * repository that cannot be opened (damaged, emptied, or another program's files) and a full or
 * read-only disk. Each is told in one line that names the folder and says what to do, instead of
 * the framework's chain of wrapped exceptions.
 */
final class StateFailures {

    private static final String NO_SPACE = "No space left on device";
    private static final String READ_ONLY = "Read-only file system";

    private StateFailures() {
    }

    /**
     * One line for the user when the failure is the state folder's (its disk cannot be written, or
     * its job repository cannot be used): which folder or file, what is wrong, and what to do.
     * Empty when the failure has another cause.
     */
    static Optional<String> describe(Throwable failure, StateFolder state) {
        return describe(failure, state, null);
    }

    /**
     * As {@link #describe(Throwable, StateFolder)}, for a run whose job repository is the shared
     * database at {@code jobRepository} ({@code --job-repository}; null: the state folder's).
     */
    static Optional<String> describe(Throwable failure, StateFolder state, String jobRepository) {
        // Libraries do not always keep the operating system's reason in their exceptions (POI
        // does not), so a write to the state folder now is the test that tells.
        if (!state.writable()) {
            String disk = diskProblem(failure);
            return Optional.of("the state folder " + state.root() + " cannot be written ("
                    + (disk != null ? disk : "its disk is full or read-only") + "); free space there, or set "
                    + StateFolder.ENVIRONMENT_VARIABLE + " to use another state folder");
        }
        if (jobRepository != null) {
            return describeSharedRepository(failure, jobRepository);
        }
        Throwable repository = repositoryProblem(failure);
        if (repository != null) {
            return Optional.of("the job repository " + state.repository().resolve("jobs.*") + " cannot be used ("
                    + firstLine(repository) + "); it may be damaged: move the folder " + state.repository()
                    + " aside and run again (only what --restart needs is lost)");
        }
        return Optional.empty();
    }

    /** One line for the user when the failure is the shared job repository's ({@code --job-repository}). */
    static Optional<String> describeSharedRepository(Throwable failure, String jobRepository) {
        Throwable repository = repositoryProblem(failure);
        if (repository == null) {
            return Optional.empty();
        }
        return Optional.of("the job repository " + jobRepository + " cannot be used (" + firstLine(repository)
                + "); check that the PostgreSQL server is running and that the user in "
                + JobRepositoryDatabase.USER + " may use that database");
    }

    private static String diskProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains(NO_SPACE)) {
                return "no space left on the device";
            }
            if (message != null && message.contains(READ_ONLY)) {
                return "read-only file system";
            }
        }
        return null;
    }

    /** The innermost cause that comes from the database: HSQLDB's own, or a JDBC failure. */
    private static Throwable repositoryProblem(Throwable failure) {
        Throwable found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause.getClass().getName().startsWith("org.hsqldb.")) {
                found = cause;
            }
        }
        return found;
    }

    private static String firstLine(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
