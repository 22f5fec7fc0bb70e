package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.lang.UCharacter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA.md, "De-identification gate". */
class IdentifierDetectorTest {

    @Nested
    class Headers {

        /** Every name of the DATA.md list, as written there. */
        @ParameterizedTest
        @ValueSource(strings = {"name", "first name", "last name", "full name", "patient name", "client name",
                "dob", "date of birth", "birth date", "birthdate", "ssn", "social security",
                "social security number", "address", "street", "street address", "city", "zip", "zip code",
                "postcode", "phone", "phone number", "telephone", "mobile", "email", "e-mail",
                "email address", "mrn", "medical record number", "insurance id", "member id"})
        void everyListedIdentifierNameIsRefused(String header) {
            assertThat(IdentifierDetector.isIdentifierHeader(header)).isTrue();
        }

        /** Case, {@code _ - .} and spaces are removed before the whole-name comparison. */
        @ParameterizedTest
        @ValueSource(strings = {"Name", "NAME", "First_Name", "first-name", "FirstName", "first.name", "LAST_NAME",
                "Full Name", "patient_name", "Client-Name", "DOB", "D.O.B.", "Date Of Birth", "date_of_birth",
                "DateOfBirth", "Birth_Date", "BIRTHDATE", "SSN", "S.S.N", "Social_Security", "social-security-number",
                "Address", "Street", "street_address", "City", "ZIP", "zip.code", "Zip_Code", "ZipCode", "Post-Code",
                "POSTCODE", "Phone", "Phone_Number", "Telephone", "Mobile", "EMAIL", "E-Mail", "e_mail", "E.Mail",
                "Email_Address", "MRN", "Medical_Record_Number", "medical.record.number", "Insurance_ID",
                "insurance-id", "Member ID", "memberid", "  email  ", "first  name", "zip-_.code"})
        void identifierNamesAreRefusedWhateverTheirCaseAndSeparators(String header) {
            assertThat(IdentifierDetector.isIdentifierHeader(header)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"client_email", "Client_Email", "emailaddr", "e-mail_2", "email2", "work.email",
                "phone2", "PHONE_2", "home_phone", "cellphone", "phone-number-alt", "HomePhone", "Contact.E-Mail",
                "headphones"})
        void headersContainingEmailOrPhoneAreRefused(String header) {
            assertThat(IdentifierDetector.isIdentifierHeader(header)).isTrue();
        }

        /** Whole names only (except email/phone): a header that merely contains a listed name is fine. */
        @ParameterizedTest
        @ValueSource(strings = {"client_id", "clinician_id", "intake_date", "session_date", "session_number",
                "attended", "pcl5", "pcl5_1", "phq9", "gad7", "ders16", "aaq2", "gender", "state", "age_band",
                "index_event", "discharge_reason", "zipper", "username", "city_size", "dob_year", "names",
                "approach", "notes", "member", "insurance", "street_level", "mobility", "address_type", "mrn_flag"})
        void harmlessHeadersPass(String header) {
            assertThat(IdentifierDetector.isIdentifierHeader(header)).isFalse();
        }

        /**
         * NFKC, then full case folding, then {@code _ - .} and white space removed: full-width and
         * other compatibility forms, the sharp s that folds to {@code ss}, the long s and the
         * ligatures, and every white space (NBSP, ideographic space, tab) between the words.
         */
        @ParameterizedTest
        @ValueSource(strings = {"\uFF45\uFF4D\uFF41\uFF49\uFF4C", "\uFF25\uFF2D\uFF21\uFF29\uFF2C",
                "\uFF23\uFF4C\uFF49\uFF45\uFF4E\uFF54\uFF3F\uFF25\uFF4D\uFF41\uFF49\uFF4C",
                "E-MAIL", "\uFF25\uFF0D\uFF2D\uFF21\uFF29\uFF2C", "\uFF25\uFF0E\uFF4D\uFF41\uFF49\uFF4C",
                "ZIP code", "ZIP\u3000code", "zip\u00A0code", "zip\u2007code", "zip\u202Fcode", "first\tname",
                "first\u2028name", "\uFF26\uFF49\uFF52\uFF53\uFF54\u3000\uFF2E\uFF41\uFF4D\uFF45",
                "ADDREẞ", "addreß", "ſtreet", "\uFB01rst name", "po\uFB06code", "\u24BA\u24DC\u24D0\u24D8\u24DB",
                "\uD835\uDC1E\uD835\uDC26\uD835\uDC1A\uD835\uDC22\uD835\uDC25", "\uFF30\uFF28\uFF2F\uFF2E\uFF25\uFF12",
                "home\uFF3Fphone"})
        void unicodeFormsOfIdentifierNamesAreRefused(String header) {
            assertThat(IdentifierDetector.isIdentifierHeader(header)).as(header).isTrue();
        }

