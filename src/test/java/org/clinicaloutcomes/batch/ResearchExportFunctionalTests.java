package org.clinicaloutcomes.batch;

import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.ingest.ExportMapping;
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

/**
 * The research job end to end on researchers' own exports (RESEARCH.md), a long and a wide file
 * read as they are, with the real readers, the real HSQLDB job repository (in memory) and real
 * files: the step counters and the export's counts tell what happened to every row.
 */
class ResearchExportFunctionalTests extends WorkedExampleJobSupport {

    @TempDir
    static Path stateDir;

    @TempDir
    Path exports;

    @Autowired
    @Qualifier("researchJob")
    Job researchJob;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        jobProperties(registry, "research-export-functional", stateDir);
    }

    @Test
    void aLongExportWithCodedArmsUnlistedWavesAndABadCellKeepsEveryRowAccountedFor() throws Exception {
        // given a long export: arms coded 1/2, NaN and -99 for missing, 20.0 for 20, a bad score cell
        // beside a good one, a later row with another arm, an unlisted wave, an exact and a
        // conflicting duplicate, and an arm code no approach maps
        Path file = Files.writeString(exports.resolve("trial.csv"), String.join("\n",
                "pid,arm,clin,visit,score,phq",
                "P1,1,C1,0,40,15",
                "P1,1,C1,1,30,12",
                "P1,1,C1,2,20.0,9",
                "P2,2,,0,50,NaN",
                "P2,2,,1,abc,10",
                "P2,2,,2,35,-99",
                "P2,1,,3,30,8",
                "P3,1,C2,9,10,5",
                "P3,1,C2,0,44,20",
                "P3,1,C2,0,44,20",
                "P3,1,C2,1,40,18",
                "P3,1,C2,1,41,18",
                "P4,3,C1,0,30,10",
                ""), StandardCharsets.UTF_8);
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("client_id", "pid");
        columns.put("approach", "arm");
        columns.put("clinician_id", "clin");
        columns.put("wave", "visit");
        columns.put("pcl5", "score");
        columns.put("phq9", "phq");
        ExportMapping export = new ExportMapping(ExportMapping.Layout.LONG, file, columns,
                Map.of("approach", Map.of("1", "CPT", "2", "PE")), List.of("0", "1", "2", "3"), Map.of(), null, null,
                false, null, List.of("-99"), ',', StandardCharsets.UTF_8);
        Path report = output.resolve("long");

        // when
        JobExecution execution = run(export, List.of("CPT", "PE"), report, "functional-long-1").execution();

        // then: 13 rows read. First reading: 11 accepted, 1 skipped (wave 9: filtered), 1 rejected
        // (P4's unknown approach); P2's row with another arm is a conflicting participant value, so
        // 10 accepted and 2 rejected. Second reading: of those 10, 1 exact duplicate (filtered)
        // and 1 conflicting duplicate (rejected); the 3 rows settled by the first reading are filtered.
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(StepCounters.of(jdbc, execution.getId())).containsExactly(
                entry("intake", new StepCounters(13, 10, 1, 2)),
                entry("sessions", new StepCounters(13, 8, 4, 1)),
                entry("duplicates", new StepCounters(8, 8, 0, 0)),
                entry("window", new StepCounters(0, 0, 0, 0)),
                entry("analysis", new StepCounters(3, 0, 0, 0)),
                entry("analysis.partition:partition0", new StepCounters(3, 0, 0, 0)),
                entry("outcomes", new StepCounters(3, 0, 0, 0)),
                entry("publish", new StepCounters(0, 0, 0, 0)));
        JobFacts facts = JobFacts.of(execution.getExecutionContext());
        // read = accepted + rejected + duplicates + skipped
        assertThat(facts.counts(InputFileKind.INTAKE)).isEqualTo(new IngestCounts(13, 8, 3, 1, 1));
        assertThat(facts.reportedFiles()).containsExactly(entry(InputFileKind.INTAKE, "trial.csv"));
        assertThat(Files.readAllLines(report.resolve("rejects.csv"), StandardCharsets.UTF_8)).containsExactly(
                "file,line,column,reason",
                "trial.csv,6,score,not an integer",
                "trial.csv,8,arm,conflicting participant value",
                "trial.csv,13,,conflicting duplicate",
                "trial.csv,14,arm,unknown approach");
        // the bad cell rejects that cell only: P2 keeps its PHQ-9 at wave 1 and its PCL-5 at 0 and 2
        List<String> episodes = Files.readAllLines(report.resolve("csv/episode_outcomes.csv"), StandardCharsets.UTF_8);
        // a research run computes JT by default: its category column comes last
        assertThat(episodes.get(0)).endsWith(",category,baseline_wave,final_wave,category_JT");
        assertThat(episodes.subList(1, episodes.size())).extracting(line -> {
            String[] cells = line.split(",", -1);
            return String.join(" ", cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[7],
                    cells[cells.length - 3], cells[cells.length - 2], "JT:" + cells[cells.length - 1]);
        }).containsExactly(
                // JT is left out: the bundled PCL-5 and PHQ-9 have a fixed threshold, no reliability
                "P1 CPT C1 pcl5 40.0 20.0 3 0 2 JT:",
                "P3 CPT C2 pcl5 44.0 40.0 2 0 1 JT:",
                "P1 CPT C1 phq9 15.0 9.0 3 0 2 JT:",
                "P3 CPT C2 phq9 20.0 18.0 2 0 1 JT:",
                "P2 PE unknown pcl5 50.0 35.0 2 0 2 JT:");
        assertThat(report.resolve("csv/activity.csv")).doesNotExist();
    }

    @Test
    void aWideExportReadsEachWaveColumnAndRejectsASecondRowOfAParticipant() throws Exception {
        // given a wide export with semicolons: one row per participant, a column per wave and
        // instrument, a participant on two rows, a bad cell beside a good one
        Path file = Files.writeString(exports.resolve("prepost.csv"), String.join("\n",
                "id;group;pre;post;phq_pre;phq_post",
                "A1;TAU;50;30;20;10",
                "A2;TAU;45;;18;x",
                "A1;TAU;50;30;20;10",
                "A3;PE;60;20;25;5",
                ""), StandardCharsets.UTF_8);
        ExportMapping export = new ExportMapping(ExportMapping.Layout.WIDE, file,
                Map.of("client_id", "id", "approach", "group"), Map.of(), List.of("pre", "post"),
                Map.of("pre", Map.of("pcl5", "pre", "phq9", "phq_pre"), "post", Map.of("pcl5", "post", "phq9", "phq_post")),
                null, null, true, null, List.of(), ';', StandardCharsets.UTF_8);
        Path report = output.resolve("wide");

        // when
        JobExecution execution = run(export, List.of(), report, "functional-wide-1").execution();

        // then: 4 rows, 3 participants, one duplicate client_id; A2's bad post PHQ-9 is a cell reject
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(StepCounters.of(jdbc, execution.getId())).containsEntry("intake", new StepCounters(4, 3, 0, 1))
                .containsEntry("sessions", new StepCounters(4, 3, 1, 0));
        JobFacts facts = JobFacts.of(execution.getExecutionContext());
        assertThat(facts.counts(InputFileKind.INTAKE)).isEqualTo(new IngestCounts(4, 3, 1, 0, 0));
        assertThat(facts.exportApproaches()).containsExactly("TAU", "PE");
        assertThat(Files.readAllLines(report.resolve("rejects.csv"), StandardCharsets.UTF_8)).containsExactly(
                "file,line,column,reason",
                "prepost.csv,3,phq_post,not an integer",
                "prepost.csv,4,id,duplicate client_id");
        List<String> byApproach = Files.readAllLines(report.resolve("csv/outcomes_by_approach.csv"), StandardCharsets.UTF_8);
        assertThat(byApproach.subList(1, byApproach.size())).extracting(line -> String.join(" ",
                        List.of(line.split(",", -1)).subList(0, 4)))
                .filteredOn(row -> row.contains(" pcl5 ") || row.contains(" phq9 "))
                .containsExactly("TAU pcl5 2 1", "TAU phq9 2 1", "PE pcl5 1 1", "PE phq9 1 1", "ALL pcl5 3 2",
                        "ALL phq9 3 2");
    }

    /**
     * Runs the research job (a holder of the execution: spring-batch-test takes a method of the
     * test class returning a JobExecution for its job-scope factory).
     */
    private Finished run(ExportMapping export, List<String> approaches, Path report, String runId) throws Exception {
        jobOperatorTestUtils.setJob(researchJob);
        RunParameters run = new RunParameters(JobKind.RESEARCH, export.file().getParent(), report, null, 0, null, null,
                null, null, "bundled", approaches, "pcl5", false, 50, true, runId, "x", "x", LocalDate.of(2026, 12, 3),
                "research", export, SignificanceMethod.DEFAULT);
        return new Finished(jobOperatorTestUtils.startJob(run.toJobParameters()));
    }

    private record Finished(JobExecution execution) {
    }
}
