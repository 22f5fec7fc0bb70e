package org.clinicaloutcomes.report;

import java.util.List;

import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * {@code Data quality}: per input file the rows read / accepted / rejected / duplicates and its
 * SHA-256, the rejects by file, column and reason, and the warnings; the last two lists are
 * capped at {@link OutcomesWorkbook#MAX_LISTED_ITEMS} entries, as only the workbook holds them.
 */
final class DataQualitySheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.DATA_QUALITY;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        int row = InputFilesTable.write(s, c, 0, false);
        s.freeze(0, 1);
        s.autoFilter(0, row - 1, 0, InputFilesTable.width(c) - 1);
        if (c.run().byWave()) {
            row = s.note(row, "Every row is counted once: read = accepted + rejected + duplicates + skipped (exact "
                    + "duplicate rows are dropped; rows at a wave the job file does not list are skipped, not "
                    + "rejected).");
        } else {
            row = s.note(row, "Every row is counted once: read = accepted + rejected + duplicates (exact duplicate "
                    + "session rows are dropped).");
        }
        row++;
        if (!c.quality().scoreCells().isEmpty()) {
            row = scoreCells(s, c, row) + 1;
        }
        row = rejects(s, c, row);
        row++;
        warnings(s, c, row);
    }

    /**
     * The score cells of a researcher's export per instrument: a bad score cell rejects that cell
     * only (RESEARCH.md), so they are counted apart from the rejected rows.
     */
    private static int scoreCells(SheetWriter s, WorkbookContent c, int row) {
        row = s.section(row, "Score cells by questionnaire");
        s.headers(row, "File", "Questionnaire", "Score cells read", "Rejected");
        row++;
        List<DataQualityVerdict.ScoreCells> cells = c.quality().scoreCells();
        String[][] markers = DataQualityMarkers.scoreCells(c);
        for (int i = 0; i < cells.size(); i++) {
            DataQualityVerdict.ScoreCells cell = cells.get(i);
            s.text(row, 0, cell.file());
            s.text(row, 1, cell.name() + " (" + cell.key() + ")");
            s.value(row, 2, markers[i][0] != null ? markers[i][0] : cell.read(), Kind.COUNT, false);
            s.value(row, 3, markers[i][1] != null ? markers[i][1] : cell.rejected(), Kind.COUNT, false);
            row++;
        }
        return s.note(row, "Score cells read: the cells with a value. A rejected score cell is left out and listed in "
                + "rejects.csv; the rest of its row stands.");
    }

    private static int rejects(SheetWriter s, WorkbookContent c, int row) {
        DataQuality quality = c.quality();
        row = s.section(row, "Rejected rows by file, column and reason");
        s.headers(row, "File", "Column", "Reason", "Rows");
        row++;
        for (DataQuality.FileCounts file : quality.files()) {
            List<DataQuality.ReasonCount> reasons = quality.reasonsOf(file.file());
            List<String> markers = DataQualityMarkers.of(c, file).reasons();
            int listed = Math.min(reasons.size(), OutcomesWorkbook.MAX_LISTED_ITEMS);
            for (int i = 0; i < listed; i++) {
                DataQuality.ReasonCount r = reasons.get(i);
                s.text(row, 0, r.file());
                s.text(row, 1, r.column());
                s.text(row, 2, r.reason());
                s.value(row, 3, markers.get(i) != null ? markers.get(i) : r.rows(), Kind.COUNT, false);
                row++;
            }
            if (reasons.size() > listed) {
                s.text(row, 0, file.file());
                s.styled(row, 1, OutcomesWorkbook.andMore(reasons.size() - listed) + " columns and reasons (rows of "
                        + "fewer rejects; every rejected row is in rejects.csv)", c.styles().note, false);
                row++;
            }
        }
        if (quality.reasons().isEmpty()) {
            row = s.note(row, "No row was rejected.");
        }
        return s.note(row, "Each rejected row is listed in rejects.csv with its line number; cell values are never "
                + "shown. An empty column means a problem with the whole row.");
    }

    private static void warnings(SheetWriter s, WorkbookContent c, int row) {
        row = s.section(row, "Warnings");
        List<String> warnings = c.quality().warnings();
        int listed = Math.min(warnings.size(), OutcomesWorkbook.MAX_LISTED_ITEMS);
        for (String warning : warnings.subList(0, listed)) {
            s.styled(row++, 0, warning, c.styles().subtitle, false);
        }
        if (warnings.size() > listed) {
            s.styled(row++, 0, OutcomesWorkbook.andMore(warnings.size() - listed) + " warnings", c.styles().subtitle,
                    false);
        }
        if (warnings.isEmpty()) {
            s.note(row, "No warnings.");
        }
    }
}
