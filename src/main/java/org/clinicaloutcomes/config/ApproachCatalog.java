package org.clinicaloutcomes.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured treatment approaches, in report order. Codes match case-insensitively; the four
 * default approaches may also be written out in full (DATA.md, intake.csv "approach").
 */
public final class ApproachCatalog {

    public static final List<String> DEFAULT_APPROACHES = List.of("DBT", "CPT", "ACT", "PE");

    private static final Map<String, String> LONG_NAMES = Map.of(
            "dialectical behavior therapy", "DBT",
            "cognitive processing therapy", "CPT",
            "acceptance and commitment therapy", "ACT",
            "prolonged exposure", "PE");

    private final List<String> approaches;
    private final Map<String, String> lookup = new HashMap<>();

    public ApproachCatalog(List<String> approaches) {
        this.approaches = List.copyOf(approaches);
        for (String approach : this.approaches) {
            lookup.put(approach.toLowerCase(Locale.ROOT), approach);
        }
        LONG_NAMES.forEach((longName, code) -> {
            String configured = lookup.get(code.toLowerCase(Locale.ROOT));
            if (configured != null) {
                lookup.putIfAbsent(longName, configured);
            }
        });
    }

    public static ApproachCatalog defaults() {
        return new ApproachCatalog(DEFAULT_APPROACHES);
    }

    /** The configured code for a cell (trimmed), or null when it names no configured approach. */
    public String resolve(String cell) {
        return lookup.get(cell.toLowerCase(Locale.ROOT));
    }

    public List<String> approaches() {
        return approaches;
    }
}
