package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutcomeCsvFiles} on the hand-built practice of {@link CohortFixture}: file set, columns,
 * the CSV rules of REPORTS.md (UTF-8 without BOM, {@code \n}, counts as integers, empty cells for
 * undefined values, flags {@code true}/{@code false}) and byte-identical output.
 */
class OutcomeCsvFilesTest {

    @TempDir
    Path folder;

    private final OutcomeTables monthly = CohortFixture.analyse(true);

    @Test
    void aMonthlyRunWritesThirteenFilesAResearchRunNoneOfTheMonitoringFiles() throws IOException {
        List<Path> written = OutcomeCsvFiles.write(folder.resolve("monthly"), monthly, true);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "episode_outcomes.csv", "outcomes_by_approach.csv", "approach_comparison.csv", "trajectories.csv",
                "pcl5_clusters.csv", "clinicians.csv", "subgroups.csv", "activity.csv", "alerts.csv",
                "monthly_series.csv", "expected_recovery.csv", "expected_recovery_check.csv", "attention.csv");
        assertThat(written).allSatisfy(p -> assertThat(p).isRegularFile());

        List<Path> research = OutcomeCsvFiles.write(folder.resolve("research"), CohortFixture.analyse(false), false);
        assertThat(research).hasSize(9).last().satisfies(p ->
                assertThat(p.getFileName().toString()).isEqualTo("clinical_significance.csv"));
        assertThat(folder.resolve("research").resolve("alerts.csv")).doesNotExist();
        assertThat(folder.resolve("research").resolve("monthly_series.csv")).doesNotExist();
        assertThat(OutcomeCsvFiles.files(false)).doesNotContain("alerts.csv", "monthly_series.csv",
                "expected_recovery.csv", "expected_recovery_check.csv", "attention.csv");
    }

    @Test
    void everyFileFollowsTheCsvRules() throws IOException {
        OutcomeCsvFiles.write(folder, monthly, true);
        for (String file : OutcomeCsvFiles.files(true)) {
            byte[] bytes = Files.readAllBytes(folder.resolve(file));
            assertThat(bytes.length).as(file).isGreaterThan(3);
            assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as(file + " has no BOM")
                    .isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as(file).doesNotContain("\r").endsWith("\n")
                    .doesNotContain("NaN").doesNotContain("Infinity");
            List<CSVRecord> records = parse(text);
            assertThat(records.get(0).values()).as(file + " header").containsExactlyElementsOf(OutcomeCsvFiles.columns(file));
            for (CSVRecord record : records) {
                assertThat(record.size()).as(file + " line " + record.getRecordNumber())
                        .isEqualTo(OutcomeCsvFiles.columns(file).size());
            }
        }
    }

    @Test
    void theColumnsReportsMdFixes() {
        assertThat(String.join(",", OutcomeCsvFiles.columns("outcomes_by_approach.csv"))).isEqualTo(
                "approach,instrument,n_closed,n_paired,completeness_pct,baseline_mean,baseline_sd,final_mean,final_sd,"
                + "change_mean,change_sd,change_ci_low,change_ci_high,d,g,g_ci_low,g_ci_high,dz,"
                + "n_reliable_improvement,reliable_improvement_pct,reliable_improvement_ci_low,reliable_improvement_ci_high,"
                + "n_reliable_deterioration,reliable_deterioration_pct,n_cases,n_recovered,recovery_pct,"
                + "recovery_ci_low,recovery_ci_high,n_reliable_recovery,reliable_recovery_pct,n_response,response_pct,"
                + "sessions_median,sessions_q1,sessions_q3,dropout_pct,n_no_reliable_change,no_reliable_change_pct");
        assertThat(String.join(",", OutcomeCsvFiles.columns("episode_outcomes.csv"))).startsWith(
                "client_id,approach,clinician_id,instrument,baseline,final,change,n_scores,reliable_improvement,"
                + "reliable_deterioration,case_at_baseline,recovered,reliable_recovery,response,");
        assertThat(String.join(",", OutcomeCsvFiles.columns("approach_comparison.csv"))).startsWith(
                "instrument,anova_f,anova_df_between,anova_df_within,anova_p,kruskal_h,kruskal_df,kruskal_p,"
                + "chi2,chi2_df,chi2_p");
        assertThat(String.join(",", OutcomeCsvFiles.columns("trajectories.csv")))
                .startsWith("approach,instrument,k,n,mean,sd,ci_low,ci_high");
        assertThat(OutcomeCsvFiles.columns("activity.csv")).contains("period");
        assertThatThrownBy(() -> OutcomeCsvFiles.columns("rejects.csv")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void episodeOutcomeCells() throws IOException {
        List<String> lines = write("episode_outcomes.csv");
        assertThat(lines).hasSize(1 + 10);
        // A1 pcl5 50 -> 30 over 3 scores: RI, not RD, case, recovered, reliable recovery, no response
        // (30 > 25): category recovered.
        assertThat(lines).contains(
                "A1,DBT,CL1,pcl5,50.0,30.0,-20.0,3,true,false,true,true,true,false,20.0,"
                        + "2026-01-10,2026-03-10,2026-01-10,2026-05-20,completed,4,recovered",
                // higher is better: response does not apply
                "A1,DBT,CL1,well,30.0,45.0,15.0,2,true,false,true,true,true,,15.0,"
                        + "2026-01-10,2026-03-10,2026-01-10,2026-05-20,completed,4,recovered",
                // no cut-off: caseness flags empty; neither RI nor RD: unchanged
                "A1,DBT,CL1,ders16,60.0,50.0,-10.0,2,false,false,,,,false,10.0,"
                        + "2026-01-10,2026-03-10,2026-01-10,2026-05-20,completed,4,unchanged");
    }

    @Test
    void anApproachWithoutEpisodesHasZeroCountsAndEmptyCells() throws IOException {
        List<String> lines = write("outcomes_by_approach.csv");
        assertThat(lines).hasSize(1 + 5 * 4);
        List<String> empty13 = Collections.nCopies(13, "");
        // n_closed, n_paired 0; completeness and the 13 statistics empty; counts 0; rates, CIs,
        // sessions, dropout empty; no reliable change 0 with its rate empty.
        List<String> pcl5 = new ArrayList<>(List.of("ACT", "pcl5", "0", "0", ""));
        pcl5.addAll(empty13);
        pcl5.addAll(List.of("0", "", "", "", "0", "", "0", "0", "", "", "", "0", "", "0", "", "", "", "", "", "0", ""));
        assertThat(lines).contains(String.join(",", pcl5));
        // ders16 has no cut-off: n_cases, n_recovered, n_reliable_recovery empty, not 0.
        List<String> ders = new ArrayList<>(List.of("ACT", "ders16", "0", "0", ""));
        ders.addAll(empty13);
        ders.addAll(List.of("0", "", "", "", "0", "", "", "", "", "", "", "", "", "0", "", "", "", "", "", "0", ""));
        assertThat(lines).contains(String.join(",", ders));
        // well is higher-is-better: n_response empty.
        List<String> well = new ArrayList<>(List.of("ACT", "well", "0", "0", ""));
        well.addAll(empty13);
        well.addAll(List.of("0", "", "", "", "0", "", "0", "0", "", "", "", "0", "", "", "", "", "", "", "", "0", ""));
        assertThat(lines).contains(String.join(",", well));
    }

    @Test
    void otherTablesCells() throws IOException {
        // phq9: only DBT has n >= 2: no test; 1 approach of 2 paired episodes
        assertThat(write("approach_comparison.csv")).contains("phq9,,,,,,,,,,,1,2");
        // DBT pcl5 k = 3: A1's 30 only
        assertThat(write("trajectories.csv")).contains("DBT,pcl5,3,1,30.0,,,");
        // ALL cluster B: 14, 18 -> 16 (SD sqrt 8); 7, 10 -> 8.5 (SD sqrt 4.5); change -7, -8 -> -7.5 (SD sqrt 0.5);
        // diagnosis 2 of 2 at baseline, 1 of 2 at final
        assertThat(write("pcl5_clusters.csv")).contains(
                "ALL,B,Intrusion,1,5,2,16.0," + Math.sqrt(8) + ",8.5," + Math.sqrt(4.5) + ",-7.5," + Math.sqrt(0.5)
                        + ",2,100.0,1,50.0",
                "ACT,C,Avoidance,6,7,0,,,,,,,0,,0,");
        // CL2: A2 +12, no RI, a case not recovered; practice 50 %; limits at n = 1 clamped. Open at
        // the end of June: B3 (discharged in July) and C3. A2 is a dropout and a reliable
        // deterioration. Attended sessions in the window: A2 02-01, 03-01 (both PCL-5), B3 04-01,
        // 06-20 (no PCL-5), C3 06-10 (PCL-5): 3 of 5 = 60 %. Practice dropout q = 1 / 6 closed;
        // at n = 1: 95 % 100 x (1/6 +- 1.96 x sqrt(5/36)) = [0, 89.71...], 99.8 % [0, 100]. RI 0 % is
        // within [0, 100]; dropout 100 % is above 89.71 but not above 100: above_95.
        assertThat(write("clinicians.csv")).contains("CL2,pcl5,1,1,12.0,0,0.0,1,0,0.0,50.0,0.0,100.0,0.0,100.0,"
                + "2,1,100.0,1,100.0,60.0,16.666666666666668,0.0,89.7115539316598,0.0,100.0,within,above_95");
        assertThat(write("subgroups.csv")).contains("ALL,pcl5,index_event,birth,0,0,,,0,",
                "ALL,pcl5,index_event,icu,3,2,-14.0," + Math.sqrt(72) + ",1,50.0");
        assertThat(write("activity.csv")).containsExactly(
                "period,approach,intakes,discharges,discharges_completed,discharges_dropout,discharges_referred,"
                        + "discharges_other,caseload,attended_sessions,missed_sessions,missed_session_pct",
                "2026-06,DBT,0,1,0,1,0,0,0,0,1,100.0",
                "2026-06,CPT,0,0,0,0,0,0,2,2,0,0.0",
                "2026-06,ACT,0,0,0,0,0,0,0,0,0,",
                "2026-06,TAU,1,2,1,0,0,1,2,2,2,50.0",
                "2026-06,ALL,1,3,1,1,0,1,4,4,3,42.857142857142854");
        assertThat(write("alerts.csv")).containsExactly(
                "client_id,approach,clinician_id,instrument,baseline,latest,change,latest_date,baseline_date,n_scores,intake_date",
                "B2,CPT,CL3,pcl5,30.0,45.0,15.0,2026-06-01,2026-03-01,2,2026-03-01",
                "B3,CPT,CL2,phq9,5.0,12.0,7.0,2026-06-20,2026-04-01,2,2026-04-01");
    }

    @Test
    void textIsQuotedAndProtectedAgainstFormulas() throws IOException {
        // Approach names come from the configuration; one that a spreadsheet would run is prefixed.
        CohortAnalysis analysis = new CohortAnalysis(CohortFixture.INSTRUMENTS, List.of("=X", "A,B"), "pcl5",
                CohortFixture.WINDOW, true);
        analysis.add(new CohortFixture.Builder(0, "Z1", "=X", "CL1", "2026-01-10").discharged("2026-02-01", "completed")
                .attended("2026-01-10", 40, Double.NaN, Double.NaN, Double.NaN)
                .attended("2026-01-20", 20, Double.NaN, Double.NaN, Double.NaN).data());
        OutcomeCsvFiles.write(folder, analysis.finish(), true);
        List<String> lines = Files.readAllLines(folder.resolve("activity.csv"));
        assertThat(lines.get(1)).startsWith("2026-06,'=X,");
        assertThat(lines.get(2)).startsWith("2026-06,\"A,B\",");
        assertThat(Files.readAllLines(folder.resolve("episode_outcomes.csv")).get(1)).startsWith("Z1,'=X,CL1,pcl5,");
    }

    @Test
    void identicalTablesGiveIdenticalBytes() throws IOException {
        OutcomeCsvFiles.write(folder.resolve("a"), monthly, true);
        OutcomeCsvFiles.write(folder.resolve("b"), CohortFixture.analyse(true), true);
        // Writing again over existing files replaces them.
        OutcomeCsvFiles.write(folder.resolve("b"), CohortFixture.analyse(true), true);
        for (String file : OutcomeCsvFiles.files(true)) {
            assertThat(Files.readAllBytes(folder.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(folder.resolve("a").resolve(file)));
        }
    }

    private List<String> write(String file) throws IOException {
        OutcomeCsvFiles.write(folder, monthly, true);
        return Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
