package org.clinicaloutcomes.report;

/**
 * How a text or number becomes a cell of an output CSV (REPORTS.md): RFC 4180 quoting, and text
 * that a spreadsheet could run as a formula (starting with {@code = + - @}, tab or carriage
 * return) prefixed with an apostrophe, the convention spreadsheet programs read as "text".
 * Numbers are written with {@link Double#toString}, which parses back to the same double;
 * undefined numbers (null, NaN, infinite) are empty cells.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = value;
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            safe = "'" + value;
        }
        boolean quote = false;
        for (int i = 0; i < safe.length() && !quote; i++) {
            char c = safe.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    public static String number(Double value) {
        return value == null ? "" : number(value.doubleValue());
    }

    /**
     * {@link Double#toString}, with a short cut for whole numbers below 10<sup>7</sup> (most
     * scores and changes), for which Double.toString writes the digits and ".0" (JLS: plain
     * notation from 10<sup>-3</sup> up to 10<sup>7</sup>, at least one fractional digit). Java
     * 17's Double.toString is the largest cost of writing a big episode file.
     */
    public static String number(double value) {
        StringBuilder text = new StringBuilder(24);
        appendNumber(text, value);
        return text.toString();
    }

    /** Appends {@link #number(double)} to {@code text}, without an intermediate string for whole numbers. */
    public static void appendNumber(StringBuilder text, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e7 && (value != 0 || 1 / value > 0)) {
            text.append((long) value).append(".0");
        } else {
            text.append(Double.toString(value));
        }
    }

    public static String count(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    public static String count(Integer value) {
        return value == null ? "" : Integer.toString(value);
    }

    public static String flag(Boolean value) {
        return value == null ? "" : value.toString();
    }
}
