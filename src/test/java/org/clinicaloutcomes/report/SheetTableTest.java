package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.clinicaloutcomes.analysis.OutcomeTables;
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

    private static List<String> headers(Row row) {
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            headers.add(row.getCell(c).getStringCellValue());
        }
        return headers;
    }
}
