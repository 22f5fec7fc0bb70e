package org.clinicaloutcomes.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinicaloutcomes.ingest.IdentifierDetector;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.significance.CutoffType;
import org.clinicaloutcomes.metrics.significance.SignificanceParameters;

/**
 * The instrument configuration of METRICS.md ("Instruments"): an editable CSV file, with the
 * defaults bundled as {@code instruments.csv} on the class path.
 *
 * <p>After METRICS.md's ten columns, which come first and in their order, the file may carry any
 * of the clinical-significance columns of SIGNIFICANCE.md, section 11
 * ({@link SignificanceParameters#COLUMNS}), each at most once, in any order; their values are
 * kept here ({@link #significance(String)}), beside the {@link Instrument}s.
 */
public final class InstrumentCatalog {

    public static final String BUNDLED = "instruments.csv";
    private static final List<String> COLUMNS = List.of("key", "name", "min", "max",
            "higher_is_better", "integer", "cutoff", "reliable_change", "rc_sd", "rc_reliability");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern ITEM_KEY = Pattern.compile("pcl5_([1-9]|1[0-9]|20)");
    private static final Set<String> RESERVED = Set.of("client_id", "session_date", "session_number", "attended");

    private final List<Instrument> instruments;
    private final Map<String, SignificanceParameters> significance;
    private final String source;
    private final String text;

    private InstrumentCatalog(List<Instrument> instruments, Map<String, SignificanceParameters> significance,
            String source, String text) {
        this.instruments = List.copyOf(instruments);
        this.significance = Map.copyOf(significance);
        this.source = source;
        this.text = text;
    }

    public static InstrumentCatalog bundled() {
        try (InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BUNDLED + " is missing from the jar");
            }
            return parse("bundled " + BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RefusedFileException e) {
            throw new IllegalStateException("bundled " + BUNDLED + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static InstrumentCatalog load(Path file) throws RefusedFileException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new RefusedFileException("instrument file " + name + " does not exist");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return parse("instrument file " + name, text);
        } catch (CharacterCodingException e) {
            throw new RefusedFileException("instrument file " + name + " is not valid UTF-8");
        } catch (IOException e) {
            throw new RefusedFileException("instrument file " + name + " cannot be read");
        }
    }

