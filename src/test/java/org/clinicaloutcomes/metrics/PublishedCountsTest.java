package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.SharedFiles;
import org.junit.jupiter.api.Test;

/**
 * The definitions of {@link EpisodeOutcome} and {@link GroupOutcomes} reproduce the counts
 * published for two real data sets kept in {@code ../shared/external} (see its SOURCE.md).
 * Skipped when that folder is not beside the project.
 */
class PublishedCountsTest {

    private static final Path EXTERNAL = SharedFiles.ROOT.resolve("external");

    @Test
    void jacobsonTruax1991MaritalTherapyHigherIsBetter() throws IOException {
        // Jacobson & Truax 1991, Table 2: DAS (higher = better), 30 couples, reliability 0.84,
        // SD_pre 11.83: RC = 1.96 × 11.83 × sqrt(0.32) = 13.1164; criterion A = M_pre + 2 × 11.83
        // = 81.5833 + 23.66 = 105.2433 (the paper's 105.2). Published: 10 recovered, 8 improved,
        // 11 unchanged, 1 deteriorated.
        List<String[]> rows = read("jacobson_1989.csv");
        Map<String, double[]> prePost = new LinkedHashMap<>();
        for (String[] row : rows) {
            double[] pair = prePost.computeIfAbsent(row[0], key -> new double[2]);
            pair[row[1].equals("pre") ? 0 : 1] = Double.parseDouble(row[2]);
        }
        double meanPre = Statistics.mean(prePost.values().stream().mapToDouble(pair -> pair[0]).toArray());
        assertThat(meanPre).isCloseTo(81.5833, within(1e-4));
        Instrument das = new Instrument("das", "DAS", 0, 151, true, false, meanPre + 2 * 11.83,
                Instrument.jacobsonTruax(11.83, 0.84));

        List<EpisodeOutcome> outcomes = new ArrayList<>();
        prePost.values().forEach(pair -> outcomes.add(EpisodeOutcome.of(das, pair[0], pair[1], 2)));
        assertThat(outcomes).hasSize(30);
        GroupOutcomes group = GroupOutcomes.of(das, outcomes, 30, new int[30], 0);

        assertThat(group.nCases()).isEqualTo(30);
        assertThat(group.nReliableRecovery()).as("recovered").isEqualTo(10);
        assertThat(group.nReliableImprovement() - group.nReliableRecovery()).as("improved").isEqualTo(8);
        assertThat(group.nReliableDeterioration()).as("deteriorated").isEqualTo(1);
        assertThat(30 - group.nReliableImprovement() - group.nReliableDeterioration()).as("unchanged").isEqualTo(11);
        assertThat(group.nResponse()).isNull();
    }

    @Test
    void claus2020DepressionLowerIsBetter() throws IOException {
        // BDI-II, waves 1 and 4, complete pairs (40 of 43): M_pre 35.475, SD_pre 8.1586.
        // RC = 1.96 × SD_pre × sqrt(2 × 0.199) = 10.0882; cut-off a = M_pre − 2 SD_pre = 19.1577.
        // Published: 18 reliably improved, 22 unchanged, 0 deteriorated; 10 recovered; 11 with a
        // reduction of at least 50 % (TAU 2, PA 9).
        Map<String, String[]> wave1 = new LinkedHashMap<>();
        Map<String, String[]> wave4 = new LinkedHashMap<>();
        for (String[] row : read("claus_2020.csv")) {
            if (row[4].equals("1")) {
                wave1.put(row[0], row);
            } else if (row[4].equals("4")) {
                wave4.put(row[0], row);
            }
        }
        List<double[]> pairs = new ArrayList<>();
        List<String> treatment = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : wave1.entrySet()) {
            String[] post = wave4.get(entry.getKey());
            if (post != null && !entry.getValue()[5].equals("NA") && !post[5].equals("NA")) {
                pairs.add(new double[] {Double.parseDouble(entry.getValue()[5]), Double.parseDouble(post[5])});
                treatment.add(entry.getValue()[3]);
            }
        }
        assertThat(pairs).hasSize(40);
        double[] pre = pairs.stream().mapToDouble(pair -> pair[0]).toArray();
        double meanPre = Statistics.mean(pre);
        double sdPre = Statistics.sampleSd(pre);
        assertThat(meanPre).isCloseTo(35.475, within(1e-12));
        assertThat(sdPre).isCloseTo(8.1586, within(1e-4));
        Instrument bdi = new Instrument("bdi", "BDI-II", 0, 63, false, true, meanPre - 2 * sdPre,
                Instrument.jacobsonTruax(sdPre, 0.801));

        List<EpisodeOutcome> outcomes = pairs.stream().map(pair -> EpisodeOutcome.of(bdi, pair[0], pair[1], 2)).toList();
        GroupOutcomes group = GroupOutcomes.of(bdi, outcomes, 40, new int[40], 0);
        assertThat(group.baselineMean()).isCloseTo(35.475, within(1e-12));
        assertThat(group.nReliableImprovement()).isEqualTo(18);
        assertThat(group.nReliableDeterioration()).isZero();
        assertThat(group.nReliableRecovery()).as("recovered").isEqualTo(10);
        assertThat(group.nResponse()).isEqualTo(11);
        int responsesPa = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            responsesPa += treatment.get(i).equals("PA") && outcomes.get(i).response() ? 1 : 0;
        }
        assertThat(responsesPa).isEqualTo(9);
    }

    /** Rows after the header, fields unquoted (the files hold no embedded commas). */
    private static List<String[]> read(String file) throws IOException {
        Path path = EXTERNAL.resolve(file);
        assumeTrue(Files.isReadable(path), "external data not available: " + path.toAbsolutePath());
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].replace("\"", "").trim();
            }
            rows.add(fields);
        }
        return rows;
    }
}
