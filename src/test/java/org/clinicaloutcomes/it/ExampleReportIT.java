package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's worked example (shared/spec/example) through the packaged jar: the monthly
 * report of 2026-10 must reproduce every value of the expected files within the example's
 * tolerance (1e-9 relative, same absolute floor).
 */
class ExampleReportIT {

    static final Path EXAMPLE = JarRunner.SHARED.resolve("spec").resolve("example");

    @TempDir
    Path work;

    @Test
    void theMonthlyReportReproducesTheWorkedExample() throws Exception {
        Path output = work.resolve("report");

        JarRunner.Result result = JarRunner.run(work.resolve("state"), "monthly",
                "--input=" + EXAMPLE.resolve("input"), "--output=" + output, "--month=2026-10", "--quiet");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("intake.csv: read 80, accepted 77, rejected 3, duplicates 0")
                .contains("sessions.csv: read 903, accepted 838, rejected 62, duplicates 3");
        Path csv = output.resolve("csv");
        for (String file : new String[] {"outcomes_by_approach.csv", "approach_comparison.csv", "trajectories.csv"}) {
            CsvAssert.matches(csv.resolve(file), EXAMPLE.resolve("expected").resolve(file), 1e-9);
        }
        // The example's expected header is REPORTS.md's list less the two no-reliable-change
        // columns it now ends with.
        List<String> header = CsvAssert.header(csv.resolve("outcomes_by_approach.csv"));
        List<String> expectedHeader = CsvAssert.header(EXAMPLE.resolve("expected").resolve("outcomes_by_approach.csv"));
        assertThat(header.subList(0, expectedHeader.size())).isEqualTo(expectedHeader);
        assertThat(header.subList(expectedHeader.size(), header.size()))
                .containsExactly("n_no_reliable_change", "no_reliable_change_pct");
        // counts.json: 38 closed episodes in the window, 121 paired outcomes
        assertThat(CsvAssert.read(csv.resolve("episode_outcomes.csv"))).hasSize(121);
        assertThat(CsvAssert.read(csv.resolve("outcomes_by_approach.csv")).stream()
                .filter(row -> row.get("approach").equals("ALL")).map(row -> row.get("n_closed")).distinct())
                .containsExactly("38");
        assertThat(Files.readAllLines(output.resolve("rejects.csv"))).hasSize(1 + 3 + 62);
        try (XSSFWorkbook workbook = new XSSFWorkbook(output.resolve("outcomes-2026-10.xlsx").toFile())) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(13);
            assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
            assertThat(workbook.getSheetName(8)).isEqualTo("Over time");
            assertThat(workbook.getSheetName(10)).isEqualTo("Attention");
            assertThat(workbook.getSheetName(12)).isEqualTo("About");
        }
        try (Stream<Path> charts = Files.list(output.resolve("charts"))) {
            assertThat(charts.map(path -> path.getFileName().toString()))
                    .contains("trajectory-pcl5.png", "reliable-change-pcl5.png", "clinician-funnel-pcl5.png",
                            "monthly-reliable-improvement-pcl5.png", "monthly-clients.png",
                            "expected-recovery-pcl5.png");
        }
        summaryPage(output);
    }

    /**
     * summary.html (REPORTS.md, "The summary page"), read back from the report folder: every figure
     * of outcomes by approach is its CSV cell, no client ID of the episodes is on the page, no script.
     */
    private static void summaryPage(Path output) throws Exception {
        String page = Files.readString(output.resolve("summary.html"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<meta charset=\"utf-8\">",
                "<title>Clinical outcomes").doesNotContain("<script", "<link", "http://", "https://");
        java.util.Map<String, java.util.Map<String, String>> groups = new java.util.HashMap<>();
        for (java.util.Map<String, String> row : CsvAssert.read(output.resolve("csv").resolve("outcomes_by_approach.csv"))) {
            groups.put(row.get("approach") + "|" + row.get("instrument"), row);
        }
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td([^>]*data-csv=[^>]*)>").matcher(page);
        int figures = 0;
        while (cell.find()) {
            java.util.Map<String, String> a = new java.util.HashMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z-]+)=\"([^\"]*)\"").matcher(cell.group(1));
            while (m.find()) {
                a.put(m.group(1), m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
            }
            if (a.get("data-csv").equals("outcomes_by_approach.csv")) {
                assertThat(groups.get(a.get("data-approach") + "|" + a.get("data-instrument")).get(a.get("data-column")))
                        .as(a.toString()).isEqualTo(a.get("data-value"));
                figures++;
            }
        }
        assertThat(figures).isGreaterThan(30);
        String text = page.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
        for (java.util.Map<String, String> episode : CsvAssert.read(output.resolve("csv").resolve("episode_outcomes.csv"))) {
            assertThat(text).doesNotContain(episode.get("client_id"));
        }
    }
}
