package org.clinicaloutcomes.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Cell-level parsing rules of DATA.md ("Files"), shared by both files. */
final class Values {

    /** Marks an integer cell that is not a well-formed integer. */
    static final long NOT_AN_INTEGER = Long.MIN_VALUE;
    /** Marks a date cell that is not an ISO date that exists in the calendar. */
    static final int BAD_DATE = Integer.MIN_VALUE;

    private Values() {
    }

    /**
     * Leading and trailing spaces are trimmed: white space, and also the no-break space that
     * spreadsheet exports leave behind.
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == raw.length() ? raw : raw.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || Character.isWhitespace(c);
    }

    /** {@code NA}, {@code N/A}, {@code NaN} and {@code NULL} (any case) mean "no value" in optional columns. */
    static boolean isNoValue(String cleaned) {
        int length = cleaned.length();
        if (length == 0) {
            return true;
        }
        // Each word starts with N, and only n and N compare equal to N ignoring case: most cells
        // (numbers, dates, codes) are settled by their first character.
        char first = cleaned.charAt(0);
        if (length > 4 || (first != 'n' && first != 'N')) {
            return false;
        }
        return switch (length) {
            case 2 -> cleaned.equalsIgnoreCase("NA");
            case 3 -> cleaned.equalsIgnoreCase("N/A") || cleaned.equalsIgnoreCase("NaN");
            case 4 -> cleaned.equalsIgnoreCase("NULL");
            default -> false;
        };
    }

