package org.clinicaloutcomes.batch;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Rows-read progress of a long file on the console: half a second into the file (a file read
 * faster than that shows none), then every two seconds; silent with --quiet.
 */
final class Progress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;
    private static final long FIRST_NANOS = 500_000_000L;

    private final String label;
    private final PrintStream out;
    private long rows;
    private long lastPrint = System.nanoTime() - INTERVAL_NANOS + FIRST_NANOS;

    Progress(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    static Progress of(String label, boolean quiet) {
        return new Progress(label, quiet ? null : System.out);
    }

    /** Counts rows read (a batch at a time), and prints the total when it is time to. */
    void rows(int count) {
        rows += count;
        if (out != null) {
            long now = System.nanoTime();
            if (now - lastPrint >= INTERVAL_NANOS) {
                lastPrint = now;
                out.printf(Locale.ROOT, "  %s: %,d rows read%n", label, rows);
            }
        }
    }
}
