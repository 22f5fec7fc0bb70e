package org.clinicaloutcomes.metrics.significance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clinicaloutcomes.SharedFiles;

/**
 * The clinicalsignificance package's data sets in {@code external/} of the shared folder, read
 * as long data ({@link CompletePairs.Row}). A test is skipped only when the file is absent.
 */
final class PublishedData {

    private PublishedData() {
    }

    /** claus_2020: id, treatment (group), time (occasion), and the named score column. */
    static List<CompletePairs.Row> claus(String scoreColumn) {
        return read("claus_2020.csv", "id", "time", scoreColumn, "treatment");
    }

    /** jacobson_1989: subject, time ("pre" / "post"), and the named score column; no group. */
    static List<CompletePairs.Row> jacobson(String scoreColumn) {
        return read("jacobson_1989.csv", "subject", "time", scoreColumn, null);
    }

    /** antidepressants: patient, condition (group), measurement (occasion), mom_di. */
    static List<CompletePairs.Row> antidepressants() {
        return read("antidepressants.csv", "patient", "measurement", "mom_di", "condition");
    }

    private static List<CompletePairs.Row> read(String file, String id, String occasion, String score,
            String group) {
        Path path = SharedFiles.ROOT.resolve("external").resolve(file);
        assumeTrue(Files.isRegularFile(path), path + " is not on this machine");
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            List<String> header = Arrays.asList(cells(lines.get(0)));
            int idAt = header.indexOf(id);
            int occasionAt = header.indexOf(occasion);
            int scoreAt = header.indexOf(score);
            int groupAt = group == null ? -1 : header.indexOf(group);
            if (idAt < 0 || occasionAt < 0 || scoreAt < 0 || (group != null && groupAt < 0)) {
                throw new IllegalStateException(file + ": a column is missing in " + header);
            }
            List<CompletePairs.Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = cells(line);
                String value = cells[scoreAt];
                Double scoreValue = value.equals("NA") || value.isEmpty() ? null : Double.valueOf(value);
                rows.add(new CompletePairs.Row(cells[idAt], cells[occasionAt], scoreValue,
                        groupAt < 0 ? null : cells[groupAt]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of a line of these files (no comma inside quotes). */
    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1);
            }
            cells[i] = cell;
        }
        return cells;
    }
}
