package org.clinicaloutcomes.ingest;

/**
 * One rejected row: where it is and which rule it broke. It never holds a cell value.
 *
 * @param file   file name, for example {@code sessions.csv}
 * @param line   physical line on which the record starts (header = line 1)
 * @param column the column that broke the rule, empty for row-level problems
 * @param reason one of the reasons of DATA.md, "Rejects"
 */
public record Reject(String file, long line, String column, String reason) {

    public static final String POSSIBLE_IDENTIFIER = "possible identifier";
    public static final String WRONG_NUMBER_OF_FIELDS = "wrong number of fields";
    public static final String MISSING_VALUE = "missing value";
    public static final String BAD_DATE = "bad date";
    public static final String BAD_ID = "bad id";
    public static final String BAD_FLAG = "bad flag";
    public static final String BAD_CODE = "bad code";
    public static final String NOT_AN_INTEGER = "not an integer";
    public static final String NOT_A_NUMBER = "not a number";
    public static final String UNKNOWN_APPROACH = "unknown approach";
    public static final String OUT_OF_RANGE = "out of range";
    public static final String INCOMPLETE_ITEMS = "incomplete items";
    public static final String ITEM_SUM_MISMATCH = "item sum mismatch";
    public static final String DISCHARGE_BEFORE_INTAKE = "discharge before intake";
    public static final String REFERRAL_AFTER_INTAKE = "referral after intake";
    public static final String REASON_WITHOUT_DISCHARGE = "reason without discharge";
    public static final String DISCHARGE_WITHOUT_REASON = "discharge without reason";
    public static final String UNKNOWN_CLIENT = "unknown client";
    public static final String SESSION_BEFORE_INTAKE = "session before intake";
    public static final String SESSION_AFTER_DISCHARGE = "session after discharge";
    public static final String SCORES_ON_MISSED_SESSION = "scores on a missed session";
    public static final String DUPLICATE_CLIENT_ID = "duplicate client_id";
    public static final String CONFLICTING_DUPLICATE = "conflicting duplicate";
    /** A researcher's export in {@code long}: a later row of a participant with another participant value (RESEARCH.md). */
    public static final String CONFLICTING_PARTICIPANT_VALUE = "conflicting participant value";
}
