package org.clinicaloutcomes.batch;

import org.clinicaloutcomes.ingest.InputFileKind;

/**
 * Rows read / accepted / rejected / exact duplicates of one input file (DATA.md:
 * {@code read = accepted + rejected + duplicates}); kept by JobFacts.
 */
public record IngestCounts(long read, long accepted, long rejected, long duplicates) {

    public String describe(InputFileKind kind) {
        return String.format(java.util.Locale.ROOT, "%s: read %d, accepted %d, rejected %d, duplicates %d",
                kind.fileName(), read, accepted, rejected, duplicates);
    }
}
