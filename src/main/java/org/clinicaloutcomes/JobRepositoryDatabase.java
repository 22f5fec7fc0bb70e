package org.clinicaloutcomes;

import java.util.Map;

/**
 * Where Spring Batch keeps the job repository: the embedded HSQLDB file database in the state
 * folder (application.properties), or, with {@code --job-repository}, a shared PostgreSQL
 * database that several processes use at once. The user and password of the shared database come
 * from the environment only, so they reach neither the command line, the log nor run.json.
 */
final class JobRepositoryDatabase {

    /** The environment variable holding the database user of {@code --job-repository}. */
    static final String USER = "CLINICAL_OUTCOMES_DB_USER";
    /** The environment variable holding that user's password (none when unset: trust or peer authentication). */
    static final String PASSWORD = "CLINICAL_OUTCOMES_DB_PASSWORD";

    private JobRepositoryDatabase() {
    }

    /**
     * The Spring properties that point the job repository at {@code url}; none for the embedded
     * database ({@code url} null).
     *
     * @throws IllegalArgumentException when a shared database is asked for and {@value #USER} is not set
     */
    static Map<String, Object> properties(String url, Map<String, String> environment) {
        if (url == null) {
            return Map.of();
        }
        String user = environment.get(USER);
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("--job-repository needs the database user in the environment variable "
                    + USER + " (and its password, if it has one, in " + PASSWORD + ")");
        }
        String password = environment.getOrDefault(PASSWORD, "");
        return Map.of("spring.datasource.url", url,
                "spring.datasource.username", user,
                "spring.datasource.password", password);
    }
}
