package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real, published data (shared/external, SOURCE.md), each export read as it is through its job
 * file in {@code jobs/} (no conversion step), by the research job of the packaged jar: the
 * pipeline must reproduce the published counts. The job files are used unchanged: each is copied
 * into a folder laid out as the checkout and the shared folder are, so that its relative
 * {@code file=../../shared/external/…} finds the export.
 */
class PublishedDataIT {

    static final Path EXTERNAL = JarRunner.SHARED.resolve("external");

    @TempDir
    Path work;

    @Test
    void claus2020ThroughItsJobFileReproducesTheClinicalSignificanceArticles() throws Exception {
        // given the long export (43 patients x 4 waves) and jobs/claus_2020.properties
        Path job = layOut("claus_2020", "instruments-claus_2020.csv");

        // when
        Path output = work.resolve("claus-report");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--output=" + output, "--quiet");

        // then: 43 patients, 40 complete pairs (waves 1 and 4), 18 reliably improved / 22 unchanged /
        // 0 deteriorated, 10 recovered, 11 with at least 50 % reduction (TAU 2, PA 9)
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("claus_2020.csv: read 172, accepted 172, rejected 0, duplicates 0");
        Map<String, Map<String, String>> byApproach = byApproach(output, "bdi");
        Map<String, String> all = byApproach.get("ALL");
        assertThat(all.get("n_closed")).isEqualTo("43");
        assertThat(all.get("n_paired")).isEqualTo("40");
        assertThat(Double.parseDouble(all.get("baseline_mean"))).isCloseTo(35.475, Offset.offset(1e-9));
        assertThat(all.get("n_reliable_improvement")).isEqualTo("18");
        assertThat(all.get("n_no_reliable_change")).isEqualTo("22");
        assertThat(all.get("n_reliable_deterioration")).isEqualTo("0");
        assertThat(all.get("n_reliable_recovery")).isEqualTo("10");
        assertThat(all.get("n_response")).isEqualTo("11");
        assertThat(byApproach.get("TAU").get("n_response")).isEqualTo("2");
        assertThat(byApproach.get("PA").get("n_response")).isEqualTo("9");
        // nothing made up: no sessions, dropout or activity for data without dates
        assertThat(all.get("sessions_median")).isEmpty();
        assertThat(all.get("dropout_pct")).isEmpty();
        assertThat(output.resolve("csv/activity.csv")).doesNotExist();
        List<Map<String, String>> episodes = CsvAssert.read(output.resolve("csv/episode_outcomes.csv"));
        assertThat(categories(episodes)).isEqualTo(Map.of("recovered", 10L, "improved", 8L, "unchanged", 22L));
        assertThat(episodes).allSatisfy(row -> {
            assertThat(row.get("baseline_wave")).isEqualTo("1");
            assertThat(row.get("final_wave")).isEqualTo("4");
            assertThat(row.get("intake_date")).isEmpty();
            assertThat(row.get("attended_sessions")).isEmpty();
        });
        List<Map<String, String>> trajectory = CsvAssert.read(output.resolve("csv/trajectories.csv"));
        assertThat(trajectory).extracting(row -> row.get("approach") + " " + row.get("wave") + " " + row.get("k"))
                .containsExactly("TAU 1 1", "TAU 2 2", "TAU 3 3", "TAU 4 4", "PA 1 1", "PA 2 2", "PA 3 3", "PA 4 4");
        // the workbook of a randomised depression trial: its design as the job file says, no trauma or PCL-5
        String text = workbookText(output.resolve("outcomes-all-waves.xlsx"));
        assertThat(text).contains("randomised to the approaches");
        assertThat(text).doesNotContain("not randomised", "not randomly");
        assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("pcl-5", "trauma", "ptsd");
    }

