package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/** The input files with their row counts and SHA-256: on the {@code Data quality} and the {@code About} sheet. */
final class InputFilesTable {

    private static final String[] HEADERS = {"File", "Rows read", "Accepted", "Rejected", "Duplicates", "Bytes",
        "SHA-256"};
    static final int WIDTH = HEADERS.length;

    private InputFilesTable() {
    }

    /**
     * Writes the table with its header at {@code top}; the SHA-256 second (in the About sheet's
     * wide column) or last. Returns the row after the table.
     */
    static int write(SheetWriter s, WorkbookContent c, int top, boolean shaSecond) {
        List<String> headers = new ArrayList<>(List.of(HEADERS));
        if (shaSecond) {
            headers.add(1, headers.remove(headers.size() - 1));
        }
        s.headers(top, headers.toArray(String[]::new));
        int row = top + 1;
        for (DataQuality.FileCounts f : c.quality().files()) {
            List<Long> counts = List.of(f.read(), f.accepted(), f.rejected(), f.duplicates(), f.bytes());
            String[] markers = DataQualityMarkers.of(c, f).fileCounts();
            s.text(row, 0, f.file());
            s.text(row, shaSecond ? 1 : counts.size() + 1, f.sha256());
            for (int col = 0; col < counts.size(); col++) {
                Object shown = col < markers.length && markers[col] != null ? markers[col] : counts.get(col);
                s.value(row, (shaSecond ? 2 : 1) + col, shown, Kind.COUNT, false);
            }
            row++;
        }
        return row;
    }
}
