package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.TableSchema;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.ingest.Reject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codebook ({@code codebook.csv}) lists exactly the columns every writer writes, file by file
 * and in order: the columns of the table schemas ({@link TableSchemas}), and the headers read
 * back from files actually written.
 */
class CodebookTest {

    @TempDir
    Path folder;

    @Test
    void theCodebookListsExactlyTheColumnsOfEveryWrittenFile() throws IOException {
        List<Codebook.Entry> codebook = Codebook.load();

        Path csv = folder.resolve("csv");
        OutcomeCsvFiles.write(csv, CohortFixture.analyse(true), true);
        List<String> files = new ArrayList<>();
        for (String file : OutcomeCsvFiles.files(true)) {
            String name = Codebook.CSV_FOLDER + file;
            files.add(name);
            // The monthly job computes no clinical significance: no category_<method> column.
            assertThat(columns(codebook, name).stream().filter(c -> !c.startsWith(TableSchemas.CATEGORY_PREFIX)))
                    .as(name).containsExactlyElementsOf(header(csv.resolve(file)));
        }
        // The research-only file, in its place in the writing order.
        for (TableSchema<?> table : TableSchemas.RESEARCH_ONLY) {
            files.add(TableSchemas.CSV_FILES.stream().filter(t -> !TableSchemas.RESEARCH_ONLY.contains(t))
                    .map(t -> Codebook.CSV_FOLDER + t.file()).toList()
                    .indexOf(Codebook.CSV_FOLDER + TableSchemas.CSV_FILES.get(TableSchemas.CSV_FILES.indexOf(table) + 1).file()),
                    Codebook.CSV_FOLDER + table.file());
        }

        Path rejects = folder.resolve("rejects.csv");
        RejectsCsv.write(rejects, List.of(new Reject("intake.csv", 2, "client_id", Reject.MISSING_VALUE)).iterator());
        files.add("rejects.csv");
        assertThat(columns(codebook, "rejects.csv")).containsExactlyElementsOf(header(rejects));

        // No other file, and the files in writing order.
        Set<String> inCodebook = new LinkedHashSet<>();
        codebook.forEach(entry -> inCodebook.add(entry.file()));
        assertThat(inCodebook).containsExactlyElementsOf(files);
    }

    @Test
    void theCodebookListsExactlyTheColumnsOfEveryTableSchema() {
        List<Codebook.Entry> codebook = Codebook.load();
        List<String> files = new ArrayList<>();
        for (TableSchema<?> listed : TableSchemas.CSV_FILES) {
            // Every method's category column, which research runs add.
            TableSchema<?> table = listed == TableSchemas.EPISODE_OUTCOMES
                    ? TableSchemas.episodeOutcomes(false, List.of(SignificanceMethod.values())) : listed;
            String name = Codebook.CSV_FOLDER + table.file();
            files.add(name);
            assertThat(columns(codebook, name)).as(name).containsExactlyElementsOf(table.columnNames());
        }
        // No other metric file, and the files in the schemas' writing order.
        Set<String> metricFiles = new LinkedHashSet<>();
        codebook.stream().map(Codebook.Entry::file).filter(file -> file.startsWith(Codebook.CSV_FOLDER))
                .forEach(metricFiles::add);
        assertThat(metricFiles).containsExactlyElementsOf(files);
    }

    @Test
    void everyColumnHasAMeaningOnce() {
        List<Codebook.Entry> codebook = Codebook.load();
        Set<String> seen = new HashSet<>();
        for (Codebook.Entry entry : codebook) {
            assertThat(entry.meaning()).as(entry.file() + " " + entry.column()).isNotBlank();
            assertThat(seen.add(entry.file() + "\u0000" + entry.column())).as(entry.file() + " " + entry.column() + " twice")
                    .isTrue();
        }
        // Each file's entries are contiguous.
        List<String> order = new ArrayList<>();
        codebook.forEach(entry -> {
            if (order.isEmpty() || !order.get(order.size() - 1).equals(entry.file())) {
                order.add(entry.file());
            }
        });
        assertThat(order).doesNotHaveDuplicates();
        assertThat(Collections.frequency(order, "csv/outcomes_by_approach.csv")).isEqualTo(1);
    }

    @Test
    void theResourceIsPlainUtf8WithLfLineEnds() throws IOException {
        try (var in = Codebook.class.getClassLoader().getResourceAsStream(Codebook.RESOURCE)) {
            assertThat(in).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith(Codebook.HEADER + "\n").doesNotContain("\r").doesNotStartWith("\uFEFF");
        }
    }

    private static List<String> columns(List<Codebook.Entry> codebook, String file) {
        return Codebook.of(codebook, file).stream().map(Codebook.Entry::column).toList();
    }

    private static List<String> header(Path file) throws IOException {
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        return List.of(first.split(",", -1));
    }
}
