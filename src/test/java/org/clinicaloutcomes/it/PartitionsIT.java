package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicaloutcomes.it.TestFolders.copyOfInput;
import static org.clinicaloutcomes.it.TestFolders.reportOutputs;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, {@code --partitions}: the analysis split by the client id's CRC-32 gives every CSV,
 * chart and the summary page of the run in one partition, byte for byte, with real processes of
 * the jar: the sample data (monthly), a wide researcher's export (by wave, every
 * clinical-significance method) and a generated export of a million sessions; a run in seven
 * partitions killed in the sessions ingest resumes with {@code --restart} to the same outputs.
 */
class PartitionsIT {

    private static final String WIDE_JOB = "src/test/resources/research-exports/wide-prepost/wide-prepost.properties";

    @TempDir
    Path work;

    @Test
    void theSampleDataInTwoOrSevenPartitionsGivesTheSameReport() throws Exception {
        Map<String, String> one = monthly("sample-data", 1);
        assertThat(one).containsKeys("csv/outcomes_by_approach.csv", "csv/expected_recovery.csv",
                "csv/attention.csv", "csv/episode_outcomes.csv", "summary.html");
        assertThat(monthly("sample-data", 2)).isEqualTo(one);
        assertThat(monthly("sample-data", 7)).isEqualTo(one);
    }

    @Test
    void aWideExportByWaveInSevenPartitionsGivesTheSameReport() throws Exception {
        Map<String, String> one = research(1);
        assertThat(one).containsKeys("csv/clinical_significance.csv", "csv/trajectories.csv");
        assertThat(research(7)).isEqualTo(one);
    }

    @Test
    void aMillionSessionsInTwoOrSevenPartitionsGiveTheSameReport() throws Exception {
        Map<String, String> one = monthly(JarRunner.millionSessions().toString(), 1);
        assertThat(monthly(JarRunner.millionSessions().toString(), 2)).isEqualTo(one);
        assertThat(monthly(JarRunner.millionSessions().toString(), 7)).isEqualTo(one);
    }

    @Test
    void aRunInSevenPartitionsKilledInTheSessionsIngestResumesToTheSameReport() throws Exception {
        Path state = work.resolve("state");
        Path input = copyOfInput(JarRunner.millionSessions(), work.resolve("input"));
        Path resumed = work.resolve("resumed");
        Path out = work.resolve("killed.out");
        Process killed = JarRunner.start(state, out, work.resolve("killed.err"), "monthly", "--input=" + input,
                "--output=" + resumed, "--month=2026-10", "--partitions=7");
        JarRunner.waitFor(killed, out, "sessions.csv: ");
        JarRunner.kill(killed);
        assertThat(resumed).doesNotExist();

        JarRunner.Result restart = JarRunner.run(state, "monthly", "--input=" + input, "--output=" + resumed,
                "--month=2026-10", "--restart");
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("resuming run");
        assertThat(reportOutputs(resumed)).isEqualTo(monthly(JarRunner.millionSessions().toString(), 1));
    }

    @Test
    void aPartitionCountOutOfRangeIsRefused() throws Exception {
        for (String count : new String[] {"0", "65", "two"}) {
            JarRunner.Result refused = JarRunner.run(work.resolve("state"), "monthly", "--partitions=" + count,
                    "--output=" + work.resolve("report"));
            assertThat(refused.exitCode()).as(count).isEqualTo(2);
            assertThat(refused.err()).contains("--partitions").contains("1 to 64");
        }
    }

    private Map<String, String> monthly(String input, int partitions) throws Exception {
        Path report = work.resolve("monthly-" + Math.abs(input.hashCode()) + "-" + partitions);
        JarRunner.Result run = JarRunner.run(work.resolve("state-" + partitions), "monthly", "--input=" + input,
                "--output=" + report, "--month=2026-10", "--quiet", "--partitions=" + partitions);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return reportOutputs(report);
    }

    private Map<String, String> research(int partitions) throws Exception {
        Path report = work.resolve("research-" + partitions);
        JarRunner.Result run = JarRunner.run(work.resolve("state-" + partitions), "research", "--job=" + WIDE_JOB,
                "--output=" + report, "--quiet", "--partitions=" + partitions, "--significance=JT,HA,NK,HLL,EN,HLM,GLN");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return reportOutputs(report);
    }
}
