package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clinical-significance methods of SIGNIFICANCE.md through the packaged jar, on the published
 * data of {@code ../shared/external} read through their job files in {@code jobs/} (unchanged), or
 * with an instrument file of the published arguments given on the command line: the counts the R
 * package clinicalsignificance publishes (CLINICALSIGNIFICANCE.md, SOURCE.md, SIGNIFICANCE.md),
 * in {@code csv/clinical_significance.csv} and the {@code category_<method>} columns of
 * {@code episode_outcomes.csv}.
 */
class ClinicalSignificanceIT {

    static final double Z2 = 1.959963984540054;
    static final double Z1 = 1.6448536269514722;

    @TempDir
    Path work;

    @Test
    void claus2020AskingForEveryMethodReproducesThePublishedCounts() throws Exception {
        // given jobs/claus_2020.properties, which asks for every method (BDI-II, r 0.801, 50 %, MID 7, cut-off a)
        Path job = layOut("claus_2020", "instruments-claus_2020.csv");

        // when
        Path output = work.resolve("claus");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--output=" + output, "--quiet");

        // then: one row per method x (TAU, PA, ALL), in the contract's order
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Map<String, String>> rows = CsvAssert.read(output.resolve("csv/clinical_significance.csv"));
        assertThat(rows).extracting(r -> r.get("instrument") + " " + r.get("method") + " " + r.get("approach"))
                .containsExactly("bdi JT TAU", "bdi JT PA", "bdi JT ALL", "bdi GLN TAU", "bdi GLN PA", "bdi GLN ALL",
                        "bdi HLL TAU", "bdi HLL PA", "bdi HLL ALL", "bdi EN TAU", "bdi EN PA", "bdi EN ALL",
                        "bdi NK TAU", "bdi NK PA", "bdi NK ALL", "bdi HA TAU", "bdi HA PA", "bdi HA ALL",
                        "bdi HLM TAU", "bdi HLM PA", "bdi HLM ALL", "bdi percentage TAU", "bdi percentage PA",
                        "bdi percentage ALL", "bdi anchor TAU", "bdi anchor PA", "bdi anchor ALL");
        Map<String, Map<String, String>> row = byMethodAndApproach(rows);
        // JT 18 / 22 / 0; combined with cut-off a (35.475 - 2 x 8.1586): 10 recovered, 8 improved, 0 harmed
        assertThat(counts(row.get("JT ALL"))).isEqualTo("40 18 22 0 | 10 8 0");
        assertThat(Double.parseDouble(row.get("JT ALL").get("cutoff"))).isCloseTo(19.16, within(0.005));
        assertThat(Double.parseDouble(row.get("JT ALL").get("critical_value"))).isEqualTo(Z2);
        // HA 25 / 15 / 0, one-sided
        assertThat(counts(row.get("HA ALL"))).startsWith("40 25 15 0 |");
        assertThat(Double.parseDouble(row.get("HA ALL").get("critical_value"))).isEqualTo(Z1);
        // HLM over all four waves: 5 / 32 / 3
        assertThat(counts(row.get("HLM ALL"))).startsWith("40 5 32 3 |");
        // percentage, 50 %: 11 / 29 / 0 (TAU 2, PA 9); no combined approach, no critical value
        assertThat(counts(row.get("percentage ALL"))).isEqualTo("40 11 29 0 |   ");
        assertThat(row.get("percentage TAU").get("n_improved")).isEqualTo("2");
        assertThat(row.get("percentage PA").get("n_improved")).isEqualTo("9");
        assertThat(row.get("percentage ALL").get("critical_value")).isEmpty();
        assertThat(row.get("percentage ALL").get("cutoff")).isEmpty();
        // anchor, MID 7: 25 / 11 / 4 (TAU 8 / 7 / 4, PA 17 / 4 / 0)
        assertThat(counts(row.get("anchor ALL"))).startsWith("40 25 11 4 |");
        assertThat(counts(row.get("anchor TAU"))).startsWith("19 8 7 4 |");
        assertThat(counts(row.get("anchor PA"))).startsWith("21 17 4 0 |");
        assertThat(row.get("anchor ALL").get("critical_value")).isEmpty();
        // the approaches add up to ALL in every count
        for (String method : List.of("JT", "GLN", "HLL", "EN", "NK", "HA", "HLM", "percentage", "anchor")) {
            for (String column : List.of("n", "n_improved", "n_unchanged", "n_deteriorated")) {
                assertThat(number(row.get(method + " TAU"), column) + number(row.get(method + " PA"), column))
                        .as(method + " " + column).isEqualTo(number(row.get(method + " ALL"), column));
            }
        }

        // and episode_outcomes.csv: one category column per method, the five-way JT one as published
        List<Map<String, String>> episodes = CsvAssert.read(output.resolve("csv/episode_outcomes.csv"));
        assertThat(header(output.resolve("csv/episode_outcomes.csv"))).endsWith(",category_JT,category_GLN,"
                + "category_HLL,category_EN,category_NK,category_HA,category_HLM,category_percentage,category_anchor");
        assertThat(tally(episodes, "category_JT")).isEqualTo(Map.of("recovered", 10L, "improved", 8L, "unchanged", 22L));
        assertThat(tally(episodes, "category_percentage")).isEqualTo(Map.of("improved", 11L, "unchanged", 29L));
        assertThat(tally(episodes, "category_HLM").get("deteriorated") + tally(episodes, "category_HLM")
                .getOrDefault("harmed", 0L)).isEqualTo(3L);
        assertThat(result.out() + result.err()).doesNotContain("clinical significance, bdi");
    }

