package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void missingStagingFileReadsAsNoRecords() throws Exception {
        assertThat(SessionSpill.readAll(folder.resolve("none.bin"), 5)).isEmpty();
    }
}
