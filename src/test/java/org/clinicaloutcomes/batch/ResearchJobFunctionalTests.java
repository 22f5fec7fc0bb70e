package org.clinicaloutcomes.batch;

import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.clinicaloutcomes.ingest.ExportMapping;

/**
 * The research job end to end on the worked example of the contract (shared/spec/example), with
 * the real readers, the real HSQLDB job repository (in memory) and real files (set up by
 * {@link WorkedExampleJobSupport}).
 */
class ResearchJobFunctionalTests extends WorkedExampleJobSupport {

    @TempDir
    static Path stateDir;

    @Autowired
    @Qualifier("researchJob")
    Job researchJob;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        jobProperties(registry, "research-functional", stateDir);
    }

    @Test
    void readsTheWorkedExampleOverTheMonthlyWindowWithTheCountsOfTheContract() throws Exception {
        // given the worked example and the report month of its expected results
        assertThat(EXAMPLE_INPUT.resolve("sessions.csv")).as("the contract's example beside the checkout").exists();
        jobOperatorTestUtils.setJob(researchJob);
        Path report = output.resolve("report");
        RunParameters run = new RunParameters(JobKind.RESEARCH, EXAMPLE_INPUT, report, null, 12, null,
                LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31), null, "bundled", ApproachCatalog.DEFAULT_APPROACHES,
                "pcl5", true, 50, true, "functional-research-1", "x", "y", LocalDate.of(2026, 11, 26), "research",
                ExportMapping.CANONICAL, SignificanceMethod.DEFAULT);

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(run.toJobParameters());

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // Read: every row; written: the rows that passed; process skips: the rejects; filtered: the
        // exact duplicates. 80 intake rows, 3 rejected; 903 session rows, 59 rejected by the row
        // rules, then of the 844 staged 3 exact and 3 conflicting duplicates.
        assertThat(StepCounters.of(jdbc, execution.getId())).containsExactly(
                entry("intake", new StepCounters(80, 77, 0, 3)),
                entry("sessions", new StepCounters(903, 844, 0, 59)),
                entry("duplicates", new StepCounters(844, 838, 3, 3)),
                entry("window", new StepCounters(0, 0, 0, 0)),
                entry("analysis", new StepCounters(77, 0, 0, 0)),
                entry("analysis.partition:partition0", new StepCounters(77, 0, 0, 0)),
                entry("outcomes", new StepCounters(77, 0, 0, 0)),
                entry("publish", new StepCounters(0, 0, 0, 0)));
        JobFacts facts = JobFacts.of(execution.getExecutionContext());
        assertThat(facts.counts(InputFileKind.INTAKE)).isEqualTo(new IngestCounts(80, 77, 3, 0));
        assertThat(facts.counts(InputFileKind.SESSIONS)).isEqualTo(new IngestCounts(903, 838, 62, 3));
        assertThat(facts.window().from()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(facts.window().to()).isEqualTo(LocalDate.of(2026, 10, 31));
        // Research: no alerts, and with suppression on no episode-level rows.
        assertThat(report.resolve("csv/alerts.csv")).doesNotExist();
        assertThat(report.resolve("csv/episode_outcomes.csv")).doesNotExist();

        List<String> rejects = Files.readAllLines(report.resolve("rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects.get(0)).isEqualTo("file,line,column,reason");
        assertThat(rejects).hasSize(1 + 3 + 62);
        assertThat(rejects.subList(1, 4)).allMatch(line -> line.startsWith("intake.csv,"));
        assertThat(rejects.subList(4, rejects.size())).allMatch(line -> line.startsWith("sessions.csv,"));
        assertThat(rejects.stream().filter(line -> line.endsWith(",conflicting duplicate"))).hasSize(3);
        List<Long> sessionLines = rejects.subList(4, rejects.size()).stream()
                .map(line -> Long.parseLong(line.split(",")[1])).toList();
        assertThat(sessionLines).isSorted();
    }
}
