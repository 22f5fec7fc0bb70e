package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.clinicaloutcomes.config.ApproachCatalog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA.md, "intake.csv" and "Rejects": every intake rule and the order in which they apply. */
class IntakeRowValidatorTest {

    private static final String HEADER = TestCsv.INTAKE_HEADER;
    private static final String REQUIRED_HEADER = "client_id,intake_date,approach,clinician_id";

    @TempDir
    Path folder;

    private List<RowResult<IntakeRecord>> validateFile(String text, ApproachCatalog approaches) throws Exception {
        Path file = TestCsv.write(folder, "intake.csv", text);
        IntakeRowValidator validator = new IntakeRowValidator(InputFiles.intakeLayout(file), approaches);
        return TestCsv.rows(file).stream().map(validator::validate).toList();
    }

    private RowResult<IntakeRecord> validateOne(String header, String row, ApproachCatalog approaches) throws Exception {
        List<RowResult<IntakeRecord>> results = validateFile(header + "\n" + row + "\n", approaches);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private Reject reject(String header, String row) throws Exception {
        RowResult<IntakeRecord> result = validateOne(header, row, ApproachCatalog.defaults());
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
        return ((RowResult.Rejected<IntakeRecord>) result).reject();
    }

    private Reject reject(String row) throws Exception {
        return reject(HEADER, row);
    }

    private IntakeRecord accept(String header, String row, ApproachCatalog approaches) throws Exception {
        RowResult<IntakeRecord> result = validateOne(header, row, approaches);
        assertThat(result).isInstanceOf(RowResult.Accepted.class);
        return ((RowResult.Accepted<IntakeRecord>) result).record();
    }

    private IntakeRecord accept(String row) throws Exception {
        return accept(HEADER, row, ApproachCatalog.defaults());
    }

    private static Reject at(String column, String reason) {
        return new Reject("intake.csv", 2, column, reason);
    }

    @Nested
    class AcceptedRows {

        @Test
        void completeRowIsAcceptedWithEveryValue() throws Exception {
            IntakeRecord record = accept("E1,2025-01-06,DBT,C1,25-34,woman,CA,icu,Y,N,yes,no,2025-03-31,completed");

            assertThat(record).isEqualTo(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "DBT", "C1", "25-34",
                    "woman", "CA", "icu", true, false, true, false, TestCsv.day("2025-03-31"), "completed", 2));
            assertThat(record.isClosed()).isTrue();
        }

        @Test
        void rowWithOnlyTheRequiredColumnsIsAnOpenEpisode() throws Exception {
            IntakeRecord record = accept(REQUIRED_HEADER, "E1,2025-01-06,CPT,C1", ApproachCatalog.defaults());

            assertThat(record).isEqualTo(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "CPT", "C1", null, null,
                    null, null, null, null, null, null, IntakeRecord.OPEN, null, 2));
            assertThat(record.isClosed()).isFalse();
        }

