package org.clinicaloutcomes.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.clinicaloutcomes.cli.JobFileLines.Entry;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.ingest.ExportMapping.Layout;
import org.clinicaloutcomes.ingest.IntakeRowValidator;
import org.clinicaloutcomes.ingest.SessionRowValidator;

/**
 * The job-file keys that describe a researcher's own export (RESEARCH.md, "Job-file keys"),
 * read into an {@link ExportMapping}. Every refusal is a {@link UsageException} naming the job
 * file, the line and the key.
 *
 * <p>Decisions beyond RESEARCH.md: the export keys other than {@code randomised} need
 * {@code layout=long} or {@code layout=wide}; with those layouts the keys {@code input},
 * {@code from} and {@code to} are refused (the export is read whole, from the {@code file} key);
 * {@code baseline.wave} and {@code final.wave} are stored as their label is written in
 * {@code waves}, as the {@code wave.<label>} keys are.
 */
final class ExportKeys {

    static final String LAYOUT = "layout";
    static final String FILE = "file";
    static final String WAVES = "waves";
    static final String BASELINE_WAVE = "baseline.wave";
    static final String FINAL_WAVE = "final.wave";
    static final String RANDOMISED = "randomised";
    static final String APPROACH = "approach";
    static final String MISSING = "missing";
    static final String DELIMITER = "delimiter";
    static final String ENCODING = "encoding";
    static final String COLUMN = "column.";
    static final String CODE = "code.";
    static final String WAVE = "wave.";

    /** The export keys as the unknown-key message lists them. */
    static final List<String> KEYS = List.of(LAYOUT, FILE, COLUMN + "<name>", CODE + "<name>.<their value>", WAVES,
            WAVE + "<label>.<instrument>", BASELINE_WAVE, FINAL_WAVE, RANDOMISED, APPROACH, MISSING, DELIMITER,
            ENCODING);

    /** The columns a {@code code.<name>.<their value>} key may map (RESEARCH.md: approach, discharge reason, index event, age band, the flags). */
    static final List<String> CODED_COLUMNS = List.of("approach", "discharge_reason", "index_event", "age_band",
            "chronic_illness", "prior_trauma", "childhood_medical", "marginalized");

    /** The long layout's wave column. */
    static final String WAVE_COLUMN = "wave";

    private static final Pattern INSTRUMENT_KEY = Pattern.compile("[a-z][a-z0-9_]*");

    /** The pipeline columns of DATA.md a {@code column.<name>} key may name, besides an instrument key and {@code wave}. */
    private static final Set<String> PIPELINE_COLUMNS;

    static {
        Set<String> columns = new LinkedHashSet<>(IntakeRowValidator.COLUMNS);
        columns.addAll(SessionRowValidator.FIXED_COLUMNS);
        columns.addAll(SessionRowValidator.ITEM_COLUMNS);
        PIPELINE_COLUMNS = Set.copyOf(columns);
    }

    private static final String COLUMN_NAMES = "client_id, approach, clinician_id, an intake column of DATA.md,"
            + " session_date, session_number, attended, an instrument key, pcl5_1 … pcl5_20, or wave (layout=long)";

    /** What a key of the export is. */
    private enum Kind {
        LAYOUT("canonical|long|wide"), FILE("FILE"), COLUMN("COLUMN"), CODE("VALUE"), WAVES("LABEL,LABEL,..."),
        WAVE("COLUMN"), BASELINE_WAVE("LABEL"), FINAL_WAVE("LABEL"), RANDOMISED("Y|N"), APPROACH("CODE"),
        MISSING("CODE,CODE,..."), DELIMITER(",|;|tab"), ENCODING("UTF-8|windows-1252");

        final String metavar;

        Kind(String metavar) {
            this.metavar = metavar;
        }
    }

    /** The export of a job file, and the line of its {@code layout} key (0 when it has none). */
    record Parsed(ExportMapping mapping, int layoutLine) {
    }

    /** One export key, recognised: for a prefixed key its name, their value or wave label, and instrument. */
    private record Key(Entry entry, Kind kind, String name, String part) {
    }

    private final Path file;
    private final Path base;

    private ExportKeys(Path file) {
        this.file = file;
        this.base = file.getParent();
    }

    /** Whether a job-file key is an export key (a prefixed one may still be refused by {@link #parse}). */
    static boolean isExportKey(String key) {
        return simpleKind(key) != null || key.startsWith(COLUMN) || key.startsWith(CODE) || key.startsWith(WAVE);
    }

    /**
     * The key as "given twice" compares it: as written, except that a code key's value is matched
     * as the export's values are ({@link ExportMapping#codeKey}).
     */
    static String identity(String key) {
        if (key.startsWith(CODE)) {
            int dot = key.indexOf('.', CODE.length());
            if (dot > 0) {
                return key.substring(0, dot + 1) + ExportMapping.codeKey(key.substring(dot + 1));
            }
        }
        return key;
    }

