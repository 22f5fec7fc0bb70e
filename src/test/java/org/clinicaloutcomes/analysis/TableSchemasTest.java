package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.metrics.ReportWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table schemas ({@link TableSchemas}) against what the suppression registers: every cell
 * {@link SmallNumberSuppression} hides on real suppressed runs of generated data
 * ({@link SampleCohort}) names a {@link TableSchema.Kind#COUNT} column of its table's schema and a
 * row of that table, so that the writers, which look cells up by the schema, find every one.
 */
class TableSchemasTest {

    @TempDir
    Path tmp;

    @Test
    void everySuppressedCellIsACountColumnOfItsTable() throws Exception {
        Path input = SampleCohort.generate(tmp.resolve("input"), 20260301L, 300);
        Path smaller = SampleCohort.generate(tmp.resolve("smaller"), 11L, 120);
        List<OutcomeTables> runs = List.of(
                SampleCohort.analyse(input, SampleCohort.researchWindow(), false),
                SampleCohort.analyse(input, ReportWindow.monthly(YearMonth.of(2026, 9), 12), true),
                SampleCohort.analyse(smaller, SampleCohort.researchWindow(), false));
        int cells = 0;
        for (OutcomeTables plain : runs) {
            OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
            for (Map.Entry<SuppressedCells.Cell, SuppressedCells.Kind> entry : suppressed.suppressed().cells().entrySet()) {
                SuppressedCells.Cell cell = entry.getKey();
                TableSchema<?> table = TableSchemas.named(cell.file());
                if (cell.column().equals(TableSchemas.DETERIORATED_NOT_HARMED)) {
                    // The five-way "deteriorated" that the workbook's chart shows: a count, not a column.
                    assertThat(table).isSameAs(TableSchemas.CLINICAL_SIGNIFICANCE);
                    assertThat(cell.row()).isLessThan(table.rowsOf(suppressed).size());
                    continue;
                }
                assertThat(table.column(cell.column()).kind()).as(cell.toString()).isEqualTo(TableSchema.Kind.COUNT);
                assertThat(cell.row()).as(cell.toString()).isLessThan(table.rowsOf(suppressed).size());
                cells++;
            }
        }
        assertThat(cells).isGreaterThan(100);
    }

    @Test
    void theTablesHaveDistinctNamesAndTheCsvFilesEndInCsv() {
        assertThat(TableSchemas.ALL.stream().map(TableSchema::file)).doesNotHaveDuplicates();
        assertThat(TableSchemas.CSV_FILES).allMatch(TableSchema::isCsv);
        assertThat(TableSchemas.ALL).filteredOn(table -> !TableSchemas.CSV_FILES.contains(table))
                .containsExactly(TableSchemas.WINDOW_ACTIVITY, TableSchemas.MONTHS_BEFORE_SERIES, TableSchemas.ATTENTION_COUNTS)
                .noneMatch(TableSchema::isCsv);
        assertThat(TableSchemas.WINDOW_ACTIVITY.columnNames()).isEqualTo(TableSchemas.ACTIVITY.columnNames());
        assertThat(TableSchemas.MONTHS_BEFORE_SERIES.columnNames()).isEqualTo(TableSchemas.MONTHLY_SERIES.columnNames());
    }
}
