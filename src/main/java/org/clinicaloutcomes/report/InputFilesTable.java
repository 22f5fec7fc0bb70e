package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/** The input files with their row counts and SHA-256: on the {@code Data quality} and the {@code About} sheet. */
final class InputFilesTable {

    private static final String[] HEADERS = {"File", "Rows read", "Accepted", "Rejected", "Duplicates", "Bytes",
        "SHA-256"};
    static final int WIDTH = HEADERS.length;
    /** An analysis by wave's export: also the rows at a wave the job file does not list. */
    private static final String[] HEADERS_BY_WAVE = {"File", "Rows read", "Accepted", "Rejected", "Duplicates",
        "Skipped (wave not listed)", "Bytes", "SHA-256"};

    /** The table's width for this run. */
    static int width(WorkbookContent c) {
        return c.run().byWave() ? HEADERS_BY_WAVE.length : WIDTH;
    }

    private InputFilesTable() {
    }

    /**
     * Writes the table with its header at {@code top}; the SHA-256 second (in the About sheet's
     * wide column) or last. Returns the row after the table.
     */
    static int write(SheetWriter s, WorkbookContent c, int top, boolean shaSecond) {
        boolean byWave = c.run().byWave();
        List<String> headers = new ArrayList<>(List.of(byWave ? HEADERS_BY_WAVE : HEADERS));
        if (shaSecond) {
            headers.add(1, headers.remove(headers.size() - 1));
        }
        s.headers(top, headers.toArray(String[]::new));
        int row = top + 1;
        for (DataQuality.FileCounts f : c.quality().files()) {
            List<Long> counts = byWave
                    ? List.of(f.read(), f.accepted(), f.rejected(), f.duplicates(), f.skipped(), f.bytes())
                    : List.of(f.read(), f.accepted(), f.rejected(), f.duplicates(), f.bytes());
            DataQualityMarkers marked = DataQualityMarkers.of(c, f);
            String[] markers = byWave ? marked.fileCountsByWave() : marked.fileCounts();
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
