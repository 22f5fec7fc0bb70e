package org.clinicaloutcomes.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a researcher's own export is read (RESEARCH.md, "Job-file keys"): its layout, the file,
 * which of its columns holds which pipeline column, its codes, its waves. The job file's keys,
 * validated; {@link #CANONICAL} for the pipeline's own two files.
 *
 * @param layout       canonical, long or wide
 * @param file         long / wide: the export; null for canonical
 * @param columns      pipeline column name → the export's column as written in the job file
 *                     ({@code column.<name>}), in job-file order
 * @param codes        pipeline column name → ({@link #codeKey their value} → the pipeline's value)
 *                     ({@code code.<name>.<their value>})
 * @param waves        long / wide: the wave labels in time order, as written; empty for canonical
 * @param waveColumns  wide: wave label → (instrument key or {@code pcl5_<i>} → the export's column)
 * @param baselineWave the wave of the baseline score, or null (the first wave with a score)
 * @param finalWave    the wave of the final score, or null (the last wave with a score after the baseline's)
 * @param randomised   whether participants were randomised to the approaches (wording only)
 * @param approach     one approach for every participant, or null (the approach column)
 * @param missing      extra codes that mean "no value", trimmed, as written
 * @param delimiter    the field separator
 * @param encoding     UTF-8 or windows-1252
 */
public record ExportMapping(Layout layout, Path file, Map<String, String> columns,
                            Map<String, Map<String, String>> codes, List<String> waves,
                            Map<String, Map<String, String>> waveColumns, String baselineWave, String finalWave,
                            boolean randomised, String approach, List<String> missing, char delimiter,
                            Charset encoding) {

    /** The layouts of RESEARCH.md. */
    public enum Layout {
        /** {@code intake.csv} + {@code sessions.csv} in the input folder. */
        CANONICAL,
        /** One file, a row per participant × assessment. */
        LONG,
        /** One file, a row per participant. */
        WIDE;

        /** The job-file spelling. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean byWave() {
            return this != CANONICAL;
        }
    }

    private static final java.util.regex.Pattern WHOLE_NUMBER_WITH_ZEROS = java.util.regex.Pattern.compile("-?[0-9]+\\.0+");

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The pipeline's own files, not randomised. */
    public static final ExportMapping CANONICAL = canonical(false);

    public ExportMapping {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(encoding, "encoding");
        columns = frozen(columns);
        Map<String, Map<String, String>> codeMaps = new LinkedHashMap<>();
        (codes == null ? Map.<String, Map<String, String>>of() : codes).forEach((k, v) -> codeMaps.put(k, frozen(v)));
        codes = Collections.unmodifiableMap(codeMaps);
        waves = waves == null ? List.of() : List.copyOf(waves);
        Map<String, Map<String, String>> byWave = new LinkedHashMap<>();
        (waveColumns == null ? Map.<String, Map<String, String>>of() : waveColumns)
                .forEach((k, v) -> byWave.put(k, frozen(v)));
        waveColumns = Collections.unmodifiableMap(byWave);
        missing = missing == null ? List.of() : List.copyOf(missing);
        if (layout.byWave()) {
            Objects.requireNonNull(file, "file");
            if (waves.isEmpty()) {
                throw new IllegalArgumentException("a " + layout.key() + " export needs its waves");
            }
        }
    }

    /** The pipeline's own files; {@code randomised} only changes the reports' wording. */
    public static ExportMapping canonical(boolean randomised) {
        return new ExportMapping(Layout.CANONICAL, null, Map.of(), Map.of(), List.of(), Map.of(), null, null,
                randomised, null, List.of(), ',', StandardCharsets.UTF_8);
    }

    /** How a value of a coded column or a wave label is matched: trimmed, any case. */
    public static String codeKey(String value) {
        return Values.clean(value).toLowerCase(Locale.ROOT);
    }

    /**
     * How a wave label is matched: as a code ({@link #codeKey}), and a whole number written with
     * {@code .0} is that whole number ({@code 1}, {@code 1.0} and {@code 1.00} are the same label, as
     * DATA.md reads {@code 12.0} as 12).
     */
    public static String waveKey(String label) {
        String key = codeKey(label);
        return WHOLE_NUMBER_WITH_ZEROS.matcher(key).matches() ? key.substring(0, key.indexOf('.')) : key;
    }

    /** The label of {@code waves} that {@code label} names ({@link #waveKey matched}), as written there, or null. */
    public static String listedWave(List<String> waves, String label) {
        String key = waveKey(label);
        for (String wave : waves) {
            if (waveKey(wave).equals(key)) {
                return wave;
            }
        }
        return null;
    }

    /**
     * A yes/no flag in DATA.md's spellings ({@code Y}/{@code N}, {@code yes}/{@code no},
     * {@code true}/{@code false}, {@code 1}/{@code 0}, any case, trimmed): TRUE or FALSE, or null
     * for anything else (blank and the no-value words included).
     */
    public static Boolean flag(String value) {
        return switch (Values.parseFlag(Values.clean(value))) {
            case YES -> Boolean.TRUE;
            case NO -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The pipeline's value of an export's code in {@code column}, or the value itself when unmapped. */
    public String decode(String column, String cleanedValue) {
        Map<String, String> map = codes.get(column);
        if (map == null || map.isEmpty()) {
            return cleanedValue;
        }
        String mapped = map.get(codeKey(cleanedValue));
        return mapped == null ? cleanedValue : mapped;
    }

    private static Map<String, String> frozen(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