    @Test
    void jacobson1989ThroughItsJobFileReproducesJacobsonAndTruax1991() throws Exception {
        // given the long export (30 couples, pre and post) without an arm column: approach= in the job file
        Path job = layOut("jacobson_1989", "instruments-jacobson_1989.csv");

        // when
        Path output = work.resolve("jacobson-report");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--output=" + output, "--quiet");

        // then: 10 recovered, 8 improved (not recovered), 11 unchanged, 1 deteriorated
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, String> all = byApproach(output, "das").get("ALL");
        assertThat(all.get("n_paired")).isEqualTo("30");
        assertThat(all.get("n_reliable_recovery")).isEqualTo("10");
        assertThat(all.get("n_no_reliable_change")).isEqualTo("11");
        assertThat(all.get("n_reliable_deterioration")).isEqualTo("1");
        assertThat(all.get("n_response")).as("no response on a higher-is-better scale").isEmpty();
        List<Map<String, String>> episodes = CsvAssert.read(output.resolve("csv/episode_outcomes.csv"));
        assertThat(categories(episodes))
                .isEqualTo(Map.of("recovered", 10L, "improved", 8L, "unchanged", 11L, "deteriorated", 1L));
        assertThat(episodes).allSatisfy(row -> assertThat(row.get("approach")).isEqualTo("Marital therapy"));
    }

    @Test
    void reframedThroughItsJobFileReadsNaNDecimalsAndAnUnlistedWave() throws Exception {
        assumeTrue(Files.isRegularFile(EXTERNAL.resolve("reframed.csv")), "reframed.csv is not in the shared folder");
        // given the long REFRAMED export: NaN for missing, imputed decimals, a "Post-Rx" wave not listed
        Path job = layOut("reframed", "instruments-reframed.csv");

        // when
        Path output = work.resolve("reframed-report");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--output=" + output, "--quiet");

        // then: every row read is accepted or skipped, one negative imputed value is a cell reject,
        // and the baseline mean is the trial's 19.00 (not 16.99 as with half the scores lost)
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("reframed.csv: read 2825, accepted 2627, rejected 0, duplicates 0, skipped 198");
        assertThat(CsvAssert.read(output.resolve("rejects.csv")))
                .extracting(row -> row.get("column") + " " + row.get("reason")).containsExactly("phq9 out of range");
        Map<String, Map<String, String>> byApproach = byApproach(output, "phq9");
        assertThat(byApproach.get("ALL").get("n_closed")).isEqualTo("250");
        assertThat(byApproach.get("ALL").get("n_paired")).isEqualTo("219");
        assertThat(Double.parseDouble(byApproach.get("ALL").get("baseline_mean"))).isCloseTo(19.00, Offset.offset(0.005));
        assertThat(byApproach.keySet()).containsExactlyInAnyOrder("RO-DBT", "TAU", "ALL");
    }

    private Path layOut(String name, String instruments) throws IOException {
        return layOut(work, name, instruments);
    }

    /**
     * Copies {@code jobs/<name>.properties} and its instrument file into {@code work/checkout/jobs}
     * and the export into {@code work/shared/external}: the job file's paths resolve as in the
     * checkout. The published-data ITs share it; a test whose export is absent is skipped.
     */
    static Path layOut(Path work, String name, String instruments) throws IOException {
        // A clone without ../shared reads src/test/shared, which holds only some of the exports
        // (SOURCE.md: the others are not copied into the repository): skip rather than fail.
        assumeTrue(Files.isRegularFile(EXTERNAL.resolve(name + ".csv")), name + ".csv is not in " + EXTERNAL);
        Path jobs = Files.createDirectories(work.resolve("checkout").resolve("jobs"));
        Path external = Files.createDirectories(work.resolve("shared").resolve("external"));
        Files.copy(Path.of("jobs", name + ".properties"), jobs.resolve(name + ".properties"));
        Files.copy(Path.of("jobs", instruments), jobs.resolve(instruments));
        Files.copy(EXTERNAL.resolve(name + ".csv"), external.resolve(name + ".csv"));
        return jobs.resolve(name + ".properties");
    }

    private static Map<String, Long> categories(List<Map<String, String>> episodes) {
        return episodes.stream().collect(Collectors.groupingBy(row -> row.get("category"), Collectors.counting()));
    }

    private static Map<String, Map<String, String>> byApproach(Path output, String instrument) throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (Map<String, String> row : CsvAssert.read(output.resolve("csv/outcomes_by_approach.csv"))) {
            if (row.get("instrument").equals(instrument)) {
                rows.put(row.get("approach"), row);
            }
        }
        return rows;
    }

    /** Every cell's text of every sheet, one line per cell. */
    static String workbookText(Path xlsx) throws IOException {
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell.toString()).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
