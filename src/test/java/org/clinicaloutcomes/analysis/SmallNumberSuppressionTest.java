package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.analysis.SuppressedCells.Kind;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Proportion;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.metrics.SpcMonth;
import org.clinicaloutcomes.metrics.Statistics;
import org.clinicaloutcomes.metrics.WaitingTimes;
import org.clinicaloutcomes.metrics.Wilson;
import org.clinicaloutcomes.report.OutcomeCsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SmallNumberSuppression} on hand-built cohorts ({@link CohortAnalysis} over
 * {@link CohortFixture} episodes) and hand-built rows: counts 1–10 hidden as {@code <11}, no
 * statistic over a hidden count, complementary suppression against totals, zero kept, big groups
 * untouched, episode-level rows gone.
 */
class SmallNumberSuppressionTest {

    private static final String OBA = "outcomes_by_approach.csv";

    @TempDir
    Path folder;

    // ---------------------------------------------------------------- cohorts

    /**
     * {@code n} closed episodes of an approach (research window of {@link CohortFixture}), all
     * with one clinician, index event icu and every flag Y, two scored sessions each: pcl5 50 → 30
     * to 32 (+ {@code shift}), phq9 15 → 8, well 30 → 45, ders16 60 → 50. So every count of the
     * group is 0 or {@code n}: RI, case, recovered on pcl5, phq9 and well; no RD, no response;
     * ders16 has no RI.
     */
    private static void episodes(List<EpisodeData> into, String approach, String clinician, int n, int shift) {
        for (int i = 0; i < n; i++) {
            int index = into.size();
            into.add(new CohortFixture.Builder(index, approach + i, approach, clinician, "2026-01-10")
                    .discharged("2026-05-20", "completed")
                    .event("icu").flags(true, true, true, true)
                    .attended("2026-01-10", 50, 15, 30, 60)
                    .attended("2026-03-10", 30 + shift + i % 3, 8, 45, 50)
                    .data());
        }
    }

    private static OutcomeTables research(List<EpisodeData> episodes) {
        return CohortFixture.analyse(episodes, CohortFixture.research(), false);
    }