    @Test
    void claus2020HamdWithTheHagemanArrindellCutoffCAndHsuLinnLord() throws Exception {
        // given the claus_2020 job with another instrument file: HAM-D, r = 0.8, functional mean and SD 8, cut-off c
        Path job = layOut("claus_2020", "instruments-claus_2020.csv");
        Path instruments = work.resolve("instruments-hamd.csv");
        Files.writeString(instruments, "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,"
                + "rc_reliability,reliability,functional_mean,functional_sd,cutoff_type\n"
                + "hamd,HAM-D,0,52,false,true,,5,,,0.8,8,8,c\n", StandardCharsets.UTF_8);

        // when
        Path output = work.resolve("hamd");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--instruments=" + instruments, "--primary-instrument=hamd", "--significance=HA,HLL",
                "--output=" + output, "--quiet");

        // then: HLL 12 / 16 / 12 (the closest published case to its threshold), HA's true-score cut-off c 20.21
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Map<String, String>> row = byMethodAndApproach(
                CsvAssert.read(output.resolve("csv/clinical_significance.csv")));
        assertThat(row.keySet()).containsExactly("HLL TAU", "HLL PA", "HLL ALL", "HA TAU", "HA PA", "HA ALL");
        assertThat(counts(row.get("HLL ALL"))).startsWith("40 12 16 12 |");
        assertThat(Double.parseDouble(row.get("HA ALL").get("cutoff"))).isCloseTo(20.21, within(0.005));
        assertThat(Double.parseDouble(row.get("HLL ALL").get("cutoff")))
                .as("HLL's combined approach: Jacobson & Truax's c on observed scores").isNotEqualTo(
                        Double.parseDouble(row.get("HA ALL").get("cutoff")));
    }

    @Test
    void antidepressantsThroughItsJobFileReproducesJacobsonTruax() throws Exception {
        // given the package's antidepressants data (555 patients, Before / After) and jobs/antidepressants.properties
        Path job = layOut("antidepressants", "instruments-antidepressants.csv");

        // when
        Path output = work.resolve("antidepressants");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--output=" + output, "--quiet");

        // then: JT with r = 0.80 gives 274 / 237 / 44; the four conditions add up to it
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Map<String, String>> row = byMethodAndApproach(
                CsvAssert.read(output.resolve("csv/clinical_significance.csv")));
        assertThat(counts(row.get("JT ALL"))).startsWith("555 274 237 44 |");
        long improved = 0;
        for (String condition : List.of("Wait List", "Inactive Placebo", "Active Placebo", "Antidepressant")) {
            improved += number(row.get("JT " + condition), "n_improved");
        }
        assertThat(improved).isEqualTo(274);
        assertThat(row).containsKeys("GLN ALL", "HLL ALL", "EN ALL", "NK ALL", "HA ALL");
    }

    @Test
    void jacobson1989ByDefaultComputesJacobsonTruaxWithItsCombinedCategories() throws Exception {
        // given jobs/jacobson_1989.properties, which names no method: JT by default, r = rc_reliability 0.84
        Path job = layOut("jacobson_1989", "instruments-jacobson_1989.csv");

        // when
        Path output = work.resolve("jacobson");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--output=" + output, "--quiet");

        // then: Jacobson & Truax 1991, Table 2: 10 recovered, 8 improved, 11 unchanged, 1 deteriorated
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Map<String, String>> row = byMethodAndApproach(
                CsvAssert.read(output.resolve("csv/clinical_significance.csv")));
        assertThat(row.keySet()).containsExactly("JT Marital therapy", "JT ALL");
        assertThat(counts(row.get("JT ALL"))).isEqualTo("30 18 11 1 | 10 8 0");
        assertThat(Double.parseDouble(row.get("JT ALL").get("cutoff"))).isCloseTo(105.2, within(0.05));
    }

    @Test
    void anUndefinedMethodLeavesItsCellsEmptyWithOneWarningAndTheRunGoesOn() throws Exception {
        // given the claus_2020 job with a reliability of 1 for the BDI-II: no measurement error, so
        // the reliable change indices other than NK are undefined (SIGNIFICANCE.md 2.7)
        Path job = layOut("claus_2020", "instruments-claus_2020.csv");
        Path instruments = work.resolve("instruments-r1.csv");
        Files.writeString(instruments, "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,"
                + "rc_reliability,reliability,pct_improvement\n"
                + "bdi,BDI-II,0,63,false,true,19.1578,,8.1586,0.801,1,0.5\n", StandardCharsets.UTF_8);

        // when
        Path output = work.resolve("undefined");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--instruments=" + instruments, "--significance=JT,percentage,anchor", "--output=" + output,
                "--quiet");

        // then: exit 0, JT's rows with every cell empty, percentage computed, anchor left out (no MID)
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Map<String, String>> row = byMethodAndApproach(
                CsvAssert.read(output.resolve("csv/clinical_significance.csv")));
        assertThat(row.keySet()).containsExactly("JT TAU", "JT PA", "JT ALL", "percentage TAU", "percentage PA",
                "percentage ALL");
        assertThat(row.get("JT ALL")).containsEntry("n", "").containsEntry("n_improved", "")
                .containsEntry("cutoff", "").containsEntry("critical_value", "");
        assertThat(counts(row.get("percentage ALL"))).startsWith("40 11 29 0 |");
        List<String> warnings = result.err().lines().filter(line -> line.startsWith("warning: clinical significance"))
                .toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("bdi", "JT", "reliability 1");
        assertThat(warnings.get(1)).contains("bdi", "anchor", "left out", "mid_improvement");
        assertThat(tally(CsvAssert.read(output.resolve("csv/episode_outcomes.csv")), "category_JT"))
                .isEqualTo(Map.of("", 40L));
    }

    @Test
    void aMalformedParameterRefusesTheRunNamingTheLineAndColumn() throws Exception {
        Path job = layOut("claus_2020", "instruments-claus_2020.csv");
        Path instruments = work.resolve("instruments-bad.csv");
        Files.writeString(instruments, "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,"
                + "rc_reliability,pct_improvement\n"
                + "bdi,BDI-II,0,63,false,true,19.1578,,8.1586,0.801,50%\n", StandardCharsets.UTF_8);

        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--instruments=" + instruments, "--output=" + work.resolve("bad"), "--quiet");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("line 2", "pct_improvement").doesNotContain("Exception", "\tat ");
        assertThat(work.resolve("bad")).doesNotExist();
    }

    @Test
    void withSuppressionOnEveryCountOfTheTableObeysTheSmallNumberRule() throws Exception {
        // given the claus_2020 job (every method) with suppression turned back on: 19 TAU and 21 PA pairs
        Path job = layOut("claus_2020", "instruments-claus_2020.csv");

        // when
        Path output = work.resolve("suppressed");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--suppression=true", "--output=" + output, "--quiet");

        // then: no count from 1 to 10 is shown, something is hidden, and no hidden count is the
        // only hidden cell of a sum the table shows (n = the three; improved = recovered + the rest;
        // the approaches = ALL)
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(output.resolve("csv/episode_outcomes.csv")).doesNotExist();
        List<Map<String, String>> rows = CsvAssert.read(output.resolve("csv/clinical_significance.csv"));
        assertThat(rows).hasSize(27);
        List<String> columns = List.of("n", "n_improved", "n_unchanged", "n_deteriorated", "n_recovered",
                "n_improved_not_recovered", "n_harmed");
        int hidden = 0;
        for (Map<String, String> row : rows) {
            for (String column : columns) {
                String cell = row.get(column);
                if (cell.matches("[0-9]+")) {
                    long count = Long.parseLong(cell);
                    assertThat(count < 1 || count > 10).as(row + " " + column).isTrue();
                } else {
                    assertThat(cell).as(row + " " + column).isIn("", "<11", ">10");
                    hidden += cell.isEmpty() ? 0 : 1;
                }
            }
            assertThat(hiddenAmong(row, "n", "n_improved", "n_unchanged", "n_deteriorated")).as(row.toString())
                    .isNotEqualTo(1);
            if (!row.get("n_recovered").isEmpty()) {
                assertThat(hiddenAmong(row, "n_improved", "n_recovered", "n_improved_not_recovered"))
                        .as(row.toString()).isNotEqualTo(1);
            }
        }
        assertThat(hidden).isPositive();
        Map<String, Map<String, String>> row = byMethodAndApproach(rows);
        for (String method : List.of("JT", "GLN", "HLL", "EN", "NK", "HA", "HLM", "percentage", "anchor")) {
            for (String column : columns) {
                if (!row.get(method + " ALL").get(column).isEmpty()) {
                    assertThat(hiddenAmong(row.get(method + " ALL"), column) + hiddenAmong(row.get(method + " TAU"),
                            column) + hiddenAmong(row.get(method + " PA"), column)).as(method + " " + column)
                            .isNotEqualTo(1);
                }
            }
        }
        // the shown counts are the true ones (the run without suppression)
        assertThat(row.get("JT ALL").get("n")).isEqualTo("40");
        assertThat(row.get("JT ALL").get("n_unchanged")).isEqualTo("22");
    }

    private static int hiddenAmong(Map<String, String> row, String... columns) {
        int hidden = 0;
        for (String column : columns) {
            hidden += row.get(column).startsWith("<") || row.get(column).startsWith(">") ? 1 : 0;
        }
        return hidden;
    }

    private Path layOut(String name, String instruments) throws IOException {
        return PublishedDataIT.layOut(work, name, instruments);
    }

    private static Map<String, Map<String, String>> byMethodAndApproach(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(r.get("method") + " " + r.get("approach"), r));
        return byKey;
    }

    /** "n improved unchanged deteriorated | recovered improved-not-recovered harmed". */
    private static String counts(Map<String, String> row) {
        return row.get("n") + " " + row.get("n_improved") + " " + row.get("n_unchanged") + " "
                + row.get("n_deteriorated") + " | " + row.get("n_recovered") + " "
                + row.get("n_improved_not_recovered") + " " + row.get("n_harmed");
    }

    private static long number(Map<String, String> row, String column) {
        return Long.parseLong(row.get(column));
    }

    private static Map<String, Long> tally(List<Map<String, String>> episodes, String column) {
        return episodes.stream().collect(Collectors.groupingBy(r -> r.get(column), Collectors.counting()));
    }

    private static String header(Path csv) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
    }
}
