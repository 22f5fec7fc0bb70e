package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of one test's own (issue 19), on the server that
 * {@code CLINICAL_OUTCOMES_TEST_POSTGRES_URL} names (a JDBC URL of a database the user
 * {@code CLINICAL_OUTCOMES_TEST_POSTGRES_USER} may create databases from), which {@code .ci/run}
 * sets after starting a throwaway cluster on a loopback port ({@code .ci/postgres}). Without the
 * variables the test is skipped, unless {@code CLINICAL_OUTCOMES_REQUIRE_POSTGRES} is set (CI),
 * when it fails.
 */
final class TestDatabase implements AutoCloseable {

    private final String server;
    private final String user;
    private final String name;

    private TestDatabase(String server, String user, String name) {
        this.server = server;
        this.user = user;
        this.name = name;
    }

    /** Creates a new, empty database; skips the test when no server is given. */
    static TestDatabase create() throws Exception {
        String server = System.getenv("CLINICAL_OUTCOMES_TEST_POSTGRES_URL");
        String user = System.getenv("CLINICAL_OUTCOMES_TEST_POSTGRES_USER");
        boolean required = System.getenv("CLINICAL_OUTCOMES_REQUIRE_POSTGRES") != null;
        if (server == null || user == null) {
            assertThat(required).as("CLINICAL_OUTCOMES_REQUIRE_POSTGRES is set, but no PostgreSQL server was given "
                    + "(CLINICAL_OUTCOMES_TEST_POSTGRES_URL, CLINICAL_OUTCOMES_TEST_POSTGRES_USER; .ci/postgres starts one)")
                    .isFalse();
            Assumptions.abort("no PostgreSQL server given (CLINICAL_OUTCOMES_TEST_POSTGRES_URL)");
        }
        TestDatabase database = new TestDatabase(server, user, "it_" + Long.toHexString(System.nanoTime()));
        database.execute(server, "CREATE DATABASE " + database.name);
        return database;
    }

    /** The database's JDBC URL, for {@code --job-repository}. */
    String url() {
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    /** The environment of a run on this database: its user, and {@code password} (trust authentication takes any). */
    Map<String, String> credentials(String password) {
        return Map.of("CLINICAL_OUTCOMES_DB_USER", user, "CLINICAL_OUTCOMES_DB_PASSWORD", password);
    }

    /** The first column of every row {@code sql} gives. */
    List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url(), user, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Drops the database, whoever is still connected. */
    @Override
    public void close() throws Exception {
        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String jdbcUrl, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
