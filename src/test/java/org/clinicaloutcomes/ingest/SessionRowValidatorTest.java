package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.metrics.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA.md, "sessions.csv" and "Rejects": every session rule and the order in which they apply. */
class SessionRowValidatorTest {

    private static final List<Instrument> BUNDLED = InstrumentCatalog.bundled().instruments();
    private static final String HEADER = "client_id,session_date,session_number,attended,pcl5,phq9,gad7,ders16,aaq2";
    private static final String ITEMS = "pcl5_1,pcl5_2,pcl5_3,pcl5_4,pcl5_5,pcl5_6,pcl5_7,pcl5_8,pcl5_9,pcl5_10,"
            + "pcl5_11,pcl5_12,pcl5_13,pcl5_14,pcl5_15,pcl5_16,pcl5_17,pcl5_18,pcl5_19,pcl5_20";
    private static final String ITEM_HEADER = "client_id,session_date,attended,pcl5," + ITEMS;
    /** Twenty items summing to 40. */
    private static final String ITEMS_40 = "1,2,0,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4";
    private static final byte[] ITEMS_40_BYTES = {1, 2, 0, 3, 4, 1, 2, 0, 3, 4, 1, 2, 0, 3, 4, 1, 2, 0, 3, 4};
    private static final String NO_ITEMS = ",,,,,,,,,,,,,,,,,,,,";

    @TempDir
    Path folder;

    private EpisodeRegistry episodes;

