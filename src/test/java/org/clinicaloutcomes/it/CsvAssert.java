package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads output CSVs and compares them with expected ones, number by number. */
final class CsvAssert {

    private CsvAssert() {
    }

    static List<Map<String, String>> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }

    static List<String> header(Path file) throws IOException {
        return List.of(Files.readAllLines(file, StandardCharsets.UTF_8).get(0).split(",", -1));
    }

    /**
     * Same rows in the same order; every expected column present with the same value: text
     * equal, numbers within {@code tolerance} relative (with the same absolute floor), empty
     * cells empty.
     */
    static void matches(Path actualFile, Path expectedFile, double tolerance) throws IOException {
        List<Map<String, String>> actual = read(actualFile);
        List<Map<String, String>> expected = read(expectedFile);
        assertThat(actual).as(actualFile.getFileName() + " rows").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            for (Map.Entry<String, String> cell : expected.get(i).entrySet()) {
                String column = cell.getKey();
                String want = cell.getValue();
                String got = actual.get(i).get(column);
                String where = actualFile.getFileName() + " row " + (i + 2) + " column " + column;
                if (got == null) {
                    fail(where + " is missing");
                }
                if (want.isEmpty() || got.isEmpty()) {
                    assertThat(got).as(where).isEqualTo(want);
                    continue;
                }
                Double wantNumber = number(want);
                Double gotNumber = number(got);
                if (wantNumber == null || gotNumber == null) {
                    assertThat(got).as(where).isEqualTo(want);
                } else {
                    double allowed = tolerance * Math.max(1.0, Math.abs(wantNumber));
                    assertThat(gotNumber).as(where + " (expected " + want + ")")
                            .isBetween(wantNumber - allowed, wantNumber + allowed);
                }
            }
        }
    }

    private static Double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
