package org.clinicaloutcomes.batch;

/**
 * Rows read / accepted / rejected / exact duplicates of one input file (DATA.md:
 * {@code read = accepted + rejected + duplicates}), and for a researcher's export also the rows
 * at a wave not in {@code waves} (RESEARCH.md: {@code read = accepted + rejected + duplicates +
 * skipped}); kept by JobFacts.
 */
public record IngestCounts(long read, long accepted, long rejected, long duplicates, long skipped) {

    /** The counts of one of the pipeline's own files, which skip no row. */
    public IngestCounts(long read, long accepted, long rejected, long duplicates) {
        this(read, accepted, rejected, duplicates, 0);
    }

    /** One console line: {@code intake.csv: read 502, accepted 488, rejected 14, duplicates 0}. */
    public String describe(String fileName) {
        String line = String.format(java.util.Locale.ROOT, "%s: read %d, accepted %d, rejected %d, duplicates %d",
                fileName, read, accepted, rejected, duplicates);
        return skipped == 0 ? line : line + ", skipped " + skipped + " (wave not listed)";
    }
}
