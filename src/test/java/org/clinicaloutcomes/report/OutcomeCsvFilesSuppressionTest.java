package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.clinicaloutcomes.analysis.SuppressedCells;
import org.clinicaloutcomes.analysis.SuppressedCells.Cell;
import org.clinicaloutcomes.analysis.SuppressedCells.Kind;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link OutcomeCsvFiles} writes suppressed tables: registered count cells as {@code <11} or
 * {@code >10}, no episode-level file; unsuppressed tables as before.
 */
class OutcomeCsvFilesSuppressionTest {

    @TempDir
    Path folder;

    @Test
    void theFileNamesAreTheWritersNames() {
        assertThat(TableSchemas.OUTCOMES_BY_APPROACH.file()).isEqualTo(TableSchemas.OUTCOMES_BY_APPROACH.file());
        assertThat(TableSchemas.APPROACH_COMPARISON.file()).isEqualTo(TableSchemas.APPROACH_COMPARISON.file());
        assertThat(TableSchemas.TRAJECTORIES.file()).isEqualTo(TableSchemas.TRAJECTORIES.file());
        assertThat(TableSchemas.PCL5_CLUSTERS.file()).isEqualTo(TableSchemas.PCL5_CLUSTERS.file());
        assertThat(TableSchemas.CLINICIANS.file()).isEqualTo(TableSchemas.CLINICIANS.file());
        assertThat(TableSchemas.SUBGROUPS.file()).isEqualTo(TableSchemas.SUBGROUPS.file());
        assertThat(TableSchemas.ACTIVITY.file()).isEqualTo(TableSchemas.ACTIVITY.file());
    }

    @Test
    void everyRegisteredCellIsACountColumnOfAWrittenRow() {
        OutcomeTables tables = SmallNumberSuppression.apply(CohortFixture.analyse(true));
        assertThat(tables.suppressed().cells()).isNotEmpty();
        for (Cell cell : tables.suppressed().cells().keySet()) {
            // The window activity rows and the months before the series are workbook tables with
            // the columns of activity.csv and monthly_series.csv.
            String file = cell.file().equals(TableSchemas.WINDOW_ACTIVITY.file()) ? TableSchemas.ACTIVITY.file()
                    : cell.file().equals(TableSchemas.MONTHS_BEFORE_SERIES.file()) ? TableSchemas.MONTHLY_SERIES.file()
                    : cell.file();
            if (cell.file().equals(TableSchemas.ATTENTION_COUNTS.file())) {
                // The Summary's attention counts: a workbook table, not a file.
                assertThat(TableSchemas.ATTENTION_COUNTS.columnNames()).contains(cell.column());
                continue;
            }
            assertThat(OutcomeCsvFiles.files(true, true)).contains(file);
            assertThat(OutcomeCsvFiles.columns(file)).contains(cell.column());
            assertThat(cell.column()).as(cell.toString()).matches("n|n_.*|intakes|discharges.*|caseload|.*_sessions");
        }
    }

    @Test
    void registeredCellsArePrintedAsTheirMarker() throws IOException {
        OutcomeTables plain = CohortFixture.analyse(true);
        // Hand-made registry: DBT pcl5 n_closed (row 0) as <11, activity ALL discharges (row 4) as >10.
        SuppressedCells cells = SuppressedCells.of(Map.of(
                new Cell(TableSchemas.OUTCOMES_BY_APPROACH.file(), 0, "n_closed"), Kind.SMALL,
                new Cell(TableSchemas.ACTIVITY.file(), 4, "discharges"), Kind.COMPLEMENTARY));
        OutcomeTables tables = new OutcomeTables(plain.episodesAdded(), plain.closedInWindow(), plain.episodeOutcomes(),
                plain.outcomesByApproach(), plain.approachComparison(), plain.trajectories(), plain.pcl5Clusters(),
                plain.clinicians(), plain.subgroups(), plain.activity(), plain.alerts(), cells);
        OutcomeCsvFiles.write(folder.resolve("plain"), plain, true);
        OutcomeCsvFiles.write(folder.resolve("marked"), tables, true);

        List<String> before = lines("plain", TableSchemas.OUTCOMES_BY_APPROACH.file());
        List<String> after = lines("marked", TableSchemas.OUTCOMES_BY_APPROACH.file());
        assertThat(before.get(1)).startsWith("DBT,pcl5,2,2,");
        assertThat(after.get(1)).isEqualTo(before.get(1).replaceFirst("^DBT,pcl5,2,", "DBT,pcl5,<11,"));
        assertThat(after.subList(2, after.size())).isEqualTo(before.subList(2, before.size()));
        assertThat(lines("marked", TableSchemas.ACTIVITY.file()).get(5)).isEqualTo("2026-06,ALL,1,>10,1,1,0,1,4,4,3,42.857142857142854");
        assertThat(lines("marked", TableSchemas.ACTIVITY.file()).subList(0, 5))
                .isEqualTo(lines("plain", TableSchemas.ACTIVITY.file()).subList(0, 5));
    }

