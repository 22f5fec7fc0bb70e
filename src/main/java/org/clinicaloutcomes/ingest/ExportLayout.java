package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.clinicaloutcomes.metrics.Instrument;

/**
 * Where a researcher's export holds each pipeline column, wave and score (RESEARCH.md, "Reading
 * {@code long} and {@code wide} files"): its header checked by the rules of DATA.md's "Files" and
 * the de-identification gate, then resolved through the job file's {@code column.*} and
 * {@code wave.*} keys. A mapping wins over an export column that happens to bear the pipeline's
 * name; an unmapped column bearing a pipeline name is read as that column.
 */
public final class ExportLayout {

    /** The position of a wave label that is not in {@code waves}. */
    public static final int NOT_LISTED = -1;
    /** The position of an empty wave cell. */
    public static final int NO_WAVE = -2;
    /** Pipeline columns an export may carry that a wave-based analysis does not use. */
    private static final List<String> UNUSED = List.of("intake_date", "referral_date", "discharge_date",
            "discharge_reason", "session_date", "session_number", "attended");

    private final ExportMapping mapping;
    private final HeaderLayout header;
    private final List<Instrument> instruments;
    private final int waveColumn;
    /** [wave position][instrument]: the column of the score, -1 when the export has none. */
    private final int[][] scoreColumns;
    /** [wave position][item]: the columns of the 20 PCL-5 items, or null at a wave without them. */
    private final int[][] itemColumns;
    private final Map<String, Integer> waveByKey = new HashMap<>();
    private final Set<String> missingCodes = new HashSet<>();
    private final List<String> warnings;

    private ExportLayout(ExportMapping mapping, HeaderLayout header, List<Instrument> instruments, int waveColumn,
                         int[][] scoreColumns, int[][] itemColumns, List<String> warnings) {
        this.mapping = mapping;
        this.header = header;
        this.instruments = List.copyOf(instruments);
        this.waveColumn = waveColumn;
        this.scoreColumns = scoreColumns;
        this.itemColumns = itemColumns;
        this.warnings = List.copyOf(warnings);
        for (int w = 0; w < mapping.waves().size(); w++) {
            String label = mapping.waves().get(w);
            waveByKey.put(ExportMapping.waveKey(label), w);
        }
        mapping.missing().forEach(code -> missingCodes.add(ExportMapping.codeKey(code)));
    }

