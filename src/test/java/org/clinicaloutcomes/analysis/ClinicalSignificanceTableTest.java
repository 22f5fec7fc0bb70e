package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicaloutcomes.analysis.CohortFixture.NA;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.clinicaloutcomes.metrics.significance.CriticalValues;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.metrics.significance.SignificanceParameters;
import org.junit.jupiter.api.Test;

/**
 * {@link ClinicalSignificanceTable} through {@link CohortAnalysis}, on hand-worked episodes
 * (SIGNIFICANCE.md, section 11). PCL-5 pairs (pre → post) 50 → 30, 60 → 58 (DBT), 40 → 45,
 * 70 → 20 (CPT): M_pre 55, SD_pre = sqrt(500 / 3) = 12.9099; with r = 0.8 JT's denominator is
 * sqrt(2) × 12.9099 × sqrt(0.2) = 8.1650, so the changes −20, −2, +5, −50 give RCI −2.449, −0.245,
 * 0.612, −6.124: improved, unchanged, unchanged, improved. Cut-off a = 55 − 2 × 12.9099 = 29.180:
 * 70 → 20 ends below it (recovered), 50 → 30 does not (improved). Percentage at 50 %: only −50 / 70
 * = −71 % reaches it. PHQ-9 pre scores are all 10 (SD_pre 0): the RCI methods are undefined there.
 */
class ClinicalSignificanceTableTest {

    private static final SignificanceParameters PARAMETERS =
            new SignificanceParameters(0.8, null, null, null, null, null, null, 0.5, null);

    @Test
    void theCountsArePooledOverApproachesAndTabulatedByApproachThenAll() {
        // given
        OutcomeTables tables = analyse(List.of(SignificanceMethod.JT, SignificanceMethod.PERCENTAGE));

        // then: instrument, method, approach (DBT, CPT, ACT, TAU, ALL)
        List<OutcomeTables.SignificanceRow> pcl5 = rows(tables, "pcl5");
        assertThat(pcl5).extracting(r -> r.method() + " " + r.approach()).containsExactly(
                "JT DBT", "JT CPT", "JT ACT", "JT TAU", "JT ALL",
                "percentage DBT", "percentage CPT", "percentage ACT", "percentage TAU", "percentage ALL");
        OutcomeTables.SignificanceRow jtAll = pcl5.get(4);
        assertThat(List.of(jtAll.n(), jtAll.nImproved(), jtAll.nUnchanged(), jtAll.nDeteriorated(), jtAll.nRecovered(),
                jtAll.nImprovedNotRecovered(), jtAll.nHarmed())).containsExactly(4, 2, 2, 0, 1, 1, 0);
        assertThat(jtAll.cutoff()).isEqualTo(55 - 2 * Math.sqrt(500.0 / 3));
        assertThat(jtAll.criticalValue()).isEqualTo(CriticalValues.Z2);
        OutcomeTables.SignificanceRow jtDbt = pcl5.get(0);
        assertThat(List.of(jtDbt.n(), jtDbt.nImproved(), jtDbt.nUnchanged(), jtDbt.nRecovered()))
                .containsExactly(2, 1, 1, 0);
        assertThat(pcl5.get(2).n()).as("ACT has no episode: a count over an empty group is 0").isZero();
        OutcomeTables.SignificanceRow percentage = pcl5.get(9);
        assertThat(List.of(percentage.n(), percentage.nImproved(), percentage.nUnchanged(), percentage.nDeteriorated()))
                .containsExactly(4, 1, 3, 0);
        assertThat(percentage.nRecovered()).as("no combined approach").isNull();
        assertThat(percentage.cutoff()).isNull();
        assertThat(percentage.criticalValue()).isNull();
    }

    @Test
    void eachEpisodeRowCarriesItsCategoryPerMethod() {
        OutcomeTables tables = analyse(List.of(SignificanceMethod.JT, SignificanceMethod.PERCENTAGE));

        Map<String, List<String>> pcl5 = tables.episodeOutcomes().stream().filter(r -> r.instrument().equals("pcl5"))
                .collect(Collectors.toMap(OutcomeTables.EpisodeRow::clientId, OutcomeTables.EpisodeRow::categories));
        assertThat(pcl5).containsExactlyInAnyOrderEntriesOf(Map.of(
                "D1", List.of("improved", "unchanged"),
                "D2", List.of("unchanged", "unchanged"),
                "C1", List.of("unchanged", "unchanged"),
                "C2", List.of("recovered", "improved")));
        assertThat(TableSchemas.episodeOutcomes(false, tables.significance().methods()).columnNames())
                .endsWith("category", "category_JT", "category_percentage");
    }

