package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinicaloutcomes.metrics.SmallNumberRule;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.report.CsvCells;
import org.clinicaloutcomes.report.OutcomeCsvFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brute-force check of {@link SmallNumberSuppression} on a realistic cohort: 300 generated
 * episodes ({@link SampleCohort}), a research run over the whole data and a monthly run with
 * suppression on, and a research run and a monthly run with a 12-month series of a smaller
 * practice (120 episodes). Every CSV of the suppressed run is read back and every cell scanned, with the
 * unsuppressed CSVs of the same run as the truth. The rules are restated here from METRICS.md
 * and the row groups are rebuilt from the CSV text, independently of the implementation:
 * <ul>
 *   <li>no episode-level file;</li>
 *   <li>no cell of any file is an integer from 1 to 10, except the columns that are not counts
 *       of people (k, cluster items, number of approaches, degrees of freedom between groups);</li>
 *   <li>{@code <11} stands for 1–10, {@code >10} for more than 10, every shown count is the
 *       true count;</li>
 *   <li>a shown statistic is the unsuppressed one, and every count it depends on is shown; a
 *       statistic is left out only when one of them is hidden;</li>
 *   <li>in every row group with a total, never exactly one hidden cell (it would be the total
 *       minus the other cells), and no hidden cell pinned by its bounds ({@code <11} = 1–10,
 *       {@code >10} = 11 or more) and the group's sum.</li>
 * </ul>
 */
class SuppressionCheckerTest {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final String SMALL = SmallNumberRule.SMALL_TEXT;
    private static final String BIG = SmallNumberRule.COMPLEMENTARY_TEXT;
    private static final String OBA = "outcomes_by_approach.csv";
    private static final String SERIES = TableSchemas.MONTHLY_SERIES.file();
    private static final String BEFORE_SERIES = TableSchemas.MONTHS_BEFORE_SERIES.file();
    /** The report month and window of the monthly runs. */
    private static final YearMonth MONTH = YearMonth.of(2026, 9);
    private static final int WINDOW_MONTHS = 12;

    /** The count columns of every file (counts of episodes, clients or sessions). */
    private static final String SIGNIFICANCE = TableSchemas.CLINICAL_SIGNIFICANCE.file();
    private static final Map<String, List<String>> COUNTS = withSignificance(Map.of(
            OBA, List.of("n_closed", "n_paired", "n_reliable_improvement", "n_reliable_deterioration", "n_cases",
                    "n_recovered", "n_reliable_recovery", "n_response", "n_no_reliable_change"),
            TableSchemas.APPROACH_COMPARISON.file(), List.of("n_paired"),
            TableSchemas.TRAJECTORIES.file(), List.of("n"),
            TableSchemas.PCL5_CLUSTERS.file(), List.of("n", "n_diagnosis_baseline", "n_diagnosis_final"),
            TableSchemas.CLINICIANS.file(), List.of("n_closed", "n_paired", "n_reliable_improvement", "n_cases",
                    "n_recovered", "n_open", "n_dropout", "n_reliable_deterioration"),
            TableSchemas.SUBGROUPS.file(), List.of("n_closed", "n_paired", "n_reliable_improvement"),
            TableSchemas.ACTIVITY.file(), List.of("intakes", "discharges", "discharges_completed", "discharges_dropout",
                    "discharges_referred", "discharges_other", "caseload", "attended_sessions", "missed_sessions"),
            SERIES, List.of("intakes", "discharges", "caseload", "attended_sessions", "missed_sessions", "n_closed",
                    "n_paired", "n_reliable_improvement", "n_cases", "n_recovered", "n_reliable_deterioration",
                    "n_dropout", "n_started_with_referral"),
            TableSchemas.EXPECTED_RECOVERY.file(), List.of("n"),
            TableSchemas.EXPECTED_RECOVERY_CHECK.file(), List.of("n_judged", "n_flagged")));

    private static Map<String, List<String>> withSignificance(Map<String, List<String>> counts) {
        Map<String, List<String>> all = new LinkedHashMap<>(counts);
        all.put(SIGNIFICANCE, List.of("n", "n_improved", "n_unchanged", "n_deteriorated", "n_recovered",
                "n_improved_not_recovered", "n_harmed"));
        return Map.copyOf(all);
    }

    /** Integer columns that are not counts of people. */
    private static final Set<String> NOT_COUNTS = Set.of("k", "first_item", "last_item", "n_approaches",
            "anova_df_between", "kruskal_df", "chi2_df");

    @TempDir
    static Path tmp;

    private static final List<Run> RUNS = new ArrayList<>();

    /** One run: the suppressed and the unsuppressed CSVs of the same tables. */
    private record Run(String name, boolean monthly, Path suppressed, Path plain, List<Path> written,
                       OutcomeTables tables, OutcomeTables plainTables) {

        List<String> files() {
            return OutcomeCsvFiles.files(monthly, true);
        }
    }

    @BeforeAll
    static void runTheSample() throws Exception {
        Path input = SampleCohort.generate(tmp.resolve("input"), 20260301L, 300);
        ReportWindow monthly = ReportWindow.monthly(MONTH, WINDOW_MONTHS);
        RUNS.add(run("research", input, SampleCohort.researchWindow(), false, 0));
        RUNS.add(run("monthly", input, monthly, true, CohortAnalysis.DEFAULT_SERIES_MONTHS));
        // A smaller practice: most cells small, much complementary suppression.
        Path smaller = SampleCohort.generate(tmp.resolve("smaller"), 11L, 120);
        RUNS.add(run("research-120", smaller, SampleCohort.researchWindow(), false, 0));
        // A 12-month series: the Summary's month a year before is a row before the series.
        RUNS.add(run("monthly-120", smaller, monthly, true, WINDOW_MONTHS));
    }

    private static Run run(String name, Path input, ReportWindow window, boolean monthly, int seriesMonths)
            throws Exception {
        OutcomeTables tables = monthly ? SampleCohort.analyse(input, window, true, seriesMonths)
                : SampleCohort.analyse(input, window, false);
        OutcomeTables suppressed = SmallNumberSuppression.apply(tables);
        Path plain = tmp.resolve(name).resolve("plain");
        Path hidden = tmp.resolve(name).resolve("suppressed");
        OutcomeCsvFiles.write(plain, tables, monthly);
        List<Path> written = OutcomeCsvFiles.write(hidden, suppressed, monthly);
        return new Run(name, monthly, hidden, plain, written, suppressed, tables);
    }

