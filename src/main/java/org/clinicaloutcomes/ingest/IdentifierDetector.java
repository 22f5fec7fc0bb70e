package org.clinicaloutcomes.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

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

    /** Lower case with {@code _ - .} and spaces removed, as DATA.md compares headers. */
    static String normaliseHeader(String header) {
        StringBuilder normalised = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '_' && c != '-' && c != '.' && c != ' ') {
                normalised.append(c);
            }
        }
        return normalised.toString();
    }

    /** Whether a header names a direct identifier (whole-name match, or containing email/phone). */
    public static boolean isIdentifierHeader(String header) {
        String normalised = normaliseHeader(header.strip());
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
}
