package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SuppressedCells;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.junit.jupiter.api.Test;

/**
 * The table builder of the workbook's sheets: a table of a schema shows its columns in its order
 * (so that the workbook and the CSVs cannot drift apart), and a partial one the columns it names.
 */
class SheetTableTest {

    @Test
    void aTableOfASchemaHasItsColumnsAndAPartialOneTheColumnsItNames() throws Exception {
        try (SXSSFWorkbook workbook = OutcomesWorkbook.newWorkbook()) {
            try {
                WorkbookStyles styles = new WorkbookStyles(workbook.getXSSFWorkbook());
                SheetWriter sheet = new SheetWriter(workbook.createSheet("table"), styles, chart -> 0);
                WorkbookContent content = new WorkbookContent(ReportFixture.tables(true),
                        ReportFixture.run(true, false), ReportFixture.quality(), List.of(), styles);
                List<OutcomeTables.ActivityRow> rows = content.tables().activity();

                SheetTable<OutcomeTables.ActivityRow> every = SheetTable.of(TableSchemas.ACTIVITY, rows);
                int after = every.write(sheet, content, 0);
                List<String> columns = TableSchemas.ACTIVITY.columnNames();
                assertThat(every.width()).isEqualTo(columns.size());
                assertThat(headers(sheet.sheet.getRow(0))).isEqualTo(columns.stream().map(ColumnLabels::of).toList());
                assertThat(after).isEqualTo(1 + rows.size());

                int top = after + 1;
                int end = SheetTable.someColumnsOf(TableSchemas.ACTIVITY, rows)
                        .columns("period")
                        .write(sheet, content, top);
                assertThat(rows).isNotEmpty();
                assertThat(end).isEqualTo(top + 1 + rows.size());
                assertThat(headers(sheet.sheet.getRow(top))).containsExactly(ColumnLabels.of("period"));

                assertThatThrownBy(() -> SheetTable.someColumnsOf(TableSchemas.ACTIVITY, rows).columns("nope"))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
                assertThatThrownBy(() -> SheetTable.of(TableSchemas.ACTIVITY, rows).shown("instrument", r -> "x"))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instrument");
            } finally {
                workbook.dispose();
            }
        }
    }

    @Test
    void someRowsInAnOrderOfTheSheetKeepTheirHiddenCountsOfTheTable() throws Exception {
        try (SXSSFWorkbook workbook = OutcomesWorkbook.newWorkbook()) {
            try {
                WorkbookStyles styles = new WorkbookStyles(workbook.getXSSFWorkbook());
                SheetWriter sheet = new SheetWriter(workbook.createSheet("table"), styles, chart -> 0);
                OutcomeTables tables = ReportFixture.tables(true);
                // Row 4 of activity.csv is ALL: its intakes hidden.
                SuppressedCells hidden = SuppressedCells.of(Map.of(
                        new SuppressedCells.Cell(TableSchemas.ACTIVITY.file(), 4, "intakes"), SuppressedCells.Kind.SMALL));
                OutcomeTables marked = new OutcomeTables(tables.episodesAdded(), tables.closedInWindow(),
                        tables.episodeOutcomes(), tables.outcomesByApproach(), tables.approachComparison(),
                        tables.trajectories(), tables.pcl5Clusters(), tables.clinicians(), tables.subgroups(),
                        tables.activity(), tables.windowActivity(), tables.alerts(), hidden);
                WorkbookContent content = new WorkbookContent(marked, ReportFixture.run(true, false),
                        ReportFixture.quality(), List.of(), styles);
                List<OutcomeTables.ActivityRow> rows = marked.activity();
                assertThat(rows.get(4).approach()).isEqualTo(OutcomeTables.ALL);

                int end = SheetTable.someColumnsOf(TableSchemas.ACTIVITY, rows).columns("approach", "intakes")
                        .rowsAt(List.of(4, 0))
                        .write(sheet, content, 0);
                assertThat(end).isEqualTo(3);
                assertThat(sheet.sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(OutcomeTables.ALL);
                assertThat(sheet.sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("<11");
                assertThat(sheet.sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(rows.get(0).approach());
                assertThat(sheet.sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(rows.get(0).intakes());
                assertThatThrownBy(() -> SheetTable.of(TableSchemas.ACTIVITY, rows).rowsAt(List.of(rows.size())))
                        .isInstanceOf(IndexOutOfBoundsException.class);
            } finally {
                workbook.dispose();
            }
        }
    }

    private static List<String> headers(Row row) {
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            headers.add(row.getCell(c).getStringCellValue());
        }
        return headers;
    }
}