    /** DBT 30, CPT 20, ACT 5, TAU none: ACT is small, and with it the next smallest, CPT. */
    private static OutcomeTables oneSmallApproach() {
        List<EpisodeData> episodes = new ArrayList<>();
        episodes(episodes, "DBT", "CL-DBT", 30, 0);
        episodes(episodes, "CPT", "CL-CPT", 20, -2);
        episodes(episodes, "ACT", "CL-ACT", 5, 0);
        return research(episodes);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void analysisTablesAreUnsuppressedAndApplyIsIdempotent() {
        OutcomeTables tables = CohortFixture.analyse(true);
        assertThat(tables.suppressed()).isSameAs(SuppressedCells.NONE);
        assertThat(tables.suppressed().on()).isFalse();

        OutcomeTables suppressed = SmallNumberSuppression.apply(tables);
        assertThat(suppressed.suppressed().on()).isTrue();
        assertThat(SmallNumberSuppression.apply(suppressed)).isSameAs(suppressed);
        // The input is not changed.
        assertThat(tables.episodeOutcomes()).hasSize(10);
        assertThat(tables.alerts()).hasSize(2);
    }

    @Test
    void episodeAndAlertRowsAreEmptied() {
        OutcomeTables suppressed = SmallNumberSuppression.apply(CohortFixture.analyse(true));
        assertThat(suppressed.episodeOutcomes()).isEmpty();
        assertThat(suppressed.alerts()).isEmpty();
        assertThat(suppressed.episodesAdded()).isEqualTo(10);
        assertThat(suppressed.closedInWindow()).isEqualTo(6);
    }

    @Test
    void everyCountFromOneToTenIsShownAsLessThanElevenAndZeroIsKept() throws IOException {
        // The fixture: 6 closed episodes in all, so every count but the sessions is 0 to 10.
        OutcomeTables plain = CohortFixture.analyse(false);
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        Map<String, List<String[]>> truth = write(plain, "plain");
        Map<String, List<String[]>> shown = write(suppressed, "suppressed");
        int small = 0;
        int zeros = 0;
        for (Map.Entry<String, List<String[]>> file : truth.entrySet()) {
            List<String> columns = OutcomeCsvFiles.columns(file.getKey());
            List<String[]> rows = file.getValue();
            for (int r = 1; r < rows.size(); r++) {
                for (String column : countColumns(file.getKey())) {
                    int c = columns.indexOf(column);
                    String value = rows.get(r)[c];
                    String cell = shown.get(file.getKey()).get(r)[c];
                    if (value.isEmpty()) {
                        assertThat(cell).isEmpty();
                    } else if (Long.parseLong(value) == 0) {
                        assertThat(cell).as(file.getKey() + " " + r + " " + column).isEqualTo("0");
                        zeros++;
                    } else if (Long.parseLong(value) > 10) { // attended sessions of the window
                        assertThat(cell).as(file.getKey() + " " + r + " " + column).isIn(value, ">10");
                    } else {
                        assertThat(cell).as(file.getKey() + " " + r + " " + column).isEqualTo("<11");
                        assertThat(suppressed.suppressed().kind(file.getKey(), r - 1, column)).isEqualTo(Kind.SMALL);
                        small++;
                    }
                }
            }
        }
        assertThat(small).isGreaterThan(100);
        assertThat(zeros).isGreaterThan(100);
        // Every SMALL cell of the CSVs was seen (the window activity cells are the workbook's, not
        // in a CSV).
        assertThat(suppressed.suppressed().cells().entrySet().stream()
                .filter(e -> !e.getKey().file().equals(TableSchemas.WINDOW_ACTIVITY.file()))
                .filter(e -> e.getValue() == Kind.SMALL).count())
                .isEqualTo(small);
    }

    @Test
    void noStatisticOfAGroupOfOneToTen() {
        OutcomeTables plain = CohortFixture.analyse(false);
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        // The unsuppressed fixture has statistics (a means of 2, rates, a clinician's funnel)...
        assertThat(plain.outcomesByApproach().get(0).outcomes().changeMean()).isNotNull();
        assertThat(plain.clinicians().get(0).funnel95High()).isNotNull();
        // ... and no group has more than 10 episodes: every statistic goes.
        suppressed.outcomesByApproach().forEach(row -> assertNoStatistic(row.outcomes()));
        suppressed.approachComparison().forEach(row -> assertNoStatistic(row.result()));
        suppressed.trajectories().forEach(row -> assertNoStatistic(row.point()));
        suppressed.pcl5Clusters().forEach(SmallNumberSuppressionTest::assertNoStatistic);
        suppressed.clinicians().forEach(SmallNumberSuppressionTest::assertNoStatistic);
        suppressed.subgroups().forEach(SmallNumberSuppressionTest::assertNoStatistic);
        for (OutcomeTables.ActivityRow row : suppressed.activity()) {
            if (row.attendedSessions() <= 10 || row.missedSessions() <= 10) {
                assertThat(row.missedSessionPct()).as(row.approach()).isNull();
            }
        }
        // Counts keep their values in the rows (the registry says how to print them).
        assertThat(suppressed.outcomesByApproach().get(0).outcomes().nClosed()).isEqualTo(2);
    }

    @Test
    void bigGroupsAreUntouched() throws IOException {
        List<EpisodeData> episodes = new ArrayList<>();
        episodes(episodes, "DBT", "CL-DBT", 20, 0);
        episodes(episodes, "CPT", "CL-CPT", 15, -2);
        OutcomeTables plain = research(episodes);
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);

        assertThat(suppressed.suppressed().on()).isTrue();
        assertThat(suppressed.suppressed().cells()).isEmpty();
        assertThat(suppressed.outcomesByApproach()).isEqualTo(plain.outcomesByApproach());
        assertThat(suppressed.approachComparison()).isEqualTo(plain.approachComparison());
        assertThat(suppressed.approachComparison().get(0).result().anovaF()).isNotNull();
        assertThat(suppressed.trajectories()).isEqualTo(plain.trajectories());
        assertThat(suppressed.pcl5Clusters()).isEqualTo(plain.pcl5Clusters());
        assertThat(suppressed.clinicians()).isEqualTo(plain.clinicians());
        assertThat(suppressed.subgroups()).isEqualTo(plain.subgroups());
        assertThat(suppressed.activity()).isEqualTo(plain.activity());

        Map<String, List<String[]>> a = write(plain, "plain");
        Map<String, List<String[]>> b = write(suppressed, "suppressed");
        for (String file : OutcomeCsvFiles.files(false, true)) {
            if (file.equals(TableSchemas.CLINICAL_SIGNIFICANCE.file())) {
                continue; // research only: these are monthly tables
            }
            assertThat(Files.readAllBytes(folder.resolve("suppressed").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(folder.resolve("plain").resolve(file)));
        }
        assertThat(a.keySet()).contains(TableSchemas.EPISODE_OUTCOMES.file());
        assertThat(b.keySet()).doesNotContain(TableSchemas.EPISODE_OUTCOMES.file());
    }

    @Test
    void oneSmallApproachHidesTheNextSmallestOnTheAllRow() throws IOException {
        OutcomeTables plain = oneSmallApproach();
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        Map<String, List<String[]>> csv = write(suppressed, "suppressed");

        // n_closed: DBT 30, CPT 20, ACT 5, TAU 0, ALL 55. ACT is 1-10; ALL - DBT - TAU would give
        // CPT + ACT = 25, so CPT (the next smallest) is hidden too, as >10.
        for (String instrument : List.of("pcl5", "phq9", "well", "ders16")) {
            assertThat(cell(csv, OBA, "DBT", instrument, "n_closed")).isEqualTo("30");
            assertThat(cell(csv, OBA, "CPT", instrument, "n_closed")).isEqualTo(">10");
            assertThat(cell(csv, OBA, "ACT", instrument, "n_closed")).isEqualTo("<11");
            assertThat(cell(csv, OBA, "TAU", instrument, "n_closed")).isEqualTo("0");
            assertThat(cell(csv, OBA, "ALL", instrument, "n_closed")).isEqualTo("55");
        }
        assertThat(cell(csv, OBA, "CPT", "pcl5", "n_reliable_improvement")).isEqualTo(">10");
        assertThat(cell(csv, OBA, "ACT", "pcl5", "n_reliable_improvement")).isEqualTo("<11");
        assertThat(cell(csv, OBA, "DBT", "ders16", "n_reliable_improvement")).isEqualTo("0");
        assertThat(suppressed.suppressed().kind(OBA, 4, "n_closed")).isEqualTo(Kind.COMPLEMENTARY); // CPT pcl5

        // No hidden count of any approach column can be had by subtraction: each ALL total has 0 or
        // at least 2 hidden parts, and two hidden parts are not pinned by their sum.
        List<String> columns = OutcomeCsvFiles.columns(OBA);
        for (String instrument : List.of("pcl5", "phq9", "well", "ders16")) {
            for (String column : countColumns(OBA)) {
                String total = cell(csv, OBA, "ALL", instrument, column);
                if (total.isEmpty()) {
                    continue;
                }
                long rest = Long.parseLong(total);
                List<String> hidden = new ArrayList<>();
                for (String approach : CohortFixture.APPROACHES) {
                    String part = cell(csv, OBA, approach, instrument, column);
                    if (part.startsWith("<") || part.startsWith(">")) {
                        hidden.add(part);
                    } else {
                        rest -= Long.parseLong(part);
                    }
                }
                assertThat(hidden.size()).as(instrument + " " + column).isNotEqualTo(1);
                if (hidden.size() == 2) {
                    // <11 and >10 adding up to rest: the small one is 1..10 only if rest >= 12 + 9
                    assertThat(rest).as(instrument + " " + column + " hidden sum").isGreaterThan(21);
                }
            }
        }
        assertThat(columns).contains("n_closed");

        // Statistics of the hidden groups are gone; DBT's and ALL's are untouched.
        for (int r = 0; r < plain.outcomesByApproach().size(); r++) {
            OutcomeTables.ApproachRow row = suppressed.outcomesByApproach().get(r);
            if (row.approach().equals("CPT") || row.approach().equals("ACT")) {
                assertNoStatistic(row.outcomes());
            } else {
                assertThat(row).isEqualTo(plain.outcomesByApproach().get(r));
            }
        }
        // The tests compare DBT, CPT and ACT: ACT has 5, so no test.
        suppressed.approachComparison().forEach(row -> assertNoStatistic(row.result()));
        assertThat(suppressed.approachComparison().get(0).nPaired()).isEqualTo(55);
        assertThat(plain.approachComparison().get(0).result().anovaF()).isNotNull();
    }

    @Test
    void theSameCountIsHiddenInEveryTableThatShowsIt() throws IOException {
        OutcomeTables suppressed = SmallNumberSuppression.apply(oneSmallApproach());
        Map<String, List<String[]>> csv = write(suppressed, "suppressed");
        // Trajectories: n at k = 1 and 2 is n_paired.
        List<String[]> trajectories = csv.get(TableSchemas.TRAJECTORIES.file());
        for (String[] row : trajectories.subList(1, trajectories.size())) {
            String expected = switch (row[0]) {
                case "DBT" -> "30";
                case "CPT" -> ">10";
                default -> "<11";
            };
            assertThat(row[3]).as(String.join(",", row)).isEqualTo(expected);
            if (!row[0].equals("DBT")) {
                assertThat(row[4]).as("mean of " + row[0]).isEmpty();
            }
        }
        // Activity over the window: discharges are n_closed, so hidden alike, and the reasons
        // adding up to them with them.
        assertThat(activity(csv, "CPT")).startsWith(CohortFixture.research().label() + ",CPT,>10,>10,>10,0,0,0,>10,>10,0,");
        assertThat(activity(csv, "ACT")).startsWith(CohortFixture.research().label() + ",ACT,<11,<11,<11,0,0,0,<11,<11,0,");
        assertThat(activity(csv, "DBT")).isEqualTo(CohortFixture.research().label() + ",DBT,30,30,30,0,0,0,30,60,0,0.0");
        assertThat(activity(csv, "ALL")).isEqualTo(CohortFixture.research().label() + ",ALL,55,55,55,0,0,0,55,110,0,0.0");
        // Subgroups: icu and Y are the whole group.
        assertThat(subgroup(csv, "ACT", "chronic_illness", "Y")).startsWith("ACT,pcl5,chronic_illness,Y,<11,<11,,,<11,");
        assertThat(subgroup(csv, "CPT", "chronic_illness", "Y")).startsWith("CPT,pcl5,chronic_illness,Y,>10,>10,,,>10,");
        assertThat(subgroup(csv, "CPT", "chronic_illness", "N")).isEqualTo("CPT,pcl5,chronic_illness,N,0,0,,,0,");
    }

    @Test
    void aClinicianWithOneToTenClosedEpisodesHasNoStatistic() {
        OutcomeTables plain = oneSmallApproach();
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        SuppressedCells cells = suppressed.suppressed();
        List<OutcomeTables.ClinicianRow> rows = suppressed.clinicians();
        assertThat(rows).extracting(OutcomeTables.ClinicianRow::clinicianId).containsExactly("CL-ACT", "CL-CPT", "CL-DBT");
        // CL-ACT: 5 closed
        assertThat(cells.text(TableSchemas.CLINICIANS.file(), 0, "n_closed")).isEqualTo("<11");
        assertThat(cells.text(TableSchemas.CLINICIANS.file(), 0, "n_paired")).isEqualTo("<11");
        // Nothing computed from the clinician's 5 episodes; the practice's rates (from all 55) stay.
        OutcomeTables.ClinicianRow act = rows.get(0);
        assertNoStatistic(new OutcomeTables.ClinicianRow(act.clinicianId(), act.instrument(),
                act.nClosed(), act.nPaired(), act.changeMean(),
                act.nReliableImprovement(), act.reliableImprovementPct(), act.nCases(),
                act.nRecovered(), act.recoveryPct(), null, act.funnel95Low(),
                act.funnel95High(), act.funnel998Low(), act.funnel998High(), act.nOpen(), act.nDropout(),
                act.dropoutPct(), act.nReliableDeterioration(), act.reliableDeteriorationPct(), act.measuredPct(),
                null, act.dropoutFunnel95Low(), act.dropoutFunnel95High(), act.dropoutFunnel998Low(),
                act.dropoutFunnel998High(), act.reliableImprovementBand(), act.dropoutBand(),
                act.attendedSessions(), act.measuredSessions(), act.sessionEpisodes()));
        assertThat(plain.clinicians().get(0).measuredPct()).isNotNull();
        assertThat(plain.clinicians().get(0).dropoutBand()).isNotNull();
        assertThat(act.practiceRiPct()).isNotNull().isEqualTo(plain.clinicians().get(0).practiceRiPct());
        assertThat(act.practiceDropoutPct()).isNotNull().isEqualTo(plain.clinicians().get(0).practiceDropoutPct());
        // CL-CPT: 20, hidden so that CL-ACT's 5 is not 55 - 30 - 20
        assertThat(cells.text(TableSchemas.CLINICIANS.file(), 1, "n_closed")).isEqualTo(">10");
        assertThat(rows.get(1).changeMean()).isNull();
        // CL-DBT: shown as it is
        assertThat(cells.contains(TableSchemas.CLINICIANS.file(), 2, "n_closed")).isFalse();
        assertThat(rows.get(2)).isEqualTo(plain.clinicians().get(2));
    }

    @Test
    void twoSmallCellsThatMustBeTenAreProtected() {
        // intakes: DBT 10 + CPT 10 + ACT 30 = 50. Hiding DBT and CPT alone would not do: two
        // cells of at most 10 adding up to 20 are both 10. So ACT is hidden too.
        OutcomeTables suppressed = SmallNumberSuppression.apply(activityOnly(new long[] {10, 10, 30}));
        SuppressedCells cells = suppressed.suppressed();
        assertThat(cells.kind(TableSchemas.ACTIVITY.file(), 0, "intakes")).isEqualTo(Kind.SMALL);
        assertThat(cells.kind(TableSchemas.ACTIVITY.file(), 1, "intakes")).isEqualTo(Kind.SMALL);
        assertThat(cells.kind(TableSchemas.ACTIVITY.file(), 2, "intakes")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.contains(TableSchemas.ACTIVITY.file(), 3, "intakes")).isFalse();
    }

    @Test
    void aSmallCellAndItsComplementThatMustBeOneAndElevenAreProtected() {
        // intakes: DBT 1 + CPT 11 + ACT 28 = 40. DBT is hidden, then CPT (next smallest); but
        // 40 - 28 = 12 = (1 to 10) + (11 or more) gives 1 and 11. So ACT is hidden too.
        OutcomeTables suppressed = SmallNumberSuppression.apply(activityOnly(new long[] {1, 11, 28}));
        SuppressedCells cells = suppressed.suppressed();
        assertThat(cells.kind(TableSchemas.ACTIVITY.file(), 0, "intakes")).isEqualTo(Kind.SMALL);
        assertThat(cells.kind(TableSchemas.ACTIVITY.file(), 1, "intakes")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.kind(TableSchemas.ACTIVITY.file(), 2, "intakes")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.size()).isEqualTo(3);
    }

    @Test
    void aCountThatIsNotAColumnHidesItsRate() {
        // 12 closed episodes, 3 of them dropouts: dropout_pct = 25 % gives the 3 back.
        List<EpisodeData> episodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            episodes.add(new CohortFixture.Builder(i, "D" + i, "DBT", "CL1", "2026-01-10")
                    .discharged("2026-05-20", i < 3 ? "dropout" : "completed")
                    .event("icu").flags(true, true, true, true)
                    .attended("2026-01-10", 50, 15, 30, 60)
                    .attended("2026-03-10", 30, 8, 45, 50)
                    .data());
        }
        OutcomeTables plain = research(episodes);
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        GroupOutcomes before = plain.outcomesByApproach().get(0).outcomes();
        GroupOutcomes after = suppressed.outcomesByApproach().get(0).outcomes();
        assertThat(before.dropoutPct()).isEqualTo(25.0);
        assertThat(after.dropoutPct()).isNull();
        assertThat(after.sessionsMedian()).isEqualTo(before.sessionsMedian());
        assertThat(after.changeMean()).isEqualTo(before.changeMean());
        // The dropouts are also a cell of activity (the period is the window): hidden there.
        assertThat(suppressed.suppressed().text(TableSchemas.ACTIVITY.file(), 0, "discharges_dropout")).isEqualTo("<11");
    }

