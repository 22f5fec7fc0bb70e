package org.clinicaloutcomes.ingest;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The de-identification gate of DATA.md: header names that are direct identifiers, and cell
 * values that look like an e-mail address, a US phone number or an SSN, in any script.
 *
 * <p>The cell patterns are those of DATA.md, with its Unicode reading of {@code \d}, {@code \s}
 * and {@code \b} spelled out as explicit classes rather than left to {@link
 * Pattern#UNICODE_CHARACTER_CLASS} or to the Java version (Java 17's {@code \b} counts marks after
 * a letter and every Unicode letter as word characters, Java 19's only ASCII ones, and the flag's
 * {@code \w} adds marks and connector punctuation). Each pattern runs in linear time on a cell of
 * any length: the e-mail pattern as a regular expression, the phone and SSN patterns as one scan of
 * the runs of digits. A cheap character count rules out almost every cell (scores, dates, codes)
 * before any pattern is tried, which keeps the gate fast on millions of rows.
 */
public final class IdentifierDetector {

    private static final Set<String> IDENTIFIER_HEADERS = Set.of(
            "name", "first name", "last name", "full name", "patient name", "client name", "dob",
            "date of birth", "birth date", "birthdate", "ssn", "social security",
            "social security number", "address", "street", "street address", "city", "zip",
            "zip code", "postcode", "phone", "phone number", "telephone", "mobile", "email",
            "e-mail", "email address", "mrn", "medical record number", "insurance id",
            "member id").stream().map(IdentifierDetector::normaliseHeader)
            .collect(Collectors.toUnmodifiableSet());

