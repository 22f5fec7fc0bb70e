package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job repository on a shared PostgreSQL database ({@code --job-repository}, issue 19): the
 * same outputs as on the embedded HSQLDB database, a killed run resumed with {@code --restart} on
 * it, and the database password in no file the run writes.
 *
 * <p>Each test gets a database of its own ({@link TestDatabase}).
 */
class PostgresJobRepositoryIT {

    private static final String MONTH = "--month=2026-10";
    /** Trust authentication accepts any password: this one must not show up anywhere. */
    private static final String PASSWORD = "pw-never-written-4711";

    @TempDir
    Path work;

    private TestDatabase database;
    private String url;

    @BeforeEach
    void createADatabase() throws Exception {
        database = TestDatabase.create();
        url = database.url();
    }

    @AfterEach
    void dropTheDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aMonthlyRunOnPostgresWritesTheOutputsOfARunOnTheEmbeddedDatabaseAndNoPassword() throws Exception {
        // given: the sample data run once on the embedded database
        JarRunner.Result embedded = JarRunner.run(work.resolve("state-embedded"), "monthly", "--input=sample-data",
                "--output=" + work.resolve("embedded"), MONTH, "--quiet");
        assertThat(embedded.exitCode()).as(embedded.err()).isZero();

        // when: it runs with the job repository on PostgreSQL, twice (the schema is there the second
        // time), the second time in three analysis partitions
        Path state = work.resolve("state-postgres");
        for (String output : List.of("postgres-1", "postgres-2")) {
            JarRunner.Result run = JarRunner.run(state, credentials(), List.of(), "monthly", "--input=sample-data",
                    "--output=" + work.resolve(output), MONTH, "--quiet", "--job-repository=" + url,
                    "--partitions=" + (output.endsWith("1") ? 1 : 3));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        }

        // then: the same CSVs, charts and rejects; the runs recorded in PostgreSQL, not in the state folder
        Map<String, String> expected = KillAndRestartIT.reportHashes(work.resolve("embedded"));
        assertThat(KillAndRestartIT.reportHashes(work.resolve("postgres-1"))).isEqualTo(expected);
        assertThat(KillAndRestartIT.reportHashes(work.resolve("postgres-2"))).isEqualTo(expected);
        assertThat(query("SELECT status FROM batch_job_execution ORDER BY job_execution_id"))
                .containsExactly("COMPLETED", "COMPLETED");
        assertThat(query("SELECT step_name || ' ' || status FROM batch_step_execution"
                + " WHERE step_name LIKE 'analysis.partition:%' ORDER BY step_name, job_execution_id"))
                .containsExactly("analysis.partition:partition0 COMPLETED", "analysis.partition:partition0 COMPLETED",
                        "analysis.partition:partition1 COMPLETED", "analysis.partition:partition2 COMPLETED");
        assertThat(state.resolve("repository")).doesNotExist();
        assertThat(filesContaining(work, PASSWORD)).isEmpty();
        assertThat(Files.readString(work.resolve("postgres-1").resolve("run.json"), StandardCharsets.UTF_8))
                .contains("--job-repository=" + url);
    }

    @Test
    void aRunKilledDuringTheSessionsStepResumesOnPostgresToTheOutputsOfAnUninterruptedRun() throws Exception {
        // given: an export of 12,000 episodes and its report from an uninterrupted run on the embedded database
        Path input = JarRunner.generate(work.resolve("state-generate"), work.resolve("input"), 11, 12_000);
        List<String> chunks = List.of("-Dclinical-outcomes.sessions-chunk-rows=25000");
        JarRunner.Result clean = JarRunner.run(work.resolve("state-clean"), Map.of(), chunks, "monthly",
                "--input=" + input, "--output=" + work.resolve("clean"), MONTH, "--quiet");
        assertThat(clean.exitCode()).as(clean.err()).isZero();

        // when: a run on PostgreSQL is killed in the sessions step, then restarted, first with another
        // state folder (which is refused), then with its own
        Path state = work.resolve("state");
        Path output = work.resolve("out");
        killInTheSessionsStep(state, input, output, chunks);
        JarRunner.Result elsewhere = JarRunner.run(work.resolve("other-state"), credentials(), chunks, "monthly",
                "--input=" + input, "--output=" + output, MONTH, "--restart", "--job-repository=" + url);
        JarRunner.Result restart = JarRunner.run(state, credentials(), chunks, "monthly", "--input=" + input,
                "--output=" + output, MONTH, "--restart", "--job-repository=" + url);

        // then: the other state folder was refused in one line, and the run resumed from its own
        // wrote the uninterrupted run's outputs
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.err().strip()).startsWith("error: run ").contains("was not started with the work folder "
                + work.resolve("other-state").resolve("work")).endsWith("or run without --restart").doesNotContain("\n");
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("resuming run");
        assertThat(KillAndRestartIT.reportHashes(output)).isEqualTo(KillAndRestartIT.reportHashes(work.resolve("clean")));
        assertThat(query("SELECT status FROM batch_job_execution ORDER BY job_execution_id"))
                .containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void aRunOnPostgresWithoutTheUserInTheEnvironmentIsRefusedBeforeAnythingIsWritten() throws Exception {
        // when: the user variable is blank
        JarRunner.Result run = JarRunner.run(work.resolve("state"), Map.of("CLINICAL_OUTCOMES_DB_USER", " "),
                List.of(), "monthly", "--input=sample-data", "--output=" + work.resolve("out"), MONTH, "--quiet",
                "--job-repository=" + url);

        // then: exit code 2, one line naming the variables, no report and no state folder
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: --job-repository needs the database user")
                .contains("CLINICAL_OUTCOMES_DB_USER").contains("CLINICAL_OUTCOMES_DB_PASSWORD")
                .doesNotContain("\n");
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(work.resolve("state")).doesNotExist();
    }

    @Test
    void aRunWhoseDatabaseCannotBeReachedIsRefusedInOneLine() throws Exception {
        // when: the URL names a port nobody listens on
        String unreachable = "jdbc:postgresql://127.0.0.1:9/" + database;
        JarRunner.Result run = JarRunner.run(work.resolve("state"), credentials(), List.of(), "monthly",
                "--input=sample-data", "--output=" + work.resolve("out"), MONTH, "--quiet",
                "--job-repository=" + unreachable);

        // then: exit code 2 and one line naming the database and what to check; no report
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: the job repository " + unreachable + " cannot be used (")
                .endsWith("check that the PostgreSQL server is running and that the user in "
                        + "CLINICAL_OUTCOMES_DB_USER may use that database")
                .doesNotContain("\n").doesNotContain(PASSWORD);
        assertThat(work.resolve("out")).doesNotExist();
    }

    private void killInTheSessionsStep(Path state, Path input, Path output, List<String> jvmOptions) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(credentials());
        environment.put("CLINICAL_OUTCOMES_TEST_PAUSE_AT", "sessions.chunk#2");
        Process process = JarRunner.start(state, work.resolve("killed.out"), work.resolve("killed.err"), environment,
                jvmOptions, "monthly", "--input=" + input, "--output=" + output, MONTH, "--quiet",
                "--job-repository=" + url);
        try {
            JarRunner.waitFor(process, work.resolve("killed.err"), "test pause: sessions.chunk");
        } finally {
            JarRunner.kill(process);
        }
    }

    private Map<String, String> credentials() {
        return database.credentials(PASSWORD);
    }

    private List<String> query(String sql) throws Exception {
        return database.query(sql);
    }

    private static List<Path> filesContaining(Path folder, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                            .contains(new String(needle, StandardCharsets.ISO_8859_1));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