    /** Reads the export's header and resolves it. */
    public static ExportLayout read(ExportMapping mapping, List<Instrument> instruments) throws RefusedFileException {
        String name = mapping.file().getFileName().toString();
        try (CsvRecordSource source = open(mapping)) {
            return of(mapping, source.header(), instruments);
        } catch (IOException e) {
            throw new RefusedFileException(name + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** A reader of the export's records, with its delimiter and encoding. */
    public static CsvRecordSource open(ExportMapping mapping) throws IOException {
        return new CsvRecordSource(mapping.file(), mapping.delimiter(), mapping.encoding());
    }

    /** Resolves a header (its cells as written). */
    public static ExportLayout of(ExportMapping mapping, String[] headerCells, List<Instrument> instruments)
            throws RefusedFileException {
        if (!mapping.layout().byWave()) {
            throw new IllegalArgumentException("the pipeline's own files have their own layout");
        }
        Path file = mapping.file();
        String fileName = file.getFileName().toString();
        if (headerCells.length == 0) {
            throw new RefusedFileException(fileName + ": the file has no header");
        }
        List<String> names = HeaderLayout.matchedNames(fileName, headerCells);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), i);
        }
        boolean wide = mapping.layout() == ExportMapping.Layout.WIDE;
        Set<Integer> used = new HashSet<>();
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, String> entry : mapping.columns().entrySet()) {
            int at = column(byName, fileName, entry.getValue(), "column." + entry.getKey());
            index.put(entry.getKey(), at);
            used.add(at);
        }
        int waveCount = mapping.waves().size();
        int[][] scores = new int[waveCount][instruments.size()];
        int[][] items = new int[waveCount][];
        if (wide) {
            for (int w = 0; w < waveCount; w++) {
                String label = mapping.waves().get(w);
                Map<String, String> columns = mapping.waveColumns().getOrDefault(label, Map.of());
                for (int i = 0; i < instruments.size(); i++) {
                    String their = columns.get(instruments.get(i).key());
                    scores[w][i] = their == null ? -1
                            : column(byName, fileName, their, "wave." + label + "." + instruments.get(i).key());
                }
                items[w] = items(byName, fileName, columns, label);
                for (String their : columns.values()) {
                    used.add(byName.get(ExportMapping.codeKey(their)));
                }
            }
        }
        // Unmapped pipeline columns are read by their own name, unless a mapping took that column.
        List<String> byOwnName = new ArrayList<>(IntakeRowValidator.COLUMNS);
        if (!wide) {
            byOwnName.add("wave");
            instruments.forEach(instrument -> byOwnName.add(instrument.key()));
            byOwnName.addAll(SessionRowValidator.ITEM_COLUMNS);
        }
        for (String column : byOwnName) {
            Integer at = byName.get(column);
            if (!index.containsKey(column) && at != null && !used.contains(at)) {
                index.put(column, at);
                used.add(at);
            }
        }
        requireColumn(index, fileName, "client_id");
        if (mapping.approach() == null) {
            requireColumn(index, fileName, "approach");
        }
        int waveColumn = -1;
        if (!wide) {
            requireColumn(index, fileName, "wave");
            waveColumn = index.get("wave");
            for (int w = 0; w < waveCount; w++) {
                for (int i = 0; i < instruments.size(); i++) {
                    scores[w][i] = index.getOrDefault(instruments.get(i).key(), -1);
                }
            }
            int[] longItems = longItems(index, fileName);
            Arrays.fill(items, longItems);
        }
        List<String> unknown = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> instrumentKeys = new LinkedHashSet<>();
        instruments.forEach(instrument -> instrumentKeys.add(instrument.key()));
        if (wide) {
            // A wide export's scores are read per wave: a column.<instrument> key maps nothing that is read.
            for (Map.Entry<String, String> entry : mapping.columns().entrySet()) {
                String name = entry.getKey();
                if (instrumentKeys.contains(name) || SessionRowValidator.ITEM_COLUMNS.contains(name)) {
                    warnings.add(fileName + ": column." + name + "=" + entry.getValue() + " is not read in a wide export;"
                            + " map each wave's column with wave.<label>." + name);
                }
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (used.contains(i) || UNUSED.contains(names.get(i))) {
                continue;
            }
            String shown = Values.clean(headerCells[i]);
            if (wide && (instrumentKeys.contains(names.get(i)) || SessionRowValidator.ITEM_COLUMNS.contains(names.get(i)))) {
                warnings.add(fileName + ": column '" + shown + "' is named like an instrument but no wave.<label>."
                        + names.get(i) + " key maps it: not read as scores");
            } else {
                unknown.add(shown);
                warnings.add(fileName + ": column '" + shown + "' is neither mapped nor known: ignored");
            }
        }
        HeaderLayout header = HeaderLayout.ofExport(fileName, headerCells, index, unknown);
        return new ExportLayout(mapping, header, instruments, waveColumn, scores, items, warnings);
    }

    private static int column(Map<String, Integer> byName, String fileName, String their, String key)
            throws RefusedFileException {
        Integer at = byName.get(ExportMapping.codeKey(their));
        if (at == null) {
            throw new RefusedFileException(fileName + ": column '" + Values.clean(their) + "' (" + key
                    + " in the job file) is missing");
        }
        return at;
    }

    private static void requireColumn(Map<String, Integer> index, String fileName, String column)
            throws RefusedFileException {
        if (!index.containsKey(column)) {
            throw new RefusedFileException(fileName + ": required column '" + column
                    + "' is missing (name it in the job file: column." + column + "=<your column>)");
        }
    }

