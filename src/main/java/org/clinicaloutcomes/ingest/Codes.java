package org.clinicaloutcomes.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The code lists of DATA.md, matched case-insensitively and returned in their canonical spelling. */
public final class Codes {

    public static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    public static final List<String> INDEX_EVENTS = List.of("icu", "cardiac", "birth", "cancer",
            "chronic_illness", "surgery", "accident", "covid", "pediatric", "other");
    public static final List<String> DISCHARGE_REASONS = List.of("completed", "dropout", "referred", "other");
    /** The discharge reason of an episode the client ended early. */
    public static final String DROPOUT = DISCHARGE_REASONS.get(1);
    public static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE",
            "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN",
            "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
            "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU",
            "MP", "PR", "VI");

    private static final Map<String, String> AGE_BAND_LOOKUP = lookup(AGE_BANDS);
    private static final Map<String, String> AGE_BAND_EXACT = exact(AGE_BANDS);
    private static final Map<String, String> INDEX_EVENT_LOOKUP = lookup(INDEX_EVENTS);
    private static final Map<String, String> INDEX_EVENT_EXACT = exact(INDEX_EVENTS);
    private static final Map<String, String> DISCHARGE_REASON_LOOKUP = lookup(DISCHARGE_REASONS);
    private static final Map<String, String> DISCHARGE_REASON_EXACT = exact(DISCHARGE_REASONS);
    private static final Map<String, String> STATE_LOOKUP = lookup(STATES);
    private static final Map<String, String> STATE_EXACT = exact(STATES);

    private Codes() {
    }

    private static Map<String, String> lookup(java.util.Collection<String> codes) {
        return codes.stream().collect(Collectors.toUnmodifiableMap(
                code -> code.toLowerCase(Locale.ROOT), Function.identity()));
    }

    private static Map<String, String> exact(java.util.Collection<String> codes) {
        return codes.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));
    }

    /**
     * The canonical spelling of a cell, matched case-insensitively, or null. A cell written
     * exactly as a code (most are) is found without lower-casing it first.
     */
    private static String find(Map<String, String> exact, Map<String, String> lookup, String cleaned) {
        String code = exact.get(cleaned);
        return code != null ? code : lookup.get(cleaned.toLowerCase(Locale.ROOT));
    }

    /** Canonical age band, or null when the code is not one. */
    static String ageBand(String cleaned) {
        return find(AGE_BAND_EXACT, AGE_BAND_LOOKUP, cleaned);
    }

    static String indexEvent(String cleaned) {
        return find(INDEX_EVENT_EXACT, INDEX_EVENT_LOOKUP, cleaned);
    }

    static String dischargeReason(String cleaned) {
        return find(DISCHARGE_REASON_EXACT, DISCHARGE_REASON_LOOKUP, cleaned);
    }

    static String state(String cleaned) {
        return find(STATE_EXACT, STATE_LOOKUP, cleaned);
    }
}
