package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.metrics.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATA.md, "sessions.csv", duplicates: exact duplicates are counted and dropped, conflicting ones rejected. */
class SessionDeduplicatorTest {

    private static final List<Instrument> INSTRUMENTS = InstrumentCatalog.bundled().instruments();

    @TempDir
    Path folder;

    private EpisodeRegistry episodes;

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

    /**
     * Deduplicates in memory, and checks that {@link StagedPartition} gives the same result on the
     * sessions staged in their binary form.
     */
    private SessionDeduplicator.Result deduplicate(List<SessionRecord> sessions) throws Exception {
        SessionDeduplicator.Result result = SessionDeduplicator.deduplicate(new ArrayList<>(sessions), "sessions.csv");
        Path staged = folder.resolve("staged.bin");
        Path output = folder.resolve("deduplicated.bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(staged)))) {
            for (SessionRecord session : sessions) {
                SessionSpill.write(out, session);
            }
        }
        StagedPartition.Summary summary = StagedPartition.deduplicate(staged, output, "sessions.csv");
        assertThat(SessionSpill.readAll(output, INSTRUMENTS.size())).isEqualTo(result.accepted());
        assertThat(summary.accepted()).isEqualTo(result.accepted().size());
        assertThat(summary.duplicates()).isEqualTo(result.duplicates());
        assertThat(summary.rejects()).isEqualTo(result.rejects());
        return result;
    }

    private static Reject conflicting(long line) {
        return new Reject("sessions.csv", line, "", Reject.CONFLICTING_DUPLICATE);
    }

    @Test
    void distinctSessionsAllStand() throws Exception {
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("client_id,session_date,session_number,attended,pcl5\n"
                + "E1,2025-01-13,1,Y,50\n"
                + "  E1 ,2025-01-13 ,  1,Y  , 50 \n"
                + "\"E1\",\" 2025-01-13\",1,\"Y\",50\n"));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.rejects()).isEmpty();
    }

    @Test
    void sameKeyWithADifferentScoreIsAConflictingDuplicate() throws Exception {
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
    void blankSessionNumberIsAKeyValueToo() throws Exception {
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("""
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

        SessionDeduplicator.Result result = deduplicate(sessions);

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

        SessionDeduplicator.Result result = deduplicate(passed);

        assertThat(rejects).extracting(Reject::line, Reject::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, Reject.OUT_OF_RANGE),
                org.assertj.core.groups.Tuple.tuple(3L, Reject.SCORES_ON_MISSED_SESSION));
        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(4L);
        assertThat(result.rejects()).containsExactly(conflicting(5));
    }

    @Test
    void sessionNumbersAreComparedByValue() throws Exception {
        SessionDeduplicator.Result result = deduplicate(accepted("""
                client_id,session_date,session_number,pcl5
                E1,2025-01-13,1,50
                E1,2025-01-13,0001,50
                E1,2025-01-13,1.0,51
                E1,2025-01-20,007,45
                E1,2025-01-20,7,45
                """));

        // 0001 and 1.0 are the number 1, 007 is 7: same key, different text, so conflicting duplicates.
        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L, 5L);
        assertThat(result.rejects()).containsExactly(conflicting(3), conflicting(4), conflicting(6));
        assertThat(result.duplicates()).isZero();
    }

    @Test
    void twoDifferentTwentyDigitNumbersOnOneDateAreNotDuplicatesAndAreOrderedByValue() throws Exception {
        // Both beyond a long, and equal as doubles (they differ by 1 in the last digit).
        SessionDeduplicator.Result result = deduplicate(accepted("""
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
        SessionDeduplicator.Result result = deduplicate(accepted("client_id,session_date,session_number,pcl5\n"
                + "E1,2025-01-13," + forty + ",50\n"
                + "E1,2025-01-13,000" + forty + ",50\n"
                + "E1,2025-01-13," + forty + ".00,51\n"
                + "E1,2025-01-13," + forty + ",50\n"
                + "E1,2025-01-13," + forty.replace('0', '9') + ",50\n"
                + "E2,2025-01-13," + forty + ",50\n"));

        assertThat(result.accepted()).extracting(SessionRecord::line).containsExactly(2L, 6L, 7L);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejects()).containsExactly(conflicting(3), conflicting(4));
    }

    @Test
    void noSessionsGiveAnEmptyResult() throws Exception {
        SessionDeduplicator.Result result = deduplicate(List.of());

        assertThat(result.accepted()).isEmpty();
        assertThat(result.duplicates()).isZero();
        assertThat(result.rejects()).isEmpty();
    }
}