    @Test
    void theCohortIsRealisticAndTheScanIsNotVacuous() throws IOException {
        for (Run run : RUNS) {
            int small = 0;
            int big = 0;
            int shown = 0;
            for (String file : run.files()) {
                for (Map<String, String> row : read(run.suppressed().resolve(file))) {
                    for (String column : COUNTS.get(file)) {
                        String cell = row.get(column);
                        small += SMALL.equals(cell) ? 1 : 0;
                        big += BIG.equals(cell) ? 1 : 0;
                        shown += cell != null && INTEGER.matcher(cell).matches() && Long.parseLong(cell) > 10 ? 1 : 0;
                    }
                }
            }
            assertThat(small).as(run.name() + " <11 cells").isGreaterThan(20);
            assertThat(big).as(run.name() + " >10 cells").isGreaterThan(0);
            assertThat(shown).as(run.name() + " shown counts above 10").isGreaterThan(20);
            // Every registered cell of a CSV was seen (the window activity cells and those of the
            // months before the series are the workbook's).
            assertThat(run.tables().suppressed().cells().keySet().stream()
                    .filter(cell -> TableSchemas.named(cell.file()).isCsv()
                            && !cell.column().equals(TableSchemas.DETERIORATED_NOT_HARMED)).count())
                    .isEqualTo(small + big);
        }
        // The research runs' clinical significance is scanned too: every method, with hidden and shown counts.
        for (Run run : RUNS.stream().filter(run -> !run.monthly()).toList()) {
            List<Map<String, String>> significance = read(run.suppressed().resolve(SIGNIFICANCE));
            assertThat(significance).extracting(row -> row.get("method")).as(run.name())
                    .contains("JT", "GLN", "HLL", "EN", "NK", "HA", "HLM", "percentage", "anchor");
            assertThat(significance).as(run.name()).anyMatch(row -> SMALL.equals(row.get("n_deteriorated")))
                    .anyMatch(row -> row.get("method").equals("HLM") && row.get("n").matches("[0-9]+"))
                    .anyMatch(row -> row.get("n_recovered").matches("[0-9]+") && Long.parseLong(row.get("n_recovered")) > 10);
        }
        // The monthly runs' series is scanned too, and has hidden cells (of both kinds in all).
        List<String> seriesCells = new ArrayList<>();
        for (Run run : RUNS.stream().filter(Run::monthly).toList()) {
            List<String> cells = new ArrayList<>();
            for (Map<String, String> row : read(run.suppressed().resolve(SERIES))) {
                COUNTS.get(SERIES).forEach(column -> cells.add(row.get(column)));
            }
            assertThat(cells).as(run.name()).contains(SMALL);
            seriesCells.addAll(cells);
            assertThat(read(run.suppressed().resolve(SERIES))).as(run.name())
                    .hasSize(read(run.plain().resolve(SERIES)).size()).hasSizeGreaterThan(12 * 5 - 1);
        }
        assertThat(seriesCells).contains(BIG);
        // The ALL rows of outcomes_by_approach keep their statistics.
        Map<String, String> all = read(RUNS.get(0).suppressed().resolve(OBA)).stream()
                .filter(row -> row.get("approach").equals("ALL") && row.get("instrument").equals("pcl5"))
                .findFirst().orElseThrow();
        assertThat(all.get("change_mean")).isNotEmpty();
        assertThat(all.get("reliable_improvement_pct")).isNotEmpty();
    }

    @Test
    void noEpisodeLevelFile() {
        for (Run run : RUNS) {
            assertThat(run.written()).extracting(p -> p.getFileName().toString())
                    .containsExactlyElementsOf(run.files())
                    .doesNotContain(TableSchemas.EPISODE_OUTCOMES.file(), TableSchemas.ALERTS.file());
            assertThat(run.suppressed().resolve(TableSchemas.EPISODE_OUTCOMES.file())).doesNotExist();
            assertThat(run.suppressed().resolve(TableSchemas.ALERTS.file())).doesNotExist();
            assertThat(run.tables().episodeOutcomes()).isEmpty();
            assertThat(run.tables().alerts()).isEmpty();
        }
        // The monthly run had alerts to leave out.
        assertThat(RUNS.get(1).plain().resolve(TableSchemas.ALERTS.file())).exists();
    }

