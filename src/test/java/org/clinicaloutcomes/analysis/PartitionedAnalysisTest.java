package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.report.OutcomeCsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: an analysis split into partitions by the client id's CRC-32 ({@link CohortAnalysis#merge})
 * gives the tidy CSVs of the single pass byte for byte, for the monthly job (with its series,
 * expected recovery and attention list) and a research run with every clinical-significance
 * method (HLM too), on generated data read through the real ingest classes ({@link SampleCohort}).
 */
class PartitionedAnalysisTest {

    @TempDir
    Path tmp;

    @Test
    void aMonthlyRunInTwoOrSevenPartitionsWritesTheSameCsvs() throws Exception {
        Path input = SampleCohort.generate(tmp.resolve("input"), 20261203L, 1500);
        ReportWindow month = ReportWindow.monthly(YearMonth.of(2026, 9), 12);
        assertSameCsvs(input, month, true);
    }

    @Test
    void aResearchRunWithEveryMethodInTwoOrSevenPartitionsWritesTheSameCsvs() throws Exception {
        Path input = SampleCohort.generate(tmp.resolve("input"), 19L, 800);
        assertSameCsvs(input, SampleCohort.researchWindow(), false);
    }

    @Test
    void partitionsWrittenAndReadBackWithJavaSerializationMergeToTheSameCsvs() throws Exception {
        // what a worker in another process will hand on (issue 19, remote partitioning)
        Path input = SampleCohort.generate(tmp.resolve("input"), 7L, 600);
        for (boolean monthly : new boolean[] {true, false}) {
            ReportWindow window = monthly ? ReportWindow.monthly(YearMonth.of(2026, 9), 12) : SampleCohort.researchWindow();
            Path single = tmp.resolve("single-" + monthly);
            Path serialized = tmp.resolve("serialized-" + monthly);
            Files.createDirectories(single);
            Files.createDirectories(serialized);
            List<Path> files = OutcomeCsvFiles.write(single, SampleCohort.analyse(input, window, monthly,
                    CohortAnalysis.DEFAULT_SERIES_MONTHS, 1), monthly, false);
            OutcomeCsvFiles.write(serialized, SampleCohort.analyse(input, window, monthly,
                    CohortAnalysis.DEFAULT_SERIES_MONTHS, 3, true), monthly, false);
            for (Path file : files) {
                assertThat(Files.readAllBytes(serialized.resolve(file.getFileName()))).as(file.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void analysesOfDifferentRunsDoNotMerge() {
        CohortAnalysis monthly = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.WINDOW, true);
        CohortAnalysis research = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.WINDOW, false);
        assertThatThrownBy(() -> monthly.merge(research)).isInstanceOf(IllegalArgumentException.class);
        CohortAnalysis finished = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.WINDOW, true);
        finished.finish();
        assertThatThrownBy(() -> monthly.merge(finished)).isInstanceOf(IllegalStateException.class);
    }

    private void assertSameCsvs(Path input, ReportWindow window, boolean monthly) throws Exception {
        Path single = tmp.resolve("partitions-1");
        List<Path> files = write(input, window, monthly, 1, single);
        assertThat(files).hasSizeGreaterThan(5);
        long episodeRows = Files.readAllLines(single.resolve("episode_outcomes.csv")).size() - 1;
        assertThat(episodeRows).isGreaterThan(100);
        for (int partitions : new int[] {2, 7}) {
            Path split = tmp.resolve("partitions-" + partitions);
            write(input, window, monthly, partitions, split);
            for (Path file : files) {
                Path name = single.relativize(file);
                assertThat(Files.readAllBytes(split.resolve(name)))
                        .as("%s with %d partitions", name, partitions)
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    private static List<Path> write(Path input, ReportWindow window, boolean monthly, int partitions, Path folder)
            throws Exception {
        Files.createDirectories(folder);
        OutcomeTables tables = SampleCohort.analyse(input, window, monthly, CohortAnalysis.DEFAULT_SERIES_MONTHS,
                partitions);
        return OutcomeCsvFiles.write(folder, tables, monthly, false);
    }
}