    /** Epoch day of a strict {@code YYYY-MM-DD} date, or {@link #BAD_DATE}. */
    static int parseDate(String cleaned) {
        if (cleaned.length() != 10 || cleaned.charAt(4) != '-' || cleaned.charAt(7) != '-') {
            return BAD_DATE;
        }
        int year = digits(cleaned, 0, 4);
        int month = digits(cleaned, 5, 7);
        int day = digits(cleaned, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return BAD_DATE;
        }
        try {
            return (int) LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return BAD_DATE;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Whether a cell matches DATA.md's integer pattern {@code -?[0-9]+(\.0+)?}: {@code 12.0} is 12,
     * as statistics packages write whole numbers in a column with missing values.
     */
    static boolean isInteger(String cleaned) {
        int fraction = fractionStart(cleaned);
        if (fraction < 0) {
            return false;
        }
        for (int i = fraction; i < cleaned.length(); i++) {
            if (cleaned.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /**
     * The start of what follows {@code -?[0-9]+\.} in a cell of that shape followed by at least one
     * character, or the cell's length when it is {@code -?[0-9]+} alone; -1 for any other cell.
     * The part {@link #isInteger} and {@link #isDecimal} share: they differ in what the fraction may be.
     */
    private static int fractionStart(String cleaned) {
        int length = cleaned.length();
        int start = length > 0 && cleaned.charAt(0) == '-' ? 1 : 0;
        int end = digitsEnd(cleaned, start);
        if (end == start) {
            return -1;
        }
        if (end == length) {
            return length;
        }
        return cleaned.charAt(end) == '.' && end + 1 < length ? end + 1 : -1;
    }

    /** The index after the run of ASCII digits that starts at {@code from}. */
    private static int digitsEnd(String cell, int from) {
        int i = from;
        while (i < cell.length() && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * The end of the whole-number part of a cell known to be an {@linkplain #isInteger integer}:
     * its length, or the index of the {@code .} before the zeros.
     */
    private static int integerEnd(String cleaned) {
        return digitsEnd(cleaned, cleaned.charAt(0) == '-' ? 1 : 0);
    }

    /**
     * The value of a cell known to be an {@linkplain #isInteger integer}, leading zeros allowed; a
     * magnitude beyond 18 digits reads as {@link Long#MAX_VALUE} (or its negative), which no
     * range admits.
     */
    static long parseSmallInteger(String cleaned) {
        boolean negative = cleaned.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int end = integerEnd(cleaned);
        while (start < end - 1 && cleaned.charAt(start) == '0') {
            start++;
        }
        if (end - start > 18) {
            return negative ? -Long.MAX_VALUE : Long.MAX_VALUE;
        }
        long magnitude = 0;
        for (int i = start; i < end; i++) {
            magnitude = magnitude * 10 + (cleaned.charAt(i) - '0');
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * Whether a cell is ASCII digits only, {@code [0-9]+}: the session number's rule (MONITORING.md,
     * reading 3: it is a key of the duplicate rule, so {@code 3.0}, {@code -1} and {@code +3} are not
     * integers there).
     */
    static boolean isDigits(String cleaned) {
        return !cleaned.isEmpty() && digitsEnd(cleaned, 0) == cleaned.length();
    }

    /**
     * The value of a score cell known to be an {@linkplain #isInteger integer}: exact, without the
     * general number parser, for up to 18 digits ({@code 12.00} is 12; {@code -0} and {@code -0.0}
     * are 0, not minus zero); a longer one as the nearest double (far outside any range).
     */
    static double parseIntegerValue(String cleaned) {
        long value = parseSmallInteger(cleaned);
        if (value == Long.MAX_VALUE || value == -Long.MAX_VALUE) {
            return Double.parseDouble(cleaned) + 0.0;
        }
        return value;
    }

    /** Whether a cell matches {@code -?[0-9]+(\.[0-9]+)?}. */
    static boolean isDecimal(String cleaned) {
        int fraction = fractionStart(cleaned);
        return fraction >= 0 && digitsEnd(cleaned, fraction) == cleaned.length();
    }

    /**
     * The value of a cell already known to match {@code -?[0-9]+(\.[0-9]+)?}, as a double; minus
     * zero ({@code -0}, {@code -0.0}) is 0. Integers too long for a long still parse (as a double
     * far outside any range).
     */
    static double parseNumber(String cleaned) {
        // An integer of up to 15 digits is a long that a double holds exactly: the same value as
        // parsing it as a double, without the general parser.
        int length = cleaned.length();
        if (length <= 15 && cleaned.indexOf('.') < 0) {
            return parseSmallInteger(cleaned);
        }
        // Adding 0.0 turns -0.0 into 0.0 and leaves every other value as it is.
        return Double.parseDouble(cleaned) + 0.0;
    }

    /** Whether a code matches the client / clinician id rule: 1–32 of A-Za-z0-9_- starting with a letter or digit. */
    static boolean isId(String cleaned) {
        int n = cleaned.length();
        if (n == 0 || n > 32) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = cleaned.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    /** A yes/no flag: TRUE, FALSE, or null for blank (unknown); throws nothing, returns {@link Flag#BAD}. */
    static Flag parseFlag(String cleaned) {
        if (isNoValue(cleaned)) {
            return Flag.UNKNOWN;
        }
        // The words are ASCII, and only ASCII letters lower-case to ASCII letters other than i and
        // k (U+0130, U+212A), which they do not hold: comparing ASCII letters ignoring case is the
        // same as lower-casing the cell first.
        return switch (cleaned.length()) {
            case 1 -> {
                char c = cleaned.charAt(0);
                yield c == 'y' || c == 'Y' || c == '1' ? Flag.YES : c == 'n' || c == 'N' || c == '0' ? Flag.NO : Flag.BAD;
            }
            case 2 -> asciiEqualsIgnoreCase(cleaned, "no") ? Flag.NO : Flag.BAD;
            case 3 -> asciiEqualsIgnoreCase(cleaned, "yes") ? Flag.YES : Flag.BAD;
            case 4 -> asciiEqualsIgnoreCase(cleaned, "true") ? Flag.YES : Flag.BAD;
            case 5 -> asciiEqualsIgnoreCase(cleaned, "false") ? Flag.NO : Flag.BAD;
            default -> Flag.BAD;
        };
    }

    /** Whether a cell is a lower-case ASCII word, ignoring the case of ASCII letters; same length. */
    private static boolean asciiEqualsIgnoreCase(String cell, String lowerCaseWord) {
        for (int i = 0; i < lowerCaseWord.length(); i++) {
            char c = cell.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerCaseWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    enum Flag { YES, NO, UNKNOWN, BAD }
}
