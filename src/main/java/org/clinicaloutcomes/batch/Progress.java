package org.clinicaloutcomes.batch;

import java.io.PrintStream;
import java.util.Locale;

/** Rows-read progress of a long file on the console, at most every two seconds; silent with --quiet. */
final class Progress {

    private static final long CHECK_EVERY = 100_000;
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final String label;
    private final PrintStream out;
    private long rows;
    private long lastPrint = System.nanoTime();

    Progress(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    static Progress of(String label, boolean quiet) {
        return new Progress(label, quiet ? null : System.out);
    }

    void row() {
        rows++;
        if (out != null && rows % CHECK_EVERY == 0) {
            long now = System.nanoTime();
            if (now - lastPrint >= INTERVAL_NANOS) {
                lastPrint = now;
                out.printf(Locale.ROOT, "  %s: %,d rows read%n", label, rows);
            }
        }
    }
}
