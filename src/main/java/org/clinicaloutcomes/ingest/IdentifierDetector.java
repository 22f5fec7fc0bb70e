package org.clinicaloutcomes.ingest;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Matcher;
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
 * any length. A cheap character count rules out almost every cell (scores, dates, codes) before
 * any regular expression runs, which keeps the gate fast on millions of rows.
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
    /** DATA.md's {@code \d}: any Unicode decimal digit (general category Nd), as {@link Character#isDigit(int)}. */
    private static final String DIGIT = "\\p{Nd}";
    /** DATA.md's word character for {@code \b}: a Unicode letter, a decimal digit or {@code _}; marks do not count. */
    private static final String WORD = "[\\p{L}\\p{Nd}_]";

    /** DATA.md's {@code [^@\s]@[^@\s]*\.[A-Za-z]{2,}}; the {@code @}, the dot and the letters are ASCII. */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@" + SPACE + "]@[^@" + SPACE + "]*\\.[A-Za-z]{2,}");
    /** DATA.md's {@code \(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}}; parentheses and separators are ASCII. */
    private static final Pattern PHONE = Pattern.compile(
            "\\(?" + DIGIT + "{3}\\)?[-. ]?" + DIGIT + "{3}[-. ]" + DIGIT + "{4}");
    /**
     * DATA.md's {@code \b\d{3}-\d{2}-\d{4}\b} without its leading {@code \b}, which {@link
     * #containsSsn} checks. The digits are word characters, so each {@code \b} means "no word
     * character on that side"; the trailing one is a lookahead, which reads whole code points.
     */
    private static final Pattern SSN_BODY = Pattern.compile(
            DIGIT + "{3}-" + DIGIT + "{2}-" + DIGIT + "{4}(?!" + WORD + ")");

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
        return digits >= 9 && (PHONE.matcher(cell).find() || containsSsn(cell));
    }

    /**
     * DATA.md's SSN pattern, its leading {@code \b} checked here on the whole code point before
     * the match: a lookbehind such as {@code (?<![\p{L}\p{Nd}_])} looks at one {@code char}, so it
     * would see half of a letter outside the BMP (𝐀123-45-6789) and take it for a boundary. Each
     * attempt is bounded, and the search goes on one character after a refused start: linear time.
     */
    private static boolean containsSsn(String cell) {
        Matcher matcher = SSN_BODY.matcher(cell);
        int from = 0;
        while (matcher.find(from)) {
            int start = matcher.start();
            if (start == 0 || !isWordCharacter(cell.codePointBefore(start))) {
                return true;
            }
            from = start + 1;
        }
        return false;
    }

    /** DATA.md's word character: a Unicode letter, a decimal digit or {@code _}. */
    private static boolean isWordCharacter(int c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
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
