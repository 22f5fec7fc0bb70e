package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run killed with SIGKILL at any point of any step, publication and clean-up included, and then
 * resumed with --restart, ends with the outputs of an uninterrupted run; while it is dead, the
 * output folder is the previous report (or, between the two renames of publication, renamed
 * aside, which the restart puts right), and nothing is left beside it or in the state folder
 * afterwards. The named points are reached through the test hook {@code TestPause}; the last test
 * kills at random instants instead.
 *
 * <p>The export has 12,000 episodes (about 130,000 sessions) committed in chunks of 25,000 rows;
 * {@code -Dit.kill.episodes=200000} runs the random kills on a larger one.
 */
class KillAndRestartIT {

    private static final String CHUNK_ROWS = "-Dclinical-outcomes.sessions-chunk-rows=25000";
    private static final String MONTH = "--month=2026-10";
    private static final int RANDOM_KILLS = 10;

    @TempDir
    static Path shared;

    static Path input;
    /** SHA-256 of every CSV, chart and rejects.csv of an uninterrupted run. */
    static Map<String, String> clean;
    static long cleanMillis;
    /** A report of other data (the sample data), put into the output folder before each run. */
    static Path previous;

    @TempDir
    Path work;

    @BeforeAll
    static void generateAnExportAndRunItOnce() throws Exception {
        input = JarRunner.generate(shared.resolve("state-generate"), shared.resolve("input"), 11,
                Integer.getInteger("it.kill.episodes", 12_000));
        long started = System.nanoTime();
        JarRunner.Result run = JarRunner.run(shared.resolve("state-clean"), Map.of(), List.of(CHUNK_ROWS), "monthly",
                "--input=" + input, "--output=" + shared.resolve("clean"), MONTH, "--quiet");
        cleanMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(run.exitCode()).as(run.err()).isZero();
        clean = reportHashes(shared.resolve("clean"));
        previous = shared.resolve("previous");
        JarRunner.Result other = JarRunner.run(shared.resolve("state-previous"), "monthly", "--input=sample-data",
                "--output=" + previous, MONTH, "--quiet");
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(clean).containsKeys("rejects.csv", "csv/outcomes_by_approach.csv", "charts/trajectory-pcl5.png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake.staged", "sessions.chunk#1", "sessions.chunk#2", "sessions.chunk#3",
            "sessions.chunk#4", "sessions.chunk#5", "sessions.chunk#6", "duplicates.done", "window.done",
            "outcomes.done", "publish.before-renames", "publish.between-renames", "publish.after-renames"})
    void aRunKilledAtThisPointResumesToTheOutputsOfAnUninterruptedRun(String point) throws Exception {
        Path state = work.resolve("state");
        Path output = work.resolve("out");
        Map<String, String> previous = previousReport(state, output);

        killAt(point, state, output);

        boolean published = point.equals("publish.after-renames");
        if (point.equals("publish.between-renames")) {
            assertThat(output).doesNotExist();
            assertThat(siblings(output)).anyMatch(name -> name.startsWith(".out.old-"));
        } else {
            assertThat(reportHashes(output)).isEqualTo(published ? clean : previous);
        }
        JarRunner.Result restart = restart(state, output);
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("resuming run");
        assertCleanReport(state, output);
    }

    @Test
    void aRunKilledAfterItIsRecordedCompleteKeepsItsReportAndTheNextRunTidiesUp() throws Exception {
        Path state = work.resolve("state");
        Path output = work.resolve("out");
        previousReport(state, output);

        killAt("job.completed", state, output);

        assertThat(reportHashes(output)).isEqualTo(clean);
        JarRunner.Result restart = restart(state, output);
        assertThat(restart.exitCode()).isEqualTo(2);
        assertThat(restart.err()).contains("no failed or interrupted monthly run").contains("completed");
        assertCleanReport(state, output);
    }

    @Test
    void aPlainRunAfterAKillBetweenTheRenamesPublishesToo() throws Exception {
        Path state = work.resolve("state");
        Path output = work.resolve("out");
        previousReport(state, output);

        killAt("publish.between-renames", state, output);

        JarRunner.Result plain = JarRunner.run(state, Map.of(), List.of(CHUNK_ROWS), "monthly", "--input=" + input,
                "--output=" + output, MONTH, "--quiet");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertCleanReport(state, output);
    }

