package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staging form of sessions between steps keeps every value of an accepted row. */
class SessionSpillTest {

    @TempDir
    Path folder;

    @Test
    void recordsSurviveTheRoundTrip() throws Exception {
        List<SessionRecord> records = List.of(
                new SessionRecord(0, TestCsv.day("2025-01-13"), 1, true, new double[] {40, 12, Double.NaN, 50, 30},
                        new byte[] {1, 2, 0, 3, 4, 1, 2, 0, 3, 4, 1, 2, 0, 3, 4, 1, 2, 0, 3, 4}, 2, 11L, -12L),
                new SessionRecord(3, TestCsv.day("2025-01-20"), SessionRecord.NO_NUMBER, false,
                        new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}, null, 7, 0L, 0L),
                new SessionRecord(1, TestCsv.day("2024-12-31"), 999, true, new double[] {80, 27, 21, 80, 97.25}, null,
                        5_000_000_000L, Long.MIN_VALUE, Long.MAX_VALUE));
        Path file = folder.resolve("sessions.bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (SessionRecord record : records) {
                SessionSpill.write(out, record);
            }
        }

        assertThat(SessionSpill.readAll(file, 5)).isEqualTo(records);
    }

    @Test
    void sessionNumbersBeyondALongSurviveTheRoundTrip() throws Exception {
        String huge = "9".repeat(SessionSpill.MAX_NUMBER_DIGITS);
        List<SessionRecord> records = List.of(
                big(0, "12345678901234567890", 2),
                new SessionRecord(0, 20_000, 7, true, scores(), null, 3, 1L, 2L),
                big(1, "1234567890123456789012345678901234567890", 4),
                new SessionRecord(1, 20_000, 999_999_999_999_999_999L, false, scores(), null, 5, 1L, 2L),
                big(2, huge, 6),
                big(2, huge.substring(1), 7),
                new SessionRecord(3, 20_000, SessionRecord.NO_NUMBER, true, scores(),
                        new byte[] {1, 2, 0, 3, 4, 1, 2, 0, 3, 4, 1, 2, 0, 3, 4, 1, 2, 0, 3, 4}, 8, 1L, 2L));
        Path file = folder.resolve("sessions.bin");
        // As the staging writer encodes them: one buffer of the largest record's size, reused.
        byte[] buffer = new byte[SessionSpill.MAX_RECORD_BYTES];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (SessionRecord record : records) {
                int end = SessionSpill.encode(record, buffer, 0);
                assertThat(end).isEqualTo(SessionSpill.encodedSize(record));
                out.write(buffer, 0, end);
            }
        }

        assertThat(SessionSpill.readAll(file, 5)).isEqualTo(records);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (SessionRecord record : records) {
                assertThat(SessionSpill.read(in, 5)).isEqualTo(record);
            }
            assertThat(SessionSpill.read(in, 5)).isNull();
        }
    }

    @Test
    void aRecordCutShortInItsDigitsIsAnError() throws Exception {
        SessionRecord record = big(0, "12345678901234567890", 2);
        byte[] bytes = new byte[SessionSpill.encodedSize(record)];
        SessionSpill.encode(record, bytes, 0);
        Path file = Files.write(folder.resolve("sessions.bin"), Arrays.copyOf(bytes, bytes.length - 1));

        assertThatThrownBy(() -> SessionSpill.readAll(file, 5)).isInstanceOf(EOFException.class);
    }

    private static SessionRecord big(int episode, String digits, long line) {
        return new SessionRecord(episode, 20_000, SessionRecord.BIG_NUMBER, digits, true,
                new double[] {40, Double.NaN, Double.NaN, Double.NaN, 30}, null, line, line * 3, -line);
    }

    private static double[] scores() {
        return new double[] {Double.NaN, 12, Double.NaN, Double.NaN, Double.NaN};
    }

    @Test
    void missingStagingFileReadsAsNoRecords() throws Exception {
        assertThat(SessionSpill.readAll(folder.resolve("none.bin"), 5)).isEmpty();
    }
}