        /**
         * Only what DATA.md names is removed or folded: ẞ folds to {@code ss} (so {@code ẞtreet} is
         * {@code sstreet}, not {@code street}); dotless ı has no case folding; the Unicode hyphens
         * U+2010 and U+2212 are not {@code -}; letters of other scripts that look Latin stay apart.
         */
        @ParameterizedTest
        @ValueSource(strings = {"ẞtreet", "emaıl", "NAMı", "e\u2010mail", "e\u2011mail", "e\u2212mail",
                "n\u03B1me", "\u0435mail", "\uFF33\uFF34\uFF32\uFF25\uFF25\uFF34_level", "cit\u00FD", "zi\u0307p",
                "e\u200Bmail"})
        void lookAlikesThatTheNormalisationDoesNotJoinPass(String header) {
            assertThat(IdentifierDetector.isIdentifierHeader(header)).as(header).isFalse();
        }

        /** Normalised strings, worked out with Python's {@code unicodedata.normalize('NFKC', s).casefold()}. */
        @ParameterizedTest
        @MethodSource("org.clinicaloutcomes.ingest.IdentifierDetectorTest#normalisedHeaders")
        void headersNormaliseAsNfkcThenCaseFolding(String header, String normalised) {
            assertThat(IdentifierDetector.normaliseHeader(header)).isEqualTo(normalised);
        }

