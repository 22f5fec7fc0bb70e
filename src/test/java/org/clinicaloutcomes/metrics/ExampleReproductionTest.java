package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Reproduces every row of the example's {@code outcomes_by_approach.csv},
 * {@code approach_comparison.csv} and {@code trajectories.csv} from the episodes of
 * {@link ExampleData}, to the contract's tolerance (1e-9 relative, 1e-9 absolute near zero;
 * an empty cell is {@code null}).
 */
class ExampleReproductionTest {

    private static final List<String> APPROACHES = List.of("DBT", "CPT", "ACT", "PE");
    private static final Instrument[] INSTRUMENTS = TestInstruments.DEFAULTS;
    private static final int MAX_K = 20;

    /** A closed episode of the example. */
    private record Episode(String client, String approach, String reason, int attendedSessions,
                           Map<String, double[]> scores) {
    }

    private static List<Episode> episodes() {
        List<Episode> episodes = new ArrayList<>();
        for (String line : ExampleData.EPISODES.strip().split("\n")) {
            String[] parts = line.split("\\|");
            String[] head = parts[0].trim().split(" ");
            Map<String, double[]> scores = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] fields = parts[i].trim().split(" ");
                scores.put(fields[0], Arrays.stream(fields).skip(1).mapToDouble(Double::parseDouble).toArray());
            }
            episodes.add(new Episode(head[0], head[1], head[2], Integer.parseInt(head[3]), scores));
        }
        return episodes;
    }

    private static List<Episode> ofApproach(List<Episode> all, String approach) {
        return approach.equals("ALL") ? all : all.stream().filter(e -> e.approach().equals(approach)).toList();
    }

    private static List<EpisodeOutcome> pairedOutcomes(List<Episode> episodes, Instrument instrument) {
        List<EpisodeOutcome> outcomes = new ArrayList<>();
        for (Episode episode : episodes) {
            double[] scores = episode.scores().get(instrument.key());
            if (scores.length >= 2) {
                outcomes.add(EpisodeOutcome.of(instrument, scores[0], scores[scores.length - 1], scores.length));
            }
        }
        return outcomes;
    }

    @Test
    void theEpisodesMatchTheExampleCounts() {
        List<Episode> all = episodes();
        assertThat(all).hasSize(38);
        long paired = all.stream().flatMap(e -> e.scores().values().stream()).filter(s -> s.length >= 2).count();
        assertThat(paired).isEqualTo(121);
    }

    @Test
    void outcomesByApproach() {
        List<Episode> all = episodes();
        List<String[]> expected = rows(ExampleData.EXPECTED_OUTCOMES);
        int row = 0;
        for (String approach : concat(APPROACHES, "ALL")) {
            List<Episode> group = ofApproach(all, approach);
            int[] sessions = group.stream().mapToInt(Episode::attendedSessions).toArray();
            int dropouts = (int) group.stream().filter(e -> e.reason().equals("dropout")).count();
            for (Instrument instrument : INSTRUMENTS) {
                GroupOutcomes outcomes = GroupOutcomes.of(instrument, pairedOutcomes(group, instrument),
                        group.size(), sessions, dropouts);
                String[] cells = expected.get(row++);
                assertThat(cells[0]).isEqualTo(approach);
                assertThat(cells[1]).isEqualTo(instrument.key());
                // The last two components (dropouts, positive baselines) are not columns.
                assertCells(approach + "," + instrument.key(), outcomes, Arrays.copyOfRange(cells, 2, cells.length), 2);
            }
        }
        assertThat(row).isEqualTo(expected.size());
    }

    @Test
    void approachComparison() {
        List<Episode> all = episodes();
        List<String[]> expected = rows(ExampleData.EXPECTED_COMPARISON);
        for (int i = 0; i < INSTRUMENTS.length; i++) {
            Instrument instrument = INSTRUMENTS[i];
            List<List<EpisodeOutcome>> groups = new ArrayList<>();
            for (String approach : APPROACHES) {
                // Every approach, small ones included: compare() leaves out groups with n < 2.
                groups.add(pairedOutcomes(ofApproach(all, approach), instrument));
            }
            String[] cells = expected.get(i);
            assertThat(cells[0]).isEqualTo(instrument.key());
            assertCells(instrument.key(), ApproachComparison.compare(groups), Arrays.copyOfRange(cells, 1, cells.length));
        }
    }

    @Test
    void trajectories() {
        List<Episode> all = episodes();
        List<String[]> expected = rows(ExampleData.EXPECTED_TRAJECTORIES);
        int row = 0;
        for (String approach : APPROACHES) {
            for (Instrument instrument : INSTRUMENTS) {
                List<double[]> paired = ofApproach(all, approach).stream()
                        .map(e -> e.scores().get(instrument.key())).filter(s -> s.length >= 2).toList();
                for (int k = 1; k <= MAX_K; k++) {
                    int index = k - 1;
                    double[] kth = paired.stream().filter(s -> s.length > index).mapToDouble(s -> s[index]).toArray();
                    if (kth.length == 0) {
                        continue; // rows with n = 0 are left out
                    }
                    String[] cells = expected.get(row++);
                    String key = approach + "," + instrument.key() + "," + k;
                    assertThat(cells[0] + "," + cells[1] + "," + cells[2]).isEqualTo(key);
                    assertCells(key, TrajectoryPoint.of(kth), Arrays.copyOfRange(cells, 3, cells.length));
                }
            }
        }
        assertThat(row).isEqualTo(expected.size());
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> result = new ArrayList<>(list);
        result.add(last);
        return result;
    }

    private static List<String[]> rows(String csv) {
        // The expected files are plain: no quoting, no embedded commas.
        return Arrays.stream(csv.strip().split("\n")).skip(1).map(line -> line.split(",", -1)).toList();
    }

    private static void assertCells(String rowKey, Record actual, String[] expectedCells) {
        assertCells(rowKey, actual, expectedCells, 0);
    }

    /** The record's components but its last {@code notColumns} against the expected cells, in order. */
    private static void assertCells(String rowKey, Record actual, String[] expectedCells, int notColumns) {
        var components = actual.getClass().getRecordComponents();
        assertThat(expectedCells).as(rowKey + " cell count").hasSize(components.length - notColumns);
        for (int i = 0; i < expectedCells.length; i++) {
            Object value;
            try {
                value = components[i].getAccessor().invoke(actual);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            String description = rowKey + " " + components[i].getName();
            String cell = expectedCells[i];
            if (cell.isEmpty()) {
                assertThat(value).as(description).isNull();
            } else {
                assertThat(value).as(description).isNotNull();
                double expected = Double.parseDouble(cell);
                double actualValue = ((Number) value).doubleValue();
                assertThat(actualValue).as(description)
                        .isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(expected))));
                if (value instanceof Integer) {
                    assertThat(cell).as(description + " is a plain integer").doesNotContain(".");
                }
            }
        }
    }
}