    @Test
    void noCellAnywhereIsAnIntegerFromOneToTen() throws IOException {
        for (Run run : RUNS) {
            try (Stream<Path> files = Files.list(run.suppressed())) {
                for (Path path : files.toList()) {
                    List<Map<String, String>> rows = read(path);
                    for (int r = 0; r < rows.size(); r++) {
                        for (Map.Entry<String, String> cell : rows.get(r).entrySet()) {
                            String value = cell.getValue();
                            if (NOT_COUNTS.contains(cell.getKey()) || !INTEGER.matcher(value).matches()) {
                                continue;
                            }
                            assertThat(oneToTen(value)).as(where(run, path.getFileName().toString(), r, cell.getKey())
                                    + ": " + value).isFalse();
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyCountIsTheTruthOrAMarkerThatIsTrue() throws IOException {
        for (Run run : RUNS) {
            for (String file : run.files()) {
                List<Map<String, String>> hidden = read(run.suppressed().resolve(file));
                List<Map<String, String>> plain = read(run.plain().resolve(file));
                assertThat(hidden).as(file + " rows").hasSameSizeAs(plain);
                for (int r = 0; r < plain.size(); r++) {
                    for (String column : COUNTS.get(file)) {
                        String truth = plain.get(r).get(column);
                        String cell = hidden.get(r).get(column);
                        String where = where(run, file, r, column);
                        if (truth.isEmpty()) {
                            assertThat(cell).as(where).isEmpty();
                        } else if (SMALL.equals(cell)) {
                            assertThat(Long.parseLong(truth)).as(where).isBetween(1L, 10L);
                        } else if (BIG.equals(cell)) {
                            assertThat(Long.parseLong(truth)).as(where).isGreaterThan(10L);
                        } else {
                            assertThat(cell).as(where).isEqualTo(truth);
                            assertThat(oneToTen(cell)).as(where + ": " + cell).isFalse();
                        }
                    }
                }
            }
        }
    }

    @Test
    void statisticsAreShownOnlyOverShownCounts() throws IOException {
        for (Run run : RUNS) {
            for (String file : run.files()) {
                List<Map<String, String>> hidden = read(run.suppressed().resolve(file));
                List<Map<String, String>> plain = read(run.plain().resolve(file));
                for (int r = 0; r < plain.size(); r++) {
                    Map<String, String> row = hidden.get(r);
                    for (String column : row.keySet()) {
                        if (COUNTS.get(file).contains(column) || isKey(column)) {
                            continue;
                        }
                        String where = where(run, file, r, column);
                        String truth = plain.get(r).get(column);
                        String cell = row.get(column);
                        List<String> dependencies = dependencies(run, file, column, row, plain.get(r));
                        boolean anyHidden = dependencies.stream().anyMatch(SuppressionCheckerTest::isHidden);
                        if (!cell.isEmpty()) {
                            assertThat(cell).as(where).isEqualTo(truth);
                            assertThat(anyHidden).as(where + " shown over " + dependencies).isFalse();
                        } else if (!truth.isEmpty() && !column.equals("response_pct")) {
                            assertThat(anyHidden).as(where + " left out, yet " + dependencies + " are shown").isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void noHiddenCountIsRecoverableFromATotal() throws IOException {
        for (Run run : RUNS) {
            List<Group> groups = groups(run);
            assertThat(groups.size()).isGreaterThan(100);
            int withHidden = 0;
            for (Group group : groups) {
                List<String> cells = group.cells();
                long hiddenCells = cells.stream().filter(SuppressionCheckerTest::isHidden).count();
                withHidden += hiddenCells > 0 ? 1 : 0;
                assertThat(hiddenCells).as(run.name() + ": " + group.name() + " " + cells
                        + ": the one hidden cell is the total minus the others").isNotEqualTo(1L);
                for (int i = 0; i < cells.size(); i++) {
                    if (isHidden(cells.get(i))) {
                        long[] bounds = implied(group, i);
                        assertThat(bounds[0]).as(run.name() + ": " + group.name() + " " + cells + " cell " + i
                                + " pinned by the others").isLessThan(bounds[1]);
                    }
                }
            }
            assertThat(withHidden).as("groups with hidden cells").isGreaterThan(10);
        }
    }

    @Test
    void theNoChangeCountIsNeverOneToTenWhenItsCountsAreShown() throws IOException {
        // n_no_reliable_change = n_paired - n_reliable_improvement - n_reliable_deterioration is
        // hidden when one of the three is hidden: when all three are shown, it is not 1-10 and is
        // shown as their difference.
        for (Run run : RUNS) {
            int shown = 0;
            for (Map<String, String> row : read(run.suppressed().resolve(OBA))) {
                String paired = row.get("n_paired");
                String ri = row.get("n_reliable_improvement");
                String rd = row.get("n_reliable_deterioration");
                if (isHidden(paired) || isHidden(ri) || isHidden(rd)) {
                    continue;
                }
                long noChange = Long.parseLong(paired) - Long.parseLong(ri) - Long.parseLong(rd);
                assertThat(row.get("n_no_reliable_change")).isEqualTo(Long.toString(noChange));
                assertThat(noChange >= 1 && noChange <= 10).as(run.name() + " " + row.get("approach") + " "
                        + row.get("instrument") + ": no change " + noChange).isFalse();
                shown++;
            }
            assertThat(shown).isGreaterThan(0);
        }
    }

    @Test
    void theSameCountIsHiddenEverywhereOrNowhere() throws IOException {
        for (Run run : RUNS) {
            List<Map<String, String>> oba = read(run.suppressed().resolve(OBA));
            Map<String, String> closed = new LinkedHashMap<>();
            for (Map<String, String> row : oba) {
                String previous = closed.putIfAbsent(row.get("approach"), row.get("n_closed"));
                if (previous != null) {
                    assertThat(row.get("n_closed")).as("n_closed of " + row.get("approach")).isEqualTo(previous);
                }
            }
            for (Map<String, String> row : read(run.suppressed().resolve(TableSchemas.TRAJECTORIES.file()))) {
                if (Integer.parseInt(row.get("k")) <= 2) {
                    assertThat(row.get("n")).as("trajectory " + row).isEqualTo(
                            obaRow(oba, row.get("approach"), row.get("instrument")).get("n_paired"));
                }
            }
            if (run.name().equals("research")) {
                for (Map<String, String> row : read(run.suppressed().resolve(TableSchemas.ACTIVITY.file()))) {
                    assertThat(row.get("discharges")).as("activity discharges = n_closed, " + row.get("approach"))
                            .isEqualTo(closed.get(row.get("approach")));
                }
            }
            if (run.monthly()) {
                List<Map<String, String>> series = read(run.suppressed().resolve(SERIES));
                for (Map<String, String> row : series) {
                    assertThat(row.get("discharges")).as(run.name() + " series discharges = n_closed " + row)
                            .isEqualTo(row.get("n_closed"));
                }
                // The activity period of a monthly run is the report month: the series' last month.
                Map<String, String> sameColumns = Map.of("intakes", "intakes", "discharges", "discharges",
                        "discharges_dropout", "n_dropout", "caseload", "caseload",
                        "attended_sessions", "attended_sessions", "missed_sessions", "missed_sessions");
                int compared = 0;
                for (Map<String, String> row : read(run.suppressed().resolve(TableSchemas.ACTIVITY.file()))) {
                    Map<String, String> month = series.stream().filter(r -> r.get("month").equals(row.get("period"))
                            && r.get("approach").equals(row.get("approach"))).findFirst().orElseThrow();
                    for (Map.Entry<String, String> column : sameColumns.entrySet()) {
                        assertThat(month.get(column.getValue())).as(run.name() + " series " + column.getValue()
                                + " = activity " + column.getKey() + ", " + row.get("approach"))
                                .isEqualTo(row.get(column.getKey()));
                        compared++;
                    }
                }
                assertThat(compared).isEqualTo(6 * 5);
            }
        }
    }

    @Test
    void theSeriesIdentitiesHoldInTheUnsuppressedFiles() throws IOException {
        // The groups of the series are identities of the data: checked on the true counts.
        for (Run run : RUNS.stream().filter(Run::monthly).toList()) {
            List<Group> groups = seriesGroups(read(run.plain().resolve(SERIES)), read(run.plain().resolve(OBA)));
            assertThat(groups).hasSizeGreaterThan(WINDOW_MONTHS * 13);
            for (Group group : groups) {
                List<Long> cells = group.cells().stream().map(Long::parseLong).toList();
                assertThat(cells.get(0)).as(run.name() + ": " + group.name() + " " + cells)
                        .isEqualTo(cells.subList(1, cells.size()).stream().mapToLong(Long::longValue).sum());
            }
        }
    }

    @Test
    void theMonthsBeforeTheSeriesFollowTheSameRules() throws IOException {
        // Not a CSV (the Summary's month a year before, when the series is shorter than 13
        // months): rebuilt as the cells a writer prints, from the suppressed rows and the registry.
        Run run = RUNS.get(3);
        List<OutcomeTables.SeriesRow> rows = run.tables().monthsBeforeSeries();
        List<OutcomeTables.SeriesRow> truth = run.plainTables().monthsBeforeSeries();
        assertThat(rows).extracting(OutcomeTables.SeriesRow::month).containsOnly(MONTH.minusMonths(12).toString());
        assertThat(rows).hasSize(5);
        List<Map<String, String>> printed = printedBeforeSeries(run);
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> plain = plainSeriesCells(truth.get(r));
            for (String column : COUNTS.get(SERIES)) {
                String cell = printed.get(r).get(column);
                String where = run.name() + " before the series " + rows.get(r).approach() + " " + column;
                if (SMALL.equals(cell)) {
                    assertThat(Long.parseLong(plain.get(column))).as(where).isBetween(1L, 10L);
                } else if (BIG.equals(cell)) {
                    assertThat(Long.parseLong(plain.get(column))).as(where).isGreaterThan(10L);
                } else {
                    assertThat(cell).as(where).isEqualTo(plain.get(column));
                    assertThat(cell.isEmpty() || !oneToTen(cell)).as(where + ": " + cell).isTrue();
                }
            }
            // Its statistics: the true ones, shown only over shown counts.
            Map<String, String> shownStatistics = plainSeriesCells(rows.get(r));
            for (String column : List.of("reliable_improvement_pct", "recovery_pct", "reliable_deterioration_pct",
                    "dropout_pct", "reliable_improvement_pct_12m", "recovery_pct_12m")) {
                String cell = shownStatistics.get(column);
                boolean anyHidden = seriesDependencies(run, column, printed.get(r), plain)
                        .stream().anyMatch(SuppressionCheckerTest::isHidden);
                if (!cell.isEmpty()) {
                    assertThat(cell).isEqualTo(plain.get(column));
                    assertThat(anyHidden).as(run.name() + " before the series " + column).isFalse();
                } else if (!plain.get(column).isEmpty()) {
                    assertThat(anyHidden).as(run.name() + " before the series " + column + " left out").isTrue();
                }
            }
        }
        for (String column : COUNTS.get(SERIES)) {
            assertNotRecoverable(run, new Group("before the series " + column, totalFirst(printed, "approach", column)));
        }
        assertThat(printed.stream().flatMap(row -> row.values().stream()).filter(SuppressionCheckerTest::isHidden))
                .as("hidden cells before the series").isNotEmpty();
    }

    /** The rows before the series as a writer prints them: the counts, or the registry's marker. */
    private static List<Map<String, String>> printedBeforeSeries(Run run) {
        List<OutcomeTables.SeriesRow> rows = run.tables().monthsBeforeSeries();
        List<Map<String, String>> printed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> cells = plainSeriesCells(rows.get(r));
            for (String column : COUNTS.get(SERIES)) {
                String text = run.tables().suppressed().text(BEFORE_SERIES, r, column);
                if (text != null) {
                    cells.put(column, text);
                }
            }
            printed.add(cells);
        }
        return printed;
    }

    /** The cells of a series row as the CSV writer writes them, before any marker. */
    private static Map<String, String> plainSeriesCells(OutcomeTables.SeriesRow row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (TableSchema.Column<OutcomeTables.SeriesRow> column : TableSchemas.MONTHLY_SERIES.columns()) {
            Object value = column.value(row);
            cells.put(column.name(), value == null ? "" : value instanceof Double number ? CsvCells.number(number)
                    : value instanceof Number count ? Long.toString(count.longValue()) : value.toString());
        }
        return cells;
    }

    private static void assertNotRecoverable(Run run, Group group) {
        List<String> cells = group.cells();
        assertThat(cells.stream().filter(SuppressionCheckerTest::isHidden).count())
                .as(run.name() + ": " + group.name() + " " + cells).isNotEqualTo(1L);
        for (int i = 0; i < cells.size(); i++) {
            if (isHidden(cells.get(i))) {
                long[] bounds = implied(group, i);
                assertThat(bounds[0]).as(run.name() + ": " + group.name() + " " + cells + " cell " + i
                        + " pinned by the others").isLessThan(bounds[1]);
            }
        }
    }

    @Test
    void theWindowActivityRowsFollowTheSameRules() throws IOException {
        // The window activity rows are not a CSV (the workbook's Summary shows them): rebuilt here
        // as the cells a writer prints, from the suppressed rows and the registry.
        String[] columns = COUNTS.get(TableSchemas.ACTIVITY.file()).toArray(new String[0]);
        int hiddenCells = 0;
        for (Run run : RUNS) {
            OutcomeTables tables = run.tables();
            List<OutcomeTables.ActivityRow> rows = tables.windowActivity();
            assertThat(rows).as(run.name()).isNotEmpty();
            List<Map<String, String>> cells = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                OutcomeTables.ActivityRow row = rows.get(r);
                long[] counts = {row.intakes(), row.discharges(), row.dischargesCompleted(), row.dischargesDropout(),
                        row.dischargesReferred(), row.dischargesOther(), row.caseload(), row.attendedSessions(),
                        row.missedSessions()};
                Map<String, String> printed = new LinkedHashMap<>();
                printed.put("approach", row.approach());
                for (int c = 0; c < columns.length; c++) {
                    String text = tables.suppressed().text(TableSchemas.WINDOW_ACTIVITY.file(), r, columns[c]);
                    String where = run.name() + " window activity " + row.approach() + " " + columns[c];
                    if (text == null) {
                        assertThat(counts[c] >= 1 && counts[c] <= 10).as(where + ": " + counts[c]).isFalse();
                        printed.put(columns[c], Long.toString(counts[c]));
                    } else {
                        assertThat(counts[c]).as(where).isGreaterThan(0);
                        assertThat(text).as(where).isEqualTo(counts[c] <= 10 ? SMALL : BIG);
                        printed.put(columns[c], text);
                        hiddenCells++;
                    }
                }
                // The missed-session rate: shown (the true one) only over shown counts.
                boolean countsShown = !isHidden(printed.get("attended_sessions"))
                        && !isHidden(printed.get("missed_sessions"));
                long scheduled = row.attendedSessions() + row.missedSessions();
                Double truth = scheduled == 0 ? null : 100.0 * row.missedSessions() / scheduled;
                assertThat(row.missedSessionPct()).as(run.name() + " window rate " + row.approach())
                        .isEqualTo(countsShown ? truth : null);
                cells.add(printed);
            }
            // The totals: approaches -> ALL per column, the four reasons -> discharges per row.
            List<Group> groups = new ArrayList<>();
            for (String column : columns) {
                groups.add(new Group("window " + column, totalFirst(cells, "approach", column)));
            }
            for (Map<String, String> row : cells) {
                groups.add(new Group("window discharges of " + row.get("approach"), List.of(row.get("discharges"),
                        row.get("discharges_completed"), row.get("discharges_dropout"),
                        row.get("discharges_referred"), row.get("discharges_other"))));
            }
            for (Group group : groups) {
                List<String> groupCells = group.cells();
                assertThat(groupCells.stream().filter(SuppressionCheckerTest::isHidden).count())
                        .as(run.name() + ": " + group.name() + " " + groupCells).isNotEqualTo(1L);
                for (int i = 0; i < groupCells.size(); i++) {
                    if (isHidden(groupCells.get(i))) {
                        long[] bounds = implied(group, i);
                        assertThat(bounds[0]).as(run.name() + ": " + group.name() + " " + groupCells + " cell " + i
                                + " pinned by the others").isLessThan(bounds[1]);
                    }
                }
            }
            // Discharged in the window = n_closed: the same count, printed alike.
            Map<String, String> closed = new LinkedHashMap<>();
            for (Map<String, String> row : read(run.suppressed().resolve(OBA))) {
                closed.putIfAbsent(row.get("approach"), row.get("n_closed"));
            }
            for (Map<String, String> row : cells) {
                assertThat(row.get("discharges")).as(run.name() + " window discharges = n_closed, "
                        + row.get("approach")).isEqualTo(closed.get(row.get("approach")));
            }
            // A research run's activity period is the window: activity.csv prints the same cells.
            if (!run.monthly()) {
                List<Map<String, String>> activity = read(run.suppressed().resolve(TableSchemas.ACTIVITY.file()));
                assertThat(activity).hasSameSizeAs(cells);
                for (int r = 0; r < cells.size(); r++) {
                    for (String column : columns) {
                        assertThat(cells.get(r).get(column)).as(run.name() + " " + r + " " + column)
                                .isEqualTo(activity.get(r).get(column));
                    }
                }
            }
        }
        assertThat(hiddenCells).as("hidden window activity cells").isGreaterThan(10);
    }

    // ---------------------------------------------------------------- row groups with a total

    /** Cells adding up to a total; {@code cells.get(0)} is the total. */
    private record Group(String name, List<String> cells) {
    }

    private static List<Group> groups(Run run) throws IOException {
        Path csv = run.suppressed();
        List<Map<String, String>> oba = read(csv.resolve(OBA));
        List<Map<String, String>> plainOba = read(run.plain().resolve(OBA));
        List<Group> groups = new ArrayList<>();
        Set<String> approaches = new TreeSet<>();
        Set<String> instruments = new TreeSet<>();
        for (Map<String, String> row : oba) {
            if (!row.get("approach").equals("ALL")) {
                approaches.add(row.get("approach"));
            }
            instruments.add(row.get("instrument"));
        }
        // outcomes_by_approach: approaches -> ALL, per instrument and count column
        for (String instrument : instruments) {
            for (String column : COUNTS.get(OBA)) {
                List<String> cells = new ArrayList<>();
                cells.add(obaRow(oba, "ALL", instrument).get(column));
                for (String approach : approaches) {
                    cells.add(obaRow(oba, approach, instrument).get(column));
                }
                if (!cells.get(0).isEmpty()) {
                    groups.add(new Group(OBA + " " + instrument + " " + column, cells));
                }
            }
        }
        // outcomes_by_approach: n_paired = reliable improvement + deterioration + neither, per row
        for (Map<String, String> row : oba) {
            if (!row.get("n_paired").isEmpty()) {
                groups.add(new Group(OBA + " " + row.get("approach") + " " + row.get("instrument") + " paired",
                        List.of(row.get("n_paired"), row.get("n_reliable_improvement"),
                                row.get("n_reliable_deterioration"), row.get("n_no_reliable_change"))));
            }
        }
        // clinical_significance (research runs): per row n = improved + unchanged + deteriorated and
        // improved = recovered + improved not recovered; approaches -> ALL per instrument, method and column
        if (!run.monthly()) {
            List<Map<String, String>> significance = read(csv.resolve(SIGNIFICANCE));
            Map<String, List<Map<String, String>>> byMethod = new LinkedHashMap<>();
            for (Map<String, String> row : significance) {
                byMethod.computeIfAbsent(row.get("instrument") + " " + row.get("method"), k -> new ArrayList<>()).add(row);
                if (row.get("n").isEmpty()) {
                    continue;
                }
                String name = SIGNIFICANCE + " " + row.get("instrument") + " " + row.get("method") + " "
                        + row.get("approach");
                groups.add(new Group(name + " n", List.of(row.get("n"), row.get("n_improved"), row.get("n_unchanged"),
                        row.get("n_deteriorated"))));
                if (!row.get("n_recovered").isEmpty()) {
                    groups.add(new Group(name + " improved", List.of(row.get("n_improved"), row.get("n_recovered"),
                            row.get("n_improved_not_recovered"))));
                }
            }
            for (Map.Entry<String, List<Map<String, String>>> method : byMethod.entrySet()) {
                for (String column : COUNTS.get(SIGNIFICANCE)) {
                    List<String> cells = totalFirst(method.getValue(), "approach", column);
                    if (!cells.get(0).isEmpty()) {
                        groups.add(new Group(SIGNIFICANCE + " " + method.getKey() + " " + column, cells));
                    }
                }
            }
        }
        // approach_comparison: n_paired = the compared approaches' n_paired (n_paired >= 2)
        for (Map<String, String> row : read(csv.resolve(TableSchemas.APPROACH_COMPARISON.file()))) {
            List<String> cells = new ArrayList<>();
            cells.add(row.get("n_paired"));
            for (String approach : approaches) {
                if (Long.parseLong(obaRow(plainOba, approach, row.get("instrument")).get("n_paired")) >= 2) {
                    cells.add(obaRow(oba, approach, row.get("instrument")).get("n_paired"));
                }
            }
            groups.add(new Group("comparison " + row.get("instrument"), cells));
        }
        // activity: approaches -> ALL per column; discharges = the four reasons per row
        List<Map<String, String>> activity = read(csv.resolve(TableSchemas.ACTIVITY.file()));
        for (String column : COUNTS.get(TableSchemas.ACTIVITY.file())) {
            groups.add(new Group("activity " + column, totalFirst(activity, "approach", column)));
        }
        for (Map<String, String> row : activity) {
            groups.add(new Group("activity discharges of " + row.get("approach"), List.of(row.get("discharges"),
                    row.get("discharges_completed"), row.get("discharges_dropout"), row.get("discharges_referred"),
                    row.get("discharges_other"))));
        }
        // pcl5_clusters: approaches -> ALL, per cluster and column
        List<Map<String, String>> clusters = read(csv.resolve(TableSchemas.PCL5_CLUSTERS.file()));
        for (String cluster : List.of("B", "C", "D", "E")) {
            List<Map<String, String>> rows = clusters.stream().filter(r -> r.get("cluster").equals(cluster)).toList();
            for (String column : COUNTS.get(TableSchemas.PCL5_CLUSTERS.file())) {
                groups.add(new Group("clusters " + cluster + " " + column, totalFirst(rows, "approach", column)));
            }
        }
        // clinicians: all clinicians -> the ALL row of the primary instrument (its dropouts are
        // dropout_pct x n_closed); n_open has no total
        List<Map<String, String>> clinicians = read(csv.resolve(TableSchemas.CLINICIANS.file()));
        for (String column : COUNTS.get(TableSchemas.CLINICIANS.file())) {
            if (column.equals("n_open")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add(column.equals("n_dropout") ? practiceDropouts(run, "pcl5") : obaRow(oba, "ALL", "pcl5").get(column));
            clinicians.forEach(row -> cells.add(row.get(column)));
            groups.add(new Group("clinicians " + column, cells));
        }
        // subgroups: the values of a variable -> the group's outcomes_by_approach counts;
        // approaches -> ALL per variable and value
        List<Map<String, String>> subgroups = read(csv.resolve(TableSchemas.SUBGROUPS.file()));
        Map<String, List<Map<String, String>>> byGroupAndVariable = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> byVariableAndValue = new LinkedHashMap<>();
        for (Map<String, String> row : subgroups) {
            byGroupAndVariable.computeIfAbsent(row.get("approach") + " " + row.get("variable"), k -> new ArrayList<>())
                    .add(row);
            byVariableAndValue.computeIfAbsent(row.get("variable") + " " + row.get("value"), k -> new ArrayList<>())
                    .add(row);
        }
        byGroupAndVariable.forEach((name, rows) -> {
            for (String column : COUNTS.get(TableSchemas.SUBGROUPS.file())) {
                List<String> cells = new ArrayList<>();
                cells.add(obaRow(oba, rows.get(0).get("approach"), "pcl5").get(column));
                rows.forEach(row -> cells.add(row.get(column)));
                groups.add(new Group("subgroups " + name + " " + column, cells));
            }
        });
        byVariableAndValue.forEach((name, rows) -> {
            for (String column : COUNTS.get(TableSchemas.SUBGROUPS.file())) {
                groups.add(new Group("subgroups " + name + " " + column, totalFirst(rows, "approach", column)));
            }
        });
        if (run.monthly()) {
            groups.addAll(seriesGroups(read(csv.resolve(SERIES)), oba));
        }
        return groups;
    }

    /**
     * monthly_series: per month and count column, approaches -> ALL; and the window (the 12
     * months ending with the report month, all months of the series here) adds up, per approach
     * and ALL, to the outcomes_by_approach counts on pcl5, the primary instrument.
     */
    private static List<Group> seriesGroups(List<Map<String, String>> series, List<Map<String, String>> oba) {
        List<Group> groups = new ArrayList<>();
        Map<String, List<Map<String, String>>> byMonth = new LinkedHashMap<>();
        series.forEach(row -> byMonth.computeIfAbsent(row.get("month"), m -> new ArrayList<>()).add(row));
        byMonth.forEach((month, rows) -> {
            for (String column : COUNTS.get(SERIES)) {
                groups.add(new Group("series " + month + " " + column, totalFirst(rows, "approach", column)));
            }
        });
        Set<String> window = new TreeSet<>();
        for (int back = 0; back < WINDOW_MONTHS; back++) {
            window.add(MONTH.minusMonths(back).toString());
        }
        assertThat(byMonth.keySet()).containsAll(window);
        Map<String, String> obaColumns = Map.of("n_closed", "n_closed", "n_paired", "n_paired",
                "n_reliable_improvement", "n_reliable_improvement", "n_reliable_deterioration",
                "n_reliable_deterioration", "n_cases", "n_cases", "n_recovered", "n_recovered");
        Set<String> approaches = new TreeSet<>();
        series.forEach(row -> approaches.add(row.get("approach")));
        for (String approach : approaches) {
            for (Map.Entry<String, String> column : obaColumns.entrySet()) {
                List<String> cells = new ArrayList<>();
                cells.add(obaRow(oba, approach, "pcl5").get(column.getKey()));
                series.stream().filter(row -> row.get("approach").equals(approach) && window.contains(row.get("month")))
                        .forEach(row -> cells.add(row.get(column.getValue())));
                groups.add(new Group("window of the series " + approach + " " + column.getKey(), cells));
            }
        }
        return groups;
    }

    /** The ALL row's cell first, then the other rows' cells. */
    private static List<String> totalFirst(List<Map<String, String>> rows, String key, String column) {
        List<String> cells = new ArrayList<>();
        cells.add(rows.stream().filter(r -> r.get(key).equals("ALL")).findFirst().orElseThrow().get(column));
        rows.stream().filter(r -> !r.get(key).equals("ALL")).forEach(r -> cells.add(r.get(column)));
        return cells;
    }

    /**
     * What a reader can infer about cell {@code i} from its group alone: the total minus the other
     * parts, with {@code <11} read as 1–10 and {@code >10} as 11 to the total (or unbounded).
     */
    private static long[] implied(Group group, int i) {
        List<String> cells = group.cells();
        long unbounded = Long.MAX_VALUE / 4;
        long lowSum = 0;
        long highSum = 0;
        for (int k = 0; k < cells.size(); k++) {
            if (k == i) {
                continue;
            }
            long[] b = bounds(cells.get(k), unbounded);
            long sign = k == 0 ? -1 : 1;
            lowSum += sign > 0 ? b[0] : -b[1];
            highSum += sign > 0 ? b[1] : -b[0];
        }
        // parts - total = 0: for a part, x = -(rest); for the total, x = rest
        long low = i == 0 ? lowSum : -highSum;
        long high = i == 0 ? highSum : -lowSum;
        long[] own = bounds(cells.get(i), unbounded);
        return new long[] {Math.max(low, own[0]), Math.min(high, own[1])};
    }

    private static long[] bounds(String cell, long unbounded) {
        if (SMALL.equals(cell)) {
            return new long[] {1, 10};
        }
        if (BIG.equals(cell)) {
            return new long[] {11, unbounded};
        }
        long value = Long.parseLong(cell);
        return new long[] {value, value};
    }

    // ---------------------------------------------------------------- statistics and their counts

    private static boolean isKey(String column) {
        return Set.of("approach", "instrument", "variable", "value", "clinician_id", "period", "cluster",
                "cluster_name", "first_item", "last_item", "k", "n_approaches", "month", "method").contains(column);
    }

    private static boolean oneToTen(String integer) {
        long value = Long.parseLong(integer);
        return value >= 1 && value <= 10;
    }

    private static boolean isHidden(String cell) {
        return SMALL.equals(cell) || BIG.equals(cell);
    }

    /**
     * The cells (suppressed CSV) a statistic depends on, restated from METRICS.md; a marker
     * {@code <11} is added for a count that is not a column and is 1–10 (the dropouts, the RI ×
     * approach table of the χ² test).
     */
    private static List<String> dependencies(Run run, String file, String column, Map<String, String> row,
                                             Map<String, String> truth) throws IOException {
        List<String> d = new ArrayList<>();
        switch (file) {
            case OBA -> {
                switch (column) {
                    case "completeness_pct" -> d.addAll(List.of(row.get("n_closed"), row.get("n_paired")));
                    case "reliable_improvement_pct", "reliable_improvement_ci_low", "reliable_improvement_ci_high" ->
                            d.addAll(List.of(row.get("n_paired"), row.get("n_reliable_improvement")));
                    case "reliable_deterioration_pct" ->
                            d.addAll(List.of(row.get("n_paired"), row.get("n_reliable_deterioration")));
                    case "no_reliable_change_pct" -> d.addAll(List.of(row.get("n_paired"),
                            row.get("n_reliable_improvement"), row.get("n_reliable_deterioration"),
                            row.get("n_no_reliable_change")));
                    case "recovery_pct", "recovery_ci_low", "recovery_ci_high" ->
                            d.addAll(List.of(row.get("n_cases"), row.get("n_recovered")));
                    case "reliable_recovery_pct" -> d.addAll(List.of(row.get("n_cases"), row.get("n_reliable_recovery")));
                    case "response_pct" -> d.addAll(List.of(row.get("n_paired"), row.get("n_response")));
                    case "sessions_median", "sessions_q1", "sessions_q3" -> d.add(row.get("n_closed"));
                    case "dropout_pct" -> {
                        d.add(row.get("n_closed"));
                        long dropouts = Math.round(Double.parseDouble(truth.get("dropout_pct"))
                                * Long.parseLong(truth.get("n_closed")) / 100.0);
                        d.add(dropouts >= 1 && dropouts <= 10 ? SMALL : "0");
                    }
                    default -> d.add(row.get("n_paired"));
                }
            }
            case "approach_comparison.csv" -> {
                d.add(row.get("n_paired"));
                List<Map<String, String>> oba = read(run.suppressed().resolve(OBA));
                List<Map<String, String>> plainOba = read(run.plain().resolve(OBA));
                for (Map<String, String> plain : plainOba) {
                    if (plain.get("approach").equals("ALL") || !plain.get("instrument").equals(row.get("instrument"))
                            || Long.parseLong(plain.get("n_paired")) < 2) {
                        continue;
                    }
                    Map<String, String> shown = obaRow(oba, plain.get("approach"), plain.get("instrument"));
                    d.add(shown.get("n_paired"));
                    if (column.startsWith("chi2")) {
                        d.add(shown.get("n_reliable_improvement"));
                        long no = Long.parseLong(plain.get("n_paired")) - Long.parseLong(plain.get("n_reliable_improvement"));
                        d.add(no >= 1 && no <= 10 ? SMALL : "0");
                    }
                }
            }
            case "trajectories.csv" -> d.add(row.get("n"));
            case "pcl5_clusters.csv" -> {
                d.add(row.get("n"));
                if (column.equals("diagnosis_baseline_pct")) {
                    d.add(row.get("n_diagnosis_baseline"));
                } else if (column.equals("diagnosis_final_pct")) {
                    d.add(row.get("n_diagnosis_final"));
                }
            }
            case "clinicians.csv" -> {
                if (SMALL.equals(row.get("n_closed")) && !column.startsWith("practice_")) {
                    d.add(SMALL); // a clinician with 1-10 closed episodes: no statistic of their own
                }
                Map<String, String> practice = obaRow(read(run.suppressed().resolve(OBA)), "ALL", row.get("instrument"));
                List<String> practiceCounts = List.of(practice.get("n_paired"), practice.get("n_reliable_improvement"));
                List<String> practiceDropoutCounts = List.of(practice.get("n_closed"),
                        practiceDropouts(run, row.get("instrument")));
                switch (column) {
                    case "change_mean" -> d.add(row.get("n_paired"));
                    case "reliable_improvement_pct" ->
                            d.addAll(List.of(row.get("n_paired"), row.get("n_reliable_improvement")));
                    case "recovery_pct" -> d.addAll(List.of(row.get("n_cases"), row.get("n_recovered")));
                    case "practice_reliable_improvement_pct" -> d.addAll(practiceCounts);
                    case "dropout_pct" -> d.addAll(List.of(row.get("n_closed"), row.get("n_dropout")));
                    case "reliable_deterioration_pct" ->
                            d.addAll(List.of(row.get("n_paired"), row.get("n_reliable_deterioration")));
                    case "measured_pct" -> {
                        // Its counts are not columns: the clinician's episodes with an attended
                        // session in the window, those sessions, and the measured ones.
                        OutcomeTables.ClinicianRow counts = run.tables().clinicians().stream()
                                .filter(c -> c.clinicianId().equals(row.get("clinician_id"))).findFirst().orElseThrow();
                        for (long n : new long[] {counts.sessionEpisodes(), counts.attendedSessions(),
                                counts.measuredSessions()}) {
                            d.add(n >= 1 && n <= 10 ? SMALL : "0");
                        }
                    }
                    case "practice_dropout_pct" -> d.addAll(practiceDropoutCounts);
                    case "reliable_improvement_band" -> {
                        d.addAll(List.of(row.get("n_paired"), row.get("n_reliable_improvement")));
                        d.addAll(practiceCounts);
                    }
                    case "dropout_band" -> {
                        d.addAll(List.of(row.get("n_closed"), row.get("n_dropout")));
                        d.addAll(practiceDropoutCounts);
                    }
                    default -> {
                        if (column.startsWith("dropout_funnel_")) {
                            d.add(row.get("n_closed"));
                            d.addAll(practiceDropoutCounts);
                        } else { // funnel limits of reliable improvement
                            d.add(row.get("n_paired"));
                            d.addAll(practiceCounts);
                        }
                    }
                }
            }
            case "subgroups.csv" -> {
                d.add(row.get("n_paired"));
                if (column.equals("reliable_improvement_pct")) {
                    d.add(row.get("n_reliable_improvement"));
                }
            }
            case "activity.csv" -> d.addAll(List.of(row.get("attended_sessions"), row.get("missed_sessions")));
            case "monthly_series.csv" -> d.addAll(seriesDependencies(run, column, row, truth));
            case "expected_recovery.csv" -> d.add(row.get("n"));
            case "expected_recovery_check.csv" -> d.addAll(checkDependencies(run, column, row));
            // The cut-off is of the pooled sample's scores and the critical value a constant: no count.
            case "clinical_significance.csv" -> {
            }
            default -> throw new IllegalArgumentException(file);
        }
        return d;
    }

    /**
     * The counts a rate of the flag check rests on, numerator and denominator, from the true
     * counts (not columns but n_judged and n_flagged): 1–10 as {@code <11}.
     */
    private static List<String> checkDependencies(Run run, String column, Map<String, String> row) {
        org.clinicaloutcomes.metrics.FlagCheck c = run.plainTables().expectedRecoveryCheck().stream()
                .filter(r -> r.instrument().equals(row.get("instrument"))).findFirst().orElseThrow().check();
        List<String> d = new ArrayList<>();
        // A denominator that is a column, or the difference of two (not flagged = judged − flagged).
        switch (column) {
            case "flagged_no_ri_pct" -> d.add(row.get("n_flagged"));
            case "unflagged_no_ri_pct" -> d.addAll(List.of(row.get("n_judged"), row.get("n_flagged")));
            default -> {
            }
        }
        long[] counts = switch (column) {
            case "flagged_no_ri_pct" -> new long[] {c.flaggedNoRi(), c.nFlagged()};
            case "unflagged_no_ri_pct" -> new long[] {c.unflaggedNoRi(), c.nUnflagged()};
            case "sensitivity_no_ri_pct" -> new long[] {c.flaggedNoRi(), c.flaggedNoRi() + c.unflaggedNoRi()};
            case "specificity_no_ri_pct" -> new long[] {c.unflaggedRi(), c.flaggedRi() + c.unflaggedRi()};
            case "deteriorated_flagged_pct" -> new long[] {c.flaggedRd(), c.flaggedRd() + c.unflaggedRd()};
            default -> throw new IllegalArgumentException(column);
        };
        for (long n : counts) {
            d.add(n >= 1 && n <= 10 ? SMALL : "0");
        }
        return d;
    }

    /**
     * The cells a statistic of a series row (monthly_series.csv, or a row before the series)
     * depends on: the month's counts; for a wait rate also its numerator (not a column); for a
     * rolling 12-month rate its pooled counts (not columns: 1-10 hides it) and the counts of every
     * month of its pool that a table shows (printed in full, the pooled rate and the other
     * months' counts would give a hidden one back), but when the pool is the window only the
     * same counts in outcomes_by_approach on pcl5 (it is their rate); for the p-chart's centre line its pooled counts
     * and the counts of every month of the series of the approach, and for the limits the
     * centre's and the month's.
     */
    private static List<String> seriesDependencies(Run run, String column, Map<String, String> row,
                                                   Map<String, String> truth) throws IOException {
        List<String> d = new ArrayList<>();
        List<String> riCounts = List.of("n_paired", "n_reliable_improvement");
        switch (column) {
            case "reliable_improvement_pct", "reliable_improvement_ci_low", "reliable_improvement_ci_high" ->
                    riCounts.forEach(c -> d.add(row.get(c)));
            case "recovery_pct", "recovery_ci_low", "recovery_ci_high" ->
                    d.addAll(List.of(row.get("n_cases"), row.get("n_recovered")));
            case "reliable_deterioration_pct" -> d.addAll(List.of(row.get("n_paired"), row.get("n_reliable_deterioration")));
            case "dropout_pct" -> d.addAll(List.of(row.get("n_closed"), row.get("n_dropout")));
            case "wait_days_median" -> d.add(row.get("n_started_with_referral"));
            case "wait_within_6_weeks_pct", "wait_within_18_weeks_pct" -> {
                d.add(row.get("n_started_with_referral"));
                long n = Long.parseLong(truth.get("n_started_with_referral"));
                long within = truth.get(column).isEmpty() ? 0
                        : Math.round(Double.parseDouble(truth.get(column)) * n / 100.0);
                d.add(within >= 1 && within <= 10 ? SMALL : "0");
            }
            case "reliable_improvement_pct_12m" -> d.addAll(pool(run, row, "n_paired", "n_reliable_improvement"));
            case "recovery_pct_12m" -> d.addAll(pool(run, row, "n_cases", "n_recovered"));
            case "spc_centre_pct" -> d.addAll(centre(run, row.get("approach")));
            case "spc_lower_pct", "spc_upper_pct" -> {
                d.addAll(centre(run, row.get("approach")));
                riCounts.forEach(c -> d.add(row.get(c)));
            }
            default -> riCounts.forEach(c -> d.add(row.get(c))); // the six signals
        }
        return d;
    }

    private static List<String> pool(Run run, Map<String, String> row, String n, String k) throws IOException {
        List<String> d = new ArrayList<>();
        YearMonth last = YearMonth.parse(row.get("month"));
        String approach = row.get("approach");
        if (last.equals(MONTH)) {
            // The pool is the window: the rate of outcomes_by_approach's counts on pcl5, shown there.
            Map<String, String> group = obaRow(read(run.suppressed().resolve(OBA)), approach, "pcl5");
            return List.of(group.get(n), group.get(k));
        }
        // The pooled counts, from the unsuppressed analysis (they are not columns).
        OutcomeTables.SeriesRow truth = Stream.concat(run.plainTables().monthlySeries().stream(),
                        run.plainTables().monthsBeforeSeries().stream())
                .filter(r -> r.month().equals(last.toString()) && r.approach().equals(approach)).findFirst().orElseThrow();
        org.clinicaloutcomes.metrics.Proportion pooled = n.equals("n_paired") ? truth.reliableImprovement12m()
                : truth.recovery12m();
        for (long count : new long[] {pooled.k(), pooled.n()}) {
            d.add(count >= 1 && count <= 10 ? SMALL : "0");
        }
        Set<String> months = new TreeSet<>();
        for (int back = 0; back < 12; back++) {
            months.add(last.minusMonths(back).toString());
        }
        Stream.concat(read(run.suppressed().resolve(SERIES)).stream(), printedBeforeSeries(run).stream())
                .filter(r -> r.get("approach").equals(approach) && months.contains(r.get("month")))
                .forEach(r -> d.addAll(List.of(r.get(n), r.get(k))));
        return d;
    }

    private static List<String> centre(Run run, String approach) throws IOException {
        List<String> d = new ArrayList<>();
        long improved = 0;
        long paired = 0;
        for (Map<String, String> plain : read(run.plain().resolve(SERIES))) {
            if (plain.get("approach").equals(approach)) {
                improved += Long.parseLong(plain.get("n_reliable_improvement"));
                paired += Long.parseLong(plain.get("n_paired"));
            }
        }
        for (long count : new long[] {improved, paired}) {
            d.add(count >= 1 && count <= 10 ? SMALL : "0");
        }
        for (Map<String, String> shown : read(run.suppressed().resolve(SERIES))) {
            if (shown.get("approach").equals(approach)) {
                d.addAll(List.of(shown.get("n_paired"), shown.get("n_reliable_improvement")));
            }
        }
        return d;
    }

    /**
     * The practice's dropouts on an instrument's ALL row of outcomes_by_approach (not a column:
     * dropout_pct x n_closed) as a reader of the suppressed files sees them: the count where
     * dropout_pct is shown, else a marker from the truth.
     */
    private static String practiceDropouts(Run run, String instrument) throws IOException {
        Map<String, String> truth = obaRow(read(run.plain().resolve(OBA)), "ALL", instrument);
        Map<String, String> shown = obaRow(read(run.suppressed().resolve(OBA)), "ALL", instrument);
        if (truth.get("dropout_pct").isEmpty()) {
            return "0";
        }
        long dropouts = Math.round(Double.parseDouble(truth.get("dropout_pct"))
                * Long.parseLong(truth.get("n_closed")) / 100.0);
        if (!shown.get("dropout_pct").isEmpty()) {
            return Long.toString(dropouts);
        }
        return dropouts >= 1 && dropouts <= 10 ? SMALL : dropouts > 10 ? BIG : "0";
    }

    // ---------------------------------------------------------------- reading

    private static Map<String, String> obaRow(List<Map<String, String>> rows, String approach, String instrument) {
        return rows.stream().filter(r -> r.get("approach").equals(approach) && r.get("instrument").equals(instrument))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + approach + " " + instrument));
    }

    private static final Map<Path, List<Map<String, String>>> READ = new java.util.HashMap<>();

    /** The rows of a written CSV, header names to cells (files are not changed once written). */
    private static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> cached = READ.get(file);
        if (cached == null) {
            cached = parse(file);
            READ.put(file, cached);
        }
        return cached;
    }

    private static List<Map<String, String>> parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
        }
        return rows;
    }

    private static String where(Run run, String file, int row, String column) {
        return run.name() + " " + file + " row " + row + " column " + column;
    }
}
