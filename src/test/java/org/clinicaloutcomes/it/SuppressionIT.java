package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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
    }
}
