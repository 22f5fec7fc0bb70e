package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Attention} sheet and the Summary's attention counts, reopened with POI, on the
 * fixture's June 2026: {@code =B2} (CL3, PCL-5 30 → 45) and B3 (CL2, discharged in July, PHQ-9
 * 5 → 12) are open at the month's end with a reliable deterioration; too few discharged clients
 * for an expected-recovery model (minimum 30), so nobody is judged on track or not.
 */
class AttentionSheetTest {

    @TempDir
    Path folder;

    @Test
    void theSheetListsTheOpenClientsByClinicianWithTheirReasonsInWords() throws IOException {
        // given the fixture's monthly tables
        OutcomeTables tables = ReportFixture.tables(true);
        assertThat(tables.attention()).extracting(OutcomeTables.AttentionRow::clientId)
                .containsExactly("B3", ReportFixture.INJECTED_CLIENT);
        // when
        try (XSSFWorkbook workbook = ReportFixture.workbook(folder.resolve("plain.xlsx"), tables,
                ReportFixture.run(true, false))) {
            // then grouped by clinician: CL2 (B3) before CL3 (=B2), each with its reason in words
            XSSFSheet sheet = workbook.getSheet(OutcomesWorkbook.ATTENTION);
            List<String> texts = SheetContents.texts(sheet);
            assertThat(texts).containsSubsequence("CL2", "B3", "reliably worse (PHQ-9)", "CL3",
                    ReportFixture.INJECTED_CLIENT, "reliably worse (PCL-5)");
            assertThat(texts).contains("Intake", "Last seen", "Sessions", "First PCL-5", "Latest PCL-5", "Expected",
                    "Off track above");
            // the input's formula-like client ID stays text
            assertThat(cellWith(sheet, ReportFixture.INJECTED_CLIENT).getCellStyle().getQuotePrefixed()).isTrue();
            // and the Summary counts them per clinician, then all, and in the month at a glance
            XSSFSheet summary = workbook.getSheet(OutcomesWorkbook.SUMMARY);
            assertThat(attentionCounts(summary)).containsExactly(
                    List.of("CL2", "1", "1", "0", "0", "0"),
                    List.of("CL3", "1", "1", "0", "0", "0"),
                    List.of("All clinicians", "2", "2", "0", "0", "0"));
            assertThat(glanceAttention(summary)).isEqualTo("2");
            // and the About sheet says what the check found (nothing to check on this small practice)
            assertThat(SheetContents.texts(workbook.getSheet(OutcomesWorkbook.ABOUT))).anyMatch(text ->
                    text.contains("PCL-5: too few discharged clients with 4 or more scores to check the flag yet."));
        }
    }

    @Test
    void withSuppressionOnNoClientIsListedAndTheCountsFollowTheSmallNumberRule() throws IOException {
        // given the same tables, suppressed
        OutcomeTables tables = SmallNumberSuppression.apply(ReportFixture.tables(true));
        assertThat(tables.attention()).isEmpty();
        // when
        try (XSSFWorkbook workbook = ReportFixture.workbook(folder.resolve("suppressed.xlsx"), tables,
                ReportFixture.run(true, true))) {
            // then the sheet lists nobody and says why
            List<String> texts = SheetContents.texts(workbook.getSheet(OutcomesWorkbook.ATTENTION));
            assertThat(texts).doesNotContain("B3", ReportFixture.INJECTED_CLIENT);
            assertThat(texts).anyMatch(text -> text.startsWith("Not listed: suppression is on"));
            // and every count of 1 to 10 on the Summary is <11; zeros stay 0
            XSSFSheet summary = workbook.getSheet(OutcomesWorkbook.SUMMARY);
            assertThat(attentionCounts(summary)).containsExactly(
                    List.of("CL2", "<11", "<11", "0", "0", "0"),
                    List.of("CL3", "<11", "<11", "0", "0", "0"),
                    List.of("All clinicians", "<11", "<11", "0", "0", "0"));
            assertThat(glanceAttention(summary)).isEqualTo("<11");
        }
    }

    /** The rows of the Summary's attention block, each cell as text (numbers as whole numbers). */
    private static List<List<String>> attentionCounts(XSSFSheet summary) {
        List<List<String>> rows = new ArrayList<>();
        boolean inBlock = false;
        for (Row row : summary) {
            String first = text(row.getCell(0));
            if (first.startsWith("Open clients who need a look")) {
                inBlock = true;
                continue;
            }
            if (!inBlock || first.equals("Clinician")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                cells.add(text(row.getCell(c)));
            }
            rows.add(cells);
            if (first.equals("All clinicians")) {
                break;
            }
        }
        return rows;
    }

    private static String glanceAttention(XSSFSheet summary) {
        for (Row row : summary) {
            if (text(row.getCell(0)).equals("Open clients on the attention list")) {
                return text(row.getCell(1));
            }
        }
        throw new AssertionError("no attention row in the month at a glance");
    }

    private static Cell cellWith(XSSFSheet sheet, String value) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(value)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell " + value);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return cell.getCellType() == CellType.NUMERIC ? Long.toString(Math.round(cell.getNumericCellValue()))
                : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
    }
}