        @Test
        void blankOptionalCellsMeanNoValue() throws Exception {
            IntakeRecord record = accept("E1,2025-01-06,ACT,C1,,,,,,,,,,");

            assertThat(record).isEqualTo(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "ACT", "C1", null, null,
                    null, null, null, null, null, null, IntakeRecord.OPEN, null, 2));
        }

        @ParameterizedTest
        @ValueSource(strings = {"NA", "na", "N/A", "n/a", "NaN", "nan", "NAN", "NULL", "null", "Null", " NA "})
        void noValueMarkersInOptionalColumnsMeanNoValue(String marker) throws Exception {
            String m = marker;
            IntakeRecord record = accept("E1,2025-01-06,PE,C1," + m + "," + m + "," + m + "," + m + "," + m + "," + m
                    + "," + m + "," + m + "," + m + "," + m);

            assertThat(record).isEqualTo(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "PE", "C1", null, null,
                    null, null, null, null, null, null, IntakeRecord.OPEN, null, 2));
        }

        @Test
        void surroundingSpacesAreTrimmed() throws Exception {
            IntakeRecord record = accept("  E1 , 2025-01-06 ,  DBT , C1 , 25-34 ,  woman  , CA , icu , Y , N ,"
                    + " 1 , 0 , 2025-03-31 , completed ");

            assertThat(record).isEqualTo(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "DBT", "C1", "25-34",
                    "woman", "CA", "icu", true, false, true, false, TestCsv.day("2025-03-31"), "completed", 2));
        }

        @Test
        void codesMatchCaseInsensitivelyAndComeBackCanonical() throws Exception {
            IntakeRecord record = accept("E1,2025-01-06,dbt,C1,65+,Woman,ca,Chronic_Illness,y,n,YES,No,2025-03-31,"
                    + "COMPLETED");

            assertThat(record.approach()).isEqualTo("DBT");
            assertThat(record.ageBand()).isEqualTo("65+");
            assertThat(record.gender()).isEqualTo("Woman");
            assertThat(record.state()).isEqualTo("CA");
            assertThat(record.indexEvent()).isEqualTo("chronic_illness");
            assertThat(record.dischargeReason()).isEqualTo("completed");
        }

        @ParameterizedTest
        @ValueSource(strings = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"})
        void everyAgeBandIsAccepted(String band) throws Exception {
            assertThat(accept("E1,2025-01-06,DBT,C1," + band + ",,,,,,,,,").ageBand()).isEqualTo(band);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AL", "ak", "NY", "tx", "WY", "DC", "dc", "AS", "GU", "MP", "PR", "VI", "vi"})
        void statesDcAndTerritoriesAreAccepted(String state) throws Exception {
            assertThat(accept("E1,2025-01-06,DBT,C1,,," + state + ",,,,,,,").state())
                    .isEqualTo(state.toUpperCase(java.util.Locale.ROOT));
        }

        @Test
        void fiftyStatesDcAndFiveTerritoriesAreTheStateCodes() {
            assertThat(Codes.STATES).containsExactlyInAnyOrder("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL",
                    "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
                    "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX",
                    "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI");
        }

        @ParameterizedTest
        @ValueSource(strings = {"icu", "cardiac", "birth", "cancer", "chronic_illness", "surgery", "accident", "covid",
                "pediatric", "other", "ICU", "Covid"})
        void everyIndexEventIsAccepted(String event) throws Exception {
            assertThat(accept("E1,2025-01-06,DBT,C1,,,," + event + ",,,,,,").indexEvent())
                    .isEqualTo(event.toLowerCase(java.util.Locale.ROOT));
        }

        @ParameterizedTest
        @ValueSource(strings = {"completed", "dropout", "referred", "other", "Dropout", "REFERRED"})
        void everyDischargeReasonIsAccepted(String reason) throws Exception {
            assertThat(accept("E1,2025-01-06,DBT,C1,,,,,,,,,2025-02-01," + reason).dischargeReason())
                    .isEqualTo(reason.toLowerCase(java.util.Locale.ROOT));
        }

        @ParameterizedTest
        @CsvSource({"Y,true", "y,true", "yes,true", "YES,true", "Yes,true", "true,true", "TRUE,true", "True,true",
                "1,true", "N,false", "n,false", "no,false", "NO,false", "No,false", "false,false", "FALSE,false",
                "False,false", "0,false"})
        void flagsAcceptEveryYesNoSpellingInAnyCase(String cell, boolean expected) throws Exception {
            IntakeRecord record = accept("E1,2025-01-06,DBT,C1,,,,," + cell + "," + cell + "," + cell + "," + cell
                    + ",,");

            assertThat(record.chronicIllness()).isEqualTo(expected);
            assertThat(record.priorTrauma()).isEqualTo(expected);
            assertThat(record.childhoodMedical()).isEqualTo(expected);
            assertThat(record.marginalized()).isEqualTo(expected);
        }

        @Test
        void blankFlagMeansUnknown() throws Exception {
            IntakeRecord record = accept("E1,2025-01-06,DBT,C1,,,,,Y,,N,,,");

            assertThat(record.chronicIllness()).isTrue();
            assertThat(record.priorTrauma()).isNull();
            assertThat(record.childhoodMedical()).isFalse();
            assertThat(record.marginalized()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"E1", "e1", "1", "A", "client_0001", "c-0001", "a-b_c-d", "0_", "9-",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
        void idsOfOneToThirtyTwoAllowedCharactersStartingWithALetterOrDigitAreAccepted(String id) throws Exception {
            IntakeRecord record = accept(REQUIRED_HEADER, id + ",2025-01-06,DBT," + id, ApproachCatalog.defaults());

            assertThat(record.clientId()).isEqualTo(id);
            assertThat(record.clinicianId()).isEqualTo(id);
        }

        @Test
        void genderOfThirtyTwoCharactersIsAccepted() throws Exception {
            String gender = "non-binary, prefers they/them 32";
            assertThat(gender).hasSize(32);

            assertThat(accept("E1,2025-01-06,DBT,C1,,\"" + gender + "\",,,,,,,,").gender()).isEqualTo(gender);
        }

        @Test
        void dischargeOnTheIntakeDayIsAccepted() throws Exception {
            IntakeRecord record = accept("E1,2025-01-06,DBT,C1,,,,,,,,,2025-01-06,dropout");

            assertThat(record.dischargeDay()).isEqualTo(record.intakeDay());
        }

        @Test
        void leapDayIsAValidDate() throws Exception {
            assertThat(accept("E1,2024-02-29,DBT,C1,,,,,,,,,,").intakeDay()).isEqualTo(TestCsv.day("2024-02-29"));
        }

        @Test
        void columnsInAnotherOrderWithUnknownColumnsAreRead() throws Exception {
            IntakeRecord record = accept("Site,discharge_reason,approach,Discharge_Date,clinician_id,client_id,"
                    + "intake_date", "north,referred,CPT,2025-05-01,C9,E9,2025-02-03", ApproachCatalog.defaults());

            assertThat(record).isEqualTo(new IntakeRecord("E9", TestCsv.day("2025-02-03"), "CPT", "C9", null, null,
                    null, null, null, null, null, null, TestCsv.day("2025-05-01"), "referred", 2));
        }

        @Test
        void multiMegabyteUnknownCellIsCheckedQuicklyAndIgnored() throws Exception {
            String notes = "a@" + "a".repeat(5 * 1024 * 1024);
            long start = System.nanoTime();

            IntakeRecord record = accept(REQUIRED_HEADER + ",notes", "E1,2025-01-06,DBT,C1,\"" + notes + "\"",
                    ApproachCatalog.defaults());

            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
            assertThat(record.clientId()).isEqualTo("E1");
        }

        @Test
        void lineNumberIsThePhysicalLineWhereTheRecordStarts() throws Exception {
            List<RowResult<IntakeRecord>> results = validateFile(REQUIRED_HEADER + ",gender\n"
                    + "E1,2025-01-06,DBT,C1,\"two\nlines\"\n\nE2,2025-01-07,DBT,C1,x\n", ApproachCatalog.defaults());

            assertThat(results).extracting(r -> ((RowResult.Accepted<IntakeRecord>) r).record().line())
                    .containsExactly(2L, 5L);
        }
    }

    @Nested
    class Approaches {

        @ParameterizedTest
        @CsvSource({"DBT,DBT", "dbt,DBT", "Cpt,CPT", "act,ACT", "pE,PE",
                "Dialectical Behavior Therapy,DBT", "dialectical behavior therapy,DBT",
                "Cognitive Processing Therapy,CPT", "ACCEPTANCE AND COMMITMENT THERAPY,ACT",
                "Prolonged Exposure,PE", "prolonged exposure,PE"})
        void defaultApproachesMatchByCodeOrFullNameInAnyCase(String cell, String code) throws Exception {
            assertThat(accept(REQUIRED_HEADER, "E1,2025-01-06," + cell + ",C1", ApproachCatalog.defaults()).approach())
                    .isEqualTo(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"TAU", "CBT", "EMDR", "Prolonged", "Exposure", "DBT-A", "Dialectical Behaviour Therapy",
                "N/A"})
        void approachThatIsNotConfiguredIsUnknown(String cell) throws Exception {
            assertThat(reject(REQUIRED_HEADER, "E1,2025-01-06," + cell + ",C1"))
                    .isEqualTo(at("approach", Reject.UNKNOWN_APPROACH));
        }

        @Test
        void configuredExtraApproachIsAccepted() throws Exception {
            ApproachCatalog catalog = new ApproachCatalog(List.of("DBT", "TAU"));

            assertThat(accept(REQUIRED_HEADER, "E1,2025-01-06,TAU,C1", catalog).approach()).isEqualTo("TAU");
            assertThat(accept(REQUIRED_HEADER, "E1,2025-01-06,tau,C1", catalog).approach()).isEqualTo("TAU");
            assertThat(accept(REQUIRED_HEADER, "E1,2025-01-06,Dialectical Behavior Therapy,C1", catalog).approach())
                    .isEqualTo("DBT");
        }

        @Test
        void approachLeftOutOfTheConfigurationIsUnknownByCodeAndByName() throws Exception {
            ApproachCatalog catalog = new ApproachCatalog(List.of("DBT", "TAU"));

            for (String cell : List.of("PE", "Prolonged Exposure", "CPT")) {
                RowResult<IntakeRecord> result = validateOne(REQUIRED_HEADER, "E1,2025-01-06," + cell + ",C1", catalog);
                assertThat(result).isEqualTo(new RowResult.Rejected<>(at("approach", Reject.UNKNOWN_APPROACH)));
            }
        }
    }

    @Nested
    class RejectReasons {

        @Test
        void emailAddressInAKnownColumnIsAPossibleIdentifier() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,jane.doe@example.com,,,,,,,,"))
                    .isEqualTo(at("gender", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void phoneNumberInAnUnknownColumnIsAPossibleIdentifierNamingThatColumn() throws Exception {
            assertThat(reject(REQUIRED_HEADER + ",notes", "E1,2025-01-06,DBT,C1,\"call (555) 123-4567, evenings\""))
                    .isEqualTo(at("notes", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void ssnAsClientIdIsAPossibleIdentifierNotABadId() throws Exception {
            assertThat(reject("123-45-6789,2025-01-06,DBT,C1,,,,,,,,,,"))
                    .isEqualTo(at("client_id", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void identifierInAFieldBeyondTheHeaderIsNamedByPosition() throws Exception {
            assertThat(reject(REQUIRED_HEADER, "E1,2025-01-06,DBT,C1,jane@example.com"))
                    .isEqualTo(at("field 5", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void rejectRecordNeverHoldsTheCellValue() throws Exception {
            Reject reject = reject(REQUIRED_HEADER + ",notes", "E1,2025-01-06,DBT,C1,jane@example.com");

            assertThat(reject.toString()).doesNotContain("jane").doesNotContain("example");
        }

        @Test
        void rowWithFewerFieldsThanTheHeaderIsRejected() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1")).isEqualTo(at("", Reject.WRONG_NUMBER_OF_FIELDS));
        }

        @Test
        void rowWithMoreFieldsThanTheHeaderIsRejected() throws Exception {
            assertThat(reject(REQUIRED_HEADER, "E1,2025-01-06,DBT,C1,"))
                    .isEqualTo(at("", Reject.WRONG_NUMBER_OF_FIELDS));
        }

        @Test
        void blankRequiredCellIsAMissingValue() throws Exception {
            assertThat(reject(REQUIRED_HEADER, ",2025-01-06,DBT,C1")).isEqualTo(at("client_id", Reject.MISSING_VALUE));
            assertThat(reject(REQUIRED_HEADER, "   ,2025-01-06,DBT,C1")).isEqualTo(at("client_id", Reject.MISSING_VALUE));
            assertThat(reject(REQUIRED_HEADER, "E1,,DBT,C1")).isEqualTo(at("intake_date", Reject.MISSING_VALUE));
            assertThat(reject(REQUIRED_HEADER, "E1,2025-01-06, ,C1")).isEqualTo(at("approach", Reject.MISSING_VALUE));
            assertThat(reject(REQUIRED_HEADER, "E1,2025-01-06,DBT,")).isEqualTo(at("clinician_id", Reject.MISSING_VALUE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-02-30", "2025-2-3", "2025-02-3", "2025-13-01", "2025-00-10", "2025-01-00",
                "2023-02-29", "31/01/2025", "01/31/2025", "2025/01/31", "20250131", "2025-01-31T09:00", "25-01-31",
                "2025-1-31", "Jan 31 2025", "2025-01-3a", "+2025-01-31", "NA"})
        void intakeDateThatIsNotAnExistingIsoDateIsABadDate(String date) throws Exception {
            assertThat(reject(REQUIRED_HEADER, "E1," + date + ",DBT,C1")).isEqualTo(at("intake_date", Reject.BAD_DATE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-02-30", "2025-2-3", "2025-04-31", "31.03.2025"})
        void dischargeDateThatIsNotAnExistingIsoDateIsABadDate(String date) throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,," + date + ",completed"))
                    .isEqualTo(at("discharge_date", Reject.BAD_DATE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "_E1", "-E1", "E 1", "client 0001", "E1!",
                "E.1", "E/1", "\u00c91", "E1\u00e9"})
        void clientIdBreakingTheIdRuleIsABadId(String id) throws Exception {
            assertThat(reject(REQUIRED_HEADER, id + ",2025-01-06,DBT,C1")).isEqualTo(at("client_id", Reject.BAD_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "_C1", "C 1", "C#1"})
        void clinicianIdBreakingTheIdRuleIsABadId(String id) throws Exception {
            assertThat(reject(REQUIRED_HEADER, "E1,2025-01-06,DBT," + id)).isEqualTo(at("clinician_id", Reject.BAD_ID));
        }

        @ParameterizedTest
        @CsvSource({"'maybe,,,',chronic_illness", "',2,,',prior_trauma", "',,t,',childhood_medical",
                "',,,yess',marginalized", "',,,-1',marginalized", "',,,X',marginalized"})
        void flagThatIsNotAYesNoSpellingIsABadFlag(String flags, String column) throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,," + flags + ",,")).isEqualTo(at(column, Reject.BAD_FLAG));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "18-25,,,,|age_band", "65|age_band", "65 +,,,,|age_band",
                ",,XX,,|state", ",,C,,|state", ",,USA,,|state", ",,California,,|state",
                ",,,war,|index_event", ",,,chronic illness,|index_event",
                ",non-binary and prefers they/them 33,,,|gender"})
        void valueOutsideItsCodeListIsABadCode(String cells, String column) throws Exception {
            String[] parts = (cells + ",,,,").split(",", -1);
            String row = "E1,2025-01-06,DBT,C1," + parts[0] + "," + parts[1] + "," + parts[2] + "," + parts[3]
                    + ",,,,,,";
            assertThat(reject(row)).isEqualTo(at(column, Reject.BAD_CODE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"FM", "MH", "PW", "UM", "AA", "AE", "AP", "US"})
        void postalCodesOutsideStatesDcAndTheFiveTerritoriesAreBadCodes(String state) throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,," + state + ",,,,,,,")).isEqualTo(at("state", Reject.BAD_CODE));
        }

        @Test
        void genderIsMeasuredInCharactersNotUtf16Units() throws Exception {
            String gender = "\uD83C\uDF08".repeat(17);
            assertThat(gender.codePointCount(0, gender.length())).isEqualTo(17);

            assertThat(accept("E1,2025-01-06,DBT,C1,," + gender + ",,,,,,,,").gender()).isEqualTo(gender);
        }

        @Test
        void genderLongerThanThirtyTwoCharactersIsABadCode() throws Exception {
            String gender = "abcdefghijklmnopqrstuvwxyz0123456";
            assertThat(gender).hasSize(33);

            assertThat(reject("E1,2025-01-06,DBT,C1,," + gender + ",,,,,,,,")).isEqualTo(at("gender", Reject.BAD_CODE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"transferred", "complete", "done", "1"})
        void dischargeReasonOutsideItsListIsABadCode(String reason) throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,2025-02-01," + reason))
                    .isEqualTo(at("discharge_reason", Reject.BAD_CODE));
        }

        @Test
        void dischargeBeforeIntakeIsRejected() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,2025-01-05,completed"))
                    .isEqualTo(at("discharge_date", Reject.DISCHARGE_BEFORE_INTAKE));
        }

        @Test
        void reasonWithoutDischargeDateIsRejected() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,,dropout"))
                    .isEqualTo(at("discharge_reason", Reject.REASON_WITHOUT_DISCHARGE));
        }

        @Test
        void reasonWithDischargeDateWrittenAsNaIsAReasonWithoutDischarge() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,NA,dropout"))
                    .isEqualTo(at("discharge_reason", Reject.REASON_WITHOUT_DISCHARGE));
        }

        @Test
        void reasonWithoutADischargeDateColumnIsRejected() throws Exception {
            assertThat(reject(REQUIRED_HEADER + ",discharge_reason", "E1,2025-01-06,DBT,C1,completed"))
                    .isEqualTo(at("discharge_reason", Reject.REASON_WITHOUT_DISCHARGE));
        }

        @Test
        void dischargeDateWithoutReasonIsRejected() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,2025-03-31,"))
                    .isEqualTo(at("discharge_reason", Reject.DISCHARGE_WITHOUT_REASON));
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,2025-03-31,N/A"))
                    .isEqualTo(at("discharge_reason", Reject.DISCHARGE_WITHOUT_REASON));
            assertThat(reject(REQUIRED_HEADER + ",discharge_date", "E1,2025-01-06,DBT,C1,2025-03-31"))
                    .isEqualTo(at("discharge_reason", Reject.DISCHARGE_WITHOUT_REASON));
        }
    }

    /** DATA.md, intake.csv: the optional referral_date, never after intake_date (MONITORING.md, readings 1 and 2). */
    @Nested
    class ReferralDates {

        private static final String REFERRAL_HEADER = "client_id,intake_date,referral_date,approach,clinician_id,"
                + "discharge_date,discharge_reason";

        @Test
        void referralBeforeIntakeIsKeptAsAnEpochDay() throws Exception {
            IntakeRecord record = accept(REFERRAL_HEADER, "E1,2025-01-06,2024-11-18,DBT,C1,,", ApproachCatalog.defaults());

            assertThat(record.referralDay()).isEqualTo(TestCsv.day("2024-11-18"));
            assertThat(record.hasReferral()).isTrue();
            assertThat(record.intakeDay() - record.referralDay()).isEqualTo(49);
        }

        @Test
        void referralOnTheIntakeDayIsAccepted() throws Exception {
            IntakeRecord record = accept(REFERRAL_HEADER, "E1,2025-01-06,2025-01-06,DBT,C1,,", ApproachCatalog.defaults());

            assertThat(record.referralDay()).isEqualTo(record.intakeDay());
            assertThat(record).isEqualTo(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "DBT", "C1", null, null,
                    null, null, null, null, null, null, IntakeRecord.OPEN, null, 2, TestCsv.day("2025-01-06")));
        }

        @Test
        void referralOneDayAfterIntakeIsRejected() throws Exception {
            Reject reject = reject(REFERRAL_HEADER, "E1,2025-01-06,2025-01-07,DBT,C1,,");

            assertThat(reject).isEqualTo(at("referral_date", Reject.REFERRAL_AFTER_INTAKE));
            assertThat(reject.reason()).isEqualTo("referral after intake");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "NA", "na", "N/A", "NaN", "NULL", "null", " NA "})
        void missingReferralMeansNoReferral(String cell) throws Exception {
            IntakeRecord record = accept(REFERRAL_HEADER, "E1,2025-01-06," + cell + ",DBT,C1,,", ApproachCatalog.defaults());

            assertThat(record.referralDay()).isEqualTo(IntakeRecord.NO_REFERRAL);
            assertThat(record.hasReferral()).isFalse();
        }

        @Test
        void surroundingSpacesAreTrimmed() throws Exception {
            IntakeRecord record = accept(REFERRAL_HEADER, "E1,2025-01-06, 2024-12-30 ,DBT,C1,,", ApproachCatalog.defaults());

            assertThat(record.referralDay()).isEqualTo(TestCsv.day("2024-12-30"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-02-30", "2024-13-01", "20241201", "2024-1-5", "01/12/2024", "2024-12-01T00:00",
                "soon", "-", "2023-02-29"})
        void referralThatIsNotAnExistingIsoDateIsABadDate(String date) throws Exception {
            assertThat(reject(REFERRAL_HEADER, "E1,2025-01-06," + date + ",DBT,C1,,"))
                    .isEqualTo(at("referral_date", Reject.BAD_DATE));
        }

        @Test
        void rowsWithoutTheColumnHaveNoReferral() throws Exception {
            assertThat(accept("E1,2025-01-06,DBT,C1,25-34,woman,CA,icu,Y,N,yes,no,2025-03-31,completed").referralDay())
                    .isEqualTo(IntakeRecord.NO_REFERRAL);
            assertThat(accept(REQUIRED_HEADER, "E1,2025-01-06,CPT,C1", ApproachCatalog.defaults()).hasReferral())
                    .isFalse();
        }

        @Test
        void referralDateIsAKnownColumnInAnyPosition() throws Exception {
            IntakeRecord record = accept("Referral_Date ,approach,clinician_id,intake_date,client_id",
                    "2024-12-02,PE,C1,2025-01-06,E1", ApproachCatalog.defaults());

            assertThat(record.referralDay()).isEqualTo(TestCsv.day("2024-12-02"));
            Path file = TestCsv.write(folder, "intake.csv", REFERRAL_HEADER + "\n");
            assertThat(InputFiles.intakeLayout(file).unknownColumns()).isEmpty();
        }

        @Test
        void badReferralDateComesAfterIntakeDateAndBeforeApproach() throws Exception {
            assertThat(reject(REFERRAL_HEADER, "E1,2025-02-30,2025-02-30,XYZ,C1,,"))
                    .isEqualTo(at("intake_date", Reject.BAD_DATE));
            assertThat(reject(REFERRAL_HEADER, "E1,2025-01-06,2025-02-30,XYZ,_C1,,"))
                    .isEqualTo(at("referral_date", Reject.BAD_DATE));
            assertThat(reject(REFERRAL_HEADER, "E1,2025-01-06,2025-01-01,XYZ,C1,,"))
                    .isEqualTo(at("approach", Reject.UNKNOWN_APPROACH));
        }

        @Test
        void referralAfterIntakeComesAfterTheCodeRulesAndDischargeBeforeIntake() throws Exception {
            String header = REFERRAL_HEADER + ",state";
            assertThat(reject(header, "E1,2025-01-06,2025-02-01,DBT,C1,,,XX"))
                    .isEqualTo(at("state", Reject.BAD_CODE));
            assertThat(reject(header, "E1,2025-01-06,2025-02-01,DBT,C1,2025-01-01,completed,"))
                    .isEqualTo(at("discharge_date", Reject.DISCHARGE_BEFORE_INTAKE));
            assertThat(reject(header, "E1,2025-01-06,2025-02-01,DBT,C1,,completed,"))
                    .isEqualTo(at("referral_date", Reject.REFERRAL_AFTER_INTAKE));
            assertThat(reject(header, "E1,2025-01-06,2025-02-01,DBT,C1,2025-03-01,,"))
                    .isEqualTo(at("referral_date", Reject.REFERRAL_AFTER_INTAKE));
        }

        @Test
        void rejectRecordNeverHoldsTheReferralDate() throws Exception {
            Reject reject = reject(REFERRAL_HEADER, "E1,2025-01-06,2025-03-09,DBT,C1,,");

            assertThat(reject.toString()).doesNotContain("2025-03-09").doesNotContain("E1,");
            assertThat(reject(REFERRAL_HEADER, "E1,2025-01-06,2025-31-03,DBT,C1,,").toString())
                    .doesNotContain("2025-31-03");
        }
    }

    /** DATA.md, "Rejects": a row breaking several rules gets the first one. */
    @Nested
    class RuleOrder {

        @Test
        void identifierBeatsWrongNumberOfFields() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,jane@example.com")).isEqualTo(at("gender", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void identifierBeatsEveryRowRule() throws Exception {
            assertThat(reject("_bad id_,2025-02-30,XYZ,,18-25,,XX,war,maybe,,,,2024-01-01,555-123-4567"))
                    .isEqualTo(at("discharge_reason", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void firstColumnHoldingAnIdentifierIsNamed() throws Exception {
            assertThat(reject(REQUIRED_HEADER + ",notes", "E1,2025-01-06,DBT,123-45-6789,jane@example.com"))
                    .isEqualTo(at("clinician_id", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void wrongNumberOfFieldsBeatsColumnRules() throws Exception {
            assertThat(reject("_E1,2025-02-30,XYZ,C1")).isEqualTo(at("", Reject.WRONG_NUMBER_OF_FIELDS));
        }

        @Test
        void badClientIdBeatsBadIntakeDate() throws Exception {
            assertThat(reject("_E1,2025-02-30,DBT,C1,,,,,,,,,,")).isEqualTo(at("client_id", Reject.BAD_ID));
        }

        @Test
        void missingIntakeDateBeatsUnknownApproach() throws Exception {
            assertThat(reject("E1,,XYZ,C1,,,,,,,,,,")).isEqualTo(at("intake_date", Reject.MISSING_VALUE));
        }

        @Test
        void unknownApproachBeatsBadClinicianId() throws Exception {
            assertThat(reject("E1,2025-01-06,XYZ,_C1,,,,,,,,,,")).isEqualTo(at("approach", Reject.UNKNOWN_APPROACH));
        }

        @Test
        void missingClinicianBeatsBadAgeBand() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,,99,,,,,,,,,")).isEqualTo(at("clinician_id", Reject.MISSING_VALUE));
        }

        @Test
        void optionalColumnsFollowTheTableOrder() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,99,,XX,war,maybe,,,,2025-02-30,done"))
                    .isEqualTo(at("age_band", Reject.BAD_CODE));
            assertThat(reject("E1,2025-01-06,DBT,C1,,non-binary and prefers they/them 33,XX,war,maybe,,,,2025-02-30,done"))
                    .isEqualTo(at("gender", Reject.BAD_CODE));
            assertThat(reject("E1,2025-01-06,DBT,C1,,,XX,war,maybe,,,,2025-02-30,done"))
                    .isEqualTo(at("state", Reject.BAD_CODE));
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,war,maybe,,,,2025-02-30,done"))
                    .isEqualTo(at("index_event", Reject.BAD_CODE));
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,maybe,,,maybe,2025-02-30,done"))
                    .isEqualTo(at("chronic_illness", Reject.BAD_FLAG));
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,maybe,maybe,2025-02-30,done"))
                    .isEqualTo(at("childhood_medical", Reject.BAD_FLAG));
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,2025-02-30,done"))
                    .isEqualTo(at("discharge_date", Reject.BAD_DATE));
        }

        @Test
        void tableOrderHoldsWhateverTheFileColumnOrder() throws Exception {
            String header = "discharge_reason,state,clinician_id,approach,intake_date,client_id";

            assertThat(reject(header, "done,XX,_C1,XYZ,2025-02-30,_E1")).isEqualTo(at("client_id", Reject.BAD_ID));
            assertThat(reject(header, "done,XX,_C1,XYZ,2025-02-30,E1")).isEqualTo(at("intake_date", Reject.BAD_DATE));
            assertThat(reject(header, "done,XX,_C1,XYZ,2025-01-06,E1"))
                    .isEqualTo(at("approach", Reject.UNKNOWN_APPROACH));
            assertThat(reject(header, "done,XX,_C1,DBT,2025-01-06,E1")).isEqualTo(at("clinician_id", Reject.BAD_ID));
            assertThat(reject(header, "done,XX,C1,DBT,2025-01-06,E1")).isEqualTo(at("state", Reject.BAD_CODE));
        }

        @Test
        void codeRulesBeatDischargeRules() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,XX,,,,,,2025-01-01,completed"))
                    .isEqualTo(at("state", Reject.BAD_CODE));
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,maybe,,,,completed"))
                    .isEqualTo(at("prior_trauma", Reject.BAD_FLAG));
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,2025-01-01,done"))
                    .isEqualTo(at("discharge_reason", Reject.BAD_CODE));
        }

        @Test
        void dischargeBeforeIntakeBeatsDischargeWithoutReason() throws Exception {
            assertThat(reject("E1,2025-01-06,DBT,C1,,,,,,,,,2025-01-01,"))
                    .isEqualTo(at("discharge_date", Reject.DISCHARGE_BEFORE_INTAKE));
        }
    }
}
