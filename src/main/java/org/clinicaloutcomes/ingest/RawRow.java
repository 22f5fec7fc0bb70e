package org.clinicaloutcomes.ingest;

/**
 * One CSV record as read, before validation. Its cells may hold identifiers, so
 * {@link #toString()} never shows them: a row that reaches a log or an exception message shows
 * only where it comes from.
 *
 * @param line        physical line on which the record starts (header = line 1)
 * @param fields      the raw cells, untrimmed
 * @param contentHash the {@link ContentHash} of the fields, when the reader worked it out; else null
 */
public record RawRow(long line, String[] fields, long[] contentHash) {

    public RawRow(long line, String[] fields) {
        this(line, fields, null);
    }

    /** The 128-bit hash of the trimmed fields that tells exact from conflicting duplicates. */
    public long[] hash() {
        return contentHash != null ? contentHash : ContentHash.of(fields);
    }

    @Override
    public String toString() {
        return "RawRow[line=" + line + ", fields=" + fields.length + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawRow row && row.line == line
                && java.util.Arrays.equals(row.fields, fields);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(line) * 31 + java.util.Arrays.hashCode(fields);
    }
}