    /**
     * Reads the export keys of a job file.
     *
     * @param file    the job file, for the messages; its folder is the base of the {@code file} key
     * @param entries all the entries of the job file, in file order, no key given twice
     */
    static Parsed parse(Path file, List<Entry> entries) throws UsageException {
        return new ExportKeys(file).read(entries);
    }

    private Parsed read(List<Entry> entries) throws UsageException {
        List<Key> keys = new ArrayList<>();
        Key layoutKey = null;
        Key randomisedKey = null;
        for (Entry entry : entries) {
            if (!isExportKey(entry.key())) {
                continue;
            }
            Key key = recognise(entry);
            if (entry.value().isEmpty()) {
                throw fail(entry, entry.key() + " needs a value: " + entry.key() + "=" + key.kind().metavar);
            }
            keys.add(key);
            if (key.kind() == Kind.LAYOUT) {
                layoutKey = key;
            } else if (key.kind() == Kind.RANDOMISED) {
                randomisedKey = key;
            }
        }
        Layout layout = layoutKey == null ? Layout.CANONICAL : layout(layoutKey.entry());
        boolean randomised = randomisedKey != null && randomised(randomisedKey.entry());
        int layoutLine = layoutKey == null ? 0 : layoutKey.entry().line();
        if (layout == Layout.CANONICAL) {
            for (Key key : keys) {
                if (key.kind() != Kind.LAYOUT && key.kind() != Kind.RANDOMISED) {
                    throw fail(key.entry(), "key " + quote(key.entry().key()) + " needs "
                            + (key.kind() == Kind.WAVE ? "layout=wide" : "layout=long or layout=wide")
                            + (layoutKey == null ? " (there is no layout key: the layout is canonical)"
                                    : " (the layout is canonical, line " + layoutLine + ")"));
                }
            }
            return new Parsed(ExportMapping.canonical(randomised), layoutLine);
        }
        return new Parsed(byWave(layout, layoutKey.entry(), randomised, keys, entries), layoutLine);
    }

    private ExportMapping byWave(Layout layout, Entry layoutEntry, boolean randomised, List<Key> keys,
            List<Entry> entries) throws UsageException {
        String withLayout = "layout=" + layout.key() + " (line " + layoutEntry.line() + ")";
        for (Entry entry : entries) {
            switch (entry.key()) {
                case "input" -> throw fail(entry, "key 'input' cannot be used with " + withLayout
                        + ": the key file names the export to read");
                case "from", "to" -> throw fail(entry, "key " + quote(entry.key()) + " cannot be used with "
                        + withLayout + ": a wave-based analysis covers all the data");
                default -> {
                }
            }
        }
        Key wavesKey = only(keys, Kind.WAVES);
        if (wavesKey == null) {
            throw fail(layoutEntry, "layout=" + layout.key()
                    + " needs the key waves (the wave labels in time order, like waves=0,1,2)");
        }
        List<String> waves = waves(wavesKey.entry());
        Key fileKey = only(keys, Kind.FILE);
        if (fileKey == null) {
            throw fail(layoutEntry, "layout=" + layout.key() + " needs the key file (the export to read)");
        }
        Path export = path(fileKey.entry());

        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Map<String, String>> codes = new LinkedHashMap<>();
        Map<String, Map<String, String>> waveColumns = new LinkedHashMap<>();
        Map<String, Entry> waveKeys = new HashMap<>();
        Map<String, Entry> exportColumns = new HashMap<>();
        Entry baseline = null;
        String baselineWave = null;
        String finalWave = null;
        Entry finalEntry = null;
        String approach = null;
        List<String> missing = List.of();
        char delimiter = ',';
        Charset encoding = StandardCharsets.UTF_8;
        for (Key key : keys) {
            Entry entry = key.entry();
            String value = entry.value();
            switch (key.kind()) {
                case COLUMN -> {
                    if (key.name().equals(WAVE_COLUMN) && layout != Layout.LONG) {
                        throw fail(entry, "unknown key 'column.wave' with " + withLayout
                                + ": a wide export has no wave column (its scores are in wave.<label>.<instrument> columns)");
                    }
                    exportColumn(exportColumns, entry);
                    columns.put(key.name(), value);
                }
                case CODE -> codes.computeIfAbsent(key.name(), k -> new LinkedHashMap<>())
                        .put(ExportMapping.codeKey(key.part()), value);
                case WAVE -> {
                    if (layout != Layout.WIDE) {
                        throw fail(entry, "unknown key " + quote(entry.key()) + " with " + withLayout
                                + ": wave.<label>.<instrument> keys are for layout=wide");
                    }
                    String wave = ExportMapping.listedWave(waves, key.part());
                    if (wave == null) {
                        throw fail(entry, "unknown key " + quote(entry.key()) + ": wave " + quote(key.part())
                                + " is not in waves (line " + wavesKey.entry().line() + ")");
                    }
                    Entry earlier = waveKeys.putIfAbsent(wave + "\n" + key.name(), entry);
                    if (earlier != null) {
                        throw fail(entry, "key " + quote(entry.key()) + " given twice (as " + quote(earlier.key())
                                + " on line " + earlier.line() + ")");
                    }
                    exportColumn(exportColumns, entry);
                    waveColumns.computeIfAbsent(wave, k -> new LinkedHashMap<>()).put(key.name(), value);
                }
                case BASELINE_WAVE -> {
                    baseline = entry;
                    baselineWave = listedWave(waves, wavesKey, entry);
                }
                case FINAL_WAVE -> {
                    finalEntry = entry;
                    finalWave = listedWave(waves, wavesKey, entry);
                }
                case APPROACH -> approach = value;
                case MISSING -> missing = missing(entry);
                case DELIMITER -> delimiter = delimiter(entry);
                case ENCODING -> encoding = encoding(entry);
                default -> {
                    // layout, file, waves, randomised: read above
                }
            }
        }
        if (baselineWave != null && finalWave != null && waves.indexOf(finalWave) <= waves.indexOf(baselineWave)) {
            throw fail(finalEntry, "final.wave " + quote(finalEntry.value()) + " is not after baseline.wave "
                    + quote(baseline.value()) + " (line " + baseline.line() + ") in waves");
        }
        Map<String, Map<String, String>> wavesInOrder = new LinkedHashMap<>();
        for (String wave : waves) {
            if (waveColumns.containsKey(wave)) {
                wavesInOrder.put(wave, waveColumns.get(wave));
            }
        }
        return new ExportMapping(layout, export, columns, codes, waves, wavesInOrder, baselineWave, finalWave,
                randomised, approach, missing, delimiter, encoding);
    }

