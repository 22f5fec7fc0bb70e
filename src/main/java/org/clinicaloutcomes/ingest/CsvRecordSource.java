package org.clinicaloutcomes.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Streams the records of one input file as {@link RawRow}s with their physical line numbers
 * (DATA.md, "Files"): UTF-8 with or without BOM, LF or CRLF, RFC 4180 quoting, blank lines
 * skipped and not counted. The file must have passed {@link InputFingerprint} first.
 */
public final class CsvRecordSource implements Closeable {

    /**
     * RFC 4180, lenient about what real exports get wrong (a stray character after a closing
     * quote, a quote left open at the end of the file), so that such a row becomes a reject and
     * not a crash. Empty lines are returned, so that line numbers can be tracked, and skipped here.
     * The strict quote mode makes the parser return an unquoted empty field as null and a quoted
     * one as "", which tells a blank line from a line holding {@code ""} (a record).
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setLenientEof(true)
            .setTrailingData(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String[] header;

    public CsvRecordSource(Path file) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
        RawRow first = next();
        this.header = first == null ? new String[0] : first.fields();
    }

    /** The header cells as written; empty when the file has no non-blank line. */
    public String[] header() {
        return header;
    }

    /** The next non-blank record, or null at the end of the file. */
    public RawRow next() {
        try {
            while (true) {
                // Read before hasNext(), which already parses the record.
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                String[] values = record.values();
                if (values.length == 1 && values[0] == null) {
                    continue; // a blank line
                }
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        values[i] = "";
                    }
                }
                return new RawRow(line, values);
            }
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("the CSV parser stopped on a malformed record after line "
                    + parser.getCurrentLineNumber(), null);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
