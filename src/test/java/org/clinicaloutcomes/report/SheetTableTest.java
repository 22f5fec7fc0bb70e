package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.junit.jupiter.api.Test;

/**
 * The table builder of the workbook's sheets: a table said to show a CSV file must show its
 * columns, so that the workbook and the CSVs cannot drift apart unnoticed.
 */
class SheetTableTest {

    @Test
    void aTableOfACsvFileHasItsColumnsAndAPartialOneIsNotChecked() throws Exception {
        try (SXSSFWorkbook workbook = OutcomesWorkbook.newWorkbook()) {
            try {
                WorkbookStyles styles = new WorkbookStyles(workbook.getXSSFWorkbook());
                SheetWriter sheet = new SheetWriter(workbook.createSheet("table"), styles, chart -> 0);
                WorkbookContent content = new WorkbookContent(ReportFixture.tables(true),
                        ReportFixture.run(true, false), ReportFixture.quality(), List.of(), styles);
                List<OutcomeTables.ActivityRow> rows = content.tables().activity();

                SheetTable<OutcomeTables.ActivityRow> periodsOnly = SheetTable.of(TableSchemas.ACTIVITY.file(), rows)
                        .text("period", OutcomeTables.ActivityRow::period);
                assertThatThrownBy(() -> periodsOnly.write(sheet, content, 0))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(TableSchemas.ACTIVITY.file());

                int end = SheetTable.someColumnsOf(TableSchemas.ACTIVITY.file(), rows)
                        .text("period", OutcomeTables.ActivityRow::period)
                        .write(sheet, content, 2);
                assertThat(rows).isNotEmpty();
                assertThat(end).isEqualTo(3 + rows.size());
            } finally {
                workbook.dispose();
            }
        }
    }
}
