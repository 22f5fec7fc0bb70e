package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicaloutcomes.it.JarRunner.monthly;
import static org.clinicaloutcomes.it.TestFolders.copyOfInput;
import static org.clinicaloutcomes.it.TestFolders.copyTree;
import static org.clinicaloutcomes.it.TestFolders.hashes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns, restarts and atomic outputs (REPORTS.md), with real processes of the jar: identical
 * runs give identical files; a run killed with SIGKILL in the sessions ingest, then resumed with
 * --restart, gives the outputs of an uninterrupted run; a killed run leaves the previous report
 * as it was; a second run on a locked output folder is refused at once.
 */
class RerunsIT {

    static Path bigInput;

    @TempDir
    Path work;

    @BeforeAll
    static void generateAMillionSessions() throws Exception {
        bigInput = JarRunner.millionSessions();
    }

    @Test
    void twoIdenticalRunsWriteIdenticalFiles() throws Exception {
        Path report = work.resolve("report");
        Path first = work.resolve("first");
        assertThat(monthly(work.resolve("state"), "sample-data", report).exitCode()).isZero();
        copyTree(report, first);
        assertThat(monthly(work.resolve("state"), "sample-data", report).exitCode()).isZero();
        Path second = report;

        Map<String, String> a = hashes(first);
        Map<String, String> b = hashes(second);
        assertThat(a.keySet()).isEqualTo(b.keySet()).contains("rejects.csv", "csv/outcomes_by_approach.csv", "run.json");
        for (String file : a.keySet()) {
            if (file.endsWith(".csv") || file.endsWith(".png")) {
                assertThat(b.get(file)).as(file).isEqualTo(a.get(file));
            }
        }
        assertThat(withoutVaryingLines(first.resolve("run.json"))).isEqualTo(withoutVaryingLines(second.resolve("run.json")));
    }

    @Test
    void aRunKilledInTheSessionsIngestResumesToTheOutputsOfAnUninterruptedRun() throws Exception {
        Path state = work.resolve("state");
        Path resumed = work.resolve("resumed");
        Path input = copyOfInput(bigInput, work.resolve("input"));
        Process killed = startAndKillInSessionsIngest(state, input, resumed);
        assertThat(killed.exitValue()).isNotZero();
        assertThat(resumed).doesNotExist();

        // an input that changed since the killed run refuses the restart
        byte[] sessions = Files.readAllBytes(input.resolve("sessions.csv"));
        Files.writeString(input.resolve("sessions.csv"), "E9999999,2026-10-01,1,Y,,,,,\n",
                java.nio.file.StandardOpenOption.APPEND);
        JarRunner.Result refused = JarRunner.run(state, "monthly", "--input=" + input, "--output=" + resumed,
                "--month=2026-10", "--restart");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("sessions.csv changed");
        Files.write(input.resolve("sessions.csv"), sessions);

        JarRunner.Result restart = JarRunner.run(state, "monthly", "--input=" + input, "--output=" + resumed,
                "--month=2026-10", "--restart");
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("resuming run");

        Path clean = work.resolve("clean");
        JarRunner.Result uninterrupted = monthly(work.resolve("other-state"), bigInput.toString(), clean);
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        assertThat(countLines(restart.out())).isEqualTo(countLines(uninterrupted.out()));
        Map<String, String> a = hashes(resumed);
        Map<String, String> b = hashes(clean);
        for (String file : b.keySet()) {
            if (file.endsWith(".csv") || file.endsWith(".png")) {
                assertThat(a.get(file)).as(file).isEqualTo(b.get(file));
            }
        }
        JarRunner.Result again = JarRunner.run(state, "monthly", "--input=" + input, "--output=" + resumed,
                "--month=2026-10", "--restart");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("no failed or interrupted");
    }

