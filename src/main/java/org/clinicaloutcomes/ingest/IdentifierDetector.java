package org.clinicaloutcomes.ingest;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The de-identification gate of DATA.md: header names that are direct identifiers, and cell
 * values that look like an e-mail address, a US phone number or an SSN.
 *
 * <p>The cell patterns are those of DATA.md; each runs in linear time on a cell of any length.
 * A cheap character count rules out almost every cell (scores, dates, codes) before any regular
 * expression runs, which keeps the gate fast on millions of rows.
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

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]@[^@\\s]*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]\\d{4}");
    /**
     * DATA.md's {@code \b\d{3}-\d{2}-\d{4}\b}, with the word boundaries spelled out in ASCII:
     * on Java 17 {@code \b} counts every Unicode letter as a word character, so {@code é123-45-6789}
     * would slip through, and the result would depend on the Java version.
     */
    private static final Pattern SSN = Pattern.compile("(?<![A-Za-z0-9_])\\d{3}-\\d{2}-\\d{4}(?![A-Za-z0-9_])");

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
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '@') {
                at = true;
            }
        }
        if (at && EMAIL.matcher(cell).find()) {
            return true;
        }
        // A phone number needs 10 digits, an SSN 9: shorter cells cannot match either pattern.
        return digits >= 9 && (PHONE.matcher(cell).find() || SSN.matcher(cell).find());
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