    // ---------------------------------------------------------------- keys

    private static Kind simpleKind(String key) {
        return switch (key) {
            case LAYOUT -> Kind.LAYOUT;
            case FILE -> Kind.FILE;
            case WAVES -> Kind.WAVES;
            case BASELINE_WAVE -> Kind.BASELINE_WAVE;
            case FINAL_WAVE -> Kind.FINAL_WAVE;
            case RANDOMISED -> Kind.RANDOMISED;
            case APPROACH -> Kind.APPROACH;
            case MISSING -> Kind.MISSING;
            case DELIMITER -> Kind.DELIMITER;
            case ENCODING -> Kind.ENCODING;
            default -> null;
        };
    }

    /** The kind of an export key, with the parts of a prefixed one; an unknown prefixed key is refused. */
    private Key recognise(Entry entry) throws UsageException {
        String key = entry.key();
        Kind simple = simpleKind(key);
        if (simple != null) {
            return new Key(entry, simple, null, null);
        }
        if (key.startsWith(COLUMN)) {
            String name = key.substring(COLUMN.length());
            if (!PIPELINE_COLUMNS.contains(name) && !INSTRUMENT_KEY.matcher(name).matches()) {
                throw fail(entry, "unknown key " + quote(key) + ": " + quote(name) + " is no pipeline column ("
                        + COLUMN + "<name> takes " + COLUMN_NAMES + ")");
            }
            return new Key(entry, Kind.COLUMN, name, null);
        }
        if (key.startsWith(CODE)) {
            int dot = key.indexOf('.', CODE.length());
            String name = dot < 0 ? key.substring(CODE.length()) : key.substring(CODE.length(), dot);
            String theirs = dot < 0 ? "" : key.substring(dot + 1);
            if (!CODED_COLUMNS.contains(name)) {
                throw fail(entry, "unknown key " + quote(key) + ": " + quote(name) + " is not a coded column ("
                        + CODE + "<name>.<their value> takes " + String.join(", ", CODED_COLUMNS) + ")");
            }
            if (ExportMapping.codeKey(theirs).isEmpty()) {
                throw fail(entry, "unknown key " + quote(key) + ": write " + CODE + name
                        + ".<their value>=<value> (a space in their value is written \\ )");
            }
            return new Key(entry, Kind.CODE, name, theirs);
        }
        // wave.<label>.<instrument>: the label may hold dots (1.0), an instrument key does not
        String rest = key.substring(WAVE.length());
        int dot = rest.lastIndexOf('.');
        String label = dot < 0 ? "" : rest.substring(0, dot);
        String instrument = dot < 0 ? rest : rest.substring(dot + 1);
        if (ExportMapping.codeKey(label).isEmpty()) {
            throw fail(entry, "unknown key " + quote(key) + ": write " + WAVE + "<label>.<instrument>=<their column>");
        }
        if (!INSTRUMENT_KEY.matcher(instrument).matches()) {
            throw fail(entry, "unknown key " + quote(key) + ": " + quote(instrument) + " is not an instrument key"
                    + " (lower-case letters, digits and _ starting with a letter, like pcl5 or pcl5_1)");
        }
        return new Key(entry, Kind.WAVE, instrument, label);
    }

