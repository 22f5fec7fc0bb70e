package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.report.chart.SignificanceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Clinical significance} sheet of a research workbook with clinical-significance
 * results ({@link SignificanceFixture} over {@link ReportFixture}'s practice), read back with POI:
 * where it stands, its introduction, the table of clinical_significance.csv, a chart per
 * instrument, the plain words per method and the warning lines; none in a monthly workbook or
 * without results; with suppression, small counts as {@code <11}.
 */
class ClinicalSignificanceSheetTest {

    private static final String SHEET = OutcomesWorkbook.CLINICAL_SIGNIFICANCE;

    @TempDir
    Path folder;

    @Test
    void aResearchWorkbookWithResultsHasTheSheetAfterReliableChange() throws IOException {
        OutcomeTables tables = SignificanceFixture.with(ReportFixture.tables(false));
        RunDescription run = ReportFixture.run(false, false);
        List<RenderedChart> charts = ReportCharts.render(tables, run);
        Path file = folder.resolve("research.xlsx");
        try (XSSFWorkbook workbook = ReportFixture.workbook(file, tables, run)) {
            String out = System.getProperty("workbook.out");   // to look at it (render-workbook-pdf.sh)
            if (out != null) {
                java.nio.file.Files.copy(file, Path.of(out), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(workbook.getSheetIndex(SHEET)).isEqualTo(workbook.getSheetIndex(OutcomesWorkbook.RELIABLE_CHANGE) + 1);
            XSSFSheet sheet = workbook.getSheet(SHEET);
            List<String> texts = SheetContents.texts(sheet);
            assertThat(texts).containsAll(ClinicalSignificanceSheet.INTRODUCTION);
            assertThat(texts).contains(ClinicalSignificanceSheet.TITLE, ClinicalSignificanceSheet.EMPTY_CELLS,
                    ClinicalSignificanceSheet.METHODS_SECTION, ClinicalSignificanceSheet.CRITICAL_VALUES,
                    ClinicalSignificanceSheet.CUTOFFS, ClinicalSignificanceSheet.WARNINGS_SECTION);
            for (SignificanceMethod method : SignificanceMethod.values()) {
                assertThat(ClinicalSignificanceSheet.describe(method)).as(method.label()).hasSizeLessThan(145);
            }
            for (SignificanceMethod method : SignificanceFixture.METHODS) {
                assertThat(texts).contains(ClinicalSignificanceSheet.describe(method));
            }
            assertThat(texts).noneMatch(t -> t.startsWith("GLN ("));   // not asked for
            assertThat(texts).containsAll(SignificanceFixture.WARNINGS);
            assertThat(String.join("\n", texts)).contains("true score", "one-sided", "z = 1.645",
                    "more than the average person", "inclusive");
            assertThat(ClinicalSignificanceSheet.describe(SignificanceMethod.GLN)).contains("regression to the mean");
            assertThat(ClinicalSignificanceSheet.describe(SignificanceMethod.HLL)).contains("regression to the mean",
                    "change of the mean");

            int header = headerRow(sheet);
            Row labels = sheet.getRow(header);
            assertThat(cells(labels)).startsWith("Instrument", "Method", "Approach", "Classified (n)", "Improved (n)",
                    "Unchanged (n)", "Deteriorated (n)", "Five-way: recovered (n)",
                    "Five-way: improved, not recovered (n)", "Five-way: harmed (n)", "Cut-off", "Critical value (z)");
            OutcomeTables.SignificanceRow first = tables.clinicalSignificance().get(0);
            Row row = sheet.getRow(header + 1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("PCL-5");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("JT");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(first.approach());
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(first.n().doubleValue());
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(first.nImproved().doubleValue());
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();

            List<RenderedChart> placed = charts.stream().filter(c -> c.sheet().equals(SHEET)).toList();
            assertThat(placed).extracting(RenderedChart::fileName).contains("clinical-significance-pcl5.png");
            List<XSSFPicture> pictures = SheetContents.pictures(sheet);
            assertThat(pictures).hasSameSizeAs(placed);
            assertThat(pictures.get(0).getPictureData().getData()).isEqualTo(placed.get(0).png());
        }
    }

    @Test
    void aMonthlyWorkbookAndOneWithoutResultsHaveNoSuchSheet() throws IOException {
        OutcomeTables monthly = SignificanceFixture.with(ReportFixture.tables(true));
        try (XSSFWorkbook workbook = ReportFixture.workbook(folder.resolve("monthly.xlsx"), monthly,
                ReportFixture.run(true, false))) {
            assertThat(workbook.getSheet(SHEET)).isNull();
        }
        assertThat(ReportCharts.render(monthly, ReportFixture.run(true, false)))
                .noneMatch(c -> c.sheet().equals(SHEET));
        try (XSSFWorkbook workbook = ReportFixture.workbook(folder.resolve("research.xlsx"),
                ReportFixture.tables(false), ReportFixture.run(false, false))) {
            assertThat(workbook.getSheet(SHEET)).isNull();
        }
        assertThat(OutcomesWorkbook.sheetNames(false)).containsSubsequence(OutcomesWorkbook.RELIABLE_CHANGE, SHEET,
                OutcomesWorkbook.TRAJECTORIES);
        assertThat(OutcomesWorkbook.sheetNames(true)).doesNotContain(SHEET);
    }

    @Test
    void withSuppressionASmallCountShowsAsLessThanEleven() throws IOException {
        OutcomeTables tables = SmallNumberSuppression.apply(SignificanceFixture.with(ReportFixture.tables(false)));
        assertThat(tables.suppressed().on()).isTrue();
        try (XSSFWorkbook workbook = ReportFixture.workbook(folder.resolve("suppressed.xlsx"), tables,
                ReportFixture.run(false, true))) {
            XSSFSheet sheet = workbook.getSheet(SHEET);
            int header = headerRow(sheet);
            List<String> counts = new ArrayList<>();
            for (int r = header + 1; r <= header + tables.clinicalSignificance().size(); r++) {
                for (int c = 3; c <= 9; c++) {
                    Cell cell = sheet.getRow(r).getCell(c);
                    if (cell != null && cell.getCellType() == CellType.STRING) {
                        counts.add(cell.getStringCellValue());
                    }
                }
            }
            assertThat(counts).contains("<11");
            assertThat(SheetContents.texts(sheet)).containsAll(SheetTable.SUPPRESSION_NOTE);
        }
    }

    private static int headerRow(XSSFSheet sheet) {
        for (Row row : sheet) {
            Cell cell = row.getCell(1);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("Method")) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row");
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c).getStringCellValue());
        }
        return cells;
    }
}