    /** A wave's 20 PCL-5 item columns ({@code wave.<label>.pcl5_<i>}), all or none. */
    private static int[] items(Map<String, Integer> byName, String fileName, Map<String, String> columns,
                               String label) throws RefusedFileException {
        if (!allOrNone(columns.keySet(), (missing, count) -> fileName + ": wave " + label + " maps only " + count + " of the 20 PCL-5"
                + " items (for example wave." + label + "." + missing + " is missing); map all of them or none")) {
            return null;
        }
        List<String> itemKeys = SessionRowValidator.ITEM_COLUMNS;
        int[] at = new int[itemKeys.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = column(byName, fileName, columns.get(itemKeys.get(i)), "wave." + label + "." + itemKeys.get(i));
        }
        return at;
    }

    /** The 20 PCL-5 item columns of a long export, all or none (DATA.md, "Files"). */
    private static int[] longItems(Map<String, Integer> index, String fileName) throws RefusedFileException {
        if (!allOrNone(index.keySet(), (missing, count) -> fileName + ": only " + count + " of the 20 PCL-5 item columns are present"
                + " (for example '" + missing + "' is missing); give all of pcl5_1 … pcl5_20 or none")) {
            return null;
        }
        return SessionRowValidator.ITEM_COLUMNS.stream().mapToInt(index::get).toArray();
    }

    /**
     * Whether {@code present} holds all 20 PCL-5 item columns (false: none of them).
     *
     * @param message the refusal for some but not all, given the first missing item and how many are there
     * @throws RefusedFileException when only some are there
     */
    private static boolean allOrNone(java.util.Set<String> present,
                                     java.util.function.BiFunction<String, Long, String> message)
            throws RefusedFileException {
        List<String> itemKeys = SessionRowValidator.ITEM_COLUMNS;
        long count = itemKeys.stream().filter(present::contains).count();
        if (count > 0 && count < itemKeys.size()) {
            String missing = itemKeys.stream().filter(k -> !present.contains(k)).findFirst().orElseThrow();
            throw new RefusedFileException(message.apply(missing, count));
        }
        return count > 0;
    }

    /**
     * The position in {@code waves} of a wave cell: labels match as codes do (trimmed, any case),
     * and a whole number also as written with {@code .0}; {@link #NO_WAVE} for an empty cell (or
     * a missing-value code), {@link #NOT_LISTED} for another label.
     */
    public int wavePosition(String[] fields) {
        String cell = cleaned(fields, waveColumn);
        if (cell.isEmpty()) {
            return NO_WAVE;
        }
        Integer position = waveByKey.get(ExportMapping.waveKey(cell));
        return position == null ? NOT_LISTED : position;
    }

    /**
     * A cell as the rules read it: trimmed, and empty when it holds one of the export's missing
     * codes ({@code missing}); "", not null, when the column is absent.
     */
    public String cleaned(String[] fields, int column) {
        if (column < 0) {
            return "";
        }
        String value = Values.clean(fields[column]);
        if (!missingCodes.isEmpty() && missingCodes.contains(value.toLowerCase(Locale.ROOT))) {
            return "";
        }
        return value;
    }

    public ExportMapping mapping() {
        return mapping;
    }

    /** The pipeline columns' positions, with every column named as written in the export. */
    public HeaderLayout header() {
        return header;
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public boolean wide() {
        return mapping.layout() == ExportMapping.Layout.WIDE;
    }

    public int waveCount() {
        return scoreColumns.length;
    }

    public int waveColumn() {
        return waveColumn;
    }

    /** The column of instrument {@code instrument}'s score at wave {@code wave}, -1 when none. */
    public int scoreColumn(int wave, int instrument) {
        return scoreColumns[wave][instrument];
    }

    /** The 20 PCL-5 item columns at wave {@code wave}, or null. */
    public int[] itemColumns(int wave) {
        return itemColumns[wave];
    }

    /** One line per export column that is neither mapped nor known, or named like an unmapped instrument. */
    public List<String> warnings() {
        return warnings;
    }

    public String fileName() {
        return header.fileName();
    }
}