    private static Key only(List<Key> keys, Kind kind) {
        for (Key key : keys) {
            if (key.kind() == kind) {
                return key;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- values

    private Layout layout(Entry entry) throws UsageException {
        for (Layout layout : Layout.values()) {
            if (layout.key().equalsIgnoreCase(entry.value())) {
                return layout;
            }
        }
        throw fail(entry, "layout must be canonical, long or wide, got " + quote(entry.value()));
    }

    private boolean randomised(Entry entry) throws UsageException {
        Boolean flag = ExportMapping.flag(entry.value());
        if (flag == null) {
            throw fail(entry, "randomised must be a flag (Y/N, yes/no, true/false or 1/0), got " + quote(entry.value()));
        }
        return flag;
    }

    private Path path(Entry entry) throws UsageException {
        Path path;
        try {
            path = Path.of(entry.value());
        } catch (InvalidPathException e) {
            throw fail(entry, entry.key() + " is not a valid path, got " + quote(entry.value()));
        }
        if (base != null && !path.isAbsolute()) {
            path = base.resolve(path);
        }
        path = path.normalize();
        return path.toString().isEmpty() ? Path.of(".") : path;
    }

    /** The labels of {@code waves}, trimmed, none empty, none twice ({@link ExportMapping#waveKey} matched). */
    private List<String> waves(Entry entry) throws UsageException {
        List<String> labels = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String part : entry.value().split(",", -1)) {
            String label = part.trim();
            if (label.isEmpty()) {
                throw fail(entry, "waves has an empty wave label in " + quote(entry.value()));
            }
            String earlier = seen.putIfAbsent(ExportMapping.waveKey(label), label);
            if (earlier != null) {
                throw fail(entry, "waves names the wave " + quote(label) + " twice"
                        + (earlier.equals(label) ? "" : " (as " + quote(earlier) + " before)"));
            }
            labels.add(label);
        }
        return labels;
    }

    private String listedWave(List<String> waves, Key wavesKey, Entry entry) throws UsageException {
        String wave = ExportMapping.listedWave(waves, entry.value());
        if (wave == null) {
            throw fail(entry, entry.key() + " " + quote(entry.value()) + " is not in waves (line "
                    + wavesKey.entry().line() + ": " + String.join(",", waves) + ")");
        }
        return wave;
    }

    /** One export column maps one pipeline column (or one wave's score): matched as DATA.md matches headers. */
    private void exportColumn(Map<String, Entry> seen, Entry entry) throws UsageException {
        Entry earlier = seen.putIfAbsent(ExportMapping.codeKey(entry.value()), entry);
        if (earlier != null) {
            throw fail(entry, entry.key() + " maps the export column " + quote(entry.value()) + ", which "
                    + earlier.key() + " (line " + earlier.line() + ") maps already");
        }
    }

    private List<String> missing(Entry entry) throws UsageException {
        List<String> codes = new ArrayList<>();
        for (String part : entry.value().split(",", -1)) {
            String code = part.trim();
            if (code.isEmpty()) {
                throw fail(entry, "missing has an empty code in " + quote(entry.value()));
            }
            codes.add(code);
        }
        return codes;
    }

    private char delimiter(Entry entry) throws UsageException {
        return switch (entry.value().toLowerCase(Locale.ROOT)) {
            case "," -> ',';
            case ";" -> ';';
            case "tab" -> '\t';
            default -> throw fail(entry, "delimiter must be ',', ';' or tab, got " + quote(entry.value()));
        };
    }

    private Charset encoding(Entry entry) throws UsageException {
        if (entry.value().equalsIgnoreCase("UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        if (entry.value().equalsIgnoreCase("windows-1252")) {
            return ExportMapping.WINDOWS_1252;
        }
        throw fail(entry, "encoding must be UTF-8 or windows-1252, got " + quote(entry.value()));
    }

    // ---------------------------------------------------------------- messages

    private UsageException fail(Entry entry, String problem) {
        return new UsageException(CommandLineParser.jobFileAt(file, entry.line()) + problem);
    }

    private static String quote(String value) {
        return CommandLineParser.quote(value);
    }
}
