package org.clinicaloutcomes.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

/**
 * Tells a manager whether the worker of a started partition is still alive (issue 19): a worker
 * holds a PostgreSQL advisory lock on the partition's step execution from before it starts the
 * step until its end is recorded, on a connection of its own. PostgreSQL releases the lock when
 * that connection ends, so when the worker's process dies (SIGKILL, a crash, its machine gone
 * once TCP gives up) the lock is free while the repository still says STARTED: the partition
 * is lost. No clock and no heartbeat is involved.
 *
 * <p>The key is this application's class id and the step execution id's low 32 bits; the job
 * repository's database is the application's own.
 */
final class PartitionLeases {

    /** "CoOu": the first half of every advisory lock key of this application. */
    private static final int CLASS_ID = 0x436F4F75;

    private final DataSource dataSource;

    PartitionLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lease: closing it releases the lock and its connection. */
    interface Lease extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /** Takes the lease of a partition's step execution, waiting while another process holds it. */
    Lease hold(long stepExecutionId) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                statement.setInt(1, CLASS_ID);
                statement.setInt(2, (int) stepExecutionId);
                statement.execute();
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return () -> {
            try (connection) {
                call(connection, "SELECT pg_advisory_unlock(?, ?)", stepExecutionId);
            }
        };
    }

    /**
     * Whether the partition is lost: nobody holds its lease, and then, with the lease held by
     * this call, {@code stillStarted} says the repository records it started (its worker began it
     * and ended without recording its end). Checked in that order, a partition whose worker has
     * just recorded its end is never taken for lost.
     */
    boolean lost(long stepExecutionId, BooleanSupplier stillStarted) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(?, ?)", stepExecutionId)) {
                return false;
            }
            try {
                return stillStarted.getAsBoolean();
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?, ?)", stepExecutionId);
            }
        }
    }

    private static boolean call(Connection connection, String sql, long stepExecutionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, CLASS_ID);
            statement.setInt(2, (int) stepExecutionId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
