package org.clinicaloutcomes.ingest;

/**
 * The first two rules of DATA.md's reject order, the same for both files: a cell that may hold
 * an identifier (every field is checked before any other rule, so that no other rule reads it),
 * then a wrong number of fields.
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

    /** A field beyond the header has no column name: its position says which one it is. */
    private static String columnName(HeaderLayout layout, int field) {
        return field < layout.size() ? layout.columnName(field) : "field " + (field + 1);
    }
}
