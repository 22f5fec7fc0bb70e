package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicaloutcomes.it.TestFolders.reportOutputs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, remote partitioning: a manager ({@code --remote-workers}) and two {@code worker}
 * JVMs on loopback, sharing a PostgreSQL job repository ({@link TestDatabase}) and a work folder,
 * write every CSV, chart and summary page of the single-process run byte for byte; a worker
 * killed in the middle of a partition fails the run cleanly, and {@code --restart} (with a new
 * worker) completes it to the same outputs.
 */
class RemotePartitionsIT {

    private static final String MONTH = "--month=2026-10";

    @TempDir
    Path work;

    private TestDatabase database;
    private final List<Process> workers = new ArrayList<>();

    @BeforeEach
    void createADatabase() throws Exception {
        database = TestDatabase.create();
    }

    @AfterEach
    void stopTheWorkersAndDropTheDatabase() throws Exception {
        for (Process worker : workers) {
            JarRunner.kill(worker);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theSampleDataWithTwoRemoteWorkersGivesTheSingleProcessReport() throws Exception {
        // given: the single-process report, and two workers
        Map<String, String> single = reportOutputs(local("sample-data"));
        assertThat(single).containsKeys("csv/outcomes_by_approach.csv", "csv/attention.csv", "summary.html");
        startWorker("worker-a", Map.of());
        startWorker("worker-b", Map.of());

        // when: a manager runs it in two, then in seven partitions
        Path two = remote("sample-data", 2, "state-2");
        Path seven = remote("sample-data", 7, "state-7");

        // then: the same bytes; every partition ran in a worker, recorded COMPLETED in PostgreSQL
        assertThat(reportOutputs(two)).isEqualTo(single);
        assertThat(reportOutputs(seven)).isEqualTo(single);
        assertThat(database.query("SELECT count(*) FROM batch_step_execution WHERE step_name LIKE "
                + "'analysis.partition:%' AND status = 'COMPLETED'")).containsExactly("9");
        assertThat(completedPartitions()).isEqualTo(9);
        // and the work folder is left empty: the runs completed
        try (var left = Files.list(work.resolve("shared"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMillionSessionsWithTwoRemoteWorkersGiveTheSingleProcessReport() throws Exception {
        String input = JarRunner.millionSessions().toString();
        Map<String, String> single = reportOutputs(local(input));
        startWorker("worker-a", Map.of());
        startWorker("worker-b", Map.of());

        assertThat(reportOutputs(remote(input, 2, "state-2"))).isEqualTo(single);
        assertThat(reportOutputs(remote(input, 7, "state-7"))).isEqualTo(single);
    }

    @Test
    void aWorkerKilledInAPartitionFailsTheRunAndRestartCompletesIt() throws Exception {
        // given: the single-process report, a worker that stops in the first partition it takes, and one that does not
        Map<String, String> single = reportOutputs(local("sample-data"));
        Process doomed = startWorker("worker-doomed", Map.of("CLINICAL_OUTCOMES_TEST_PAUSE_AT", "analysis.partition-done"));
        startWorker("worker-b", Map.of());
        Path state = work.resolve("state");
        Path output = work.resolve("remote-killed");
        String[] args = remoteArgs("sample-data", 7, output);
        Path out = work.resolve("manager.out");
        Path err = work.resolve("manager.err");
        Process manager = JarRunner.start(state, out, err, database.credentials(""), List.of(), args);

        // when: the doomed worker is killed in its partition
        JarRunner.waitFor(doomed, work.resolve("worker-doomed.err"), "test pause: analysis.partition-done");
        JarRunner.kill(doomed);
        workers.remove(doomed);

        // then: the manager fails the run in one line naming the lost partition; no report
        assertThat(manager.waitFor(2, TimeUnit.MINUTES)).as("the manager ends").isTrue();
        String managerErr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(manager.exitValue()).as(managerErr).isEqualTo(1);
        assertThat(managerErr.strip()).startsWith("error: the monthly run failed: analysis partition")
                .contains("its worker stopped before it finished").contains("--restart").doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(output).doesNotExist();
        assertThat(database.query("SELECT count(*) FROM batch_step_execution WHERE step_name LIKE "
                + "'analysis.partition:%' AND status = 'FAILED'")).containsExactly("1");

        // when: a new worker is started and the run resumed
        startWorker("worker-c", Map.of());
        JarRunner.Result restart = JarRunner.run(state, database.credentials(""), List.of(),
                withRestart(args));

        // then: the failed run completes, to the single-process report
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(database.query("SELECT status FROM batch_job_execution ORDER BY job_execution_id"))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(database.query("SELECT count(DISTINCT job_instance_id) FROM batch_job_execution")).containsExactly("1");
        assertThat(reportOutputs(output)).isEqualTo(single);
    }

    private Process startWorker(String name, Map<String, String> environment) throws Exception {
        Files.createDirectories(work.resolve("shared"));
        Map<String, String> variables = new HashMap<>(database.credentials(""));
        variables.putAll(environment);
        Path out = work.resolve(name + ".out");
        Process worker = JarRunner.start(work.resolve(name), out, work.resolve(name + ".err"), variables,
                List.of("-Xmx1g"), "worker", "--job-repository=" + database.url(), "--work-dir=" + work.resolve("shared"));
        workers.add(worker);
        JarRunner.waitFor(worker, out, "waiting for analysis partitions");
        return worker;
    }

    private Path local(String input) throws Exception {
        Path report = work.resolve("local");
        JarRunner.Result run = JarRunner.run(work.resolve("state-local"), "monthly", "--input=" + input,
                "--output=" + report, MONTH, "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return report;
    }

    private Path remote(String input, int partitions, String state) throws Exception {
        Path report = work.resolve("remote-" + partitions);
        JarRunner.Result run = JarRunner.run(work.resolve(state), database.credentials(""), List.of(),
                remoteArgs(input, partitions, report));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return report;
    }

    private String[] remoteArgs(String input, int partitions, Path report) {
        return new String[] {"monthly", "--input=" + input, "--output=" + report, MONTH, "--quiet",
            "--partitions=" + partitions, "--remote-workers", "--job-repository=" + database.url(),
            "--work-dir=" + work.resolve("shared")};
    }

    private static String[] withRestart(String[] args) {
        String[] restart = java.util.Arrays.copyOf(args, args.length + 1);
        restart[args.length] = "--restart";
        return restart;
    }

    /** The partitions the workers say they completed. */
    private long completedPartitions() throws Exception {
        long completed = 0;
        for (String name : List.of("worker-a", "worker-b")) {
            completed += Files.readAllLines(work.resolve(name + ".out")).stream()
                    .filter(line -> line.contains("analysis.partition:") && line.contains(": completed in")).count();
        }
        return completed;
    }
}