    @Test
    void anUndefinedCaseLeavesTheCellsEmptyWithOneWarningAndMissingParametersLeaveTheMethodOut() {
        OutcomeTables tables = analyse(List.of(SignificanceMethod.JT, SignificanceMethod.ANCHOR));

        // PHQ-9: every pre score 10, so JT is undefined: its five rows are there, every cell empty
        List<OutcomeTables.SignificanceRow> phq9 = rows(tables, "phq9");
        assertThat(phq9).hasSize(5).allSatisfy(row -> {
            assertThat(row.method()).isEqualTo("JT");
            assertThat(row.n()).isNull();
            assertThat(row.nImproved()).isNull();
            assertThat(row.cutoff()).isNull();
            assertThat(row.criticalValue()).isNull();
        });
        // the anchor needs mid_improvement, which no instrument has: no row of it at all
        assertThat(tables.clinicalSignificance()).noneMatch(row -> row.method().equals("anchor"));
        List<String> warnings = tables.significance().warnings();
        assertThat(warnings).filteredOn(w -> w.contains("phq9") && w.contains("JT")).singleElement().asString()
                .contains("the SD of the pre scores is 0");
        assertThat(warnings).filteredOn(w -> w.contains("anchor")).hasSize(CohortFixture.INSTRUMENTS.size())
                .allSatisfy(w -> assertThat(w).contains("left out", "mid_improvement"));
        // the undefined method's category column is empty on its rows, the others' filled
        assertThat(tables.episodeOutcomes()).filteredOn(r -> r.instrument().equals("phq9"))
                .allSatisfy(r -> assertThat(r.categories()).containsExactly(null, null));
    }

    @Test
    void hlmTakesTheEpisodesWithThreeOrMoreScoresInWeeksSinceTheFirstAndTheLaterScoreOfADay() {
        OutcomeTables tables = analyse(List.of(SignificanceMethod.HLM));

        // D1, D2 and C2 have 3 or more PCL-5 scores on different days; C1 has 3 scores but two on one day
        OutcomeTables.SignificanceRow all = rows(tables, "pcl5").get(4);
        assertThat(all.method()).isEqualTo("HLM");
        assertThat(all.n()).as("episodes with 3 scores on distinct days").isEqualTo(3);
        assertThat(all.nImproved() + all.nUnchanged() + all.nDeteriorated()).isEqualTo(3);
        assertThat(all.criticalValue()).isEqualTo(CriticalValues.Z2);
        assertThat(tables.significance().warnings()).anySatisfy(w -> assertThat(w)
                .contains("pcl5", "HLM", "1 episode(s) had two scores on one day"));
        Map<String, List<String>> pcl5 = tables.episodeOutcomes().stream().filter(r -> r.instrument().equals("pcl5"))
                .collect(Collectors.toMap(OutcomeTables.EpisodeRow::clientId, OutcomeTables.EpisodeRow::categories));
        assertThat(pcl5.get("C1")).as("two distinct days only: not in the model").containsExactly((String) null);
        assertThat(pcl5.get("D1").get(0)).isNotNull();
    }

    @Test
    void theMonthlyJobComputesNone() {
        CohortAnalysis monthly = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.WINDOW, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> monthly.computeSignificance(settings(
                List.of(SignificanceMethod.JT)))).isInstanceOf(IllegalStateException.class);
        assertThat(CohortFixture.analyse(true).clinicalSignificance()).isEmpty();
        assertThat(CohortFixture.analyse(true).episodeOutcomes()).allSatisfy(r -> assertThat(r.categories()).isEmpty());
    }

    private static OutcomeTables analyse(List<SignificanceMethod> methods) {
        CohortAnalysis analysis = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.research(), false).computeSignificance(settings(methods));
        episodes().forEach(analysis::add);
        return analysis.finish();
    }

    private static SignificanceSettings settings(List<SignificanceMethod> methods) {
        List<SignificanceParameters> parameters = new ArrayList<>();
        CohortFixture.INSTRUMENTS.forEach(i -> parameters.add(PARAMETERS));
        return new SignificanceSettings(methods, parameters);
    }

    private static List<OutcomeTables.SignificanceRow> rows(OutcomeTables tables, String instrument) {
        return tables.clinicalSignificance().stream().filter(r -> r.instrument().equals(instrument)).toList();
    }

    /** The four episodes of the class comment, all discharged in the research window. */
    private static List<EpisodeData> episodes() {
        return List.of(
                new CohortFixture.Builder(0, "D1", "DBT", "CL1", "2026-01-05").discharged("2026-05-01", "completed")
                        .attended("2026-01-05", 50, 10, NA, NA)
                        .attended("2026-01-19", 44, NA, NA, NA)
                        .attended("2026-03-02", 30, 5, NA, NA).data(),
                new CohortFixture.Builder(1, "D2", "DBT", "CL1", "2026-01-05").discharged("2026-05-01", "completed")
                        .attended("2026-01-05", 60, 10, NA, NA)
                        .attended("2026-02-02", 61, NA, NA, NA)
                        .attended("2026-03-02", 58, 8, NA, NA).data(),
                new CohortFixture.Builder(2, "C1", "CPT", "CL2", "2026-01-05").discharged("2026-05-01", "completed")
                        .attended("2026-01-05", 40, 10, NA, NA)
                        .attended("2026-03-02", 41, NA, NA, NA)
                        .attended("2026-03-02", 45, 9, NA, NA).data(),
                new CohortFixture.Builder(3, "C2", "CPT", "CL2", "2026-01-05").discharged("2026-05-01", "completed")
                        .attended("2026-01-05", 70, 10, NA, NA)
                        .attended("2026-02-16", 40, NA, NA, NA)
                        .attended("2026-03-30", 20, 4, NA, NA).data());
    }
}