    @Test
    void theNoReliableChangeCountIsHiddenWithTheCountsItIsMadeOf() {
        // 40 paired = RI 5 + RD 4 + 31 with no reliable change: RI and RD are hidden (1 to 10), and
        // the workbook's no-reliable-change count, made of them, is hidden with them (as >10), on the
        // approach's row and on ALL's.
        OutcomeTables plain = new OutcomeTables(0, 40, List.of(),
                List.of(new OutcomeTables.ApproachRow("DBT", "pcl5", counts(40, 40, 5, 4)),
                        new OutcomeTables.ApproachRow(OutcomeTables.ALL, "pcl5", counts(40, 40, 5, 4))),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        SuppressedCells cells = SmallNumberSuppression.apply(plain).suppressed();
        for (int row = 0; row < 2; row++) {
            assertThat(cells.kind(OBA, row, "n_reliable_improvement")).isEqualTo(Kind.SMALL);
            assertThat(cells.kind(OBA, row, "n_reliable_deterioration")).isEqualTo(Kind.SMALL);
            assertThat(cells.kind(OBA, row, TableSchemas.NO_RELIABLE_CHANGE))
                    .isEqualTo(Kind.COMPLEMENTARY);
            assertThat(cells.contains(OBA, row, "n_paired")).isFalse();
        }
    }

    /** A group with these counts and nothing else (no caseness, no response, no statistic). */
    private static GroupOutcomes counts(int closed, int paired, int reliableImprovement, int reliableDeterioration) {
        return new GroupOutcomes(closed, paired, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, reliableImprovement, null, null, null, reliableDeterioration, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, 0, null);
    }

    // ---------------------------------------------------------------- window activity

    private static final String WINDOW = TableSchemas.WINDOW_ACTIVITY.file();
    private static final List<String> ACTIVITY_COUNTS = List.of("intakes", "discharges", "discharges_completed",
            "discharges_dropout", "discharges_referred", "discharges_other", "caseload", "attended_sessions",
            "missed_sessions");

    @Test
    void windowActivityCountsFromOneToTenAreHidden() {
        // The monthly fixture's window rows (CohortAnalysisTest): every count is 0 to 10 except
        // ALL's 16 attended sessions, whose parts (DBT 6, CPT 7, TAU 3) are all hidden already.
        OutcomeTables plain = CohortFixture.analyse(true);
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        SuppressedCells cells = suppressed.suppressed();
        List<OutcomeTables.ActivityRow> rows = suppressed.windowActivity();
        assertThat(rows).hasSize(5);
        int small = 0;
        for (int r = 0; r < rows.size(); r++) {
            long[] counts = counts(rows.get(r));
            for (int c = 0; c < counts.length; c++) {
                String where = rows.get(r).approach() + " " + ACTIVITY_COUNTS.get(c);
                if (counts[c] == 0) {
                    assertThat(cells.kind(WINDOW, r, ACTIVITY_COUNTS.get(c))).as(where).isNull();
                } else if (counts[c] <= 10) {
                    assertThat(cells.kind(WINDOW, r, ACTIVITY_COUNTS.get(c))).as(where).isEqualTo(Kind.SMALL);
                    small++;
                }
            }
            // Every row has a hidden attended or missed count (or none scheduled): no rate.
            assertThat(rows.get(r).missedSessionPct()).as(rows.get(r).approach()).isNull();
        }
        // Non-zero counts 1-10: DBT 7 (2, 2, 1, 1, 2, 6, 2), CPT 6 (3, 2, 1, 1, 4, 7), ACT none,
        // TAU 7 (3, 2, 1, 1, 2, 3, 2), ALL 8 (8, 6, 3, 1, 1, 1, 8, 4; not the 16 attended) = 28.
        assertThat(small).isEqualTo(28);
        assertThat(rows.get(4).attendedSessions()).isEqualTo(16);
        assertThat(cells.kind(WINDOW, 4, "attended_sessions")).isNull();
        // The rows keep their counts (the registry says how to print them) and their period.
        assertThat(rows).extracting(OutcomeTables.ActivityRow::intakes)
                .isEqualTo(plain.windowActivity().stream().map(OutcomeTables.ActivityRow::intakes).toList());
        assertThat(rows).extracting(OutcomeTables.ActivityRow::period).containsOnly("2026-01-01_2026-06-30");
        // activity.csv's cells are registered under their own name, the report month's rows.
        assertThat(cells.kind(TableSchemas.ACTIVITY.file(), 4, "intakes")).isEqualTo(Kind.SMALL);
        assertThat(suppressed.activity()).extracting(OutcomeTables.ActivityRow::period).containsOnly("2026-06");
    }

    @Test
    void windowActivityOfAMonthlyRunHasComplementarySuppression() {
        // Monthly run, window 2026-01 … 2026-06, report month June. DBT 30 episodes (5 of them
        // dropouts), CPT 20, ACT 5, TAU none; every intake, discharge and session is before June,
        // so the June activity is all zero and only the window rows have counts:
        //   window   intakes discharges completed dropout caseload attended missed
        //   DBT      30      30         25        5       30       60       0
        //   CPT      20      20         20        0       20       40       0
        //   ACT       5       5          5        0        5       10       0
        //   ALL      55      55         50        5       55      110       0
        List<EpisodeData> episodes = new ArrayList<>();
        String[] approaches = {"DBT", "CPT", "ACT"};
        int[] sizes = {30, 20, 5};
        for (int a = 0; a < approaches.length; a++) {
            for (int i = 0; i < sizes[a]; i++) {
                episodes.add(new CohortFixture.Builder(episodes.size(), approaches[a] + i, approaches[a], "CL1",
                        "2026-01-10").discharged("2026-05-20", a == 0 && i < 5 ? "dropout" : "completed")
                        .attended("2026-01-10", 50, 15, 30, 60)
                        .attended("2026-03-10", 30, 8, 45, 50)
                        .data());
            }
        }
        OutcomeTables plain = CohortFixture.analyse(episodes, CohortFixture.WINDOW, true);
        assertThat(plain.windowActivity().get(4)).isEqualTo(new OutcomeTables.ActivityRow("2026-01-01_2026-06-30",
                "ALL", 55, 55, 50, 5, 0, 0, 55, 110, 0, 0.0));
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        SuppressedCells cells = suppressed.suppressed();
        int dbt = 0;
        int cpt = 1;
        int act = 2;
        int tau = 3;
        int all = 4;
        // Intakes: ACT's 5 is hidden; ALL - DBT - TAU would give it back, so CPT (the next
        // smallest) is hidden too, as >10. DBT and ALL stay.
        assertThat(cells.kind(WINDOW, act, "intakes")).isEqualTo(Kind.SMALL);
        assertThat(cells.kind(WINDOW, cpt, "intakes")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.kind(WINDOW, dbt, "intakes")).isNull();
        assertThat(cells.kind(WINDOW, tau, "intakes")).isNull();
        assertThat(cells.kind(WINDOW, all, "intakes")).isNull();
        // Discharges by reason: DBT's 5 dropouts are hidden; 30 = completed + 5 would give them
        // back, so DBT's 25 completed are hidden too. ALL's 5 dropouts are 1-10 themselves.
        assertThat(cells.kind(WINDOW, dbt, "discharges_dropout")).isEqualTo(Kind.SMALL);
        assertThat(cells.kind(WINDOW, dbt, "discharges_completed")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.kind(WINDOW, all, "discharges_dropout")).isEqualTo(Kind.SMALL);
        assertThat(cells.kind(WINDOW, all, "discharges_completed")).isNotNull();
        // Discharged in the window = n_closed of outcomes_by_approach: hidden alike.
        for (int r = 0; r <= all; r++) {
            String approach = plain.windowActivity().get(r).approach();
            int oba = 0;
            while (!plain.outcomesByApproach().get(oba).approach().equals(approach)) {
                oba++;
            }
            assertThat(cells.kind(WINDOW, r, "discharges")).as(approach)
                    .isEqualTo(cells.kind(OBA, oba, "n_closed"));
        }
        assertThat(cells.kind(WINDOW, cpt, "discharges")).isEqualTo(Kind.COMPLEMENTARY);
        // The missed-session rate: kept where both counts are shown (DBT 60 and 0, ALL 110 and 0),
        // emptied where attended is hidden (CPT >10, ACT <11), undefined for TAU.
        assertThat(cells.kind(WINDOW, cpt, "attended_sessions")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.kind(WINDOW, act, "attended_sessions")).isEqualTo(Kind.SMALL);
        assertThat(suppressed.windowActivity()).extracting(OutcomeTables.ActivityRow::missedSessionPct)
                .containsExactly(0.0, null, null, null, 0.0);
        // No total with exactly one hidden part, per column and per row.
        for (String column : ACTIVITY_COUNTS) {
            long hidden = 0;
            for (int r = 0; r < all; r++) {
                hidden += cells.contains(WINDOW, r, column) ? 1 : 0;
            }
            hidden += cells.contains(WINDOW, all, column) ? 1 : 0;
            assertThat(hidden).as(column).isNotEqualTo(1);
        }
        for (int r = 0; r <= all; r++) {
            long hidden = 0;
            for (String column : ACTIVITY_COUNTS.subList(1, 6)) {
                hidden += cells.contains(WINDOW, r, column) ? 1 : 0;
            }
            assertThat(hidden).as("discharges of row " + r).isNotEqualTo(1);
        }
        // The June rows are all zero: nothing of activity.csv is hidden, its rows are unchanged.
        assertThat(cells.cells().keySet()).noneMatch(cell -> cell.file().equals(TableSchemas.ACTIVITY.file()));
        assertThat(suppressed.activity()).isEqualTo(plain.activity());
    }

    @Test
    void inAResearchRunTheWindowActivityIsHiddenExactlyLikeActivity() {
        // The activity period is the window: the same counts, hidden in both places or in neither.
        OutcomeTables plain = oneSmallApproach();
        assertThat(plain.windowActivity()).isEqualTo(plain.activity());
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        SuppressedCells cells = suppressed.suppressed();
        int hidden = 0;
        for (int r = 0; r < plain.activity().size(); r++) {
            for (String column : ACTIVITY_COUNTS) {
                assertThat(cells.kind(WINDOW, r, column)).as(r + " " + column)
                        .isEqualTo(cells.kind(TableSchemas.ACTIVITY.file(), r, column));
                hidden += cells.contains(WINDOW, r, column) ? 1 : 0;
            }
        }
        assertThat(hidden).isGreaterThan(5);
        assertThat(suppressed.windowActivity()).isEqualTo(suppressed.activity());
    }

    @Test
    void aOneMonthWindowIsTheReportMonth() {
        // --window-months=1: the window 2026-06-01 … 2026-06-30 is June, labelled 2026-06 in
        // activity.csv and 2026-06-01_2026-06-30 in the window rows: the same counts, one quantity.
        OutcomeTables plain = CohortFixture.analyse(CohortFixture.episodes(),
                ReportWindow.monthly(YearMonth.of(2026, 6), 1), true);
        assertThat(plain.windowActivity()).extracting(OutcomeTables.ActivityRow::period)
                .containsOnly("2026-06-01_2026-06-30");
        SuppressedCells cells = SmallNumberSuppression.apply(plain).suppressed();
        int hidden = 0;
        for (int r = 0; r < plain.activity().size(); r++) {
            assertThat(counts(plain.windowActivity().get(r))).isEqualTo(counts(plain.activity().get(r)));
            for (String column : ACTIVITY_COUNTS) {
                assertThat(cells.kind(WINDOW, r, column)).as(r + " " + column)
                        .isEqualTo(cells.kind(TableSchemas.ACTIVITY.file(), r, column));
                hidden += cells.contains(WINDOW, r, column) ? 1 : 0;
            }
        }
        assertThat(hidden).isGreaterThan(5);
    }

    @Test
    void tablesWithoutWindowActivityRegisterNone() {
        OutcomeTables suppressed = SmallNumberSuppression.apply(activityOnly(new long[] {1, 11, 28}));
        assertThat(suppressed.windowActivity()).isEmpty();
        assertThat(suppressed.suppressed().cells().keySet()).noneMatch(cell -> cell.file().equals(WINDOW));
    }

    private static long[] counts(OutcomeTables.ActivityRow row) {
        return new long[] {row.intakes(), row.discharges(), row.dischargesCompleted(), row.dischargesDropout(),
                row.dischargesReferred(), row.dischargesOther(), row.caseload(), row.attendedSessions(),
                row.missedSessions()};
    }

    // ---------------------------------------------------------------- the monthly series

    private static final String SERIES = TableSchemas.MONTHLY_SERIES.file();
    private static final String BEFORE = TableSchemas.MONTHS_BEFORE_SERIES.file();
    private static final List<String> MONTHS = List.of("2026-04", "2026-05", "2026-06");

    /**
     * One month of the series: closed = discharges = intakes = paired + 2, caseload = closed +
     * 10, three attended sessions and one missed per client of the caseload, cases = paired;
     * the rates as the analysis computes them.
     */
    private static OutcomeTables.SeriesRow seriesRow(String month, String approach, int paired, int ri, int rd,
                                                      int recovered, int dropouts, Proportion ri12,
                                                      Proportion recovery12, WaitingTimes waits, SpcMonth spc) {
        int closed = paired + 2;
        int caseload = closed + 10;
        return new OutcomeTables.SeriesRow(month, approach, closed, closed, caseload, 3L * caseload, caseload,
                closed, paired, ri, Statistics.percent(ri, paired), Wilson.percentInterval(ri, paired), paired,
                recovered, Statistics.percent(recovered, paired), Wilson.percentInterval(recovered, paired), rd,
                Statistics.percent(rd, paired), dropouts, Statistics.percent(dropouts, closed), ri12, recovery12,
                waits, spc);
    }

    private static WaitingTimes waits(int n, int within6, int within18) {
        return n == 0 ? WaitingTimes.EMPTY
                : new WaitingTimes(n, 30.0, Statistics.percent(within6, n), Statistics.percent(within18, n));
    }

    /**
     * A hand-made series of April to June 2026 (no other table):
     * <pre>
     *            paired       RI           RD        dropouts   started (≤ 6 w, ≤ 18 w)   RI 12m (pooled)
     *   DBT  20  5 20    12  3 11     0  1  0     0  2  0    20 (5, 18)  4  0            30/50  33/55  44/75
     *   CPT  40 40 40    20 20 25    11 11 11    12 12 12    30 (15, 27) each month      50/100 70/140 95/180
     *   ALL  60 45 60    32 23 36    11 12 11    12 14 12    50 (20, 45) 34 30           80/150 103/195 139/255
     * </pre>
     * DBT's May is small; recovered = 0 for DBT (its April recovery pool is 3 of 40) and = RI
     * for CPT.
     */
    private static OutcomeTables handMadeSeries(List<OutcomeTables.SeriesRow> before) {
        int[][] paired = {{20, 5, 20}, {40, 40, 40}};
        int[][] ri = {{12, 3, 11}, {20, 20, 25}};
        int[][] rd = {{0, 1, 0}, {11, 11, 11}};
        int[][] recovered = {{0, 0, 0}, {20, 20, 25}};
        int[][] dropouts = {{0, 2, 0}, {12, 12, 12}};
        WaitingTimes[][] waits = {{waits(20, 5, 18), waits(4, 2, 4), WaitingTimes.EMPTY},
                {waits(30, 15, 27), waits(30, 15, 27), waits(30, 15, 27)},
                {waits(50, 20, 45), waits(34, 17, 31), waits(30, 15, 27)}};
        Proportion[][] ri12 = {{new Proportion(30, 50), new Proportion(33, 55), new Proportion(44, 75)},
                {new Proportion(50, 100), new Proportion(70, 140), new Proportion(95, 180)},
                {new Proportion(80, 150), new Proportion(103, 195), new Proportion(139, 255)}};
        Proportion[][] recovery12 = {{new Proportion(3, 40), new Proportion(3, 45), new Proportion(3, 65)},
                {new Proportion(50, 100), new Proportion(70, 140), new Proportion(95, 180)},
                {new Proportion(53, 140), new Proportion(73, 185), new Proportion(98, 245)}};
        String[] groups = {"DBT", "CPT", "ALL"};
        List<List<SpcMonth>> charts = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            List<Proportion> months = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                months.add(g < 2 ? new Proportion(ri[g][m], paired[g][m])
                        : new Proportion(ri[0][m] + ri[1][m], paired[0][m] + paired[1][m]));
            }
            charts.add(org.clinicaloutcomes.metrics.SpcSignals.of(months));
        }
        List<OutcomeTables.SeriesRow> series = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            for (int g = 0; g < 3; g++) {
                int[] v = g < 2 ? new int[] {paired[g][m], ri[g][m], rd[g][m], recovered[g][m], dropouts[g][m]}
                        : new int[] {paired[0][m] + paired[1][m], ri[0][m] + ri[1][m], rd[0][m] + rd[1][m],
                                recovered[0][m] + recovered[1][m], dropouts[0][m] + dropouts[1][m]};
                if (g == 2) {
                    // ALL's closed = the approaches' closed: paired + 4 (the helper adds 2).
                    OutcomeTables.SeriesRow all = seriesRow(MONTHS.get(m), groups[g], v[0] + 2, v[1], v[2], v[3], v[4],
                            ri12[g][m], recovery12[g][m], waits[g][m], charts.get(g).get(m));
                    series.add(new OutcomeTables.SeriesRow(all.month(), all.approach(), all.intakes(),
                            all.discharges(), all.caseload() + 10, all.attendedSessions() + 30, all.missedSessions() + 10,
                            all.nClosed(), v[0], v[1], Statistics.percent(v[1], v[0]), Wilson.percentInterval(v[1], v[0]),
                            v[0], v[3], Statistics.percent(v[3], v[0]), Wilson.percentInterval(v[3], v[0]), v[2],
                            Statistics.percent(v[2], v[0]), v[4], Statistics.percent(v[4], all.nClosed()),
                            all.reliableImprovement12m(), all.recovery12m(), all.waits(), all.spc()));
                } else {
                    series.add(seriesRow(MONTHS.get(m), groups[g], v[0], v[1], v[2], v[3], v[4], ri12[g][m],
                            recovery12[g][m], waits[g][m], charts.get(g).get(m)));
                }
            }
        }
        return new OutcomeTables(0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), SuppressedCells.NONE, series, before);
    }

    private static OutcomeTables.SeriesRow row(List<OutcomeTables.SeriesRow> rows, String month, String approach) {
        return rows.stream().filter(r -> r.month().equals(month) && r.approach().equals(approach)).findFirst()
                .orElseThrow();
    }

    @Test
    void aSmallMonthOfTheSeriesShowsLessThanElevenAndNoRate() {
        OutcomeTables plain = handMadeSeries(List.of());
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        SuppressedCells cells = suppressed.suppressed();
        assertThat(suppressed.monthlySeries()).hasSize(9);
        // DBT May (row 3): 7 closed, 5 paired, 3 RI, 1 RD, 2 dropouts, 4 started: all <11.
        for (String column : List.of("intakes", "discharges", "n_closed", "n_paired", "n_reliable_improvement",
                "n_cases", "n_reliable_deterioration", "n_dropout", "n_started_with_referral")) {
            assertThat(cells.kind(SERIES, 3, column)).as(column).isEqualTo(Kind.SMALL);
        }
        // 0 recovered stays 0; caseload 17 and the sessions are shown.
        assertThat(cells.kind(SERIES, 3, "n_recovered")).isNull();
        assertThat(cells.kind(SERIES, 3, "caseload")).isNull();
        assertThat(cells.kind(SERIES, 3, "attended_sessions")).isNull();
        OutcomeTables.SeriesRow may = suppressed.monthlySeries().get(3);
        assertThat(may.month() + " " + may.approach()).isEqualTo("2026-05 DBT");
        assertThat(may.nPaired()).isEqualTo(5); // the registry says how to print it
        assertThat(new Object[] {may.reliableImprovementPct(), may.reliableImprovementCi(), may.recoveryPct(),
                may.recoveryCi(), may.reliableDeteriorationPct(), may.dropoutPct(), may.reliableImprovement12m(),
                may.recovery12m(), may.waits().medianDays(), may.waits().within6WeeksPct(),
                may.waits().within18WeeksPct()}).containsOnlyNulls();
        // The p-chart: no limit and no signal in a month whose paired or RI count is hidden.
        assertThat(may.spc()).isEqualTo(SpcMonth.EMPTY);
        assertThat(plain.monthlySeries().get(3).spc().live()).isTrue();
    }

    @Test
    void aSingleSmallApproachHidesItsComplementInTheMonth() {
        OutcomeTables suppressed = SmallNumberSuppression.apply(handMadeSeries(List.of()));
        SuppressedCells cells = suppressed.suppressed();
        // May: ALL = DBT + CPT; DBT is small, so CPT (row 4) is hidden too, as >10; ALL is shown.
        for (String column : List.of("intakes", "discharges", "n_closed", "n_paired", "n_reliable_improvement",
                "n_cases", "n_started_with_referral")) {
            assertThat(cells.kind(SERIES, 4, column)).as(column).isEqualTo(Kind.COMPLEMENTARY);
            assertThat(cells.kind(SERIES, 5, column)).as("ALL " + column).isNull();
        }
        // RD: ALL 12 = DBT 1 + CPT 11; with CPT as >10 (11 or more) DBT would be 12 - 11 = 1 at
        // most, so ALL is hidden too.
        assertThat(cells.kind(SERIES, 4, "n_reliable_deterioration")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.kind(SERIES, 5, "n_reliable_deterioration")).isEqualTo(Kind.COMPLEMENTARY);
        // CPT's dropouts (12) are the smallest other cell of May's ALL = 14: hidden as well.
        assertThat(cells.kind(SERIES, 4, "n_dropout")).isEqualTo(Kind.COMPLEMENTARY);
        OutcomeTables.SeriesRow cpt = row(suppressed.monthlySeries(), "2026-05", "CPT");
        assertThat(new Object[] {cpt.reliableImprovementPct(), cpt.recoveryPct(), cpt.reliableDeteriorationPct(),
                cpt.dropoutPct(), cpt.waits().medianDays()}).containsOnlyNulls();
        OutcomeTables.SeriesRow all = row(suppressed.monthlySeries(), "2026-05", "ALL");
        assertThat(all.reliableImprovementPct()).isCloseTo(100.0 * 23 / 45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(all.spc().lowerPct()).isNotNull();
        // Discharges and n_closed are one count: hidden alike.
        for (int r = 0; r < 9; r++) {
            assertThat(cells.kind(SERIES, r, "discharges")).as("row " + r).isEqualTo(cells.kind(SERIES, r, "n_closed"));
        }
        // April's waits: DBT's 5 within 6 weeks (of 20) is small, so its rate is empty, and CPT's
        // 15 (the next smallest of ALL's 20) too; the counts of started episodes stay shown.
        OutcomeTables.SeriesRow dbtApril = row(suppressed.monthlySeries(), "2026-04", "DBT");
        OutcomeTables.SeriesRow cptApril = row(suppressed.monthlySeries(), "2026-04", "CPT");
        assertThat(cells.kind(SERIES, 0, "n_started_with_referral")).isNull();
        assertThat(dbtApril.waits()).isEqualTo(new WaitingTimes(20, 30.0, null, 90.0));
        assertThat(cptApril.waits()).isEqualTo(new WaitingTimes(30, 30.0, null, 90.0));
        assertThat(row(suppressed.monthlySeries(), "2026-04", "ALL").waits()).isEqualTo(waits(50, 20, 45));
    }

    @Test
    void theCentreLineAndTheRollingRatesHideWhatTheyPool() {
        OutcomeTables plain = handMadeSeries(List.of());
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        for (String approach : List.of("DBT", "CPT")) {
            for (String month : MONTHS) {
                SpcMonth spc = row(suppressed.monthlySeries(), month, approach).spc();
                // The centre is pooled over the three months, one of them hidden: no centre and no
                // limits (they give the centre back) ...
                assertThat(new Object[] {spc.centrePct(), spc.lowerPct(), spc.upperPct()}).as(approach + month)
                        .containsOnlyNulls();
                // ... but the signals of a shown month stay.
                assertThat(spc.aboveLimit() == null).as(approach + " " + month).isEqualTo(month.equals("2026-05"));
            }
        }
        for (int r = 0; r < 9; r++) {
            OutcomeTables.SeriesRow row = suppressed.monthlySeries().get(r);
            if (row.approach().equals("ALL")) {
                assertThat(row.spc()).isEqualTo(plain.monthlySeries().get(r).spc());
            }
        }
        // Rolling 12 months: shown when no pooled count is 1-10 and no pooled month is hidden.
        assertThat(row(suppressed.monthlySeries(), "2026-04", "DBT").reliableImprovementPct12m()).isEqualTo(60.0);
        assertThat(row(suppressed.monthlySeries(), "2026-05", "DBT").reliableImprovement12m()).isNull();
        assertThat(row(suppressed.monthlySeries(), "2026-06", "DBT").reliableImprovement12m()).isNull();
        assertThat(row(suppressed.monthlySeries(), "2026-04", "CPT").reliableImprovementPct12m()).isEqualTo(50.0);
        assertThat(row(suppressed.monthlySeries(), "2026-05", "CPT").reliableImprovement12m()).isNull();
        for (String month : MONTHS) {
            assertThat(row(suppressed.monthlySeries(), month, "ALL").reliableImprovement12m())
                    .isEqualTo(row(plain.monthlySeries(), month, "ALL").reliableImprovement12m());
        }
        // DBT's April recovery pool has 3 recovered (before the series): 1-10, empty.
        assertThat(row(suppressed.monthlySeries(), "2026-04", "DBT").recovery12m()).isNull();
        assertThat(row(suppressed.monthlySeries(), "2026-04", "CPT").recoveryPct12m()).isEqualTo(50.0);
        // A suppressed run's series is written: the same rows, with the markers.
        assertThat(suppressed.monthlySeries()).extracting(OutcomeTables.SeriesRow::month)
                .isEqualTo(plain.monthlySeries().stream().map(OutcomeTables.SeriesRow::month).toList());
    }

    @Test
    void theMonthsBeforeTheSeriesFollowTheSameRules() {
        // The Summary's month a year before, 2025-06: DBT 4 paired (2 RI), CPT 30 (15), ALL 34 (17).
        List<OutcomeTables.SeriesRow> before = List.of(
                seriesRow("2025-06", "DBT", 4, 2, 0, 0, 0, new Proportion(2, 4), null, WaitingTimes.EMPTY, SpcMonth.EMPTY),
                seriesRow("2025-06", "CPT", 30, 15, 0, 15, 0, new Proportion(15, 30), null, WaitingTimes.EMPTY,
                        SpcMonth.EMPTY),
                seriesRow("2025-06", "ALL", 34, 17, 0, 15, 0, new Proportion(17, 34), null, WaitingTimes.EMPTY,
                        SpcMonth.EMPTY));
        // (ALL's closed and caseload are not the sum here: only paired, RI and recovered add up.)
        OutcomeTables suppressed = SmallNumberSuppression.apply(handMadeSeries(before));
        SuppressedCells cells = suppressed.suppressed();
        assertThat(suppressed.monthsBeforeSeries()).hasSize(3);
        assertThat(cells.kind(BEFORE, 0, "n_paired")).isEqualTo(Kind.SMALL);
        assertThat(cells.kind(BEFORE, 0, "n_reliable_improvement")).isEqualTo(Kind.SMALL);
        assertThat(cells.kind(BEFORE, 1, "n_paired")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.kind(BEFORE, 1, "n_reliable_improvement")).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(cells.kind(BEFORE, 2, "n_paired")).isNull();
        assertThat(suppressed.monthsBeforeSeries().get(0).reliableImprovementPct()).isNull();
        assertThat(suppressed.monthsBeforeSeries().get(0).reliableImprovement12m()).isNull();
        assertThat(suppressed.monthsBeforeSeries().get(1).reliableImprovementPct()).isNull();
        assertThat(suppressed.monthsBeforeSeries().get(2).reliableImprovementPct()).isEqualTo(50.0);
        // The series' own cells are registered under their own table.
        assertThat(cells.kind(SERIES, 3, "n_paired")).isEqualTo(Kind.SMALL);
    }

    @Test
    void theReportMonthOfTheSeriesIsTheActivityPeriodAndTheWindowAddsUp() {
        // The monthly fixture: June 2026 is the activity period and the last month of the series.
        OutcomeTables plain = CohortFixture.analyse(true);
        OutcomeTables suppressed = SmallNumberSuppression.apply(plain);
        SuppressedCells cells = suppressed.suppressed();
        assertThat(suppressed.monthlySeries()).hasSameSizeAs(plain.monthlySeries()).isNotEmpty();
        Map<String, String> same = Map.of("intakes", "intakes", "discharges", "discharges",
                "discharges_dropout", "n_dropout", "caseload", "caseload", "attended_sessions", "attended_sessions",
                "missed_sessions", "missed_sessions");
        int hidden = 0;
        for (int a = 0; a < plain.activity().size(); a++) {
            OutcomeTables.ActivityRow activity = plain.activity().get(a);
            int s = plain.monthlySeries().indexOf(row(plain.monthlySeries(), "2026-06", activity.approach()));
            for (Map.Entry<String, String> column : same.entrySet()) {
                assertThat(cells.kind(SERIES, s, column.getValue())).as(activity.approach() + " " + column)
                        .isEqualTo(cells.kind(TableSchemas.ACTIVITY.file(), a, column.getKey()));
                hidden += cells.kind(SERIES, s, column.getValue()) == null ? 0 : 1;
            }
        }
        assertThat(hidden).isGreaterThan(10);
        // Every count 1-10 of the series is <11; a suppressed run's series is not empty.
        for (int r = 0; r < plain.monthlySeries().size(); r++) {
            OutcomeTables.SeriesRow row = plain.monthlySeries().get(r);
            if (row.nPaired() >= 1 && row.nPaired() <= 10) {
                assertThat(cells.kind(SERIES, r, "n_paired")).isEqualTo(Kind.SMALL);
                assertThat(suppressed.monthlySeries().get(r).reliableImprovementPct()).isNull();
                assertThat(suppressed.monthlySeries().get(r).spc().lowerPct()).isNull();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Activity rows only: DBT, CPT, ACT with these intakes, then ALL; every other count 0. */
    private static OutcomeTables activityOnly(long[] intakes) {
        List<OutcomeTables.ActivityRow> rows = new ArrayList<>();
        String[] approaches = {"DBT", "CPT", "ACT"};
        long all = 0;
        for (int a = 0; a < approaches.length; a++) {
            rows.add(new OutcomeTables.ActivityRow("2026-06", approaches[a], (int) intakes[a], 0, 0, 0, 0, 0, 0, 0, 0, null));
            all += intakes[a];
        }
        rows.add(new OutcomeTables.ActivityRow("2026-06", "ALL", (int) all, 0, 0, 0, 0, 0, 0, 0, 0, null));
        return new OutcomeTables(0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                rows, List.of());
    }

    /** The count columns of a file. */
    static List<String> countColumns(String file) {
        return switch (file) {
            case OBA -> List.of("n_closed", "n_paired", "n_reliable_improvement", "n_reliable_deterioration",
                    "n_cases", "n_recovered", "n_reliable_recovery", "n_response", TableSchemas.NO_RELIABLE_CHANGE);
            case "approach_comparison.csv" -> List.of("n_paired");
            case "trajectories.csv" -> List.of("n");
            case "pcl5_clusters.csv" -> List.of("n", "n_diagnosis_baseline", "n_diagnosis_final");
            case "clinicians.csv" -> List.of("n_closed", "n_paired", "n_reliable_improvement", "n_cases", "n_recovered",
                    "n_open", "n_dropout", "n_reliable_deterioration");
            case "subgroups.csv" -> List.of("n_closed", "n_paired", "n_reliable_improvement");
            case "activity.csv" -> List.of("intakes", "discharges", "discharges_completed", "discharges_dropout",
                    "discharges_referred", "discharges_other", "caseload", "attended_sessions", "missed_sessions");
            default -> List.of();
        };
    }

    /** Writes the CSVs into {@code folder/name} and reads back the metric files (header first). */
    private Map<String, List<String[]>> write(OutcomeTables tables, String name) throws IOException {
        Path csv = folder.resolve(name);
        Map<String, List<String[]>> files = new LinkedHashMap<>();
        for (Path path : OutcomeCsvFiles.write(csv, tables, true)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                rows.add(line.split(",", -1)); // the fixture's cells hold no comma
            }
            files.put(path.getFileName().toString(), rows);
        }
        return files;
    }

    private static String cell(Map<String, List<String[]>> csv, String file, String approach, String instrument,
                               String column) {
        int c = OutcomeCsvFiles.columns(file).indexOf(column);
        for (String[] row : csv.get(file)) {
            if (row[0].equals(approach) && row[1].equals(instrument)) {
                return row[c];
            }
        }
        throw new AssertionError("no row " + approach + " " + instrument);
    }

    private static String activity(Map<String, List<String[]>> csv, String approach) {
        return csv.get(TableSchemas.ACTIVITY.file()).stream().filter(r -> r[1].equals(approach))
                .map(r -> String.join(",", r)).findFirst().orElseThrow();
    }

    private static String subgroup(Map<String, List<String[]>> csv, String approach, String variable, String value) {
        return csv.get(TableSchemas.SUBGROUPS.file()).stream()
                .filter(r -> r[0].equals(approach) && r[2].equals(variable) && r[3].equals(value))
                .map(r -> String.join(",", r)).findFirst().orElseThrow();
    }

    /** Every {@code Double} component of the record is null (the statistics; counts are ints). */
    private static void assertNoStatistic(Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getType() == Double.class || component.getType() == org.clinicaloutcomes.metrics.FunnelBand.class) {
                try {
                    assertThat(component.getAccessor().invoke(record)).as(record + ": " + component.getName()).isNull();
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        if (record instanceof org.clinicaloutcomes.metrics.ComparisonResult r) {
            assertThat(new Object[] {r.anovaDfBetween(), r.anovaDfWithin(), r.kruskalDf(), r.chi2Df()})
                    .as("degrees of freedom").containsOnlyNulls();
        }
    }
}
