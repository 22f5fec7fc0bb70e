package org.clinicaloutcomes.ingest;

/**
 * The first two rules of DATA.md's reject order, the same for both files: a cell that may hold
 * an identifier (every field is checked before any other rule, so that no other rule reads it),
 * then a wrong number of fields. Also the rule of a required id column, which both files have.
 */
final class RowGate {

    private RowGate() {
    }

    /** The reject of a row that fails the gate, or null when it passes. */
    static <T> RowResult<T> check(HeaderLayout layout, RawRow row) {
        String[] fields = row.fields();
        for (int i = 0; i < fields.length; i++) {
            if (IdentifierDetector.containsIdentifier(fields[i])) {
                return RowResult.rejected(layout.fileName(), row.line(), columnName(layout, i),
                        Reject.POSSIBLE_IDENTIFIER);
            }
        }
        if (fields.length != layout.size()) {
            return RowResult.rejected(layout.fileName(), row.line(), "", Reject.WRONG_NUMBER_OF_FIELDS);
        }
        return null;
    }

    /**
     * The reject of a required client / clinician id cell (trimmed) that is empty or not a
     * well-formed {@linkplain Values#isId id}, or null when it is one.
     */
    static <T> RowResult<T> checkId(String file, long line, String column, String cleaned) {
        if (cleaned.isEmpty()) {
            return RowResult.rejected(file, line, column, Reject.MISSING_VALUE);
        }
        if (!Values.isId(cleaned)) {
            return RowResult.rejected(file, line, column, Reject.BAD_ID);
        }
        return null;
    }

    /** A field beyond the header has no column name: its position says which one it is. */
    private static String columnName(HeaderLayout layout, int field) {
        return field < layout.size() ? layout.columnName(field) : "field " + (field + 1);
    }
}
