package org.clinicaloutcomes.cli;

import java.util.Arrays;
import java.util.Locale;

/**
 * The rule of {@code --job-repository}: a PostgreSQL JDBC URL
 * ({@code jdbc:postgresql://host[:port]/database[?...]}), the shared repository the program
 * supports, without credentials. The URL goes into the log and run.json's command line, so the
 * user and password come from the environment (CLINICAL_OUTCOMES_DB_USER / _PASSWORD); and no
 * message repeats a refused URL, which may hold a password.
 */
final class JobRepositoryUrl {

    private static final String POSTGRESQL_URL = "jdbc:postgresql://";

    private JobRepositoryUrl() {
    }

    /** What is wrong with {@code url} (the rest of a message after the option's name), or null. */
    static String problem(String url) {
        if (!url.startsWith(POSTGRESQL_URL) || url.length() == POSTGRESQL_URL.length()) {
            return "must be a PostgreSQL JDBC URL, jdbc:postgresql://host:port/database";
        }
        String lower = url.toLowerCase(Locale.ROOT);
        int query = lower.indexOf('?');
        String beforeQuery = query < 0 ? lower : lower.substring(0, query);
        int path = beforeQuery.indexOf('/', POSTGRESQL_URL.length());
        String authority = beforeQuery.substring(POSTGRESQL_URL.length(), path < 0 ? beforeQuery.length() : path);
        boolean credentials = authority.contains("@") || (query >= 0
                && Arrays.stream(lower.substring(query + 1).split("&"))
                        .anyMatch(parameter -> parameter.startsWith("user=") || parameter.startsWith("password=")));
        return credentials
                ? "must not hold a user or password (they would be written to the log and run.json): "
                        + "set CLINICAL_OUTCOMES_DB_USER and CLINICAL_OUTCOMES_DB_PASSWORD instead"
                : null;
    }
}