    /** E1: 2025-01-06 to 2025-03-31 (episode 0); E2: open since 2025-02-01 (episode 1). */
    @BeforeEach
    void acceptEpisodes() {
        episodes = new EpisodeRegistry();
        episodes.accept(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "DBT", "C1", null, null, null, null, null,
                null, null, null, TestCsv.day("2025-03-31"), "completed", 2));
        episodes.accept(new IntakeRecord("E2", TestCsv.day("2025-02-01"), "PE", "C1", null, null, null, null, null,
                null, null, null, IntakeRecord.OPEN, null, 3));
    }

    private List<RowResult<SessionRecord>> validateFile(String text, List<Instrument> instruments) throws Exception {
        Path file = TestCsv.write(folder, "sessions.csv", text);
        SessionRowValidator validator = new SessionRowValidator(InputFiles.sessionsLayout(file, instruments),
                instruments, episodes);
        return TestCsv.rows(file).stream().map(validator::validate).toList();
    }

    private RowResult<SessionRecord> validateOne(String header, String row, List<Instrument> instruments)
            throws Exception {
        List<RowResult<SessionRecord>> results = validateFile(header + "\n" + row + "\n", instruments);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private Reject reject(String header, String row) throws Exception {
        RowResult<SessionRecord> result = validateOne(header, row, BUNDLED);
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
        return ((RowResult.Rejected<SessionRecord>) result).reject();
    }

    private Reject reject(String row) throws Exception {
        return reject(HEADER, row);
    }

    private SessionRecord accept(String header, String row, List<Instrument> instruments) throws Exception {
        RowResult<SessionRecord> result = validateOne(header, row, instruments);
        assertThat(result).isInstanceOf(RowResult.Accepted.class);
        return ((RowResult.Accepted<SessionRecord>) result).record();
    }

    private SessionRecord accept(String header, String row) throws Exception {
        return accept(header, row, BUNDLED);
    }

    private SessionRecord accept(String row) throws Exception {
        return accept(HEADER, row);
    }

    private static Reject at(String column, String reason) {
        return new Reject("sessions.csv", 2, column, reason);
    }

    private static double[] noScores() {
        return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }

    @Nested
    class AcceptedRows {

        @Test
        void completeRowIsAcceptedWithEveryScore() throws Exception {
            SessionRecord record = accept("E1,2025-01-13,1,Y,45,12,9,50,30");

            assertThat(record.episode()).isZero();
            assertThat(record.day()).isEqualTo(TestCsv.day("2025-01-13"));
            assertThat(record.number()).isEqualTo(1);
            assertThat(record.attended()).isTrue();
            assertThat(record.scores()).containsExactly(45, 12, 9, 50, 30);
            assertThat(record.items()).isNull();
            assertThat(record.hasItems()).isFalse();
            assertThat(record.line()).isEqualTo(2);
        }

        @Test
        void rowWithOnlyTheRequiredColumnsHasNoNumberAndNoScores() throws Exception {
            SessionRecord record = accept("client_id,session_date", "E2,2025-02-03");

            assertThat(record.episode()).isEqualTo(1);
            assertThat(record.number()).isEqualTo(SessionRecord.NO_NUMBER);
            assertThat(record.attended()).isTrue();
            assertThat(record.scores()).containsExactly(noScores());
        }

        @Test
        void blankSessionNumberAndAttendedMeanNoNumberAndAttended() throws Exception {
            SessionRecord record = accept("E1,2025-01-13,,,45,,,,");

            assertThat(record.number()).isEqualTo(SessionRecord.NO_NUMBER);
            assertThat(record.attended()).isTrue();
            assertThat(record.scores()).containsExactly(45, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"NA", "n/a", "NaN", "NULL", "null", " na "})
        void noValueMarkersInOptionalColumnsMeanNoValue(String m) throws Exception {
            SessionRecord record = accept("E1,2025-01-13," + m + "," + m + "," + m + "," + m + "," + m + "," + m + ","
                    + m);

            assertThat(record.number()).isEqualTo(SessionRecord.NO_NUMBER);
            assertThat(record.attended()).isTrue();
            assertThat(record.scores()).containsExactly(noScores());
        }

        @ParameterizedTest
        @CsvSource({"1,1", "007,7", "0001,1", "12,12", "999999999999999999,999999999999999999"})
        void sessionNumberOfUpTo18DigitsIsHeldAsALong(String cell, long value) throws Exception {
            SessionRecord record = accept("E1,2025-01-13," + cell + ",Y,45,,,,");

            assertThat(record.number()).isEqualTo(value);
            assertThat(record.bigNumber()).isNull();
        }

        @ParameterizedTest
        @CsvSource({"1000000000000000000,1000000000000000000", "12345678901234567890,12345678901234567890",
                "99999999999999999999,99999999999999999999", "00012345678901234567890,12345678901234567890",
                "1234567890123456789012345678901234567890,1234567890123456789012345678901234567890"})
        void longerSessionNumberIsAcceptedWithItsDigits(String cell, String digits) throws Exception {
            SessionRecord record = accept("E1,2025-01-13," + cell + ",Y,45,,,,");

            assertThat(record.number()).isEqualTo(SessionRecord.BIG_NUMBER);
            assertThat(record.bigNumber()).isEqualTo(digits);
        }

        @Test
        void sessionNumberOfTheMostDigitsStagedIsAccepted() throws Exception {
            String digits = "9".repeat(SessionSpill.MAX_NUMBER_DIGITS);
            SessionRecord record = accept("E1,2025-01-13,000" + digits + ",Y,45,,,,");

            assertThat(record.bigNumber()).isEqualTo(digits);
        }

        @Test
        void integerScoresAndItemsWithZeroDecimalsAreWholeNumbers() throws Exception {
            assertThat(accept("E1,2025-01-13,1,Y,40.0,12.00,,,").scores())
                    .containsExactly(40, 12, Double.NaN, Double.NaN, Double.NaN);
            SessionRecord items = accept(ITEM_HEADER, "E1,2025-01-13,Y,40.0,1.0,2,0,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4.00");
            assertThat(items.items()).containsExactly(ITEMS_40_BYTES);
            assertThat(items.scores()[0]).isEqualTo(40);
        }

        /** DATA.md and MONITORING.md, reading 4: the edge spellings of the integer rule. */
        @ParameterizedTest
        @CsvSource({"12,12", "12.0,12", "12.00,12", "012.000,12", "0,0", "-0,0", "-0.0,0", "-00.000,0"})
        void integerScoreSpellingsHaveTheirValue(String cell, double value) throws Exception {
            double score = accept("E1,2025-01-13,1,Y,," + cell + ",,,").scores()[1];

            assertThat(score).isEqualTo(value);
            // -0 and -0.0 are 0, not minus zero (which a CSV would print as -0.0).
            assertThat(Double.doubleToRawLongBits(score)).isEqualTo(Double.doubleToRawLongBits(value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0", "-0.0", "0.0", "-00"})
        void itemsWrittenAsMinusZeroOrWithZeroDecimalsAreZero(String cell) throws Exception {
            SessionRecord record = accept(ITEM_HEADER, "E1,2025-01-13,Y,40,1,2," + cell + ",3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4");

            assertThat(record.items()[2]).isZero();
            assertThat(record.scores()[0]).isEqualTo(40);
        }

        @Test
        void itemSumComparesValuesNotText() throws Exception {
            // pcl5 = 40.0 against items written 1.0, 2.00, …: the values are compared (reading 5).
            SessionRecord record = accept(ITEM_HEADER,
                    "E1,2025-01-13,Y,40.0,1.0,2.00,0,3,4,1,2,0.0,3,4,1,2,0,3,4,1,2,0,3,4.0");

            assertThat(record.items()).containsExactly(ITEMS_40_BYTES);
            assertThat(record.scores()[0]).isEqualTo(40);
        }

        @Test
        void surroundingSpacesAreTrimmed() throws Exception {
            SessionRecord record = accept(" E1 , 2025-01-13 , 3 , y ,  45 , 12 ,9,50 , 30 ");

            assertThat(record.episode()).isZero();
            assertThat(record.number()).isEqualTo(3);
            assertThat(record.scores()).containsExactly(45, 12, 9, 50, 30);
        }

        @ParameterizedTest
        @ValueSource(strings = {"N", "n", "no", "NO", "false", "False", "0"})
        void missedSessionWithoutScoresIsAccepted(String attended) throws Exception {
            SessionRecord record = accept("E1,2025-01-13,2," + attended + ",,,,,");

            assertThat(record.attended()).isFalse();
            assertThat(record.scores()).containsExactly(noScores());
        }

        @Test
        void missedSessionWithScoresWrittenAsNaIsAccepted() throws Exception {
            assertThat(accept("E1,2025-01-13,2,N,NA,N/A,,NULL,nan").attended()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Y", "yes", "TRUE", "1"})
        void attendedSpellingsAreAccepted(String attended) throws Exception {
            assertThat(accept("E1,2025-01-13,2," + attended + ",40,,,,").attended()).isTrue();
        }

        @Test
        void sessionsOnTheIntakeAndDischargeDaysAreAccepted() throws Exception {
            assertThat(accept("E1,2025-01-06,1,Y,50,,,,").day()).isEqualTo(TestCsv.day("2025-01-06"));
            assertThat(accept("E1,2025-03-31,9,Y,20,,,,").day()).isEqualTo(TestCsv.day("2025-03-31"));
        }

        @Test
        void openEpisodeTakesSessionsAtAnyLaterDate() throws Exception {
            assertThat(accept("E2,2031-12-31,200,Y,20,,,,").episode()).isEqualTo(1);
        }

        @Test
        void scoresAtBothEndsOfEveryRangeAreAccepted() throws Exception {
            assertThat(accept("E1,2025-01-13,1,Y,0,0,0,16,7").scores()).containsExactly(0, 0, 0, 16, 7);
            assertThat(accept("E1,2025-01-13,1,Y,80,27,21,80,49").scores()).containsExactly(80, 27, 21, 80, 49);
        }

        @Test
        void integerScoresMayCarryLeadingZeros() throws Exception {
            assertThat(accept("E1,2025-01-13,01,Y,007,00,0,016,07").scores()).containsExactly(7, 0, 0, 16, 7);
        }

        @Test
        void configuredInstrumentMayBeAbsentFromTheFile() throws Exception {
            SessionRecord record = accept("client_id,session_date,phq9", "E1,2025-01-13,12");

            assertThat(record.scores()).containsExactly(Double.NaN, 12, Double.NaN, Double.NaN, Double.NaN);
        }

        @Test
        void unknownColumnsAreIgnored() throws Exception {
            SessionRecord record = accept("client_id,room,session_date,bdi2,pcl5", "E1,R2,2025-01-13,seven,44");

            assertThat(record.scores()).containsExactly(44, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

        @Test
        void itemsWithBlankTotalGiveTheTotal() throws Exception {
            SessionRecord record = accept(ITEM_HEADER, "E1,2025-01-13,Y,," + ITEMS_40);

            assertThat(record.items()).containsExactly(ITEMS_40_BYTES);
            assertThat(record.scores()[0]).isEqualTo(40);
        }

        @Test
        void itemsWithTotalWrittenAsNaGiveTheTotal() throws Exception {
            assertThat(accept(ITEM_HEADER, "E1,2025-01-13,Y,NA," + ITEMS_40).scores()[0]).isEqualTo(40);
        }

        @Test
        void itemsWithTheMatchingTotalAreAccepted() throws Exception {
            SessionRecord record = accept(ITEM_HEADER, "E1,2025-01-13,Y,40," + ITEMS_40);

            assertThat(record.items()).containsExactly(ITEMS_40_BYTES);
            assertThat(record.scores()[0]).isEqualTo(40);
        }

        @Test
        void itemsWithoutATotalColumnGiveTheTotal() throws Exception {
            SessionRecord record = accept("client_id,session_date," + ITEMS,
                    "E1,2025-01-13,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4");

            assertThat(record.scores()[0]).isEqualTo(80);
        }

        @Test
        void rowWithoutAnyItemHasNoItems() throws Exception {
            SessionRecord record = accept(ITEM_HEADER, "E1,2025-01-13,Y,33" + NO_ITEMS);

            assertThat(record.items()).isNull();
            assertThat(record.scores()[0]).isEqualTo(33);
        }

        @Test
        void itemsWrittenAsNaAreNoItems() throws Exception {
            SessionRecord record = accept(ITEM_HEADER,
                    "E1,2025-01-13,Y,33,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA");

            assertThat(record.items()).isNull();
        }

        @Test
        void lineNumberIsThePhysicalLineWhereTheRecordStarts() throws Exception {
            List<RowResult<SessionRecord>> results = validateFile("client_id,session_date,note\n"
                    + "E1,2025-01-13,\"a\nb\nc\"\n\r\nE1,2025-01-20,x\n", BUNDLED);

            assertThat(results).extracting(r -> ((RowResult.Accepted<SessionRecord>) r).record().line())
                    .containsExactly(2L, 6L);
        }
    }

    @Nested
    class RejectReasons {

        @Test
        void identifierInAnUnknownColumnIsAPossibleIdentifier() throws Exception {
            assertThat(reject("client_id,session_date,pcl5,note", "E1,2025-01-13,40,rang 555.123.4567"))
                    .isEqualTo(at("note", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void identifierInAScoreColumnIsAPossibleIdentifier() throws Exception {
            assertThat(reject("E1,2025-01-13,1,Y,jane@example.com,,,,")).isEqualTo(at("pcl5", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void rowWithTheWrongNumberOfFieldsIsRejected() throws Exception {
            assertThat(reject("E1,2025-01-13,1,Y,40")).isEqualTo(at("", Reject.WRONG_NUMBER_OF_FIELDS));
            assertThat(reject("E1,2025-01-13,1,Y,40,,,,,")).isEqualTo(at("", Reject.WRONG_NUMBER_OF_FIELDS));
        }

        @Test
        void blankClientOrDateIsAMissingValue() throws Exception {
            assertThat(reject(",2025-01-13,1,Y,40,,,,")).isEqualTo(at("client_id", Reject.MISSING_VALUE));
            assertThat(reject("E1, ,1,Y,40,,,,")).isEqualTo(at("session_date", Reject.MISSING_VALUE));
        }

        @Test
        void clientIdBreakingTheIdRuleIsABadId() throws Exception {
            assertThat(reject("E 1,2025-01-13,1,Y,40,,,,")).isEqualTo(at("client_id", Reject.BAD_ID));
            assertThat(reject("_E1,2025-01-13,1,Y,40,,,,")).isEqualTo(at("client_id", Reject.BAD_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-02-30", "2025-2-3", "13/01/2025", "2025-01-13 10:00", "NA"})
        void sessionDateThatIsNotAnExistingIsoDateIsABadDate(String date) throws Exception {
            assertThat(reject("E1," + date + ",1,Y,40,,,,")).isEqualTo(at("session_date", Reject.BAD_DATE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"7.5", "1.5", "1.01", "1.", ".0", "1.0.0", "1e3", "one", "+1", "#1", "1-2",
                "12345678901234567890.5", "١", "１"})
        void sessionNumberThatIsNotAnIntegerIsRejected(String number) throws Exception {
            assertThat(reject("E1,2025-01-13," + number + ",Y,40,,,,"))
                    .isEqualTo(at("session_number", Reject.NOT_AN_INTEGER));
        }

        /** MONITORING.md, reading 3: session_number is digits only, unlike scores and items. */
        @ParameterizedTest
        @ValueSource(strings = {"3.0", "12.00", "1.000", "0.0", "00012345678901234567890.00", "-1", "-0", "-0.00",
                "-1.0", "-12345678901234567890"})
        void sessionNumberThatIsNotDigitsOnlyIsNotAnInteger(String number) throws Exception {
            assertThat(reject("E1,2025-01-13," + number + ",Y,40,,,,"))
                    .isEqualTo(at("session_number", Reject.NOT_AN_INTEGER));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "000", "0000000000000000000000"})
        void sessionNumberBelowOneIsOutOfRange(String number) throws Exception {
            assertThat(reject("E1,2025-01-13," + number + ",Y,40,,,,"))
                    .isEqualTo(at("session_number", Reject.OUT_OF_RANGE));
        }

        @Test
        void sessionNumberLongerThanTheStagingFormHoldsIsOutOfRange() throws Exception {
            assertThat(reject("E1,2025-01-13,1" + "0".repeat(SessionSpill.MAX_NUMBER_DIGITS) + ",Y,40,,,,"))
                    .isEqualTo(at("session_number", Reject.OUT_OF_RANGE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "2", "attended", "x"})
        void attendedThatIsNotAFlagIsABadFlag(String attended) throws Exception {
            assertThat(reject("E1,2025-01-13,1," + attended + ",40,,,,")).isEqualTo(at("attended", Reject.BAD_FLAG));
        }

        @ParameterizedTest
        @ValueSource(strings = {"7.5", "12.5", "12.01", "12.", ".0", "+12", "1e1", "1e3", "seven", "+5", "1 2", "12,5",
                "0x10", "--3", "-", "½", "12.0.0", "-.0", "12.0e0", "١٢"})
        void integerScoreThatDoesNotMatchTheIntegerPatternIsNotAnInteger(String score) throws Exception {
            String cell = score.contains(",") ? "\"" + score + "\"" : score;
            assertThat(reject("E1,2025-01-13,1,Y,40,12," + cell + ",,"))
                    .isEqualTo(at("gad7", Reject.NOT_AN_INTEGER));
        }

        @ParameterizedTest
        @CsvSource({"pcl5,'81,,,,'", "pcl5,'-1,,,,'", "phq9,',28,,,'", "gad7,',,22,,'", "ders16,',,,15,'",
                "ders16,',,,81,'", "aaq2,',,,,6'", "aaq2,',,,,50'", "pcl5,'99999999999999999999,,,,'"})
        void scoreOutsideTheInstrumentRangeIsOutOfRange(String column, String scores) throws Exception {
            assertThat(reject("E1,2025-01-13,1,Y," + scores)).isEqualTo(at(column, Reject.OUT_OF_RANGE));
        }

        @Test
        void itemThatIsNotAnIntegerIsRejectedNamingTheItem() throws Exception {
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,,1,2,2.5,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4"))
                    .isEqualTo(at("pcl5_3", Reject.NOT_AN_INTEGER));
        }

        @ParameterizedTest
        @CsvSource({"5", "-1", "40", "99999"})
        void itemOutsideZeroToFourIsOutOfRange(String item) throws Exception {
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3," + item))
                    .isEqualTo(at("pcl5_20", Reject.OUT_OF_RANGE));
        }

        @Test
        void itemWithLeadingZerosIsReadByItsValue() throws Exception {
            SessionRecord record = accept(ITEM_HEADER, "E1,2025-01-13,Y,40,01,2,0,3,0004,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4");

            assertThat(record.items()).containsExactly(ITEMS_40_BYTES);
        }

        @Test
        void itemWithFiveOrMoreCharactersButAValueInRangeIsAccepted() throws Exception {
            SessionRecord record = accept(ITEM_HEADER,
                    "E1,2025-01-13,Y,40,00001,2,-0000,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4");

            assertThat(record.items()).containsExactly(ITEMS_40_BYTES);
        }

        @Test
        void rowWithSomeButNotAllItemsIsIncompleteNamingTheFirstMissingItem() throws Exception {
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,,1,2,0,3,4,1,,0,3,4,1,2,0,NA,4,1,2,0,3,4"))
                    .isEqualTo(at("pcl5_7", Reject.INCOMPLETE_ITEMS));
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,40,1,,,,,,,,,,,,,,,,,,,"))
                    .isEqualTo(at("pcl5_2", Reject.INCOMPLETE_ITEMS));
        }

        @Test
        void totalThatDiffersFromTheItemSumIsAMismatch() throws Exception {
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,39," + ITEMS_40))
                    .isEqualTo(at("pcl5", Reject.ITEM_SUM_MISMATCH));
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,0," + ITEMS_40))
                    .isEqualTo(at("pcl5", Reject.ITEM_SUM_MISMATCH));
        }

        @Test
        void clientWithoutAnAcceptedIntakeRowIsUnknown() throws Exception {
            assertThat(reject("E9,2025-01-13,1,Y,40,,,,")).isEqualTo(at("client_id", Reject.UNKNOWN_CLIENT));
        }

        @Test
        void clientIdsAreComparedCaseSensitively() throws Exception {
            assertThat(reject("e1,2025-01-13,1,Y,40,,,,")).isEqualTo(at("client_id", Reject.UNKNOWN_CLIENT));
        }

        @Test
        void sessionBeforeIntakeIsRejected() throws Exception {
            assertThat(reject("E1,2025-01-05,1,Y,40,,,,")).isEqualTo(at("session_date", Reject.SESSION_BEFORE_INTAKE));
            assertThat(reject("E2,2025-01-31,1,Y,40,,,,")).isEqualTo(at("session_date", Reject.SESSION_BEFORE_INTAKE));
        }

        @Test
        void sessionAfterDischargeIsRejected() throws Exception {
            assertThat(reject("E1,2025-04-01,9,Y,20,,,,")).isEqualTo(at("session_date", Reject.SESSION_AFTER_DISCHARGE));
        }

        @Test
        void missedSessionWithAScoreIsRejected() throws Exception {
            assertThat(reject("E1,2025-01-13,2,N,40,,,,")).isEqualTo(at("attended", Reject.SCORES_ON_MISSED_SESSION));
            assertThat(reject("E1,2025-01-13,2,no,,,,,30")).isEqualTo(at("attended", Reject.SCORES_ON_MISSED_SESSION));
        }

        @Test
        void missedSessionWithItemsIsRejected() throws Exception {
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,N,," + ITEMS_40))
                    .isEqualTo(at("attended", Reject.SCORES_ON_MISSED_SESSION));
            assertThat(reject("client_id,session_date,attended," + ITEMS,
                    "E1,2025-01-13,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"))
                    .isEqualTo(at("attended", Reject.SCORES_ON_MISSED_SESSION));
        }

        @Test
        void rejectRecordNeverHoldsTheCellValue() throws Exception {
            Reject reject = reject("client_id,session_date,note", "E1,2025-01-13,SSN 123-45-6789");

            assertThat(reject).isEqualTo(at("note", Reject.POSSIBLE_IDENTIFIER));
            assertThat(reject.toString()).doesNotContain("123-45");
        }
    }

    /** An instrument that allows decimals and where a higher score is better, from an instrument file. */
    @Nested
    class DecimalInstrument {

        private List<Instrument> instruments;
        private static final String DAS_HEADER = "client_id,session_date,attended,pcl5,das";

        @BeforeEach
        void loadInstruments() throws Exception {
            Path file = TestCsv.write(folder, "instruments.csv", """
                    key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,rc_reliability
                    pcl5,PCL-5,0,80,false,true,33,10,,
                    das,Dyadic Adjustment Scale,0,151,true,false,105.2,,11.83,0.84
                    """);
            instruments = InstrumentCatalog.load(file).instruments();
        }

        private Reject rejectDas(String row) throws Exception {
            RowResult<SessionRecord> result = validateOne(DAS_HEADER, row, instruments);
            assertThat(result).isInstanceOf(RowResult.Rejected.class);
            return ((RowResult.Rejected<SessionRecord>) result).reject();
        }

        @Test
        void higherIsBetterInstrumentIsLoaded() {
            assertThat(instruments).extracting(Instrument::key).containsExactly("pcl5", "das");
            assertThat(instruments.get(1).higherIsBetter()).isTrue();
            assertThat(instruments.get(1).integer()).isFalse();
        }

        @ParameterizedTest
        @CsvSource({"97.5,97.5", "97,97", "0,0", "151,151", "0.25,0.25", "151.0,151", "007.50,7.5"})
        void decimalScoreIsAccepted(String cell, double expected) throws Exception {
            SessionRecord record = accept(DAS_HEADER, "E1,2025-01-13,Y,40," + cell, instruments);

            assertThat(record.scores()).containsExactly(40, expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0", "-0.0", "-0.000"})
        void decimalMinusZeroIsZero(String cell) throws Exception {
            double score = accept(DAS_HEADER, "E1,2025-01-13,Y,40," + cell, instruments).scores()[1];

            assertThat(Double.doubleToRawLongBits(score)).isEqualTo(Double.doubleToRawLongBits(0.0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"97.", ".5", "1e2", "abc", "9 7", "97.5.1", "+97", "-.5", "1.-5", "97,5", "0x1p3", "12d",
                "Infinity"})
        void valueThatIsNotADecimalIsNotANumber(String cell) throws Exception {
            String quoted = cell.contains(",") ? "\"" + cell + "\"" : cell;
            assertThat(rejectDas("E1,2025-01-13,Y,40," + quoted)).isEqualTo(at("das", Reject.NOT_A_NUMBER));
        }

        @ParameterizedTest
        @ValueSource(strings = {"151.5", "-0.5", "152", "-1"})
        void decimalOutsideTheRangeIsOutOfRange(String cell) throws Exception {
            assertThat(rejectDas("E1,2025-01-13,Y,40," + cell)).isEqualTo(at("das", Reject.OUT_OF_RANGE));
        }

        @Test
        void integerInstrumentStillRejectsDecimals() throws Exception {
            assertThat(rejectDas("E1,2025-01-13,Y,40.5,97.5")).isEqualTo(at("pcl5", Reject.NOT_AN_INTEGER));
        }

        @Test
        void missedSessionWithADecimalScoreIsRejected() throws Exception {
            assertThat(rejectDas("E1,2025-01-13,N,,97.5")).isEqualTo(at("attended", Reject.SCORES_ON_MISSED_SESSION));
        }
    }

    /** DATA.md, "Rejects": a row breaking several rules gets the first one. */
    @Nested
    class RuleOrder {

        @Test
        void identifierBeatsWrongNumberOfFields() throws Exception {
            assertThat(reject("E1,2025-01-13,1,Y,40,(555) 123-4567")).isEqualTo(at("phq9", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void identifierInAFieldBeyondTheHeaderIsNamedByPosition() throws Exception {
            assertThat(reject("client_id,session_date", "E1,2025-01-13,jane@example.com"))
                    .isEqualTo(at("field 3", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void identifierBeatsEveryOtherRule() throws Exception {
            assertThat(reject("_E1,2025-02-30,0,maybe,seven,99,,,123-45-6789"))
                    .isEqualTo(at("aaq2", Reject.POSSIBLE_IDENTIFIER));
        }

        @Test
        void columnRulesFollowTheTableOrder() throws Exception {
            assertThat(reject("_E1,2025-02-30,x,maybe,seven,,,,")).isEqualTo(at("client_id", Reject.BAD_ID));
            assertThat(reject("E1,2025-02-30,x,maybe,seven,,,,")).isEqualTo(at("session_date", Reject.BAD_DATE));
            assertThat(reject("E1,2025-01-13,x,maybe,seven,,,,")).isEqualTo(at("session_number", Reject.NOT_AN_INTEGER));
            assertThat(reject("E1,2025-01-13,1,maybe,seven,,,,")).isEqualTo(at("attended", Reject.BAD_FLAG));
            assertThat(reject("E1,2025-01-13,1,Y,seven,,,,")).isEqualTo(at("pcl5", Reject.NOT_AN_INTEGER));
        }

        @Test
        void tableOrderHoldsWhateverTheFileColumnOrder() throws Exception {
            String header = "pcl5,attended,session_number,session_date,client_id";

            assertThat(reject(header, "seven,maybe,x,2025-02-30,_E1")).isEqualTo(at("client_id", Reject.BAD_ID));
            assertThat(reject(header, "seven,maybe,x,2025-02-30,E1")).isEqualTo(at("session_date", Reject.BAD_DATE));
            assertThat(reject(header, "seven,maybe,x,2025-01-13,E1"))
                    .isEqualTo(at("session_number", Reject.NOT_AN_INTEGER));
            assertThat(reject(header, "seven,maybe,1,2025-01-13,E1")).isEqualTo(at("attended", Reject.BAD_FLAG));
        }

        @Test
        void scoreColumnsComeBeforeItemColumns() throws Exception {
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,seven,x,2,0,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4"))
                    .isEqualTo(at("pcl5", Reject.NOT_AN_INTEGER));
        }

        @Test
        void typeRulesBeatRangeRules() throws Exception {
            assertThat(reject("E1,2025-01-13,0,Y,seven,,,,")).isEqualTo(at("pcl5", Reject.NOT_AN_INTEGER));
            assertThat(reject("E1,2025-01-13,1,Y,81,,,,x")).isEqualTo(at("aaq2", Reject.NOT_AN_INTEGER));
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,81,9,2,0,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,two"))
                    .isEqualTo(at("pcl5_20", Reject.NOT_AN_INTEGER));
        }

        @Test
        void outOfRangeBeatsIncompleteItemsWhichBeatsASumMismatch() throws Exception {
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,81,1,2,,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4"))
                    .isEqualTo(at("pcl5", Reject.OUT_OF_RANGE));
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,10,1,2,,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,9"))
                    .isEqualTo(at("pcl5_20", Reject.OUT_OF_RANGE));
            assertThat(reject(ITEM_HEADER, "E1,2025-01-13,Y,10,1,2,,3,4,1,2,0,3,4,1,2,0,3,4,1,2,0,3,4"))
                    .isEqualTo(at("pcl5_3", Reject.INCOMPLETE_ITEMS));
        }

        @Test
        void sessionNumberOutOfRangeBeatsScoreOutOfRange() throws Exception {
            assertThat(reject("E1,2025-01-13,0,Y,81,,,,")).isEqualTo(at("session_number", Reject.OUT_OF_RANGE));
        }

        @Test
        void rowRulesBeatEpisodeRules() throws Exception {
            assertThat(reject("E9,2025-01-13,1,Y,81,,,,")).isEqualTo(at("pcl5", Reject.OUT_OF_RANGE));
            assertThat(reject("E1,2024-01-13,0,Y,40,,,,")).isEqualTo(at("session_number", Reject.OUT_OF_RANGE));
            assertThat(reject(ITEM_HEADER, "E9,2025-01-13,Y,39," + ITEMS_40))
                    .isEqualTo(at("pcl5", Reject.ITEM_SUM_MISMATCH));
        }

        @Test
        void episodeRulesApplyInTheirOrder() throws Exception {
            assertThat(reject("E1,2025-01-05,1,N,40,,,,")).isEqualTo(at("session_date", Reject.SESSION_BEFORE_INTAKE));
            assertThat(reject("E1,2025-04-01,1,N,40,,,,")).isEqualTo(at("session_date", Reject.SESSION_AFTER_DISCHARGE));
        }
    }
}
