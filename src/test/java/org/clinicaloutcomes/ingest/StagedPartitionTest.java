package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.metrics.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DATA.md, "sessions.csv", duplicates, as the duplicates step settles them on a staged partition:
 * exact duplicates are counted and dropped, conflicting ones rejected, the earlier row stands,
 * and the survivors come out in the order METRICS.md scores them. Every case is also checked
 * against {@link SessionDeduplicator}, the rule on records in memory.
 */
class StagedPartitionTest {

    private static final List<Instrument> INSTRUMENTS = InstrumentCatalog.bundled().instruments();

    @TempDir
    Path folder;

    private EpisodeRegistry episodes;

    /** What the partition's output file holds, with the summary of the run. */
    private record Result(List<SessionRecord> accepted, long duplicates, List<Reject> rejects,
                          StagedPartition.Summary summary) {
    }

    @BeforeEach
    void acceptEpisodes() {
        episodes = new EpisodeRegistry();
        episodes.accept(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "DBT", "C1", null, null, null, null, null,
                null, null, null, IntakeRecord.OPEN, null, 2));
        episodes.accept(new IntakeRecord("E2", TestCsv.day("2025-01-06"), "CPT", "C2", null, null, null, null, null,
                null, null, null, IntakeRecord.OPEN, null, 3));
    }

    /** Validates every row of a sessions file; asserts that each one passes the row rules. */
    private List<SessionRecord> accepted(String text) throws Exception {
        Path file = TestCsv.write(folder, "sessions.csv", text);
        SessionRowValidator validator = new SessionRowValidator(InputFiles.sessionsLayout(file, INSTRUMENTS),
                INSTRUMENTS, episodes);
        List<SessionRecord> records = new ArrayList<>();
        for (RawRow row : TestCsv.rows(file)) {
            RowResult<SessionRecord> result = validator.validate(row);
            assertThat(result).isInstanceOf(RowResult.Accepted.class);
            records.add(((RowResult.Accepted<SessionRecord>) result).record());
        }
        return records;
    }

    /** Stages the sessions in file order, as the staging writer does. */
    private Path stage(List<SessionRecord> sessions) throws IOException {
        Path staged = folder.resolve("staged.bin");
        byte[] buffer = new byte[SessionSpill.MAX_RECORD_BYTES];
        try (OutputStream out = Files.newOutputStream(staged)) {
            for (SessionRecord session : sessions) {
                out.write(buffer, 0, SessionSpill.encode(session, buffer, 0));
            }
        }
        return staged;
    }

    /** Deduplicates the staged sessions, and checks that the rule on records in memory agrees. */
    private Result deduplicate(List<SessionRecord> sessions) throws Exception {
        Path output = folder.resolve("deduplicated.bin");
        StagedPartition.Summary summary = StagedPartition.deduplicate(stage(sessions), output, "sessions.csv");
        List<SessionRecord> written = SessionSpill.readAll(output, INSTRUMENTS.size());
        Result result = new Result(written, summary.duplicates(), summary.rejects(), summary);

        assertThat(summary.accepted()).isEqualTo(written.size());
        SessionDeduplicator.Result expected = SessionDeduplicator.deduplicate(new ArrayList<>(sessions), "sessions.csv");
        assertThat(result.accepted()).isEqualTo(expected.accepted());
        assertThat(result.duplicates()).isEqualTo(expected.duplicates());
        assertThat(result.rejects()).isEqualTo(expected.rejects());
        return result;
    }

    private static Reject conflicting(long line) {
        return new Reject("sessions.csv", line, "", Reject.CONFLICTING_DUPLICATE);
    }

    @Test
    void distinctSessionsAllStand() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-13,1,50
                E1,2025-01-20,2,45
                E1,2025-01-20,3,44
                E2,2025-01-13,1,50
                """));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(result.duplicates()).isZero();
        assertThat(result.rejects()).isEmpty();
    }

    @Test
    void exactDuplicateIsCountedAndDropped() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,attended,pcl5
                E1,2025-01-13,1,Y,50
                E1,2025-01-13,1,Y,50
                """));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejects()).isEmpty();
    }

    @Test
    void fieldsAreComparedAfterTrimming() throws Exception {
        Result result = deduplicate(accepted("client_id,session_date,session_number,attended,pcl5\n"
                + "E1,2025-01-13,1,Y,50\n"
                + "  E1 ,2025-01-13 ,  1,Y  , 50 \n"
                + "\"E1\",\" 2025-01-13\",1,\"Y\",50\n"));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.rejects()).isEmpty();
    }

    @Test
    void sameKeyWithADifferentScoreIsAConflictingDuplicate() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-13,1,50
                E1,2025-01-13,1,51
                """));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L);
        assertThat(result.accepted().get(0).scores()[0]).isEqualTo(50);
        assertThat(result.duplicates()).isZero();
        assertThat(result.rejects()).containsExactly(conflicting(3));
    }

    @Test
    void differenceInAnUnknownColumnMakesAConflictingDuplicate() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5,room
                E1,2025-01-13,1,50,A
                E1,2025-01-13,1,50,B
                E1,2025-01-13,1,50,A
                """));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejects()).containsExactly(conflicting(3));
    }

    @Test
    void spellingDifferencesThatParseTheSameAreStillConflicting() throws Exception {
        // Every field must equal after trimming: "Y" and "yes", "1" and "01", "" and "NA" differ.
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,attended,pcl5
                E1,2025-01-13,1,Y,50
                E1,2025-01-13,1,yes,50
                E1,2025-01-13,01,Y,50
                E1,2025-01-13,1,Y,050
                E1,2025-01-20,,,50
                E1,2025-01-20,NA,,50
                """));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L, 6L);
        assertThat(result.duplicates()).isZero();
        assertThat(result.rejects()).containsExactly(conflicting(3), conflicting(4), conflicting(5), conflicting(7));
    }

    @Test
    void scoreWrittenWithZeroDecimalsIsTheSameValueButAConflictingDuplicate() throws Exception {
        // MONITORING.md, reading 5: the exact-duplicate test compares the trimmed text, so 12 and
        // 12.0 differ there although both rows carry the value 12.
        List<SessionRecord> sessions = accepted("""
                client_id,session_date,session_number,attended,phq9
                E1,2025-01-13,1,Y,12
                E1,2025-01-13,1,Y,12.0
                E1,2025-01-13,1,Y, 12
                E1,2025-01-20,2,Y,12.00
                E1,2025-01-20,2,Y,12.00
                """);
        assertThat(sessions).extracting(s -> s.scores()[1]).containsOnly(12.0);

        Result result = deduplicate(sessions);

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L, 5L);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.rejects()).containsExactly(conflicting(3));
    }

    @Test
    void blankSessionNumberIsAKeyValueToo() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-13,,50
                E1,2025-01-13,1,50
                E1,2025-01-13,,50
                E1,2025-01-13,,49
                """));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L, 3L);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejects()).containsExactly(conflicting(5));
    }

    @Test
    void sameDateAndNumberInAnotherEpisodeIsNotADuplicate() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-13,1,50
                E2,2025-01-13,1,50
                """));

        assertThat(result.accepted()).hasSize(2);
        assertThat(result.duplicates()).isZero();
        assertThat(result.rejects()).isEmpty();
    }

    @Test
    void earlierRowInTheFileStandsEvenWhenTheFileIsNotInDateOrder() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-02-10,4,30
                E1,2025-01-13,1,50
                E1,2025-02-10,4,31
                E1,2025-01-20,2,45
                E1,2025-02-10,4,30
                E1,2025-01-13,1,52
                """));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(3L, 5L, 2L);
        assertThat(result.accepted()).extracting(r -> r.scores()[0]).containsExactly(50.0, 45.0, 30.0);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejects()).containsExactly(conflicting(4), conflicting(7));
    }

    @Test
    void survivorsAreOrderedByEpisodeDateNumberWithBlankFirstThenLine() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E2,2025-01-13,1,40
                E1,2025-01-20,3,41
                E1,2025-01-20,,42
                E1,2025-01-20,2,43
                E1,2025-01-13,10,44
                E1,2025-01-13,9,45
                """));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(7L, 6L, 4L, 5L, 3L, 2L);
        assertThat(result.accepted()).extracting(SessionRecord::episode).containsExactly(0, 0, 0, 0, 0, 1);
    }

    @Test
    void conflictingDuplicatesAreReportedInLineOrder() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-02-10,2,30
                E1,2025-01-13,1,50
                E1,2025-02-10,2,31
                E1,2025-01-13,1,51
                """));

        assertThat(result.rejects()).containsExactly(conflicting(4), conflicting(5));
    }

    @Test
    void readEqualsAcceptedPlusRejectedPlusDuplicates() throws Exception {
        List<SessionRecord> sessions = accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-13,1,50
                E1,2025-01-13,1,50
                E1,2025-01-13,1,51
                E1,2025-01-20,2,45
                E2,2025-01-20,2,45
                E2,2025-01-20,2,45
                E2,2025-01-20,,45
                """);

        Result result = deduplicate(sessions);

        assertThat(result.accepted().size() + result.rejects().size() + result.duplicates()).isEqualTo(sessions.size());
        assertThat(result.accepted()).hasSize(4);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.rejects()).hasSize(1);
    }

    @Test
    void rowRejectedByAnotherRuleDoesNotStandForItsKey() throws Exception {
        Path file = TestCsv.write(folder, "sessions.csv", """
                client_id,session_date,session_number,attended,pcl5
                E1,2025-01-13,1,Y,99
                E1,2025-01-13,1,N,50
                E1,2025-01-13,1,Y,50
                E1,2025-01-13,1,Y,51
                """);
        SessionRowValidator validator = new SessionRowValidator(InputFiles.sessionsLayout(file, INSTRUMENTS),
                INSTRUMENTS, episodes);
        List<SessionRecord> passed = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (RawRow row : TestCsv.rows(file)) {
            RowResult<SessionRecord> result = validator.validate(row);
            if (result instanceof RowResult.Accepted<SessionRecord> accepted) {
                passed.add(accepted.record());
            } else {
                rejects.add(((RowResult.Rejected<SessionRecord>) result).reject());
            }
        }

        Result result = deduplicate(passed);

        assertThat(rejects).extracting(Reject::line, Reject::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, Reject.OUT_OF_RANGE),
                org.assertj.core.groups.Tuple.tuple(3L, Reject.SCORES_ON_MISSED_SESSION));
        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(4L);
        assertThat(result.rejects()).containsExactly(conflicting(5));
    }

    @Test
    void sessionNumbersAreComparedByValue() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-13,1,50
                E1,2025-01-13,0001,50
                E1,2025-01-13,01,51
                E1,2025-01-20,007,45
                E1,2025-01-20,7,45
                """));

        // 0001 and 01 are the number 1, 007 is 7: same key, different text, so conflicting duplicates.
        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L, 5L);
        assertThat(result.rejects()).containsExactly(conflicting(3), conflicting(4), conflicting(6));
        assertThat(result.duplicates()).isZero();
    }

    @Test
    void twoDifferentTwentyDigitNumbersOnOneDateAreNotDuplicatesAndAreOrderedByValue() throws Exception {
        // Both beyond a long, and equal as doubles (they differ by 1 in the last digit).
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-13,12345678901234567891,50
                E1,2025-01-13,12345678901234567890,50
                E1,2025-01-13,999999999999999999,50
                E1,2025-01-13,99999999999999999999,50
                E1,2025-01-13,1000000000000000000,50
                E1,2025-01-13,,50
                E1,2025-01-13,2,50
                """));

        assertThat(result.duplicates()).isZero();
        assertThat(result.rejects()).isEmpty();
        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(7L, 8L, 4L, 6L, 3L, 2L, 5L);
    }

    @Test
    void longNumbersAreDuplicatesOnlyWhenTheirValuesAreEqual() throws Exception {
        String forty = "1234567890123456789012345678901234567890";
        Result result = deduplicate(accepted("client_id,session_date,session_number,pcl5\n"
                + "E1,2025-01-13," + forty + ",50\n"
                + "E1,2025-01-13,000" + forty + ",50\n"
                + "E1,2025-01-13,0" + forty + ",51\n"
                + "E1,2025-01-13," + forty + ",50\n"
                + "E1,2025-01-13," + forty.replace('0', '9') + ",50\n"
                + "E2,2025-01-13," + forty + ",50\n"));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L, 6L, 7L);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejects()).containsExactly(conflicting(3), conflicting(4));
    }

    @Test
    void noSessionsGiveAnEmptyResult() throws Exception {
        Result result = deduplicate(List.of());

        assertThat(result.accepted()).isEmpty();
        assertThat(result.duplicates()).isZero();
        assertThat(result.rejects()).isEmpty();
        assertThat(result.summary().minDay()).isEqualTo(Integer.MAX_VALUE);
        assertThat(result.summary().maxDay()).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void summaryHoldsTheEarliestAndLatestSessionDays() throws Exception {
        Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-20,1,50
                E2,2025-03-03,1,50
                E1,2025-01-13,1,50
                E1,2025-01-20,1,50
                """));

        assertThat(result.summary().minDay()).isEqualTo(TestCsv.day("2025-01-13"));
        assertThat(result.summary().maxDay()).isEqualTo(TestCsv.day("2025-03-03"));
    }

    @Test
    void missingStagedFileHoldsNoSessions() throws Exception {
        Path output = folder.resolve("deduplicated.bin");

        StagedPartition.Summary summary = StagedPartition.deduplicate(folder.resolve("none.bin"), output, "sessions.csv");

        assertThat(summary.accepted()).isZero();
        assertThat(summary.duplicates()).isZero();
        assertThat(summary.rejects()).isEmpty();
        assertThat(output).isEmptyFile();
    }

    @Test
    void stagedFileCutShortIsAnError() throws Exception {
        List<SessionRecord> sessions = accepted("client_id,session_date,session_number,pcl5\n"
                + "E1,2025-01-13,1,50\n"
                + "E1,2025-01-20,12345678901234567890,50\n");
        Path staged = stage(sessions);
        byte[] bytes = Files.readAllBytes(staged);
        Path output = folder.resolve("deduplicated.bin");

        // Cut inside the fixed fields of the second record, then inside its digits.
        for (int cut : new int[] {SessionSpill.encodedSize(sessions.get(0)) + 10, bytes.length - 1}) {
            Files.write(staged, Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> StagedPartition.deduplicate(staged, output, "sessions.csv"))
                    .isInstanceOf(IOException.class).hasMessageContaining("end inside a record");
        }
    }

    @Test
    void agreesWithTheRuleOnRecordsOnManyShuffledSessions() throws Exception {
        // Few distinct keys, so that many rows share one; numbers small, blank and beyond a long,
        // some of those of equal length, to reach every branch of the order.
        Random random = new Random(12);
        String[] numbers = {"", "1", "2", "10", "999999999999999999", "1000000000000000000",
                "12345678901234567890", "12345678901234567891", "99999999999999999999", "100000000000000000000"};
        StringBuilder csv = new StringBuilder("client_id,session_date,session_number,pcl5\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(random.nextBoolean() ? "E1" : "E2").append(",2025-01-1").append(random.nextInt(3))
                    .append(',').append(numbers[random.nextInt(numbers.length)])
                    .append(',').append(40 + random.nextInt(2)).append('\n');
        }
        List<SessionRecord> sessions = accepted(csv.toString());
        Collections.shuffle(sessions, random); // as if the partition held them in another order

        Result result = deduplicate(sessions);

        assertThat(result.accepted()).hasSize(2 * 3 * numbers.length);
        assertThat(result.accepted().size() + result.duplicates() + result.rejects().size())
                .isEqualTo(sessions.size());
        assertThat(result.duplicates()).isPositive();
        assertThat(result.rejects()).isNotEmpty();
    }
}
