package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinicaloutcomes.ClinicalOutcomesApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs from the attack kit of issue 11, through the packaged jar as real processes: a
 * malformed instrument file refuses the run (METRICS.md, "Instruments"); a sessions.csv header
 * with very many unknown columns still gives a workbook, its lists capped; a session number
 * beyond 64 bits is an integer ≥ 1 like any other (DATA.md).
 */
class AttackRulesIT {

    private static final Path SAMPLE = Path.of("sample-data");
    private static final Pattern SESSION_COUNTS = Pattern.compile(
            "sessions\\.csv: read (\\d+), accepted (\\d+), rejected (\\d+), duplicates (\\d+)");

    @TempDir
    Path work;

    private Path sampleCopy(String name) throws Exception {
        return TestFolders.copyOfInput(SAMPLE, work.resolve(name));
    }

    @Test
    void aCutoffOutsideTheInstrumentsRangeRefusesTheRunNamingTheFileAndLine() throws Exception {
        Path input = sampleCopy("input");
        String bundled = new String(getClass().getClassLoader().getResourceAsStream("instruments.csv").readAllBytes(),
                StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(bundled.lines().toList());
        lines.add("bdi2,BDI-II,0,63,false,true,70,8,,");
        Path instruments = Files.write(work.resolve("my-instruments.csv"), lines, StandardCharsets.UTF_8);
        Path output = work.resolve("report");

        JarRunner.Result result = JarRunner.run(work.resolve("state"), "monthly", "--input=" + input,
                "--output=" + output, "--instruments=" + instruments, "--quiet");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        List<String> errLines = result.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(errLines).hasSize(1);
        assertThat(errLines.get(0)).contains(instruments.toString(), "line " + lines.size(), "cutoff");
        assertThat(output).doesNotExist();
        try (var siblings = Files.list(work)) {
            // Nothing beside the inputs either (no staging folder, no lock file); the state folder may be there.
            assertThat(siblings.map(p -> p.getFileName().toString()).filter(name -> !name.equals("state")))
                    .containsExactlyInAnyOrder("input", "my-instruments.csv");
        }
    }

    /**
     * 100,000 unknown columns (a million take about 20 s on the 2-core build machine, against
     * about 5 s for the sample data: see README, "Long lists"). Fifty rows carry a field for every
     * column; the others are short of fields and rejected.
     */
    @Test
    void aHeaderOfVeryManyUnknownColumnsGivesAWorkbookWithTheWarningsCapped() throws Exception {
        int unknown = 100_000;
        int padded = 50;
        Path input = sampleCopy("input");
        List<String> sessions = Files.readAllLines(SAMPLE.resolve("sessions.csv"), StandardCharsets.UTF_8);
        try (BufferedWriter out = Files.newBufferedWriter(input.resolve("sessions.csv"), StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder(sessions.get(0));
            for (int i = 0; i < unknown; i++) {
                header.append(",extra_").append(i);
            }
            out.write(header.append('\n').toString());
            String padding = ",".repeat(unknown);
            for (int i = 1; i < sessions.size(); i++) {
                out.write(sessions.get(i) + (i <= padded ? padding : "") + "\n");
            }
        }
        Path output = work.resolve("report");

        long start = System.nanoTime();
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "monthly", "--input=" + input,
                "--output=" + output, "--month=2026-10", "--quiet");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("AttackRulesIT: " + unknown + " unknown columns, run took " + millis + " ms");

        // Every row but the padded ones has too few fields: the report is written, and the run says
        // to look at the data first (exit code 3, RESEARCH.md).
        assertThat(result.exitCode()).as(result.err().lines().filter(l -> !l.contains("unknown column"))
                .limit(20).toList().toString()).isEqualTo(ClinicalOutcomesApplication.EXIT_LOOK_AT_DATA);
        assertThat(result.err()).contains("look at the data first: sessions.csv: ")
                .contains(" % of its rows were rejected (more than --max-reject-pct=50)");
        Matcher counts = SESSION_COUNTS.matcher(result.out());
        assertThat(counts.find()).as(result.out()).isTrue();
        long read = Long.parseLong(counts.group(1));
        assertThat(read).isEqualTo(sessions.size() - 1);
        assertThat(Long.parseLong(counts.group(2))).isPositive().isLessThanOrEqualTo(padded);
        assertThat(Long.parseLong(counts.group(2)) + Long.parseLong(counts.group(3)) + Long.parseLong(counts.group(4)))
                .isEqualTo(read);
        try (InputStream in = Files.newInputStream(output.resolve("outcomes-2026-10.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheet("Data quality");
            List<String> texts = texts(sheet);
            List<String> warnings = texts.stream().filter(t -> t.startsWith("sessions.csv: unknown column")).toList();
            assertThat(warnings).hasSize(100).first().isEqualTo("sessions.csv: unknown column 'extra_0' ignored");
            long duplicateWarning = Long.parseLong(counts.group(4)) > 0 ? 1 : 0;
            assertThat(texts).contains(String.format(java.util.Locale.ROOT, "and %,d more warnings",
                    unknown - 100 + duplicateWarning));
            assertThat(sheet.getLastRowNum()).isLessThan(300);
            // The file counts stay whole.
            Row sessionsRow = sheet.getRow(2);
            assertThat(sessionsRow.getCell(0).getStringCellValue()).isEqualTo("sessions.csv");
            assertThat(sessionsRow.getCell(1).getNumericCellValue()).isEqualTo((double) read);
        }
    }

    @Test
    void aSessionNumberOfTwentyDigitsIsAccepted() throws Exception {
        JarRunner.Result baseline = JarRunner.run(work.resolve("state"), "monthly", "--input=" + SAMPLE,
                "--output=" + work.resolve("baseline"), "--month=2026-10", "--quiet");
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        long[] before = sessionCounts(baseline.out());

        // Copies of an accepted row, on its client and date: two different 20-digit numbers
        // (equal as doubles) are two sessions; a third, 0012345678901234567891, is the value of the
        // second spelled otherwise, so a conflicting duplicate.
        Path input = sampleCopy("input");
        List<String> sessions = Files.readAllLines(input.resolve("sessions.csv"), StandardCharsets.UTF_8);
        String accepted = acceptedRow(sessions, work.resolve("baseline").resolve("rejects.csv"));
        int numberColumn = List.of(sessions.get(0).split(",", -1)).indexOf("session_number");
        List<String> added = new ArrayList<>();
        for (String number : List.of("12345678901234567890", "12345678901234567891", "0012345678901234567891")) {
            String[] fields = accepted.split(",", -1);
            fields[numberColumn] = number;
            added.add(String.join(",", fields));
        }
        Files.write(input.resolve("sessions.csv"), added, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path output = work.resolve("report");

        JarRunner.Result result = JarRunner.run(work.resolve("state"), "monthly", "--input=" + input,
                "--output=" + output, "--month=2026-10", "--quiet");

        assertThat(result.exitCode()).as(result.err()).isZero();
        long[] after = sessionCounts(result.out());
        assertThat(after).containsExactly(before[0] + 3, before[1] + 2, before[2] + 1, before[3]);
        String runJson = Files.readString(output.resolve("run.json"), StandardCharsets.UTF_8);
        assertThat(runJson).contains("\"rows_read\": " + (before[0] + 3), "\"rows_accepted\": " + (before[1] + 2),
                "\"rows_rejected\": " + (before[2] + 1));
        long base = sessions.size(); // the header is line 1, so the first added row is line size + 1
        List<String> rejects = Files.readAllLines(output.resolve("rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects).contains("sessions.csv," + (base + 3) + ",,conflicting duplicate");
        assertThat(rejects).noneMatch(r -> r.startsWith("sessions.csv," + (base + 1) + ",")
                || r.startsWith("sessions.csv," + (base + 2) + ","));
    }

    /** read, accepted, rejected, duplicates of sessions.csv, from the counts a run prints. */
    private static long[] sessionCounts(String out) {
        Matcher m = SESSION_COUNTS.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4))};
    }

    /** A sessions row with a number that the baseline accepted and that appears once in the file. */
    private static String acceptedRow(List<String> sessions, Path rejectsCsv) throws Exception {
        Set<Long> rejected = new HashSet<>();
        for (String reject : Files.readAllLines(rejectsCsv, StandardCharsets.UTF_8)) {
            String[] f = reject.split(",", -1);
            if (f[0].equals("sessions.csv")) {
                rejected.add(Long.parseLong(f[1]));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        sessions.forEach(line -> seen.merge(line.substring(0, line.indexOf(',', line.indexOf(',') + 1)), 1, Integer::sum));
        for (int i = 1; i < sessions.size(); i++) {
            String line = sessions.get(i);
            String clientAndDate = line.substring(0, line.indexOf(',', line.indexOf(',') + 1));
            if (!rejected.contains(i + 1L) && seen.get(clientAndDate) == 1 && line.split(",", -1)[2].matches("[1-9][0-9]?")) {
                return line;
            }
        }
        throw new AssertionError("no accepted session row in the sample");
    }

    private static List<String> texts(XSSFSheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }
}
