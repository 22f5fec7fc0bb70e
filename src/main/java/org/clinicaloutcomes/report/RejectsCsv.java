package org.clinicaloutcomes.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.clinicaloutcomes.ingest.Reject;

/** {@code rejects.csv}: file, line, column, reason; never a cell value. */
public final class RejectsCsv {

    public static final String HEADER = "file,line,column,reason";

    private RejectsCsv() {
    }

    /** Writes rejects given in their final order (intake first, then sessions, each by line). */
    public static long write(Path file, Iterator<Reject> rejects) throws IOException {
        long count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            while (rejects.hasNext()) {
                Reject reject = rejects.next();
                out.write(CsvCells.text(reject.file()));
                out.write(',');
                out.write(Long.toString(reject.line()));
                out.write(',');
                out.write(CsvCells.text(reject.column()));
                out.write(',');
                out.write(CsvCells.text(reject.reason()));
                out.write('\n');
                count++;
            }
        }
        return count;
    }
}
