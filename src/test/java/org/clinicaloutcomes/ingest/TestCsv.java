package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes hand-made CSV text to files and reads it back the way the job does; builds hand-made episodes. */
final class TestCsv {

    static final String INTAKE_HEADER = "client_id,intake_date,approach,clinician_id,age_band,gender,state,"
            + "index_event,chronic_illness,prior_trauma,childhood_medical,marginalized,discharge_date,discharge_reason";

    private TestCsv() {
    }

    static Path write(Path folder, String name, String text) {
        try {
            return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeBytes(Path folder, String name, byte[] bytes) {
        try {
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record after the header, as {@link CsvRecordSource} returns them. */
    static List<RawRow> rows(Path file) {
        try (CsvRecordSource source = new CsvRecordSource(file)) {
            List<RawRow> rows = new ArrayList<>();
            for (RawRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int day(String isoDate) {
        return (int) LocalDate.parse(isoDate).toEpochDay();
    }

    /** An open DBT episode of clinician C1 with nothing else known, accepted from {@code line}. */
    static IntakeRecord episode(String clientId, String intake, long line) {
        return new IntakeRecord(clientId, day(intake), "DBT", "C1", null, null, null, null, null, null, null,
                null, IntakeRecord.OPEN, null, line);
    }
}
