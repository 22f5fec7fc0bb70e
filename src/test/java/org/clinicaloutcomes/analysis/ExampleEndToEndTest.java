package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicaloutcomes.SharedFiles;
import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.ingest.CsvRecordSource;
import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.ingest.InputFiles;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.IntakeRowValidator;
import org.clinicaloutcomes.ingest.RawRow;
import org.clinicaloutcomes.ingest.RowResult;
import org.clinicaloutcomes.ingest.SessionDeduplicator;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.ingest.SessionRowValidator;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.report.OutcomeCsvFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's worked example ({@code ../shared/spec/example}) end to end: the input files read
 * and checked by the ingest classes, every accepted episode given to {@link CohortAnalysis} in
 * index order, the CSVs written by {@link OutcomeCsvFiles}, and the written files compared cell by
 * cell with the expected ones (1e-9 relative, absolute floor 1e-9; empty cells exactly).
 */
class ExampleEndToEndTest {

    private static final Path EXAMPLE = SharedFiles.ROOT.resolve("spec").resolve("example");
    private static final double TOLERANCE = 1e-9;

    @TempDir
    static Path output;

    private static long intakeRead;
    private static long intakeAccepted;
    private static long sessionsRead;
    private static long sessionsAccepted;
    private static long duplicates;
    private static OutcomeTables tables;
    private static Path csv;

    @BeforeAll
    static void runTheExample() throws Exception {
        Path input = EXAMPLE.resolve("input");
        List<Instrument> instruments = InstrumentCatalog.bundled().instruments();
        ApproachCatalog approaches = ApproachCatalog.defaults();

        Path intakeFile = input.resolve("intake.csv");
        IntakeRowValidator intakeValidator = new IntakeRowValidator(InputFiles.intakeLayout(intakeFile), approaches);
        EpisodeRegistry registry = new EpisodeRegistry();
        try (CsvRecordSource source = new CsvRecordSource(intakeFile)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                intakeRead++;
                if (intakeValidator.validate(row) instanceof RowResult.Accepted<IntakeRecord> accepted
                        && registry.accept(accepted.record())) {
                    intakeAccepted++;
                }
            }
        }

