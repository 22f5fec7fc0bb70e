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
    /**
     * The meanings of an analysis by wave where they differ from {@link #RESOURCE}'s (no dates,
     * sessions or discharges: RESEARCH.md), and of its own columns ({@code baseline_wave},
     * {@code final_wave}, {@code wave}); same columns.
     */
    public static final String BY_WAVE_RESOURCE = "codebook-by-wave.csv";
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
        return load(RESOURCE);
    }

    /** The entries of the bundled by-wave meanings ({@value #BY_WAVE_RESOURCE}), in file order. */
    public static List<Entry> loadByWave() {
        return load(BY_WAVE_RESOURCE);
    }

    private static List<Entry> load(String resource) {
        try (InputStream in = Codebook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
    }

    /**
     * The codebook of an analysis by wave: the columns of these tables (by-wave schemas, in
     * order) except those that need dates, sessions or discharges (empty by wave: {@code
     * emptyByWave}), then the entries of the files that are not tables ({@code rejects.csv}); each
     * with its by-wave meaning where it has one.
     */
    static List<Entry> byWave(List<org.clinicaloutcomes.analysis.TableSchema<?>> tables,
                              java.util.Set<String> emptyByWave) {
        java.util.Map<String, String> general = new java.util.HashMap<>();
        for (Entry e : load()) {
            general.put(e.file() + "\u0000" + e.column(), e.meaning());
        }
        java.util.Map<String, String> byWave = new java.util.HashMap<>();
        for (Entry e : loadByWave()) {
            byWave.put(e.file() + "\u0000" + e.column(), e.meaning());
        }
        List<Entry> entries = new ArrayList<>();
        for (org.clinicaloutcomes.analysis.TableSchema<?> table : tables) {
            String file = CSV_FOLDER + table.file();
            for (String column : table.columnNames()) {
                if (emptyByWave.contains(column)) {
                    continue;
                }
                String key = file + "\u0000" + column;
                String meaning = byWave.getOrDefault(key, general.get(key));
                if (meaning == null) {
                    throw new IllegalStateException(file + " : " + column + " has no meaning in " + RESOURCE + " or "
                            + BY_WAVE_RESOURCE);
                }
                entries.add(new Entry(file, column, meaning));
            }
        }
        for (Entry e : load()) {
            if (!e.file().startsWith(CSV_FOLDER)) {
                entries.add(new Entry(e.file(), e.column(),
                        byWave.getOrDefault(e.file() + "\u0000" + e.column(), e.meaning())));
            }
        }
        return List.copyOf(entries);
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
