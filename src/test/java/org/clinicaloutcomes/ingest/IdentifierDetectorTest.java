package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

        @ParameterizedTest
        @ValueSource(strings = {"N\u00ba123-45-6789", "\u00e9123-45-6789", "123-45-6789\u00e9"})
        void ssnNextToANonAsciiLetterIsFound(String cell) {
            assertThat(IdentifierDetector.containsIdentifier(cell)).isTrue();
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
}