    @Test
    void aKilledRunLeavesThePreviousReportAsItWas() throws Exception {
        Path state = work.resolve("state");
        Path report = work.resolve("report");
        assertThat(monthly(state, bigInput.toString(), report).exitCode()).isZero();
        Map<String, String> before = hashes(report);

        startAndKillInSessionsIngest(state, bigInput, report);

        assertThat(hashes(report)).isEqualTo(before);
    }

    @Test
    void aSecondRunOnALockedOutputFolderIsRefusedAtOnce() throws Exception {
        Path state = work.resolve("state");
        Path report = work.resolve("report");
        Path out = work.resolve("first.out");
        Process first = JarRunner.start(state, out, work.resolve("first.err"), "monthly", "--input=" + bigInput,
                "--output=" + report, "--month=2026-10");
        try {
            JarRunner.waitFor(first, out, "reading");
            long started = System.nanoTime();
            JarRunner.Result second = JarRunner.run(work.resolve("state-2"), "monthly", "--input=sample-data",
                    "--output=" + report, "--month=2026-10");
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).contains("another run is writing");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(20);
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    @Test
    void theResearchJobOnTheMonthlyWindowWritesTheSameOutcomes() throws Exception {
        Path monthly = work.resolve("monthly");
        Path research = work.resolve("research");
        assertThat(monthly(work.resolve("state"), "sample-data", monthly).exitCode()).isZero();
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--input=sample-data",
                "--output=" + research, "--from=2025-11-01", "--to=2026-10-31", "--suppression=false", "--quiet");
        assertThat(result.exitCode()).as(result.err()).isZero();
        for (String file : List.of("outcomes_by_approach.csv", "approach_comparison.csv",
                "trajectories.csv", "pcl5_clusters.csv", "clinicians.csv", "subgroups.csv")) {
            assertThat(research.resolve("csv").resolve(file)).as(file).hasSameBinaryContentAs(monthly.resolve("csv").resolve(file));
        }
        // The research job's episode rows are the monthly job's, each with its clinical-significance
        // category (JT by default) as one more column.
        List<String> monthlyEpisodes = Files.readAllLines(monthly.resolve("csv/episode_outcomes.csv"), StandardCharsets.UTF_8);
        List<String> researchEpisodes = Files.readAllLines(research.resolve("csv/episode_outcomes.csv"), StandardCharsets.UTF_8);
        assertThat(researchEpisodes).hasSameSizeAs(monthlyEpisodes);
        assertThat(researchEpisodes.get(0)).isEqualTo(monthlyEpisodes.get(0) + ",category_JT");
        for (int line = 1; line < monthlyEpisodes.size(); line++) {
            String row = researchEpisodes.get(line);
            assertThat(row).as("line " + (line + 1)).startsWith(monthlyEpisodes.get(line) + ",");
            assertThat(row.substring(monthlyEpisodes.get(line).length() + 1)).as("line " + (line + 1))
                    .isIn("", "recovered", "improved", "unchanged", "deteriorated", "harmed");
        }
    }

    private Process startAndKillInSessionsIngest(Path state, Path input, Path output) throws Exception {
        Path out = work.resolve("killed.out");
        Process process = JarRunner.start(state, out, work.resolve("killed.err"), "monthly", "--input=" + input,
                "--output=" + output, "--month=2026-10");
        JarRunner.waitFor(process, out, "sessions.csv: ");
        JarRunner.kill(process);
        return process;
    }

    private static List<String> countLines(String console) {
        return console.lines().filter(line -> line.contains(": read ")).toList();
    }

    /** run.json without what may differ between identical runs: the times and the workbook's hash and size. */
    private static List<String> withoutVaryingLines(Path runJson) throws IOException {
        String json = Files.readString(runJson, StandardCharsets.UTF_8)
                .replaceAll("(\"file\": \"[^\"]+\\.xlsx\",\\s*\"sha256\": )\"[0-9a-f]+\"(,\\s*\"bytes\": )[0-9]+", "$1\"*\"$2*");
        return json.lines()
                .filter(line -> !line.contains("\"start_time\"") && !line.contains("\"end_time\""))
                .toList();
    }
}
