package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The codebook of the report's CSV files: every column of every CSV with its meaning, in file and
 * column order. It lives in {@code codebook.csv} on the class path (columns
 * {@code file,column,meaning}; {@code file} is the path inside the report folder, such as
 * {@code csv/outcomes_by_approach.csv} or {@code rejects.csv}) and feeds the workbook's About
 * sheet and the README.
 */
public final class Codebook {

    public static final String RESOURCE = "codebook.csv";
    public static final String HEADER = "file,column,meaning";
    /** Folder of the metric CSVs inside a report folder. */
    public static final String CSV_FOLDER = "csv/";

    /** One column of one file. */
    public record Entry(String file, String column, String meaning) {
    }

    private Codebook() {
    }

    /** The entries of the bundled codebook, in file order. */
    public static List<Entry> load() {
        try (InputStream in = Codebook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read", e);
        }
    }

    static List<Entry> parse(String text) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    if (!String.join(",", record.values()).equals(HEADER)) {
                        throw new IllegalStateException(RESOURCE + ": the header must be " + HEADER);
                    }
                    header = false;
                    continue;
                }
                if (record.size() != 3) {
                    throw new IllegalStateException(RESOURCE + ", line " + parser.getCurrentLineNumber()
                            + ": expected 3 fields");
                }
                entries.add(new Entry(record.get(0), record.get(1), record.get(2)));
            }
        }
        return List.copyOf(entries);
    }

    /** The entries of one file (such as {@code csv/alerts.csv}), in column order. */
    public static List<Entry> of(List<Entry> entries, String file) {
        return entries.stream().filter(e -> e.file().equals(file)).toList();
    }
}