    static InstrumentCatalog parse(String source, String text) throws RefusedFileException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Instrument> instruments = new ArrayList<>();
        Map<String, SignificanceParameters> significance = new LinkedHashMap<>();
        try (Reader reader = new StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            List<String> header = null;
            Map<String, Integer> extra = null;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                    extra = extraColumns(source, header);
                    continue;
                }
                String where = source + ", line " + (parser.getCurrentLineNumber());
                if (record.size() != header.size()) {
                    throw new RefusedFileException(where + ": expected " + header.size() + " fields, found " + record.size());
                }
                Instrument instrument = instrument(where, record);
                if (significance.containsKey(instrument.key())) {
                    throw new RefusedFileException(where + ": instrument key '" + instrument.key() + "' appears twice");
                }
                instruments.add(instrument);
                significance.put(instrument.key(), significance(where, record, extra));
            }
        } catch (IOException e) {
            throw new RefusedFileException(source + " cannot be parsed as CSV");
        }
        if (instruments.isEmpty()) {
            throw new RefusedFileException(source + " defines no instrument");
        }
        return new InstrumentCatalog(instruments, significance, source, text);
    }

    /**
     * The optional clinical-significance columns of {@code header} after METRICS.md's ten, each
     * with its position.
     */
    private static Map<String, Integer> extraColumns(String source, List<String> header) throws RefusedFileException {
        if (header.size() < COLUMNS.size() || !header.subList(0, COLUMNS.size()).equals(COLUMNS)) {
            throw new RefusedFileException(source + ", line 1: the header must be " + String.join(",", COLUMNS)
                    + ", optionally followed by any of " + String.join(",", SignificanceParameters.COLUMNS));
        }
        Map<String, Integer> extra = new LinkedHashMap<>();
        for (int at = COLUMNS.size(); at < header.size(); at++) {
            String column = header.get(at);
            if (!SignificanceParameters.COLUMNS.contains(column)) {
                throw new RefusedFileException(source + ", line 1: unknown column '" + column
                        + "'; after the first ten, the columns may be any of "
                        + String.join(",", SignificanceParameters.COLUMNS));
            }
            if (extra.putIfAbsent(column, at) != null) {
                throw new RefusedFileException(source + ", line 1: column '" + column + "' appears twice");
            }
        }
        return extra;
    }

    /**
     * An instrument's clinical-significance parameters (SIGNIFICANCE.md, section 11) from the
     * optional columns of its row, with {@code reliability} defaulting to {@code rc_reliability}.
     */
    private static SignificanceParameters significance(String where, CSVRecord record, Map<String, Integer> extra)
            throws RefusedFileException {
        Double rcReliability = optionalNumber(where, "rc_reliability", record.get(COLUMNS.indexOf("rc_reliability"))).orElse(null);
        String cutoff = cell(record, extra, SignificanceParameters.CUTOFF_TYPE).strip();
        CutoffType cutoffType;
        try {
            cutoffType = cutoff.isEmpty() ? null : CutoffType.ofName(cutoff);
        } catch (IllegalArgumentException e) {
            throw new RefusedFileException(where + ": " + e.getMessage());
        }
        try {
            return new SignificanceParameters(
                    extraNumber(where, record, extra, SignificanceParameters.RELIABILITY),
                    extraNumber(where, record, extra, SignificanceParameters.RELIABILITY_POST),
                    extraNumber(where, record, extra, SignificanceParameters.FUNCTIONAL_MEAN),
                    extraNumber(where, record, extra, SignificanceParameters.FUNCTIONAL_SD),
                    cutoffType,
                    extraNumber(where, record, extra, SignificanceParameters.MID_IMPROVEMENT),
                    extraNumber(where, record, extra, SignificanceParameters.MID_DETERIORATION),
                    extraNumber(where, record, extra, SignificanceParameters.PCT_IMPROVEMENT),
                    extraNumber(where, record, extra, SignificanceParameters.PCT_DETERIORATION))
                    .withDefaultReliability(rcReliability);
        } catch (IllegalArgumentException e) {
            // The message starts with the column's name (SignificanceParameters' range checks).
            throw new RefusedFileException(where + ": " + e.getMessage());
        }
    }

    /** The cell of an optional column, empty when the file has no such column. */
    private static String cell(CSVRecord record, Map<String, Integer> extra, String column) {
        Integer at = extra.get(column);
        return at == null ? "" : record.get(at);
    }

    private static Double extraNumber(String where, CSVRecord record, Map<String, Integer> extra, String column)
            throws RefusedFileException {
        return optionalNumber(where, column, cell(record, extra, column)).orElse(null);
    }

    private static Instrument instrument(String where, CSVRecord record) throws RefusedFileException {
        String key = record.get(0).strip();
        if (!KEY.matcher(key).matches() || ITEM_KEY.matcher(key).matches() || RESERVED.contains(key)) {
            throw new RefusedFileException(where + ": key '" + key
                    + "' must match [a-z][a-z0-9_]* and not be a PCL-5 item or a fixed sessions.csv column");
        }
        if (IdentifierDetector.isIdentifierHeader(key)) {
            throw new RefusedFileException(where + ": key '" + key
                    + "' names an identifier, so the de-identification gate would refuse its sessions.csv column");
        }
        String name = record.get(1).strip();
        if (name.isEmpty()) {
            throw new RefusedFileException(where + ": name is empty");
        }
        double min = number(where, "min", record.get(2));
        double max = number(where, "max", record.get(3));
        if (!(min < max)) {
            throw new RefusedFileException(where + ": min must be below max");
        }
        boolean higherIsBetter = bool(where, "higher_is_better", record.get(4));
        boolean integer = bool(where, "integer", record.get(5));
        Optional<Double> cutoff = optionalNumber(where, "cutoff", record.get(6));
        if (cutoff.isPresent() && !(cutoff.get() >= min && cutoff.get() <= max)) {
            throw new RefusedFileException(where + ": cutoff must lie within [min, max]");
        }
        Optional<Double> reliableChange = optionalNumber(where, "reliable_change", record.get(7));
        Optional<Double> rcSd = optionalNumber(where, "rc_sd", record.get(8));
        Optional<Double> rcReliability = optionalNumber(where, "rc_reliability", record.get(COLUMNS.indexOf("rc_reliability")));
        double threshold;
        if (reliableChange.isPresent() && rcSd.isEmpty() && rcReliability.isEmpty()) {
            threshold = reliableChange.get();
        } else if (reliableChange.isEmpty() && rcSd.isPresent() && rcReliability.isPresent()) {
            if (!(rcSd.get() > 0) || !(rcReliability.get() >= 0 && rcReliability.get() < 1)) {
                throw new RefusedFileException(where + ": rc_sd must be positive and rc_reliability in [0, 1)");
            }
            threshold = Instrument.jacobsonTruax(rcSd.get(), rcReliability.get());
        } else {
            throw new RefusedFileException(where
                    + ": give either reliable_change or both rc_sd and rc_reliability, not both or neither");
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new RefusedFileException(where + ": the reliable-change threshold must be positive and finite");
        }
        return new Instrument(key, name, min, max, higherIsBetter, integer, cutoff.orElse(null), threshold);
    }

    private static double number(String where, String column, String cell) throws RefusedFileException {
        return optionalNumber(where, column, cell).orElseThrow(
                () -> new RefusedFileException(where + ": " + column + " is empty"));
    }

    private static Optional<Double> optionalNumber(String where, String column, String cell) throws RefusedFileException {
        String value = cell.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!NUMBER.matcher(value).matches()) {
            throw new RefusedFileException(where + ": " + column + " is not a number");
        }
        // The pattern admits digits without end; a double holds them only up to about 1.8e308.
        double number = Double.parseDouble(value);
        if (!Double.isFinite(number)) {
            throw new RefusedFileException(where + ": " + column + " is too large to be a finite number");
        }
        return Optional.of(number);
    }

    private static boolean bool(String where, String column, String cell) throws RefusedFileException {
        return switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RefusedFileException(where + ": " + column + " must be true or false");
        };
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public Optional<Instrument> find(String key) {
        return instruments.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /**
     * The clinical-significance parameters of the instrument {@code key} (SIGNIFICANCE.md,
     * section 11): those its row gives, with {@code reliability} defaulting to its
     * {@code rc_reliability} when that is given, and the other defaults of
     * {@link SignificanceParameters}; an instrument without any of the optional columns has
     * {@link SignificanceParameters#NONE}'s (with that reliability).
     *
     * @throws IllegalArgumentException when no instrument has this key
     */
    public SignificanceParameters significance(String key) {
        SignificanceParameters parameters = significance.get(key);
        if (parameters == null) {
            throw new IllegalArgumentException("no instrument '" + key + "' in " + source);
        }
        return parameters;
    }

    /** Where the configuration came from, for provenance. */
    public String source() {
        return source;
    }

    /** The configuration text as read, for provenance. */
    public String text() {
        return text;
    }
}