    /** DATA.md's {@code \s}: the Unicode White_Space property (NBSP and U+3000 included). */
    private static final String SPACE = "\\p{IsWhite_Space}";
    /** DATA.md's {@code [^@\s]@[^@\s]*\.[A-Za-z]{2,}}; the {@code @}, the dot and the letters are ASCII. */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@" + SPACE + "]@[^@" + SPACE + "]*\\.[A-Za-z]{2,}");

    private IdentifierDetector() {
    }

    /**
     * A header as DATA.md compares it: Unicode NFKC, then full case folding, then {@code _ - .}
     * and white space removed.
     *
     * <p>"Spaces" is read as every White_Space character left after NFKC (which has already made
     * NBSP, U+3000 and the other fixed-width spaces U+0020): the gate refuses rather than spreads,
     * so {@code first<TAB>name} is {@code first name}. Case folding is {@link #fold}; it is full
     * case folding for every character that matters to the comparison.
     */
    static String normaliseHeader(String header) {
        // NFKC leaves ASCII as it is; skipping it keeps the normaliser's tables unloaded on ordinary headers.
        String nfkc = isAscii(header) ? header : Normalizer.normalize(header, Normalizer.Form.NFKC);
        String folded = fold(nfkc);
        StringBuilder normalised = new StringBuilder(folded.length());
        for (int i = 0, n = folded.length(); i < n; ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (c != '_' && c != '-' && c != '.' && !isWhiteSpace(c)) {
                normalised.appendCodePoint(c);
            }
        }
        return normalised.toString();
    }

    /**
     * Full case folding (CaseFolding.txt, statuses C and F, as ICU's {@code foldCase(s, true)} and
     * Python's {@code str.casefold()}) of every character whose folding holds an ASCII letter: A–Z,
     * and the nineteen others below. Every other character is kept as it is. That is exact for
     * the gate: the list and the parts {@code email} and {@code phone} are ASCII letters, and a
     * character whose folding has no ASCII letter (nor {@code _ - .} or white space) blocks a
     * match whether folded or not. Dotless {@code ı} has no C or F folding and stays {@code ı}
     * ({@code Character.toUpperCase} would wrongly make it {@code I}). IdentifierDetectorTest checks
     * this against ICU4J for every code point. Java has no case-folding API, and ICU4J (15 MB) in
     * the jar's libraries would add about 20 ms to every run to load its case data.
     */
    static String fold(String s) {
        StringBuilder folded = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 'A' && c <= 'Z') {
                folded.append((char) (c + ('a' - 'A')));
            } else if (c < 0x80) {
                folded.append((char) c);
            } else {
                String special = switch (c) {
                    case 0x00DF, 0x1E9E -> "ss";      // ß, ẞ (F)
                    case 0x0130 -> "i\u0307";          // İ (F)
                    case 0x0149 -> "\u02BCn";          // ŉ (F)
                    case 0x017F -> "s";                // ſ (C)
                    case 0x01F0 -> "j\u030C";          // ǰ (F)
                    case 0x1E96 -> "h\u0331";          // ẖ (F)
                    case 0x1E97 -> "t\u0308";          // ẗ (F)
                    case 0x1E98 -> "w\u030A";          // ẘ (F)
                    case 0x1E99 -> "y\u030A";          // ẙ (F)
                    case 0x1E9A -> "a\u02BE";          // ẚ (F)
                    case 0x212A -> "k";                // Kelvin sign (C)
                    case 0xFB00 -> "ff";               // ligatures (F)
                    case 0xFB01 -> "fi";
                    case 0xFB02 -> "fl";
                    case 0xFB03 -> "ffi";
                    case 0xFB04 -> "ffl";
                    case 0xFB05, 0xFB06 -> "st";
                    default -> null;
                };
                if (special != null) {
                    folded.append(special);
                } else {
                    folded.appendCodePoint(c);
                }
            }
        }
        return folded.toString();
    }

    /** Whether a header names a direct identifier (whole-name match, or containing email/phone). */
    public static boolean isIdentifierHeader(String header) {
        String normalised = normaliseHeader(header);
        return IDENTIFIER_HEADERS.contains(normalised)
                || normalised.contains("email") || normalised.contains("phone");
    }

    /** Whether a cell holds something that looks like an e-mail address, phone number or SSN. */
    public static boolean containsIdentifier(String cell) {
        int digits = 0;
        boolean at = false;
        for (int i = 0, n = cell.length(); i < n; i++) {
            char c = cell.charAt(i);
            if (c < 0x80) {
                if (c >= '0' && c <= '9') {
                    digits++;
                } else if (c == '@') {
                    at = true;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cell.charAt(i + 1))) {
                // Decimal digits outside the BMP exist too (mathematical, Adlam, Osmanya, …).
                if (Character.isDigit(cell.codePointAt(i))) {
                    digits++;
                }
                i++;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        if (at && EMAIL.matcher(cell).find()) {
            return true;
        }
        // A phone number needs 10 digits, an SSN 9: shorter cells cannot match either pattern.
        return digits >= 9 && containsPhoneNumberOrSsn(cell);
    }

    /**
     * DATA.md's {@code \(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}} (phone) and {@code \b\d{3}-\d{2}-\d{4}\b}
     * (SSN), {@code \d} any decimal digit (Nd), found in one pass over the cell's maximal runs of
     * digits instead of with regular expressions, which try both patterns at every position
     * (measured on 50 MB of digits: 2 to 5 s for the two expressions, 0.1 to 0.4 s for this scan).
     * In terms of runs, as each match must lie:
     * <ul>
     * <li>Phone: a run R3 of at least 4 digits right after one of {@code - . space}, right after a run
     * R2 (the leading {@code \(?} never matters to "found anywhere"); and R2 has at least 6 digits
     * (both groups of three in it), or exactly 3 with {@code )}, a separator or {@code )} and a
     * separator between it and a run R1 of at least 3 digits.
     * <li>SSN: runs of exactly 3, 2 and 4 digits joined by single {@code -} (a digit before or after
     * would be a word character, so {@code \b} makes the runs exact), with no letter or {@code _}
     * just before the first or just after the last: DATA.md's word characters, read on whole code
     * points (also outside the BMP).
     * </ul>
     * IdentifierDetectorTest compares this with the patterns themselves on random cells.
     */
    private static boolean containsPhoneNumberOrSsn(String cell) {
        int n = cell.length();
        // The two runs before the current one (2 the nearer): start and end (char indexes, end
        // exclusive) and number of digits; -1 and 0 while there is none.
        int start1 = -1, end1 = -1, digits1 = 0;
        int start2 = -1, end2 = -1, digits2 = 0;
        int runStart = -1;
        int runDigits = 0;
        for (int i = 0; i <= n; ) {
            int c = i < n ? cell.codePointAt(i) : -1;
            if (c >= 0 && Character.isDigit(c)) {
                if (runStart < 0) {
                    runStart = i;
                    runDigits = 0;
                }
                runDigits++;
                i += Character.charCount(c);
                continue;
            }
            if (runStart >= 0) {
                // A run [runStart, i) has ended; runs 2 and 1 are the two before it.
                boolean afterOneCharacter = end2 >= 0 && end2 == runStart - 1;
                if (runDigits >= 4 && afterOneCharacter && isPhoneSeparator(cell.charAt(end2))
                        && (digits2 >= 6 || (digits2 == 3 && digits1 >= 3 && isPhoneGap(cell, end1, start2)))) {
                    return true;
                }
                if (runDigits == 4 && digits2 == 2 && digits1 == 3
                        && afterOneCharacter && cell.charAt(end2) == '-'
                        && end1 >= 0 && end1 == start2 - 1 && cell.charAt(end1) == '-'
                        && (start1 == 0 || !isLetterOrUnderscore(cell.codePointBefore(start1)))
                        && (c < 0 || !isLetterOrUnderscore(c))) {
                    return true;
                }
                start1 = start2;
                end1 = end2;
                digits1 = digits2;
                start2 = runStart;
                end2 = i;
                digits2 = runDigits;
                runStart = -1;
            }
            i += c >= 0 ? Character.charCount(c) : 1;
        }
        return false;
    }

    /** The phone pattern's {@code [-. ]}. */
    private static boolean isPhoneSeparator(char c) {
        return c == '-' || c == '.' || c == ' ';
    }

    /** Whether the characters in [from, to) are the phone pattern's {@code \)?[-. ]?}, not empty. */
    private static boolean isPhoneGap(String cell, int from, int to) {
        if (from < 0) {
            return false;
        }
        return switch (to - from) {
            case 1 -> cell.charAt(from) == ')' || isPhoneSeparator(cell.charAt(from));
            case 2 -> cell.charAt(from) == ')' && isPhoneSeparator(cell.charAt(from + 1));
            default -> false;
        };
    }

    /**
     * DATA.md's word character, other than a digit: a Unicode letter (any general category L) or
     * {@code _}. Marks are not word characters. (A digit next to a run is part of the run.)
     */
    private static boolean isLetterOrUnderscore(int c) {
        return c == '_' || Character.isLetter(c);
    }

    /** The Unicode White_Space property (Java's {@code Character.isWhitespace} omits NBSP and counts U+001C–U+001F). */
    static boolean isWhiteSpace(int c) {
        return switch (c) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
