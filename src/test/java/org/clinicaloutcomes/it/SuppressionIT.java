package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small-number suppression through the jar: a research run (suppression on by default) writes
 * no episode-level file and no count from 1 to 10 in any CSV.
 */
class SuppressionIT {

    /** Columns that count people, episodes or sessions (k, items and degrees of freedom do not). */
    static final Set<String> NOT_COUNTS = Set.of("k", "first_item", "last_item", "n_approaches",
            "anova_df_between", "anova_df_within", "kruskal_df", "chi2_df");

    @TempDir
    Path work;

    @Test
    void aResearchRunHidesEveryCountFromOneToTen() throws Exception {
        Path output = work.resolve("research");

        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--input=sample-data",
                "--output=" + output, "--quiet");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Path csv = output.resolve("csv");
        assertThat(csv.resolve("episode_outcomes.csv")).doesNotExist();
        assertThat(csv.resolve("alerts.csv")).doesNotExist();
        assertThat(Files.readString(output.resolve("run.json"))).contains("\"suppression\": \"on");
        int hidden = 0;
        try (Stream<Path> files = Files.list(csv)) {
            for (Path file : files.toList()) {
                List<Map<String, String>> rows = CsvAssert.read(file);
                for (int i = 0; i < rows.size(); i++) {
                    for (Map.Entry<String, String> cell : rows.get(i).entrySet()) {
                        String value = cell.getValue();
                        if (value.equals("<11")) {
                            hidden++;
                        }
                        if (NOT_COUNTS.contains(cell.getKey()) || !value.matches("[0-9]+")) {
                            continue;
                        }
                        long number = Long.parseLong(value);
                        assertThat(number < 1 || number > 10).as(file.getFileName() + " row " + (i + 2) + " "
                                + cell.getKey() + " = " + value).isTrue();
                    }
                }
            }
        }
        assertThat(hidden).as("the sample data has small groups, so something is hidden").isPositive();
        try (Stream<Path> files = Files.list(output)) {
            List<Path> workbooks = files.filter(file -> file.getFileName().toString().endsWith(".xlsx")).toList();
            assertThat(workbooks).hasSize(1);
            assertNoSmallCountInTheWorkbook(workbooks.get(0));
        }
    }

    @Test
    void aMonthlyRunWithSuppressionWritesNoEpisodeLevelFileAndHidesTheAttentionCounts() throws Exception {
        // given the sample, whose October 2026 attention list has 13 clients (1 to 4 per clinician)
        Path output = work.resolve("monthly");
        // when
        JarRunner.Result result = JarRunner.run(work.resolve("state-monthly"), "monthly", "--input=sample-data",
                "--month=2026-10", "--suppression=true", "--output=" + output, "--quiet");
        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path csv = output.resolve("csv");
        for (String file : List.of("episode_outcomes.csv", "alerts.csv", "attention.csv")) {
            assertThat(csv.resolve(file)).as(file).doesNotExist();
        }
        assertThat(csv.resolve("expected_recovery.csv")).exists();
        assertThat(csv.resolve("expected_recovery_check.csv")).exists();
        try (Stream<Path> files = Files.list(output)) {
            Path workbook = files.filter(file -> file.getFileName().toString().endsWith(".xlsx")).findFirst()
                    .orElseThrow();
            assertNoSmallCountInTheWorkbook(workbook);
        }
    }

    /** Labels of whole-number columns that count no one (the workbook's headers for k, items, df). */
    static final Set<String> NOT_COUNT_LABELS = Set.of("Assessment (k)", "First item", "Last item",
            "ANOVA df between", "ANOVA df within", "Kruskal\u2013Wallis df", "\u03c7\u00b2 df", "Approaches compared");

    /**
     * Every numeric cell shown as a whole number ("0" format) is a count unless its column's
     * header names k, an item or degrees of freedom: none may be 1 to 10.
     */
    private static void assertNoSmallCountInTheWorkbook(Path xlsx) throws Exception {
        assertThat(xlsx).exists();
        try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile())) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.NUMERIC || !"0".equals(cell.getCellStyle().getDataFormatString())) {
                            continue;
                        }
                        double value = cell.getNumericCellValue();
                        if (value < 1 || value > 10 || NOT_COUNT_LABELS.contains(header(sheet, cell))) {
                            continue;
                        }
                        throw new AssertionError(sheet.getSheetName() + "!" + cell.getAddress() + " shows the count "
                                + (long) value + " under '" + header(sheet, cell) + "'");
                    }
                }
            }
        }
    }

    /** The nearest text cell above, in the same column: the column's header. */
    private static String header(Sheet sheet, Cell cell) {
        for (int r = cell.getRowIndex() - 1; r >= 0; r--) {
            Row above = sheet.getRow(r);
            Cell candidate = above == null ? null : above.getCell(cell.getColumnIndex());
            if (candidate != null && candidate.getCellType() == CellType.STRING
                    && !candidate.getStringCellValue().startsWith("<") && !candidate.getStringCellValue().startsWith(">")) {
                return candidate.getStringCellValue();
            }
        }
        return "";
    }
}