        /**
         * The gate's folding is full case folding (ICU4J, CaseFolding.txt C + F) for every code point
         * whose folding holds an ASCII letter; any other code point it keeps, and then neither it nor
         * its folding holds an ASCII letter, {@code _ - .} or white space, so it blocks a match either way.
         */
        @Test
        void foldingAgreesWithFullCaseFoldingWhereverTheListCanTell() {
            int differing = 0;
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                    continue;
                }
                String s = new String(Character.toChars(c));
                String full = UCharacter.foldCase(s, true);
                String ours = IdentifierDetector.fold(s);
                if (!ours.equals(full)) {
                    differing++;
                    assertThat(ours).as("U+%04X", c).isEqualTo(s);
                    assertThat(mattersToTheList(full)).as("U+%04X folds to %s", c, full).isFalse();
                    assertThat(mattersToTheList(ours)).as("U+%04X", c).isFalse();
                }
                // NFKC first, as the gate does: the same holds for what the character becomes.
                String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
                String fullOfNfkc = UCharacter.foldCase(nfkc, true);
                String oursOfNfkc = IdentifierDetector.fold(nfkc);
                if (!oursOfNfkc.equals(fullOfNfkc)) {
                    assertThat(asciiSkeleton(oursOfNfkc)).as("U+%04X", c).isEqualTo(asciiSkeleton(fullOfNfkc));
                }
            }
            assertThat(differing).as("characters folded elsewhere (É to é, Greek, Cyrillic, …)").isPositive();
        }

        @Test
        void whiteSpaceIsTheUnicodeWhiteSpaceProperty() {
            Pattern whiteSpace = Pattern.compile("\\p{IsWhite_Space}");
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                boolean expected = whiteSpace.matcher(new String(Character.toChars(c))).matches();
                assertThat(IdentifierDetector.isWhiteSpace(c)).as("U+%04X", c).isEqualTo(expected);
            }
        }

        /** The list is compared after the same normalisation, so its own full-width form is refused. */
        @Test
        void everyListedNameInFullWidthIsRefused() {
            for (String name : new String[] {"name", "first name", "date of birth", "social security number",
                    "zip code", "e-mail", "medical record number", "insurance id", "member id"}) {
                StringBuilder wide = new StringBuilder();
                name.chars().forEach(c -> wide.append(c == ' ' ? '\u3000' : (char) (c - 0x21 + 0xFF01)));
                assertThat(IdentifierDetector.isIdentifierHeader(wide.toString())).as(wide.toString()).isTrue();
                assertThat(IdentifierDetector.isIdentifierHeader(wide.toString().toUpperCase(java.util.Locale.ROOT)))
                        .isTrue();
            }
        }
    }

    @Nested
    class Cells {

        @ParameterizedTest
        @ValueSource(strings = {"jane.doe@example.com", "j@x.org", "JANE@EXAMPLE.COM", "a.b+c@mail.example.co.uk",
                "contact: jane@example.com today", "mail jane@example.com", "x@y.io", "(jane@example.com)",
                "first@second@example.com"})
        void emailAddressesAreFoundAnywhereInACell(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"(555) 123-4567", "555-123-4567", "555.123.4567", "555 123 4567", "(555)123-4567",
                "555123-4567", "call (555) 123-4567 after 5pm", "tel:555-123-4567",
                "home 555.123.4567, work 555.987.6543", "+1 555-123-4567"})
        void usPhoneNumbersAreFoundAnywhereInACell(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"123-45-6789", "SSN 123-45-6789", "ssn:123-45-6789.", "(123-45-6789)"})
        void socialSecurityNumbersAreFoundAnywhereInACell(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"SSN:123-45-6789", "#123-45-6789", "x 123-45-6789 y", "123-45-6789!"})
        void ssnNeedsAWordBoundaryOnBothSides(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"x123-45-6789", "_123-45-6789", "123-45-6789x", "0123-45-6789"})
        void ssnGluedToAWordCharacterIsNotAnSsn(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).isFalse();
        }

        /**
         * DATA.md's {@code \b} counts every Unicode letter and decimal digit as a word character
         * (º is a letter, Lo), also outside the BMP (𝐀, 𝟎).
         */
        @ParameterizedTest
        @ValueSource(strings = {"N\u00ba123-45-6789", "\u00e9123-45-6789", "123-45-6789\u00e9", "\u65E5123-45-6789",
                "123-45-6789\u0416", "\uD835\uDC00123-45-6789", "123-45-6789\uD835\uDC00", "\uD835\uDFCE123-45-6789",
                "\u0661123-45-6789", "123-45-6789\u0661", "\uFF11123-45-6789", "\u02B0123-45-6789"})
        void ssnNextToANonAsciiLetterOrDigitIsNotAnSsn(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).as(cell).isFalse();
        }

        /**
         * Marks, connector punctuation other than {@code _}, other numbers (²) and every space are not
         * word characters: they leave a boundary, so the SSN is found.
         */
        @ParameterizedTest
        @ValueSource(strings = {"e\u0301123-45-6789", "123-45-6789\u0301", "\u203F123-45-6789", "\u00B2123-45-6789",
                "x\u00A0123-45-6789", "123-45-6789\u3000x", "\u2014123-45-6789\u2014", "\u00AB123-45-6789\u00BB",
                "\uFF08123-45-6789\uFF09", "\uDC00123-45-6789"})
        void ssnNextToAMarkASpaceOrPunctuationIsFound(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).as(cell).isTrue();
        }

        /** {@code \d} is any Unicode decimal digit: phone numbers and SSNs in other digits are found. */
        @ParameterizedTest
        @ValueSource(strings = {"\u0660\u0661\u0662-\u0663\u0664\u0665-\u0666\u0667\u0668\u0669",
                "\uFF15\uFF15\uFF15-\uFF11\uFF12\uFF13-\uFF14\uFF15\uFF16\uFF17",
                "(\uFF15\uFF15\uFF15) \uFF11\uFF12\uFF13-\uFF14\uFF15\uFF16\uFF17",
                "555-\uFF11\uFF12\uFF13-\u0664\u0665\u0666\u0667",
                "\u096B\u096B\u096B.\u0967\u0968\u0969.\u096A\u096B\u096C\u096D",
                "\u06F5\u06F5\u06F5 \u06F1\u06F2\u06F3 \u06F4\u06F5\u06F6\u06F7",
                "\uD835\uDFD3\uD835\uDFD3\uD835\uDFD3-\uD835\uDFCF\uD835\uDFD0\uD835\uDFD1-\uD835\uDFD2\uD835\uDFD3\uD835\uDFD4\uD835\uDFD5",
                "\u0967\u0968\u0969-\u096A\u096B-\u096C\u096D\u096E\u096F",
                "\u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669",
                "\uFF11\uFF12\uFF13-\uFF14\uFF15-\uFF16\uFF17\uFF18\uFF19",
                "\u0e51\u0e52\u0e53-\u0e54\u0e55-\u0e56\u0e57\u0e58\u0e59",
                "\u0661\u0662\u0663-45-6789"})
        void phoneNumbersAndSsnsInOtherDigitsAreFound(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).as(cell).isTrue();
        }

        /**
         * {@code \s} is any Unicode white space, so NBSP and U+3000 end the e-mail address's parts;
         * a space between the phone number's parts must still be U+0020 ({@code [-. ]} is literal).
         */
        @ParameterizedTest
        @ValueSource(strings = {"x@y\u00A0mail.com", "x@y\u3000mail.com", "x@y\u2028mail.com", "x\u00A0@example.com",
                "x@y\u1680mail.com", "555\u00A0123\u00A04567"})
        void unicodeWhiteSpaceSeparatesLikeASpace(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).as(cell).isFalse();
        }

        /** Characters other than white space may sit in an address: the e-mail pattern finds them. */
        @ParameterizedTest
        @ValueSource(strings = {"jan\u00E9@example.com", "jane@ex\u00E4mple.com", "\u7530\u4E2D@example.jp",
                "x@y\u200Bmail.com", "\uD83D\uDE00@example.org", "\u0436@\u043F\u043E\u0447\u0442\u0430.ru"})
        void emailAddressesWithNonAsciiCharactersAreFound(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).as(cell).isTrue();
        }

        /**
         * What DATA.md keeps literal ASCII stays so: the {@code @}, the dot and the top-level domain's
         * letters, and the phone number's separators (a full-width hyphen is not {@code -}).
         */
        @ParameterizedTest
        @ValueSource(strings = {"jane\uFF20example.com", "jane@example\uFF0Ecom", "jane@example.\uFF43\uFF4F\uFF4D",
                "jane@example.\u0441\u043E\u043C",
                "\uFF15\uFF15\uFF15\uFF0D\uFF11\uFF12\uFF13\uFF0D\uFF14\uFF15\uFF16\uFF17",
                "\uFF11\uFF12\uFF13\uFF0D\uFF14\uFF15\uFF0D\uFF16\uFF17\uFF18\uFF19",
                "\u00B9\u00B2\u00B3-\u2074\u2075-\u2076\u2077\u2078\u2079", "\u2460\u2461\u2462-\u2463\u2464-\u2465\u2466\u2467\u2468",
                "\u2160\u2161\u2162-\u2163\u2164-\u2165\u2166\u2167\u2168"})
        void whatDataMdKeepsAsciiStaysAscii(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).as(cell).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "2025-01-31", "2025-01-31 2025-02-28", "0", "42", "80", "-3", "12.5",
                "E0000001", "C-0042", "client_0001", "DBT", "Prolonged Exposure", "65+", "18-24", "Y", "N/A",
                "5551234567", "555-1234", "12-345-6789", "1234-56-7890", "at home", "@", "a@b", "user@localhost",
                "@example.com", "a @example.com", "jane@example.c", "123456789", "pcl5_20", "1,2,3,4,5,6,7,8,9,0"})
        void ordinaryValuesAreNotIdentifiers(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).isFalse();
        }
    }

    /** Pairs worked out with Python 3.11 ({@code unicodedata.normalize('NFKC', s).casefold()}, then removals). */
    static Stream<Arguments> normalisedHeaders() {
        return Stream.of(
                Arguments.of("\uFF45\uFF4D\uFF41\uFF49\uFF4C", "email"),
                Arguments.of("\uFF23\uFF4C\uFF49\uFF45\uFF4E\uFF54\uFF3F\uFF25\uFF4D\uFF41\uFF49\uFF4C", "clientemail"),
                Arguments.of("E-MAIL", "email"),
                Arguments.of("ZIP code", "zipcode"),
                Arguments.of("ZIP\u3000code", "zipcode"),
                Arguments.of("Zip\u00A0Code", "zipcode"),
                Arguments.of("\u1E9Etreet", "sstreet"),
                Arguments.of("ADDRE\u1E9E", "address"),
                Arguments.of("Stra\u00DFe", "strasse"),
                Arguments.of("\u017Ftreet", "street"),
                Arguments.of("\uFB01rst name", "firstname"),
                Arguments.of("\u24BA\u24DC\u24D0\u24D8\u24DB", "email"),
                Arguments.of("ema\u0131l", "ema\u0131l"),
                Arguments.of("\u0130D", "i\u0307d"),
                Arguments.of("\u212Aelvin", "kelvin"),
                Arguments.of("\uFF30\uFF28\uFF2F\uFF2E\uFF25\uFF12", "phone2"),
                Arguments.of("\uFF25\uFF0E\uFF2D\uFF21\uFF29\uFF2C", "email"),
                Arguments.of("client_\u65E5\u672C", "client\u65E5\u672C"),
                Arguments.of("\uD835\uDC1E\uD835\uDC26\uD835\uDC1A\uD835\uDC22\uD835\uDC25", "email"),
                Arguments.of("\u33C4", "cc"),
                Arguments.of("first\tname", "firstname"),
                Arguments.of("e\u2010mail", "e\u2010mail"),
                Arguments.of("\u00BD dose", "1\u20442dose"));
    }

    /** Whether a folded string holds anything the header comparison looks at: an ASCII letter, {@code _ - .} or white space. */
    private static boolean mattersToTheList(String folded) {
        return folded.codePoints().anyMatch(c -> (c < 0x80 && Character.isLetter(c)) || c == '_' || c == '-'
                || c == '.' || IdentifierDetector.isWhiteSpace(c));
    }

    /** ASCII letters, {@code _ - .} and white space kept, every run of anything else one {@code #}. */
    private static String asciiSkeleton(String folded) {
        StringBuilder skeleton = new StringBuilder();
        folded.codePoints().forEach(c -> {
            if (mattersToTheList(new String(Character.toChars(c)))) {
                skeleton.appendCodePoint(c);
            } else if (skeleton.length() == 0 || skeleton.charAt(skeleton.length() - 1) != '#') {
                skeleton.append('#');
            }
        });
        return skeleton.toString();
    }

    /** DATA.md: the patterns run in linear time; a cell may be megabytes long. */
    @Nested
    class HugeCells {

        private static final int FIVE_MB = 5 * 1024 * 1024;
        private static final Duration LIMIT = Duration.ofSeconds(2);

        @Test
        void fiveMegabytesOfLettersAreCheckedQuickly() {
            assertCheckedQuickly("a".repeat(FIVE_MB), false);
        }

        @Test
        void fiveMegabytesOfLettersAfterAnAtSignAreCheckedQuickly() {
            assertCheckedQuickly("@" + "a".repeat(FIVE_MB), false);
        }

        @Test
        void fiveMegabytesOfLettersAfterALetterAndAnAtSignAreCheckedQuickly() {
            assertCheckedQuickly("a@" + "a".repeat(FIVE_MB), false);
        }

        @Test
        void fiveMegabytesOfAtSignsAndLettersAreCheckedQuickly() {
            assertCheckedQuickly("a@".repeat(FIVE_MB / 2), false);
        }

        @Test
        void fiveMegabytesOfDotsAfterAnAtSignAreCheckedQuickly() {
            assertCheckedQuickly("a@" + "a.1".repeat(FIVE_MB / 3), false);
        }

        @Test
        void fiveMegabytesOfDigitsAndDashesAreCheckedQuickly() {
            assertCheckedQuickly("123-".repeat(FIVE_MB / 4), false);
        }

        @Test
        void fiveMegabytesOfDigitsAreCheckedQuickly() {
            assertCheckedQuickly("1234567890".repeat(FIVE_MB / 10), false);
        }

        @Test
        void fiveMegabytesOfDigitsAndSpacesAreCheckedQuickly() {
            assertCheckedQuickly("12 ".repeat(FIVE_MB / 3), false);
        }

        @Test
        void anIdentifierAtTheEndOfAHugeCellIsFound() {
            assertCheckedQuickly("123-".repeat(FIVE_MB / 4) + " 555-123-4567", true);
            assertCheckedQuickly("a".repeat(FIVE_MB) + " jane@example.com", true);
        }

        private void assertCheckedQuickly(String cell, boolean expected) {
            IdentifierDetector.containsIdentifier("warm-up 555-123-4567 jane@example.com 123-45-6789");
            long start = System.nanoTime();
            boolean found = IdentifierDetector.containsIdentifier(cell);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(found).isEqualTo(expected);
            assertThat(took).isLessThan(LIMIT);
        }
    }

    /**
     * The gate against DATA.md's three patterns written as regular expressions, with {@code \d},
     * {@code \s} and {@code \b} as DATA.md reads them (the leading {@code \b} checked on the code
     * point before, see {@link #referenceHasSsn}), on random cells made of digits of several scripts
     * (also outside the BMP), separators, letters, marks, spaces and at signs.
     */
    @Nested
    class AgainstThePatterns {

        private static final Pattern EMAIL = Pattern.compile("[^@\\p{IsWhite_Space}]@[^@\\p{IsWhite_Space}]*\\.[A-Za-z]{2,}");
        private static final Pattern PHONE = Pattern.compile("\\(?\\p{Nd}{3}\\)?[-. ]?\\p{Nd}{3}[-. ]\\p{Nd}{4}");
        private static final Pattern SSN = Pattern.compile("\\p{Nd}{3}-\\p{Nd}{2}-\\p{Nd}{4}");
        private static final String[] PIECES = {"1", "2", "9", "0", "\u0663", "\uFF15", "\u096D", "\uD835\uDFD3",
                "-", "-", ".", " ", "(", ")", "x", "\u00E9", "_", "\uD835\uDC00", "\u0301", "\u00A0", "@", "a.", "co",
                "\u00BA", "\u203F", "\uDC00", "123", "45", "6789", "555", "-12", "\u0661\u0662\u0663"};

        @Test
        void agreeOnAMillionRandomCells() {
            java.util.Random random = new java.util.Random(11);
            int identifiers = 0;
            for (int k = 0; k < 1_000_000; k++) {
                StringBuilder cell = new StringBuilder();
                for (int pieces = random.nextInt(14); pieces > 0; pieces--) {
                    cell.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String s = cell.toString();
                boolean expected = EMAIL.matcher(s).find() || PHONE.matcher(s).find() || referenceHasSsn(s);
                if (expected) {
                    identifiers++;
                }
                assertThat(IdentifierDetector.containsIdentifier(s)).as(s).isEqualTo(expected);
            }
            assertThat(identifiers).as("cells with an identifier among the random ones").isGreaterThan(1000);
        }

        /** {@code \b\d{3}-\d{2}-\d{4}\b} tried at every position, boundaries read on whole code points. */
        private static boolean referenceHasSsn(String s) {
            java.util.regex.Matcher matcher = SSN.matcher(s);
            for (int i = 0; i < s.length(); i++) {
                matcher.region(i, s.length());
                if (matcher.lookingAt()
                        && (i == 0 || !isWord(s.codePointBefore(i)))
                        && (matcher.end() == s.length() || !isWord(s.codePointAt(matcher.end())))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isWord(int c) {
            return c == '_' || Character.isLetter(c) || Character.isDigit(c);
        }
    }

    /**
     * DATA.md: the patterns run in linear time. 50 MB cells built to make a backtracking pattern
     * work hardest: at signs with no top-level domain, runs of digits that almost make a phone
     * number or an SSN, SSNs glued to letters, in ASCII and in other digits. A pattern quadratic
     * on any of them would need hours; the gate takes 0.1 to 1 s on each (measured, 2 cores).
     */
    @Nested
    class FiftyMegabyteCells {

        private static final int FIFTY_MB = 50 * 1000 * 1000;
        private static final Duration LIMIT = Duration.ofSeconds(5);

        static Stream<Arguments> adversarialCells() {
            return Stream.of(
                    cell("at signs", () -> "@".repeat(FIFTY_MB)),
                    cell("a@ and no top-level domain", () -> "a@" + "a".repeat(FIFTY_MB)),
                    cell("a@ and dots without two letters after them", () -> "a@" + "a.1".repeat(FIFTY_MB / 3)),
                    cell("a@ repeated", () -> "a@".repeat(FIFTY_MB / 2)),
                    cell("a@b. repeated", () -> "a@b.".repeat(FIFTY_MB / 4)),
                    cell("a@ and NBSP", () -> "a@\u00A0".repeat(FIFTY_MB / 3)),
                    cell("at signs, dots and digits", () -> "1@1.".repeat(FIFTY_MB / 4)),
                    cell("digits", () -> "1234567890".repeat(FIFTY_MB / 10)),
                    cell("123-45- repeated", () -> "123-45-".repeat(FIFTY_MB / 7)),
                    cell("(555) 123- repeated", () -> "(555) 123-".repeat(FIFTY_MB / 10)),
                    cell("555.123.456 repeated", () -> "555.123.456 ".repeat(FIFTY_MB / 12)),
                    cell("digits and dashes", () -> "123-".repeat(FIFTY_MB / 4)),
                    cell("SSNs glued to letters", () -> "x123-45-6789".repeat(FIFTY_MB / 12)),
                    cell("SSNs glued to digits", () -> "0123-45-67890".repeat(FIFTY_MB / 13)),
                    cell("SSNs glued to \u00e9", () -> "\u00e9123-45-6789\u00e9".repeat(FIFTY_MB / 13)),
                    cell("Arabic-Indic digits", () -> "\u0661\u0662\u0663-\u0664\u0665-".repeat(FIFTY_MB / 7)),
                    cell("full-width digits", () -> "\uFF11\uFF12\uFF13".repeat(FIFTY_MB / 3)),
                    cell("mathematical digits", () -> "\uD835\uDFCF\uD835\uDFD0-".repeat(FIFTY_MB / 5)),
                    cell("SSNs glued to a letter outside the BMP",
                            () -> "\uD835\uDC00123-45-6789".repeat(FIFTY_MB / 13)),
                    cell("e-mail address at the end", () -> "a@".repeat(FIFTY_MB / 2) + " jane@example.com"),
                    cell("phone number at the end", () -> "123-45-".repeat(FIFTY_MB / 7) + " 555-123-4567"),
                    cell("SSN at the end", () -> "x123-45-6789".repeat(FIFTY_MB / 12) + " 123-45-6789"));
        }

        private static Arguments cell(String name, Supplier<String> content) {
            return Arguments.of(name, content);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("adversarialCells")
        void isCheckedWellWithinTheLimit(String name, Supplier<String> content) {
            String cell = content.get();
            boolean expected = name.endsWith("at the end");
            IdentifierDetector.containsIdentifier("warm-up 555-123-4567 jane@example.com 123-45-6789");
            long start = System.nanoTime();
            boolean found = IdentifierDetector.containsIdentifier(cell);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(found).as(name).isEqualTo(expected);
            assertThat(took).as(name).isLessThan(LIMIT);
        }
    }
}