        Path sessionsFile = input.resolve("sessions.csv");
        SessionRowValidator sessionValidator = new SessionRowValidator(
                InputFiles.sessionsLayout(sessionsFile, instruments), instruments, registry);
        List<SessionRecord> passed = new ArrayList<>();
        try (CsvRecordSource source = new CsvRecordSource(sessionsFile)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                sessionsRead++;
                if (sessionValidator.validate(row) instanceof RowResult.Accepted<SessionRecord> accepted) {
                    passed.add(accepted.record());
                }
            }
        }
        SessionDeduplicator.Result deduplicated = SessionDeduplicator.deduplicate(passed, "sessions.csv");
        List<SessionRecord> sessions = deduplicated.accepted(); // by episode, then score order
        sessionsAccepted = sessions.size();
        duplicates = deduplicated.duplicates();

        CohortAnalysis analysis = new CohortAnalysis(instruments, approaches.approaches(), "pcl5",
                ReportWindow.monthly(YearMonth.of(2026, 10), 12), true);
        int next = 0;
        for (int episode = 0; episode < registry.size(); episode++) {
            int start = next;
            while (next < sessions.size() && sessions.get(next).episode() == episode) {
                next++;
            }
            analysis.add(new EpisodeData(episode, registry.get(episode), sessions.subList(start, next)));
        }
        assertThat(next).isEqualTo(sessions.size());
        tables = analysis.finish();
        csv = output.resolve("csv");
        OutcomeCsvFiles.write(csv, tables, true);
    }

    @Test
    void countsMatchCountsJson() throws IOException {
        String counts = Files.readString(EXAMPLE.resolve("expected").resolve("counts.json"));
        assertThat(intakeRead).isEqualTo(number(counts, "intake", "read"));
        assertThat(intakeAccepted).isEqualTo(number(counts, "intake", "accepted"));
        assertThat(sessionsRead).isEqualTo(number(counts, "sessions", "read"));
        assertThat(sessionsAccepted).isEqualTo(number(counts, "sessions", "accepted"));
        assertThat(duplicates).isEqualTo(number(counts, "sessions", "duplicates"));
        assertThat((long) tables.closedInWindow()).isEqualTo(number(counts, null, "closed_in_window")).isEqualTo(38);
        assertThat((long) tables.pairedOutcomes()).isEqualTo(number(counts, null, "paired_outcomes")).isEqualTo(121);
        assertThat(tables.episodesAdded()).isEqualTo(intakeAccepted);
    }

    @Test
    void outcomesByApproach() throws IOException {
        // The example's expected file predates the two no-reliable-change columns REPORTS.md now
        // ends the file with: it is their prefix (OutcomeCsvFilesTest checks the exact list).
        compare(TableSchemas.OUTCOMES_BY_APPROACH.file(), false);
    }

    @Test
    void approachComparison() throws IOException {
        compare(TableSchemas.APPROACH_COMPARISON.file(), false);
    }

    @Test
    void trajectories() throws IOException {
        compare(TableSchemas.TRAJECTORIES.file(), false);
    }

    @Test
    void episodeOutcomesHaveOneRowPerPairedOutcome() throws IOException {
        List<String> lines = Files.readAllLines(csv.resolve(TableSchemas.EPISODE_OUTCOMES.file()), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 121);
    }

    /**
     * Compares a written file with the expected one: the expected header must be the written
     * header (exactly, or its first columns), same rows in the same order, every expected cell
     * matched.
     */
    private static void compare(String file, boolean exactColumns) throws IOException {
        List<String[]> expected = read(EXAMPLE.resolve("expected").resolve(file), false);
        List<String[]> actual = read(csv.resolve(file), true);
        String[] expectedHeader = expected.get(0);
        String[] actualHeader = actual.get(0);
        if (exactColumns) {
            assertThat(actualHeader).as(file + " header").containsExactly(expectedHeader);
        } else {
            assertThat(actualHeader).as(file + " header").startsWith(expectedHeader);
        }
        assertThat(actual).as(file + " rows").hasSameSizeAs(expected);
        for (int row = 1; row < expected.size(); row++) {
            String[] want = expected.get(row);
            String[] got = actual.get(row);
            assertThat(got).as(file + " row " + row + " cell count").hasSize(actualHeader.length);
            for (int column = 0; column < want.length; column++) {
                String where = file + " row " + row + " (" + String.join(",", java.util.Arrays.copyOf(want, 3))
                        + ") column " + expectedHeader[column];
                assertCell(where, want[column], got[column]);
            }
        }
    }

    private static void assertCell(String where, String expected, String actual) {
        if (expected.isEmpty()) {
            assertThat(actual).as(where).isEmpty();
            return;
        }
        Double expectedNumber = parse(expected);
        if (expectedNumber == null) {
            assertThat(actual).as(where).isEqualTo(expected);
            return;
        }
        assertThat(actual).as(where).isNotEmpty();
        if (expected.matches("-?[0-9]+")) {
            assertThat(actual).as(where + " (a count)").isEqualTo(expected);
        }
        double value = Double.parseDouble(actual);
        assertThat(value).as(where).isCloseTo(expectedNumber,
                within(Math.max(TOLERANCE, TOLERANCE * Math.abs(expectedNumber))));
    }

    private static Double parse(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The expected and written files are plain: no quoted cells. Ours must end lines with
     * {@code \n} only; the expected files may use CRLF.
     */
    private static List<String[]> read(Path file, boolean ours) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (ours) {
            assertThat(text).as(file + " line ends").doesNotContain("\r").endsWith("\n");
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty()) {
                assertThat(line).as(file + " is unquoted").doesNotContain("\"");
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    /** A number from counts.json, under an object ({@code section}) or at the top. */
    private static long number(String json, String section, String key) {
        String scope = json;
        if (section != null) {
            int start = json.indexOf("\"" + section + "\"");
            scope = json.substring(start, json.indexOf('}', start));
        }
        Matcher matcher = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(scope);
        assertThat(matcher.find()).as(key + " in counts.json").isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
