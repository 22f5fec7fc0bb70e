package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real, published data (shared/external, SOURCE.md) converted into the input format and run
 * through the research job of the packaged jar, with instrument files carrying the
 * publications' reliability, SD and cut-off: the pipeline must reproduce the published counts.
 */
class PublishedDataIT {

    static final Path EXTERNAL = JarRunner.SHARED.resolve("external");
    static final String INTAKE_HEADER = "client_id,intake_date,approach,clinician_id,discharge_date,discharge_reason\n";
    static final String INSTRUMENT_HEADER = "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,rc_reliability\n";
    static final LocalDate START = LocalDate.of(2020, 1, 6);

    @TempDir
    Path work;

    @Test
    void claus2020BdiCountsOfTheClinicalSignificanceArticles() throws Exception {
        // given waves 1 (pre) and 4 (post) of the BDI-II as the sessions of one episode per patient,
        // discharged on the day of wave 4 (a research run without dates ends at the latest session)
        Path input = Files.createDirectories(work.resolve("claus"));
        StringBuilder intake = new StringBuilder(INTAKE_HEADER);
        StringBuilder sessions = new StringBuilder("client_id,session_date,session_number,bdi\n");
        Map<String, String> seen = new TreeMap<>();
        for (CSVRecord row : records(EXTERNAL.resolve("claus_2020.csv"))) {
            String client = "P" + row.get("id");
            int wave = Integer.parseInt(row.get("time"));
            if (seen.put(client, row.get("treatment")) == null) {
                intake.append(client).append(',').append(START).append(',').append(row.get("treatment"))
                        .append(",C1,").append(START.plusDays(21)).append(",completed\n");
            }
            if (wave == 1 || wave == 4) {
                sessions.append(client).append(',').append(START.plusDays(7L * (wave - 1))).append(',')
                        .append(wave).append(',').append(row.get("bdi")).append('\n');
            }
        }
        Files.writeString(input.resolve("intake.csv"), intake);
        Files.writeString(input.resolve("sessions.csv"), sessions);
        // M_pre 35.475, SD_pre 8.1586, reliability .801, cut-off M_pre - 2 SD_pre = 19.1578 (lower = better)
        Path instruments = work.resolve("claus-instruments.csv");
        Files.writeString(instruments, INSTRUMENT_HEADER + "bdi,BDI-II,0,63,false,true,19.1578,,8.1586,0.801\n");

        // when
        Path output = work.resolve("claus-report");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--input=" + input,
                "--output=" + output, "--instruments=" + instruments, "--approaches=TAU,PA",
                "--primary-instrument=bdi", "--suppression=false", "--quiet");

        // then: 43 patients, 40 complete pairs, 18 reliably improved, 0 deteriorated, 10 recovered
        // (reliably improved and below the cut-off), 11 with at least 50 % reduction (TAU 2, PA 9)
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Map<String, String>> byApproach = byApproach(output.resolve("csv/outcomes_by_approach.csv"), "bdi");
        Map<String, String> all = byApproach.get("ALL");
        assertThat(all.get("n_closed")).isEqualTo("43");
        assertThat(all.get("n_paired")).isEqualTo("40");
        assertThat(Double.parseDouble(all.get("baseline_mean"))).isCloseTo(35.475, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(all.get("n_reliable_improvement")).isEqualTo("18");
        assertThat(all.get("n_reliable_deterioration")).isEqualTo("0");
        assertThat(all.get("n_reliable_recovery")).isEqualTo("10");
        assertThat(all.get("n_response")).isEqualTo("11");
        assertThat(byApproach.get("TAU").get("n_response")).isEqualTo("2");
        assertThat(byApproach.get("PA").get("n_response")).isEqualTo("9");
    }

    @Test
    void jacobson1989DasCountsOfJacobsonAndTruax1991() throws Exception {
        // given the 30 couples' DAS (higher = better, half points) before and after marital therapy
        Path input = Files.createDirectories(work.resolve("jacobson"));
        StringBuilder intake = new StringBuilder(INTAKE_HEADER);
        StringBuilder sessions = new StringBuilder("client_id,session_date,session_number,das\n");
        Map<String, Boolean> seen = new TreeMap<>();
        for (CSVRecord row : records(EXTERNAL.resolve("jacobson_1989.csv"))) {
            String client = "C" + row.get("subject");
            boolean pre = row.get("time").equals("pre");
            if (seen.put(client, true) == null) {
                intake.append(client).append(',').append(START).append(",MT,T1,")
                        .append(START.plusDays(84)).append(",completed\n");
            }
            sessions.append(client).append(',').append(pre ? START : START.plusDays(84)).append(',')
                    .append(pre ? 1 : 2).append(',').append(row.get("das")).append('\n');
        }
        Files.writeString(input.resolve("intake.csv"), intake);
        Files.writeString(input.resolve("sessions.csv"), sessions);
        // reliability .84, SD_pre 11.83, criterion A = M_pre + 2 SD_pre = 105.2 (higher = better)
        Path instruments = work.resolve("das-instruments.csv");
        Files.writeString(instruments, INSTRUMENT_HEADER + "das,DAS,0,151,true,false,105.2,,11.83,0.84\n");

        // when
        Path output = work.resolve("jacobson-report");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--input=" + input,
                "--output=" + output, "--instruments=" + instruments, "--approaches=MT",
                "--primary-instrument=das", "--suppression=false", "--quiet");

        // then: 10 recovered, 8 improved (not recovered), 11 unchanged, 1 deteriorated
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, String> all = byApproach(output.resolve("csv/outcomes_by_approach.csv"), "das").get("ALL");
        int improved = Integer.parseInt(all.get("n_reliable_improvement"));
        int recovered = Integer.parseInt(all.get("n_reliable_recovery"));
        int deteriorated = Integer.parseInt(all.get("n_reliable_deterioration"));
        assertThat(all.get("n_paired")).isEqualTo("30");
        assertThat(recovered).as("recovered").isEqualTo(10);
        assertThat(improved - recovered).as("improved, not recovered").isEqualTo(8);
        assertThat(30 - improved - deteriorated).as("unchanged").isEqualTo(11);
        assertThat(deteriorated).as("deteriorated").isEqualTo(1);
        assertThat(all.get("n_response")).as("no response on a higher-is-better scale").isEmpty();
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private static Map<String, Map<String, String>> byApproach(Path file, String instrument) throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (Map<String, String> row : CsvAssert.read(file)) {
            if (row.get("instrument").equals(instrument)) {
                rows.put(row.get("approach"), row);
            }
        }
        return rows;
    }
}
