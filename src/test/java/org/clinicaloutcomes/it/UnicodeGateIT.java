package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The de-identification gate in other scripts of Unicode (DATA.md, "De-identification gate"),
 * through the jar as a real process on an edited copy of the sample data: a full-width
 * {@code ｅｍａｉｌ} header refuses intake.csv; a phone number in full-width digits in an unknown
 * column rejects its row and is written nowhere; an address cut by a no-break space and an SSN
 * glued to a letter are not identifiers.
 */
class UnicodeGateIT {

    static final Path SAMPLE = Path.of("sample-data");
    /** ５５５-１２３-４５６７: full-width digits, ASCII hyphens. */
    static final String FULL_WIDTH_PHONE = "\uFF15\uFF15\uFF15-\uFF11\uFF12\uFF13-\uFF14\uFF15\uFF16\uFF17";
    /** {@code \s} is any Unicode white space: the NBSP ends the address's domain before a dot. */
    static final String NBSP_ADDRESS = "x@y\u00A0mail.com";
    /** é is a word character, so there is no {@code \b} before the digits. */
    static final String GLUED_SSN = "\u00E9123-45-6789";
    static final Pattern COUNTS = Pattern.compile("sessions\\.csv: read (\\d+), accepted (\\d+), rejected (\\d+)");

    @TempDir
    Path work;