    @Test
    void withSuppressionOnNoEpisodeLevelFileIsWritten() throws IOException {
        OutcomeTables suppressed = SmallNumberSuppression.apply(CohortFixture.analyse(true));
        List<Path> written = OutcomeCsvFiles.write(folder, suppressed, true);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "outcomes_by_approach.csv", "approach_comparison.csv", "trajectories.csv", "pcl5_clusters.csv",
                "clinicians.csv", "subgroups.csv", "activity.csv", "monthly_series.csv", "expected_recovery.csv",
                "expected_recovery_check.csv");
        assertThat(folder.resolve("episode_outcomes.csv")).doesNotExist();
        assertThat(folder.resolve("alerts.csv")).doesNotExist();
        assertThat(folder.resolve("attention.csv")).doesNotExist();
        assertThat(OutcomeCsvFiles.files(true, true)).doesNotContain("episode_outcomes.csv", "alerts.csv",
                "attention.csv");
        // A research run: no monthly-only file, and clinical_significance.csv after activity.csv.
        List<String> research = new java.util.ArrayList<>(OutcomeCsvFiles.files(true, true).stream()
                .filter(file -> !List.of("monthly_series.csv", "expected_recovery.csv", "expected_recovery_check.csv")
                        .contains(file)).toList());
        research.add(research.indexOf("activity.csv") + 1, "clinical_significance.csv");
        assertThat(OutcomeCsvFiles.files(false, true)).isEqualTo(research);
        assertThat(OutcomeCsvFiles.files(true, false)).isEqualTo(OutcomeCsvFiles.files(true));
        assertThat(OutcomeCsvFiles.files(false, false)).isEqualTo(OutcomeCsvFiles.files(false));

        // Even suppression on with no hidden cell (everything 0 or above 10) leaves them out.
        OutcomeTables plain = CohortFixture.analyse(true);
        OutcomeTables onButEmpty = new OutcomeTables(plain.episodesAdded(), plain.closedInWindow(),
                plain.episodeOutcomes(), plain.outcomesByApproach(), plain.approachComparison(), plain.trajectories(),
                plain.pcl5Clusters(), plain.clinicians(), plain.subgroups(), plain.activity(), plain.alerts(),
                SuppressedCells.of(Map.of()));
        assertThat(OutcomeCsvFiles.write(folder.resolve("empty"), onButEmpty, true)).hasSize(10);
    }

    @Test
    void theFixtureSuppressed() throws IOException {
        OutcomeCsvFiles.write(folder, SmallNumberSuppression.apply(CohortFixture.analyse(true)), true);
        // DBT pcl5: 2 closed, 2 paired, 1 RI, 1 RD, 2 cases, 1 recovered, 1 reliable recovery, 0 response.
        List<String> oba = lines(".", TableSchemas.OUTCOMES_BY_APPROACH.file());
        assertThat(oba.get(1)).isEqualTo("DBT,pcl5,<11,<11," + ",".repeat(13) + ",<11,,,,<11,,<11,<11,,,,<11,,0,,,,,,0,");
        // ACT has no episode: zeros stay zeros.
        assertThat(oba).contains("ACT,pcl5,0,0," + ",".repeat(13) + ",0,,,,0,,0,0,,,,0,,0,,,,,,0,");
        assertThat(lines(".", TableSchemas.ACTIVITY.file())).contains("2026-06,ALL,<11,<11,<11,<11,0,<11,<11,<11,<11,");
        // CL1: no open episode, no dropout, no deterioration (zeros shown); every rate and band empty.
        assertThat(lines(".", TableSchemas.CLINICIANS.file()).get(1))
                .isEqualTo("CL1,pcl5,<11,<11,,<11,,<11,<11,,,,,,,0,0,,0,,,,,,,,,");
        // CL2: 2 open episodes, 1 dropout, 1 deterioration.
        assertThat(lines(".", TableSchemas.CLINICIANS.file()).get(2))
                .isEqualTo("CL2,pcl5,<11,<11,,0,,<11,0,,,,,,,<11,<11,,<11,,,,,,,,,");
        // The series: 24 months x (4 approaches, ALL); June's ALL row prints the activity of June
        // as activity.csv does (1 intake, 2 discharges, 4 clients, 4 attended, 3 missed: all <11).
        List<String> series = lines(".", TableSchemas.MONTHLY_SERIES.file());
        assertThat(series).hasSize(1 + 24 * 5);
        assertThat(series.get(series.size() - 1)).startsWith("2026-06,ALL,<11,<11,<11,<11,<11,<11,<11,");
    }

    private List<String> lines(String subfolder, String file) throws IOException {
        return Files.readAllLines(folder.resolve(subfolder).resolve(file), StandardCharsets.UTF_8);
    }
}