    @Test
    void tenKillsAtRandomInstantsEachFollowedByRestartGiveTheOutputsOfAnUninterruptedRun() throws Exception {
        long seed = Long.getLong("it.kill.seed", 20261202L);
        Random random = new Random(seed);
        List<String> log = new ArrayList<>();
        int kills = 0;
        int sequence = 0;
        while (kills < RANDOM_KILLS) {
            // One sequence: a fresh run over a previous report, killed and restarted until it completes.
            sequence++;
            Path state = work.resolve("state-" + sequence);
            Path output = work.resolve("out-" + sequence);
            Map<String, String> previous = previousReport(state, output);
            boolean resume = false;
            while (true) {
                boolean killThisOne = kills < RANDOM_KILLS;
                long delay = 300 + (long) (random.nextDouble() * cleanMillis);
                Path out = work.resolve("run.out");
                Path err = work.resolve("run.err");
                Process process = JarRunner.start(state, out, err, Map.of(), List.of(CHUNK_ROWS), arguments(output, resume));
                boolean ended = process.waitFor(killThisOne ? delay : TimeUnit.MINUTES.toMillis(5), TimeUnit.MILLISECONDS);
                if (!ended) {
                    assertThat(killThisOne).as("the run did not end within 5 minutes").isTrue();
                    JarRunner.kill(process);
                    kills++;
                    log.add(sequence + ": killed after " + delay + " ms, output " + assertPreviousOrNewReport(output, previous));
                    resume = true;
                    continue;
                }
                String errors = Files.readString(err, StandardCharsets.UTF_8);
                if (resume && process.exitValue() == 2 && errors.contains("no failed or interrupted")) {
                    // Killed before its job was recorded, or after it completed: nothing to resume.
                    log.add(sequence + ": nothing to resume");
                    if (isComplete(output)) {
                        break;
                    }
                    resume = false;
                    continue;
                }
                assertThat(process.exitValue()).as(log + " " + errors).isZero();
                log.add(sequence + ": completed");
                break;
            }
            assertThat(reportHashes(output)).as("seed " + seed + ": " + log).isEqualTo(clean);
            assertThat(siblings(output)).as(log.toString()).allMatch(name -> name.equals(output.getFileName().toString())
                    || name.equals("." + output.getFileName() + ".lock"));
        }
        System.out.println("random kills (" + Integer.getInteger("it.kill.episodes", 12_000) + " episodes, seed " + seed
                + ", clean run " + cleanMillis + " ms): " + log);
    }

    private static String[] arguments(Path output, boolean restart) {
        List<String> arguments = new ArrayList<>(List.of("monthly", "--input=" + input, "--output=" + output, MONTH));
        // A restart says which run it resumes (not with --quiet).
        arguments.add(restart ? "--restart" : "--quiet");
        return arguments.toArray(String[]::new);
    }

    /** A previous report, of other data, in the output folder. */
    private static Map<String, String> previousReport(Path state, Path output) throws Exception {
        TestFolders.copyTree(previous, output);
        Map<String, String> hashes = reportHashes(output);
        assertThat(hashes).isNotEqualTo(clean).isEqualTo(reportHashes(previous));
        return hashes;
    }

    private void killAt(String point, Path state, Path output) throws Exception {
        Path out = work.resolve("killed.out");
        Path err = work.resolve("killed.err");
        Process process = JarRunner.start(state, out, err, Map.of("CLINICAL_OUTCOMES_TEST_PAUSE_AT", point),
                List.of(CHUNK_ROWS), arguments(output, false));
        try {
            JarRunner.waitFor(process, err, "test pause: " + point.replaceAll("#.*", ""));
        } finally {
            JarRunner.kill(process);
        }
    }

    private static JarRunner.Result restart(Path state, Path output) throws Exception {
        return JarRunner.run(state, Map.of(), List.of(CHUNK_ROWS), arguments(output, true));
    }

    /** The outputs of the uninterrupted run, nothing beside the output folder, no staging files left. */
    private static void assertCleanReport(Path state, Path output) throws Exception {
        assertThat(reportHashes(output)).isEqualTo(clean);
        assertThat(siblings(output)).containsExactlyInAnyOrder(output.getFileName().toString(),
                "." + output.getFileName() + ".lock");
        Path workFolders = state.resolve("work");
        if (Files.exists(workFolders)) {
            try (Stream<Path> left = Files.list(workFolders)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    /** After a kill: the previous report, the new one, or (between the renames) the previous one set aside. */
    private static String assertPreviousOrNewReport(Path output, Map<String, String> previous) throws Exception {
        if (!Files.exists(output)) {
            assertThat(siblings(output)).anyMatch(name -> name.startsWith("." + output.getFileName() + ".old-"));
            return "set aside";
        }
        Map<String, String> hashes = reportHashes(output);
        if (hashes.equals(clean)) {
            return "new";
        }
        assertThat(hashes).isEqualTo(previous);
        return "previous";
    }

    private static boolean isComplete(Path output) throws Exception {
        return Files.exists(output) && reportHashes(output).equals(clean);
    }

    private static List<String> siblings(Path output) throws Exception {
        try (Stream<Path> names = Files.list(output.getParent())) {
            return names.map(path -> path.getFileName().toString())
                    .filter(name -> name.equals(output.getFileName().toString()) || name.startsWith("." + output.getFileName()))
                    .sorted().toList();
        }
    }

    /** SHA-256 of the CSVs, charts and rejects.csv (the workbook and run.json hold times). */
    static Map<String, String> reportHashes(Path folder) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        for (Map.Entry<String, String> entry : TestFolders.hashes(folder).entrySet()) {
            if (entry.getKey().endsWith(".csv") || entry.getKey().endsWith(".png")) {
                hashes.put(entry.getKey(), entry.getValue());
            }
        }
        return hashes;
    }
}