    @Test
    void aFullWidthEmailHeaderRefusesIntakeWithOneLineNamingTheFile() throws Exception {
        Path input = copyOfTheSampleData("input");
        addColumn(input.resolve("intake.csv"), "\uFF45\uFF4D\uFF41\uFF49\uFF4C", Map.of());
        Path output = work.resolve("report");

        JarRunner.Result result = JarRunner.run(work.resolve("state"), "monthly", "--input=" + input,
                "--output=" + output, "--month=2026-10");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().toList()).singleElement().asString()
                .contains("intake.csv").contains("identifier");
        assertThat(output).doesNotExist();
    }

    @Test
    void unicodeCellsAreCheckedAsTheContractReadsThem() throws Exception {
        // The same files with an empty unknown column, then with the three values in it: the only
        // difference the values may make is the one reject.
        Path plain = copyOfTheSampleData("plain");
        addColumn(plain.resolve("sessions.csv"), "note", Map.of());
        Path plainReport = work.resolve("plain-report");
        JarRunner.Result before = JarRunner.run(work.resolve("plain-state"), "monthly", "--input=" + plain,
                "--output=" + plainReport, "--month=2026-10");
        assertThat(before.exitCode()).as(before.err()).isZero();
        List<String> rejectsBefore = Files.readAllLines(plainReport.resolve("rejects.csv"), StandardCharsets.UTF_8);

        List<Integer> lines = acceptedUniqueLines(plain.resolve("sessions.csv"), rejectsBefore, 3);
        int phoneLine = lines.get(0);
        int nbspLine = lines.get(1);
        int ssnLine = lines.get(2);
        Path input = copyOfTheSampleData("input");
        addColumn(input.resolve("sessions.csv"), "note",
                Map.of(phoneLine, FULL_WIDTH_PHONE, nbspLine, NBSP_ADDRESS, ssnLine, GLUED_SSN));
        Path report = work.resolve("report");
        Path state = work.resolve("state");
        JarRunner.Result after = JarRunner.run(state, "monthly", "--input=" + input, "--output=" + report,
                "--month=2026-10");
        assertThat(after.exitCode()).as(after.err()).isZero();

        List<String> rejects = Files.readAllLines(report.resolve("rejects.csv"), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>(rejectsBefore);
        expected.add("sessions.csv," + phoneLine + ",note,possible identifier");
        assertThat(rejects).containsExactlyInAnyOrderElementsOf(expected);
        long[] countsBefore = counts(before.out());
        long[] countsAfter = counts(after.out());
        assertThat(countsAfter).containsExactly(countsBefore[0], countsBefore[1] - 1, countsBefore[2] + 1);

        // The phone number is written nowhere: not in the report (the workbook unzipped), the
        // console, or the state folder (its log and the job repository).
        List<String> forms = List.of(FULL_WIDTH_PHONE, "555-123-4567", "\\uFF15\\uFF15\\uFF15",
                "\\uff15\\uff15\\uff15", "\uFF11\uFF12\uFF13-\uFF14\uFF15\uFF16\uFF17");
        for (String form : forms) {
            assertThat(after.out()).doesNotContain(form);
            assertThat(after.err()).doesNotContain(form);
        }
        assertThat(Files.readString(state.resolve("clinical-outcomes.log"), StandardCharsets.UTF_8))
                .contains("Executing step: [sessions]").doesNotContain(FULL_WIDTH_PHONE);
        assertNowhereIn(report, forms);
        assertNowhereIn(state, forms);
    }

    private Path copyOfTheSampleData(String name) throws IOException {
        return TestFolders.copyOfInput(SAMPLE, work.resolve(name));
    }

    /**
     * Appends a column to a CSV file (the sample data has no quoted line breaks, so a physical
     * line is a record), with the given values on the given physical lines, empty elsewhere.
     */
    private static void addColumn(Path csv, String header, Map<Integer, String> values) throws IOException {
        String[] lines = Files.readString(csv, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder edited = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String end = line.endsWith("\r") ? "\r" : "";
            String body = line.substring(0, line.length() - end.length());
            if (i > 0) {
                edited.append('\n');
            }
            if (body.isEmpty()) {
                edited.append(line);
                continue;
            }
            String cell = i == 0 ? header : values.getOrDefault(i + 1, "");
            edited.append(body).append(',').append(cell).append(end);
        }
        Files.writeString(csv, edited.toString(), StandardCharsets.UTF_8);
    }

    /** The first data lines that the run accepted and whose text no other line repeats. */
    private static List<Integer> acceptedUniqueLines(Path csv, List<String> rejects, int count) throws IOException {
        Set<Integer> rejected = new HashSet<>();
        for (String reject : rejects) {
            String[] fields = reject.split(",", -1);
            if (fields[0].equals("sessions.csv")) {
                rejected.add(Integer.parseInt(fields[1]));
            }
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : lines) {
            seen.merge(line, 1, Integer::sum);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 1; i < lines.size() && chosen.size() < count; i++) {
            if (!lines.get(i).isEmpty() && !rejected.contains(i + 1) && seen.get(lines.get(i)) == 1) {
                chosen.add(i + 1);
            }
        }
        assertThat(chosen).hasSize(count);
        return chosen;
    }

    /** Rows read, accepted and rejected in sessions.csv, from the console. */
    private static long[] counts(String console) {
        Matcher matcher = COUNTS.matcher(console);
        assertThat(matcher.find()).as(console).isTrue();
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3))};
    }

    /** No file under the folder (nor any entry of a zip file, such as the workbook) holds any of the forms. */
    private static void assertNowhereIn(Path folder, List<String> forms) throws IOException {
        int files = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files++;
                byte[] bytes = Files.readAllBytes(file);
                assertNotIn(file.toString(), bytes, forms);
                if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
                    // The central directory: POI writes entries whose local headers carry no size.
                    try (ZipFile zip = new ZipFile(file.toFile())) {
                        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                assertNotIn(file + "!" + entry.getName(), in.readAllBytes(), forms);
                            }
                        }
                    }
                }
            }
        }
        assertThat(files).as("files under " + folder).isPositive();
    }

    private static void assertNotIn(String where, byte[] bytes, List<String> forms) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String utf16 = new String(bytes, StandardCharsets.UTF_16BE);
        for (String form : forms) {
            assertThat(text.contains(form) || utf16.contains(form)).as(where + " holds " + form).isFalse();
        }
    }
}
