package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.clinicaloutcomes.analysis.CohortFixture.NA;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.clinicaloutcomes.analysis.OutcomeTables.ActivityRow;
import org.clinicaloutcomes.analysis.OutcomeTables.AlertRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ApproachRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ClinicianRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ClusterRow;
import org.clinicaloutcomes.analysis.OutcomeTables.EpisodeRow;
import org.clinicaloutcomes.analysis.OutcomeTables.SubgroupRow;
import org.clinicaloutcomes.analysis.OutcomeTables.TrajectoryRow;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.ComparisonResult;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Pcl5Clusters.Cluster;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.metrics.TrajectoryPoint;
import org.junit.jupiter.api.Test;

/**
 * The tables of {@link CohortAnalysis} on the hand-built practice of {@link CohortFixture}, every
 * expected number worked out by hand in the comments.
 *
 * <p>Outcome cohort (discharge in 2026-01-01 … 2026-06-30): A1, A2 (DBT), B1, B0 (CPT), C1, C2
 * (TAU) = 6 episodes. Not in it: B2 and C3 (open), B3 (discharged 2026-07-10, after the window),
 * D1 (discharged 2025-12-31, before it). Scores per episode (attended sessions only):
 * <pre>
 *        pcl5          phq9        well (higher = better)  ders16
 * A1     50 40 30      15 12 8     30 45                   60 50
 * A2     40 52         20 20       -                       -
 * B1     60 45 36      9           20 22                   -          (two scores before the window)
 * B0     55 47         14 9        -                       -
 * C1     -             -           -                       -          (no sessions)
 * C2     45            -           -                       -          (one score)
 * </pre>
 */
class CohortAnalysisTest {

    private static final double TOLERANCE = 1e-9;
    /** t(0.975, 1), as in Statistics. */
    private static final double T1 = 12.706204736174707;

    private final OutcomeTables tables = CohortFixture.analyse(true);

    @Test
    void theCohortIsTheClosedEpisodesOfTheWindow() {
        assertThat(tables.episodesAdded()).isEqualTo(10);
        assertThat(tables.closedInWindow()).isEqualTo(6);
        // pcl5: A1 A2 B1 B0; phq9: A1 A2 B0 (B1 has one phq9); well: A1 B1; ders16: A1.
        assertThat(tables.pairedOutcomes()).isEqualTo(10);
    }

    @Test
    void episodeOutcomesComeByApproachInstrumentAndClientId() {
        List<String> keys = tables.episodeOutcomes().stream()
                .map(r -> r.approach() + " " + r.instrument() + " " + r.clientId()).toList();
        // B0 (index 8) sorts before B1 (index 2): rows follow the client id, not the index.
        assertThat(keys).containsExactly("DBT pcl5 A1", "DBT pcl5 A2", "DBT phq9 A1", "DBT phq9 A2",
                "DBT well A1", "DBT ders16 A1", "CPT pcl5 B0", "CPT pcl5 B1", "CPT phq9 B0", "CPT well B1");
    }

    @Test
    void episodeRowsAreMadeFromTheirColumnsTheSameEachTimeAndCannotBeChanged() {
        List<EpisodeRow> rows = tables.episodeOutcomes();
        List<EpisodeRow> copy = new ArrayList<>(rows);

        // Each read makes the row again from its columns: equal rows, equal outcomes.
        assertThat(rows).isEqualTo(copy).hasSize(10);
        assertThat(rows.get(0).outcome()).isEqualTo(copy.get(0).outcome());
        assertThat(rows.get(0).intakeDate()).isNotNull();
        assertThatThrownBy(() -> rows.set(0, copy.get(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rows.get(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void episodeOutcomeOfAnEpisodeWithAMissedSessionAndScoresOnSomeSessions() {
        EpisodeRow a1 = episode("A1", "pcl5");
        // Scores 50 (01-10), 40 (02-10), 30 (03-10); the missed session of 02-01 carries nothing.
        assertThat(a1.outcome()).isEqualTo(EpisodeOutcome.of(CohortFixture.PCL5, 50, 30, 3));
        assertThat(a1.outcome().change()).isEqualTo(-20.0);
        // reduction 20 >= 10: RI; 50 >= 33 case; 30 < 33 recovered; response needs 30 <= 25: no.
        assertThat(a1.outcome().reliableImprovement()).isTrue();
        assertThat(a1.outcome().recovered()).isTrue();
        assertThat(a1.outcome().response()).isFalse();
        assertThat(a1.clinicianId()).isEqualTo("CL1");
        assertThat(a1.baselineDate()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(a1.finalDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(a1.intakeDate()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(a1.dischargeDate()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(a1.dischargeReason()).isEqualTo("completed");
        // Attended: 01-10, 02-10, 03-10 and 05-20 (no score); 02-01 was missed.
        assertThat(a1.attendedSessions()).isEqualTo(4);
    }

    @Test
    void scoresBeforeTheWindowCount() {
        EpisodeRow b1 = episode("B1", "pcl5");
        // 60 (2025-10-01) and 45 (2025-11-01) lie before the window, 36 (2026-01-15) inside.
        assertThat(b1.outcome().baseline()).isEqualTo(60.0);
        assertThat(b1.outcome().finalScore()).isEqualTo(36.0);
        assertThat(b1.outcome().nScores()).isEqualTo(3);
        assertThat(b1.baselineDate()).isEqualTo(LocalDate.of(2025, 10, 1));
    }

    @Test
    void higherIsBetterAndNoCutoffInstruments() {
        // well, A1: 30 -> 45, higher is better: reduction = 45 - 30 = 15 >= 8: RI; 30 <= 40 case,
        // 45 > 40 recovered; no response on a higher-is-better scale.
        EpisodeOutcome well = episode("A1", "well").outcome();
        assertThat(well.reduction()).isEqualTo(15.0);
        assertThat(well.reliableImprovement()).isTrue();
        assertThat(well.caseAtBaseline()).isTrue();
        assertThat(well.recovered()).isTrue();
        assertThat(well.response()).isNull();
        // ders16, A1: 60 -> 50, reduction 10 < 12: no RI; no cut-off, so no caseness flags.
        EpisodeOutcome ders = episode("A1", "ders16").outcome();
        assertThat(ders.reliableImprovement()).isFalse();
        assertThat(ders.caseAtBaseline()).isNull();
        assertThat(ders.recovered()).isNull();
        assertThat(ders.reliableRecovery()).isNull();
        assertThat(ders.response()).isFalse();
    }

    @Test
    void outcomesByApproachRowOrder() {
        List<String> keys = tables.outcomesByApproach().stream().map(r -> r.approach() + " " + r.instrument()).toList();
        List<String> expected = new ArrayList<>();
        for (String approach : List.of("DBT", "CPT", "ACT", "TAU", "ALL")) {
            for (String instrument : List.of("pcl5", "phq9", "well", "ders16")) {
                expected.add(approach + " " + instrument);
            }
        }
        assertThat(keys).isEqualTo(expected);
    }

    @Test
    void dbtOnPcl5() {
        GroupOutcomes g = group("DBT", "pcl5");
        // Closed A1, A2; both paired: A1 50 -> 30, A2 40 -> 52.
        assertThat(g.nClosed()).isEqualTo(2);
        assertThat(g.nPaired()).isEqualTo(2);
        assertThat(g.completenessPct()).isEqualTo(100.0);
        // baseline 50, 40: mean 45, SD sqrt((25 + 25) / 1) = sqrt(50)
        assertThat(g.baselineMean()).isEqualTo(45.0);
        assertThat(g.baselineSd()).isCloseTo(Math.sqrt(50), within(TOLERANCE));
        // final 30, 52: mean 41, SD sqrt(121 + 121) = sqrt(242)
        assertThat(g.finalMean()).isEqualTo(41.0);
        assertThat(g.finalSd()).isCloseTo(Math.sqrt(242), within(TOLERANCE));
        // change -20, +12: mean -4, SD sqrt(16² + 16²) = sqrt(512); CI -4 ± t(1) × sqrt(512) / sqrt(2) = -4 ± 16 t
        assertThat(g.changeMean()).isEqualTo(-4.0);
        assertThat(g.changeSd()).isCloseTo(Math.sqrt(512), within(TOLERANCE));
        assertThat(g.changeCiLow()).isCloseTo(-4 - 16 * T1, within(TOLERANCE));
        assertThat(g.changeCiHigh()).isCloseTo(-4 + 16 * T1, within(TOLERANCE));
        // reduction 20, -12: mean 4; d = 4 / sqrt(50); dz = 4 / sqrt(512); g needs n >= 3
        assertThat(g.d()).isCloseTo(4 / Math.sqrt(50), within(TOLERANCE));
        assertThat(g.dz()).isCloseTo(4 / Math.sqrt(512), within(TOLERANCE));
        assertThat(g.g()).isNull();
        assertThat(g.gCiLow()).isNull();
        // RI: A1 (1 of 2); RD: A2 (-12: 12 >= 10); cases both (50, 40 >= 33); recovered A1 only
        assertThat(g.nReliableImprovement()).isEqualTo(1);
        assertThat(g.reliableImprovementPct()).isEqualTo(50.0);
        assertThat(g.nReliableDeterioration()).isEqualTo(1);
        assertThat(g.nCases()).isEqualTo(2);
        assertThat(g.nRecovered()).isEqualTo(1);
        assertThat(g.recoveryPct()).isEqualTo(50.0);
        assertThat(g.nReliableRecovery()).isEqualTo(1);
        // response: 30 <= 25? no; 52 <= 20? no
        assertThat(g.nResponse()).isEqualTo(0);
        assertThat(g.responsePct()).isEqualTo(0.0);
        // attended sessions per closed episode: A1 4, A2 2 -> type 7: median 3, q1 2.5, q3 3.5
        assertThat(g.sessionsMedian()).isEqualTo(3.0);
        assertThat(g.sessionsQ1()).isEqualTo(2.5);
        assertThat(g.sessionsQ3()).isEqualTo(3.5);
        // dropout: A2 -> 1 of 2
        assertThat(g.dropoutPct()).isEqualTo(50.0);
    }

    @Test
    void aGroupOfOneAndInstrumentsWithoutCutoffOrWithHigherIsBetter() {
        // DBT well: A1 only (30 -> 45), higher is better.
        GroupOutcomes well = group("DBT", "well");
        assertThat(well.nClosed()).isEqualTo(2);
        assertThat(well.nPaired()).isEqualTo(1);
        assertThat(well.completenessPct()).isEqualTo(50.0);
        assertThat(well.baselineMean()).isEqualTo(30.0);
        assertThat(well.baselineSd()).isNull();
        assertThat(well.changeMean()).isEqualTo(15.0);
        assertThat(well.changeCiLow()).isNull();
        assertThat(well.d()).isNull();
        assertThat(well.reliableImprovementPct()).isEqualTo(100.0);
        assertThat(well.nCases()).isEqualTo(1);
        assertThat(well.recoveryPct()).isEqualTo(100.0);
        assertThat(well.nResponse()).as("no response on a higher-is-better scale").isNull();
        assertThat(well.responsePct()).isNull();
        // DBT ders16: A1 only (60 -> 50), no cut-off: caseness counts do not apply.
        GroupOutcomes ders = group("DBT", "ders16");
        assertThat(ders.nPaired()).isEqualTo(1);
        assertThat(ders.nReliableImprovement()).isEqualTo(0);
        assertThat(ders.reliableImprovementPct()).isEqualTo(0.0);
        assertThat(ders.nCases()).isNull();
        assertThat(ders.nRecovered()).isNull();
        assertThat(ders.recoveryPct()).isNull();
        assertThat(ders.nReliableRecovery()).isNull();
        assertThat(ders.reliableRecoveryPct()).isNull();
        // response applies (higher is worse): 50 <= 30? no -> 0 of 1
        assertThat(ders.nResponse()).isEqualTo(0);
        assertThat(ders.responsePct()).isEqualTo(0.0);
    }

    @Test
    void cptUnpairedScoresCountInCompleteness() {
        // CPT closed: B1 (referred, 3 attended), B0 (completed, 2 attended).
        // phq9: B1 has one score (9) -> not paired; B0 14 -> 9: change -5 (< 6 no RI), case, 9 < 10 recovered.
        GroupOutcomes phq9 = group("CPT", "phq9");
        assertThat(phq9.nClosed()).isEqualTo(2);
        assertThat(phq9.nPaired()).isEqualTo(1);
        assertThat(phq9.completenessPct()).isEqualTo(50.0);
        assertThat(phq9.changeMean()).isEqualTo(-5.0);
        assertThat(phq9.nReliableImprovement()).isEqualTo(0);
        assertThat(phq9.nRecovered()).isEqualTo(1);
        assertThat(phq9.recoveryPct()).isEqualTo(100.0);
        assertThat(phq9.reliableRecoveryPct()).isEqualTo(0.0);
        // sessions 3, 2 -> median 2.5, q1 2.25, q3 2.75; no dropout
        assertThat(phq9.sessionsMedian()).isEqualTo(2.5);
        assertThat(phq9.sessionsQ1()).isEqualTo(2.25);
        assertThat(phq9.sessionsQ3()).isEqualTo(2.75);
        assertThat(phq9.dropoutPct()).isEqualTo(0.0);
        // ders16: no CPT episode has a score: n 0, counts 0, caseness counts empty (no cut-off)
        GroupOutcomes ders = group("CPT", "ders16");
        assertThat(ders.nPaired()).isEqualTo(0);
        assertThat(ders.completenessPct()).isEqualTo(0.0);
        assertThat(ders.baselineMean()).isNull();
        assertThat(ders.nReliableImprovement()).isEqualTo(0);
        assertThat(ders.reliableImprovementPct()).isNull();
        assertThat(ders.nCases()).isNull();
        assertThat(ders.nResponse()).isEqualTo(0);
        assertThat(ders.responsePct()).isNull();
    }

    @Test
    void anApproachWithoutEpisodesHasZeroCountsAndEmptyStatistics() {
        for (String instrument : List.of("pcl5", "phq9", "well", "ders16")) {
            GroupOutcomes act = group("ACT", instrument);
            assertThat(act.nClosed()).isEqualTo(0);
            assertThat(act.nPaired()).isEqualTo(0);
            assertThat(act.completenessPct()).isNull();
            assertThat(act.changeMean()).isNull();
            assertThat(act.reliableImprovementPct()).isNull();
            assertThat(act.sessionsMedian()).isNull();
            assertThat(act.dropoutPct()).isNull();
            assertThat(act.nReliableImprovement()).isEqualTo(0);
        }
        assertThat(group("ACT", "pcl5").nCases()).isEqualTo(0);
        assertThat(group("ACT", "ders16").nCases()).isNull();
        assertThat(group("ACT", "well").nResponse()).isNull();
    }

    @Test
    void tauWithNoSessionsAndASingleScore() {
        // C1: no sessions (0 attended); C2: one pcl5 (45), 2 attended (02-01, 06-03), 1 missed.
        GroupOutcomes tau = group("TAU", "pcl5");
        assertThat(tau.nClosed()).isEqualTo(2);
        assertThat(tau.nPaired()).isEqualTo(0);
        assertThat(tau.completenessPct()).isEqualTo(0.0);
        assertThat(tau.changeMean()).isNull();
        // sessions 0, 2 -> median 1, q1 0.5, q3 1.5; reasons completed, other -> dropout 0
        assertThat(tau.sessionsMedian()).isEqualTo(1.0);
        assertThat(tau.sessionsQ1()).isEqualTo(0.5);
        assertThat(tau.sessionsQ3()).isEqualTo(1.5);
        assertThat(tau.dropoutPct()).isEqualTo(0.0);
    }

    @Test
    void allApproachesTogether() {
        GroupOutcomes all = group("ALL", "pcl5");
        // closed 6; paired A1 50->30, A2 40->52, B1 60->36, B0 55->47: completeness 100 × 4 / 6
        assertThat(all.nClosed()).isEqualTo(6);
        assertThat(all.nPaired()).isEqualTo(4);
        assertThat(all.completenessPct()).isEqualTo(100.0 * 4 / 6);
        // baseline mean 205 / 4 = 51.25; deviations -1.25 -11.25 8.75 3.75, squares sum 218.75, SD sqrt(218.75 / 3)
        assertThat(all.baselineMean()).isEqualTo(51.25);
        assertThat(all.baselineSd()).isCloseTo(Math.sqrt(218.75 / 3), within(TOLERANCE));
        // final mean 165 / 4 = 41.25
        assertThat(all.finalMean()).isEqualTo(41.25);
        // change -20 12 -24 -8: mean -10; deviations -10 22 -14 2, squares 784, SD sqrt(784 / 3)
        assertThat(all.changeMean()).isEqualTo(-10.0);
        assertThat(all.changeSd()).isCloseTo(Math.sqrt(784.0 / 3), within(TOLERANCE));
        // d = 10 / SD(baseline); J = 1 - 3 / (4 × 3 - 1) = 8 / 11; g = d × 8 / 11
        double d = 10 / Math.sqrt(218.75 / 3);
        assertThat(all.d()).isCloseTo(d, within(TOLERANCE));
        assertThat(all.g()).isCloseTo(d * 8 / 11, within(TOLERANCE));
        // RI A1 B1 (2 of 4); RD A2 (1); cases 4, recovered A1 (1), reliable recovery A1 (1); response 0
        assertThat(all.reliableImprovementPct()).isEqualTo(50.0);
        assertThat(all.reliableDeteriorationPct()).isEqualTo(25.0);
        assertThat(all.nCases()).isEqualTo(4);
        assertThat(all.recoveryPct()).isEqualTo(25.0);
        assertThat(all.reliableRecoveryPct()).isEqualTo(25.0);
        assertThat(all.responsePct()).isEqualTo(0.0);
        // attended sessions per closed episode A1 4, A2 2, B1 3, C1 0, C2 2, B0 2 -> sorted 0 2 2 2 3 4:
        // median h = 3.5 -> 2; q1 h = 2.25 -> 2; q3 h = 4.75 -> 2 + 0.75 × (3 - 2) = 2.75
        assertThat(all.sessionsMedian()).isEqualTo(2.0);
        assertThat(all.sessionsQ1()).isEqualTo(2.0);
        assertThat(all.sessionsQ3()).isEqualTo(2.75);
        // dropout A2: 100 × 1 / 6
        assertThat(all.dropoutPct()).isEqualTo(100.0 * 1 / 6);
    }

    @Test
    void approachComparison() {
        assertThat(tables.approachComparison()).extracting(OutcomeTables.ComparisonRow::instrument)
                .containsExactly("pcl5", "phq9", "well", "ders16");
        OutcomeTables.ComparisonRow pcl5 = tables.approachComparison().get(0);
        // DBT -20, 12 (mean -4); CPT -24, -8 (mean -16); grand mean -10. ACT and TAU have n < 2.
        assertThat(pcl5.nApproaches()).isEqualTo(2);
        assertThat(pcl5.nPaired()).isEqualTo(4);
        ComparisonResult r = pcl5.result();
        // SSB = 2 × 6² + 2 × 6² = 144 (df 1); SSW = 16² + 16² + 8² + 8² = 640 (df 2); F = 144 / 320 = 0.45;
        // F(1, 2) = t² with 2 df: p = 1 - t / sqrt(t² + 2) = 1 - sqrt(0.45 / 2.45) = 1 - 3/7 = 4/7
        assertThat(r.anovaF()).isCloseTo(0.45, within(TOLERANCE));
        assertThat(r.anovaDfBetween()).isEqualTo(1);
        assertThat(r.anovaDfWithin()).isEqualTo(2);
        assertThat(r.anovaP()).isCloseTo(4.0 / 7, within(TOLERANCE));
        // ranks -24:1 -20:2 -8:3 12:4; DBT 6, CPT 4; H = 12 / 20 × (36/2 + 16/2) - 15 = 0.6;
        // p = P(χ²₁ > 0.6) = erfc(sqrt(0.3))
        assertThat(r.kruskalH()).isCloseTo(0.6, within(TOLERANCE));
        assertThat(r.kruskalDf()).isEqualTo(1);
        assertThat(r.kruskalP()).isCloseTo(0.4385780260809999, within(TOLERANCE));
        // RI table DBT 1/1, CPT 1/1: χ² = 0, p = 1
        assertThat(r.chi2()).isCloseTo(0.0, within(TOLERANCE));
        assertThat(r.chi2Df()).isEqualTo(1);
        assertThat(r.chi2P()).isCloseTo(1.0, within(TOLERANCE));
        // phq9: DBT n 2, CPT n 1: one group only -> nothing defined
        OutcomeTables.ComparisonRow phq9 = tables.approachComparison().get(1);
        assertThat(phq9.result()).isEqualTo(ComparisonResult.UNDEFINED);
        assertThat(phq9.nApproaches()).isEqualTo(1);
        assertThat(phq9.nPaired()).isEqualTo(2);
    }

    @Test
    void trajectories() {
        List<String> keys = tables.trajectories().stream()
                .map(r -> r.approach() + " " + r.instrument() + " " + r.k()).toList();
        // Paired episodes only; no ALL; rows with n = 0 left out (ACT, TAU, CPT ders16, k beyond the longest).
        assertThat(keys).containsExactly(
                "DBT pcl5 1", "DBT pcl5 2", "DBT pcl5 3", "DBT phq9 1", "DBT phq9 2", "DBT phq9 3",
                "DBT well 1", "DBT well 2", "DBT ders16 1", "DBT ders16 2",
                "CPT pcl5 1", "CPT pcl5 2", "CPT pcl5 3", "CPT phq9 1", "CPT phq9 2", "CPT well 1", "CPT well 2");
        // DBT pcl5: A1 50 40 30, A2 40 52. k=1: 50, 40 -> mean 45, SD sqrt(50), CI 45 ± t(1) × sqrt(50)/sqrt(2) = 45 ± 5 t
        TrajectoryPoint k1 = trajectory("DBT", "pcl5", 1);
        assertThat(k1.n()).isEqualTo(2);
        assertThat(k1.mean()).isEqualTo(45.0);
        assertThat(k1.sd()).isCloseTo(Math.sqrt(50), within(TOLERANCE));
        assertThat(k1.ciLow()).isCloseTo(45 - 5 * T1, within(TOLERANCE));
        assertThat(k1.ciHigh()).isCloseTo(45 + 5 * T1, within(TOLERANCE));
        // k=2: 40, 52 -> 46; k=3: A1 only -> 30, no SD
        assertThat(trajectory("DBT", "pcl5", 2).mean()).isEqualTo(46.0);
        TrajectoryPoint k3 = trajectory("DBT", "pcl5", 3);
        assertThat(k3.n()).isEqualTo(1);
        assertThat(k3.mean()).isEqualTo(30.0);
        assertThat(k3.sd()).isNull();
        assertThat(k3.ciLow()).isNull();
        // CPT phq9: B0 14, 9 only (B1's single phq9 is not paired)
        assertThat(trajectory("CPT", "phq9", 1).n()).isEqualTo(1);
        assertThat(trajectory("CPT", "phq9", 1).mean()).isEqualTo(14.0);
        // CPT pcl5 k=1: B1 60 and B0 55 -> 57.5 (index order B1 then B0)
        assertThat(trajectory("CPT", "pcl5", 1).mean()).isEqualTo(57.5);
    }

    @Test
    void trajectoriesStopAtTwentyAssessments() {
        CohortFixture.Builder long25 = new CohortFixture.Builder(0, "L1", "DBT", "CL1", "2026-01-01")
                .discharged("2026-06-01", "completed");
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int k = 1; k <= 25; k++) {
            long25.attended(day.plusDays(k).toString(), k, NA, NA, NA);
        }
        OutcomeTables result = CohortFixture.analyse(List.of(long25.data()), CohortFixture.WINDOW, true);
        List<TrajectoryRow> rows = result.trajectories();
        assertThat(rows).hasSize(20);
        assertThat(rows.get(19).k()).isEqualTo(20);
        assertThat(rows.get(19).point().mean()).isEqualTo(20.0);
        // ... but the final score is the 25th.
        assertThat(result.episodeOutcomes().get(0).outcome().finalScore()).isEqualTo(25.0);
        assertThat(result.episodeOutcomes().get(0).outcome().nScores()).isEqualTo(25);
    }

    @Test
    void pcl5Clusters() {
        List<ClusterRow> rows = tables.pcl5Clusters();
        // 5 groups (4 approaches + ALL) × 4 clusters
        assertThat(rows).hasSize(20);
        assertThat(rows.subList(0, 4)).extracting(ClusterRow::cluster).containsExactly(Cluster.B, Cluster.C, Cluster.D, Cluster.E);
        // DBT: A1 only (A2's PCL-5s carry no items). B: 14 -> 7; diagnosis at baseline yes, final no (C items 1, 1).
        ClusterRow dbtB = cluster("DBT", Cluster.B);
        assertThat(dbtB.n()).isEqualTo(1);
        assertThat(dbtB.baselineMean()).isEqualTo(14.0);
        assertThat(dbtB.finalMean()).isEqualTo(7.0);
        assertThat(dbtB.changeMean()).isEqualTo(-7.0);
        assertThat(dbtB.changeSd()).isNull();
        assertThat(dbtB.diagnosisBaselinePct()).isEqualTo(100.0);
        assertThat(dbtB.diagnosisFinalPct()).isEqualTo(0.0);
        // A1 D: 16 -> 12; E: 14 -> 9
        assertThat(cluster("DBT", Cluster.D).changeMean()).isEqualTo(-4.0);
        assertThat(cluster("DBT", Cluster.E).changeMean()).isEqualTo(-5.0);
        // CPT: B1 only (B0 has no items). Its middle PCL-5 (45) has no items: only baseline and final need them.
        ClusterRow cptB = cluster("CPT", Cluster.B);
        assertThat(cptB.n()).isEqualTo(1);
        assertThat(cptB.baselineMean()).isEqualTo(18.0);
        assertThat(cptB.finalMean()).isEqualTo(10.0);
        assertThat(cptB.diagnosisFinalPct()).isEqualTo(100.0);
        // ACT and TAU: no episode
        ClusterRow act = cluster("ACT", Cluster.C);
        assertThat(act.n()).isEqualTo(0);
        assertThat(act.baselineMean()).isNull();
        assertThat(act.diagnosisBaselinePct()).isNull();
        // ALL: A1 and B1. B: baseline (14 + 18) / 2 = 16, final (7 + 10) / 2 = 8.5, change -7, -8: mean -7.5,
        // SD sqrt(0.5² + 0.5²) = sqrt(0.5); C: 6 -> 2 and 8 -> 4: change -4, -4, SD 0.
        ClusterRow allB = cluster("ALL", Cluster.B);
        assertThat(allB.n()).isEqualTo(2);
        assertThat(allB.baselineMean()).isEqualTo(16.0);
        assertThat(allB.baselineSd()).isCloseTo(Math.sqrt(8), within(TOLERANCE)); // 14, 18: sqrt(4 + 4)
        assertThat(allB.finalMean()).isEqualTo(8.5);
        assertThat(allB.changeMean()).isEqualTo(-7.5);
        assertThat(allB.changeSd()).isCloseTo(Math.sqrt(0.5), within(TOLERANCE));
        assertThat(cluster("ALL", Cluster.C).changeSd()).isEqualTo(0.0);
        // diagnosis: baseline A1 yes, B1 yes -> 100; final A1 no, B1 yes -> 50
        assertThat(allB.nDiagnosisBaseline()).isEqualTo(2);
        assertThat(allB.diagnosisBaselinePct()).isEqualTo(100.0);
        assertThat(allB.nDiagnosisFinal()).isEqualTo(1);
        assertThat(allB.diagnosisFinalPct()).isEqualTo(50.0);
    }

    @Test
    void noPcl5InstrumentNoClusterRows() {
        List<EpisodeData> episodes = CohortFixture.episodes();
        CohortAnalysis analysis = new CohortAnalysis(List.of(new org.clinicaloutcomes.metrics.Instrument("pcl5x", "PCL-5 renamed", 0, 80, false, true, 33.0, 10),
                CohortFixture.PHQ9, CohortFixture.WELL, CohortFixture.DERS16),
                CohortFixture.APPROACHES, "phq9", CohortFixture.WINDOW, true);
        episodes.forEach(analysis::add);
        assertThat(analysis.finish().pcl5Clusters()).isEmpty();
    }

    @Test
    void clinicians() {
        List<ClinicianRow> rows = tables.clinicians();
        // Closed episodes: CL1 A1, B1, C2; CL2 A2 (D1 is outside the window); CL3 C1, B0.
        assertThat(rows).extracting(ClinicianRow::clinicianId).containsExactly("CL1", "CL2", "CL3");
        // Practice on pcl5: RI A1, B1 of 4 paired -> p = 0.5
        ClinicianRow cl1 = rows.get(0);
        assertThat(cl1.instrument()).isEqualTo("pcl5");
        assertThat(cl1.practiceRiPct()).isEqualTo(50.0);
        // CL1: closed 3, paired A1 (-20) and B1 (-24): mean -22, RI 2 (100 %), cases 2, recovered A1 (50 %)
        assertThat(cl1.nClosed()).isEqualTo(3);
        assertThat(cl1.nPaired()).isEqualTo(2);
        assertThat(cl1.changeMean()).isEqualTo(-22.0);
        assertThat(cl1.nReliableImprovement()).isEqualTo(2);
        assertThat(cl1.reliableImprovementPct()).isEqualTo(100.0);
        assertThat(cl1.nCases()).isEqualTo(2);
        assertThat(cl1.nRecovered()).isEqualTo(1);
        assertThat(cl1.recoveryPct()).isEqualTo(50.0);
        // limits at n = 2: 100 × (0.5 ± 1.96 × sqrt(0.25 / 2)) = 100 × (0.5 ± 0.693) -> clamped to [0, 100]
        assertThat(cl1.funnel95Low()).isEqualTo(0.0);
        assertThat(cl1.funnel95High()).isEqualTo(100.0);
        assertThat(cl1.funnel998Low()).isEqualTo(0.0);
        assertThat(cl1.funnel998High()).isEqualTo(100.0);
        // CL3: closed 2 (C1 without scores), paired B0 only (-8, no RI)
        ClinicianRow cl3 = rows.get(2);
        assertThat(cl3.nClosed()).isEqualTo(2);
        assertThat(cl3.nPaired()).isEqualTo(1);
        assertThat(cl3.changeMean()).isEqualTo(-8.0);
        assertThat(cl3.reliableImprovementPct()).isEqualTo(0.0);
    }

    @Test
    void clinicianFunnelLimitsAroundThePracticeRate() {
        // One clinician, 4 paired PCL-5 episodes, 2 with RI: p = 0.5.
        // 95 %: 1.96 × sqrt(0.25 / 4) = 0.49 -> [1, 99]; 99.8 %: 3.09 × 0.25 = 0.7725 -> clamped [0, 100].
        List<EpisodeData> episodes = new ArrayList<>();
        double[] finals = {30, 35, 45, 48};
        for (int i = 0; i < 4; i++) {
            episodes.add(new CohortFixture.Builder(i, "E" + i, "DBT", "CLX", "2026-02-01")
                    .discharged("2026-05-01", "completed")
                    .attended("2026-02-01", 45, NA, NA, NA)
                    .attended("2026-04-01", finals[i], NA, NA, NA)
                    .data());
        }
        ClinicianRow row = CohortFixture.analyse(episodes, CohortFixture.WINDOW, true).clinicians().get(0);
        assertThat(row.practiceRiPct()).isEqualTo(50.0);
        assertThat(row.funnel95Low()).isCloseTo(1.0, within(TOLERANCE));
        assertThat(row.funnel95High()).isCloseTo(99.0, within(TOLERANCE));
        assertThat(row.funnel998Low()).isEqualTo(0.0);
        assertThat(row.funnel998High()).isEqualTo(100.0);
    }

    @Test
    void subgroups() {
        List<SubgroupRow> rows = tables.subgroups();
        // (4 approaches + ALL) × (10 index events + unknown + 4 flags × 3 values)
        assertThat(rows).hasSize(5 * 23);
        assertThat(rows.get(0).approach()).isEqualTo("DBT");
        assertThat(rows.get(0).variable() + "=" + rows.get(0).value()).isEqualTo("index_event=icu");
        assertThat(rows.get(10).value()).isEqualTo("unknown");
        assertThat(rows.subList(11, 14)).extracting(SubgroupRow::value).containsExactly("Y", "N", "unknown");
        assertThat(rows.get(rows.size() - 1).approach()).isEqualTo("ALL");
        assertThat(rows.get(rows.size() - 1).variable()).isEqualTo("marginalized");
        // pcl5 change: A1 -20 (RI), A2 +12, B1 -24 (RI), B0 -8; C1, C2 not paired.
        // ALL icu: A1, C2, B0 closed; paired A1, B0: mean -14, SD sqrt(6² + 6²) = sqrt(72); RI 1 of 2
        SubgroupRow icu = subgroup("ALL", "index_event", "icu");
        assertThat(icu.instrument()).isEqualTo("pcl5");
        assertThat(icu.nClosed()).isEqualTo(3);
        assertThat(icu.nPaired()).isEqualTo(2);
        assertThat(icu.changeMean()).isEqualTo(-14.0);
        assertThat(icu.changeSd()).isCloseTo(Math.sqrt(72), within(TOLERANCE));
        assertThat(icu.nReliableImprovement()).isEqualTo(1);
        assertThat(icu.reliableImprovementPct()).isEqualTo(50.0);
        // ALL unknown index event: A2, C1 closed; A2 paired (+12, no RI)
        SubgroupRow unknown = subgroup("ALL", "index_event", "unknown");
        assertThat(unknown.nClosed()).isEqualTo(2);
        assertThat(unknown.nPaired()).isEqualTo(1);
        assertThat(unknown.changeMean()).isEqualTo(12.0);
        assertThat(unknown.reliableImprovementPct()).isEqualTo(0.0);
        // no birth episode: zeros and empty statistics
        SubgroupRow birth = subgroup("ALL", "index_event", "birth");
        assertThat(birth.nClosed()).isEqualTo(0);
        assertThat(birth.changeMean()).isNull();
        assertThat(birth.reliableImprovementPct()).isNull();
        // prior trauma Y: B1 (-24, RI) and B0 (-8): mean -16, RI 50 %
        SubgroupRow priorYes = subgroup("ALL", "prior_trauma", "Y");
        assertThat(priorYes.nPaired()).isEqualTo(2);
        assertThat(priorYes.changeMean()).isEqualTo(-16.0);
        assertThat(priorYes.reliableImprovementPct()).isEqualTo(50.0);
        // DBT chronic illness: A1 Y, A2 unknown
        assertThat(subgroup("DBT", "chronic_illness", "Y").changeMean()).isEqualTo(-20.0);
        assertThat(subgroup("DBT", "chronic_illness", "N").nClosed()).isEqualTo(0);
        assertThat(subgroup("DBT", "chronic_illness", "unknown").changeMean()).isEqualTo(12.0);
        // marginalized unknown for CPT: B0 only (B1 is N)
        assertThat(subgroup("CPT", "marginalized", "unknown").changeMean()).isEqualTo(-8.0);
        assertThat(subgroup("CPT", "marginalized", "N").changeMean()).isEqualTo(-24.0);
        // each variable partitions the closed episodes
        for (String variable : CohortAnalysis.SUBGROUP_VARIABLES) {
            int closed = rows.stream().filter(r -> r.approach().equals("ALL") && r.variable().equals(variable))
                    .mapToInt(SubgroupRow::nClosed).sum();
            assertThat(closed).as(variable).isEqualTo(6);
        }
    }

    @Test
    void activityOfTheReportMonthCountsEveryEpisode() {
        List<ActivityRow> rows = tables.activity();
        assertThat(rows).extracting(ActivityRow::approach).containsExactly("DBT", "CPT", "ACT", "TAU", "ALL");
        assertThat(rows).extracting(ActivityRow::period).containsOnly("2026-06");
        // June 2026. DBT: A2 discharged 06-15 (dropout), its 06-10 session missed; A1 and D1 no June activity.
        ActivityRow dbt = rows.get(0);
        assertThat(dbt.intakes()).isEqualTo(0);
        assertThat(dbt.discharges()).isEqualTo(1);
        assertThat(dbt.dischargesDropout()).isEqualTo(1);
        assertThat(dbt.caseload()).isEqualTo(0);
        assertThat(dbt.attendedSessions()).isEqualTo(0);
        assertThat(dbt.missedSessions()).isEqualTo(1);
        assertThat(dbt.missedSessionPct()).isEqualTo(100.0);
        // CPT: open B2 attended 06-01, B3 (open until 07-10) attended 06-20: caseload 2, 2 attended, none missed.
        ActivityRow cpt = rows.get(1);
        assertThat(cpt.caseload()).isEqualTo(2);
        assertThat(cpt.attendedSessions()).isEqualTo(2);
        assertThat(cpt.missedSessions()).isEqualTo(0);
        assertThat(cpt.missedSessionPct()).isEqualTo(0.0);
        assertThat(cpt.discharges()).isEqualTo(0);
        // ACT: nothing, the rate is not defined
        ActivityRow act = rows.get(2);
        assertThat(act.caseload()).isEqualTo(0);
        assertThat(act.missedSessionPct()).isNull();
        // TAU: C3 intake 06-10; C1 (06-30 completed) and C2 (06-05 other) discharged; C1 has no sessions;
        // C2 missed 06-02 and attended 06-03, C3 attended 06-10 and missed 06-17: caseload 2,
        // attended 2, missed 2, rate 100 × 2 / 4 = 50.
        ActivityRow tau = rows.get(3);
        assertThat(tau.intakes()).isEqualTo(1);
        assertThat(tau.discharges()).isEqualTo(2);
        assertThat(tau.dischargesCompleted()).isEqualTo(1);
        assertThat(tau.dischargesOther()).isEqualTo(1);
        assertThat(tau.caseload()).isEqualTo(2);
        assertThat(tau.attendedSessions()).isEqualTo(2);
        assertThat(tau.missedSessions()).isEqualTo(2);
        assertThat(tau.missedSessionPct()).isEqualTo(50.0);
        // ALL: intakes 1; discharges 3 (completed 1, dropout 1, referred 0, other 1); caseload 4;
        // attended 0 + 2 + 0 + 2 = 4; missed 1 + 0 + 0 + 2 = 3; rate 100 × 3 / 7
        ActivityRow all = rows.get(4);
        assertThat(all.intakes()).isEqualTo(1);
        assertThat(all.discharges()).isEqualTo(3);
        assertThat(all.dischargesCompleted()).isEqualTo(1);
        assertThat(all.dischargesDropout()).isEqualTo(1);
        assertThat(all.dischargesReferred()).isEqualTo(0);
        assertThat(all.dischargesOther()).isEqualTo(1);
        assertThat(all.caseload()).isEqualTo(4);
        assertThat(all.attendedSessions()).isEqualTo(4);
        assertThat(all.missedSessions()).isEqualTo(3);
        assertThat(all.missedSessionPct()).isEqualTo(100.0 * 3 / 7);
    }

    @Test
    void alertsForOpenEpisodesWithReliableDeterioration() {
        // Open at 2026-06-30: B2 (open), B3 (discharged 07-10), C3 (open, one score).
        // B2 pcl5 30 -> 45: -15, 15 >= 10: RD. B2 phq9 5 -> 4: no.
        // B3 phq9 5 -> 12 (06-20): 7 >= 6: RD; its 07-05 score (3) is after the month and not looked at.
        List<AlertRow> alerts = tables.alerts();
        assertThat(alerts).hasSize(2);
        AlertRow b2 = alerts.get(0);
        assertThat(b2.clientId()).isEqualTo("B2");
        assertThat(b2.approach()).isEqualTo("CPT");
        assertThat(b2.clinicianId()).isEqualTo("CL3");
        assertThat(b2.instrument()).isEqualTo("pcl5");
        assertThat(b2.baseline()).isEqualTo(30.0);
        assertThat(b2.latest()).isEqualTo(45.0);
        assertThat(b2.change()).isEqualTo(15.0);
        assertThat(b2.latestDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(b2.baselineDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(b2.nScores()).isEqualTo(2);
        AlertRow b3 = alerts.get(1);
        assertThat(b3.clientId()).isEqualTo("B3");
        assertThat(b3.instrument()).isEqualTo("phq9");
        assertThat(b3.latest()).isEqualTo(12.0);
        assertThat(b3.change()).isEqualTo(7.0);
        assertThat(b3.latestDate()).isEqualTo(LocalDate.of(2026, 6, 20));
    }

    @Test
    void aResearchRunHasNoAlertsAndTheWindowAsPeriod() {
        OutcomeTables research = CohortFixture.analyse(false);
        assertThat(research.alerts()).isEmpty();
        // Same cohort and outcomes as the monthly run with the same window.
        assertThat(research.outcomesByApproach()).isEqualTo(tables.outcomesByApproach());
        assertThat(research.episodeOutcomes()).isEqualTo(tables.episodeOutcomes());
        // Activity over the whole window 2026-01-01 … 2026-06-30: intakes A1, A2, B2, B3, C1, C2, B0, C3 = 8;
        // discharges A1, A2, B1, C1, C2, B0 = 6 (B1 on 01-15 is inside).
        ActivityRow all = research.activity().get(4);
        assertThat(all.period()).isEqualTo("2026-01-01_2026-06-30");
        assertThat(all.intakes()).isEqualTo(8);
        assertThat(all.discharges()).isEqualTo(6);
        // attended in the window: A1 4, A2 2, B1 1 (01-15), B2 2, B3 2, C2 2, B0 2, C3 1 = 16;
        // missed: A1 1, A2 1, C2 1, C3 1 = 4; caseload: 8 episodes with an attended session
        assertThat(all.attendedSessions()).isEqualTo(16);
        assertThat(all.missedSessions()).isEqualTo(4);
        assertThat(all.caseload()).isEqualTo(8);
        assertThat(all.missedSessionPct()).isEqualTo(100.0 * 4 / 20);
    }

    @Test
    void windowActivityCountsTheWholeWindow() {
        // The same rows as activity, over 2026-01-01 … 2026-06-30 instead of June 2026.
        List<ActivityRow> rows = tables.windowActivity();
        assertThat(rows).extracting(ActivityRow::approach).containsExactly("DBT", "CPT", "ACT", "TAU", "ALL");
        assertThat(rows).extracting(ActivityRow::period).containsOnly("2026-01-01_2026-06-30");
        // DBT: A1 intake 01-10 and discharge 05-20 (completed) are before June but inside the window:
        // they count here and not in the June row (intakes 0, discharges 1 there). A2 intake 02-01,
        // discharge 06-15 (dropout). D1 (2025-01-01 to 2025-12-31) is wholly before the window.
        // Sessions: A1 01-10, 02-10, 03-10, 05-20 attended, 02-01 missed; A2 02-01, 03-01
        // attended, 06-10 missed: caseload 2, attended 4 + 2 = 6, missed 1 + 1 = 2, rate 100 × 2 / 8.
        ActivityRow dbt = rows.get(0);
        assertThat(dbt).isEqualTo(new ActivityRow("2026-01-01_2026-06-30", "DBT", 2, 2, 1, 1, 0, 0, 2, 6, 2, 25.0));
        assertThat(tables.activity().get(0).intakes()).isEqualTo(0);
        assertThat(tables.activity().get(0).discharges()).isEqualTo(1);
        // CPT: B1's intake (2025-10-01) is before the window, its discharge 01-15 (referred) inside;
        // B2 (03-01), B3 (04-01), B0 (01-20) intakes inside: 3. B3's discharge 07-10 is after the
        // window; B0 discharged 04-30 (completed): discharges 2 (completed 1, referred 1).
        // Attended inside the window: B1 01-15 (its 2025 sessions are out), B2 03-01 and 06-01,
        // B3 04-01 and 06-20 (07-05 is out), B0 01-20 and 02-20 = 7; none missed: caseload 4, rate 0.
        ActivityRow cpt = rows.get(1);
        assertThat(cpt).isEqualTo(new ActivityRow("2026-01-01_2026-06-30", "CPT", 3, 2, 1, 0, 1, 0, 4, 7, 0, 0.0));
        // ACT: no episode; the rate over no session is not defined.
        assertThat(rows.get(2)).isEqualTo(new ActivityRow("2026-01-01_2026-06-30", "ACT", 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
        // TAU: intakes C1 01-05, C2 02-01, C3 06-10 = 3; discharges C1 06-30 (the window's last day,
        // completed) and C2 06-05 (other) = 2; C1 has no session; C2 02-01, 06-03 attended, 06-02
        // missed; C3 06-10 attended, 06-17 missed: caseload 2, attended 3, missed 2, rate 100 × 2 / 5.
        ActivityRow tau = rows.get(3);
        assertThat(tau).isEqualTo(new ActivityRow("2026-01-01_2026-06-30", "TAU", 3, 2, 1, 0, 0, 1, 2, 3, 2, 40.0));
        // ALL: intakes 2 + 3 + 0 + 3 = 8; discharges 6 (completed 3, dropout 1, referred 1, other 1);
        // caseload 8; attended 6 + 7 + 3 = 16; missed 2 + 0 + 2 = 4; rate 100 × 4 / 20.
        ActivityRow all = rows.get(4);
        assertThat(all).isEqualTo(new ActivityRow("2026-01-01_2026-06-30", "ALL", 8, 6, 3, 1, 1, 1, 8, 16, 4, 20.0));
        // Discharged in the window = the closed episodes of the outcome cohort.
        assertThat(all.discharges()).isEqualTo(tables.closedInWindow());
        // activity.csv's rows stay those of the report month.
        assertThat(tables.activity()).extracting(ActivityRow::period).containsOnly("2026-06");
    }

    @Test
    void inAResearchRunTheWindowActivityIsTheActivity() {
        OutcomeTables research = CohortFixture.analyse(false);
        // The activity period of a research run is the window: the same rows twice ...
        assertThat(research.windowActivity()).isEqualTo(research.activity());
        // ... and the same as the window rows of the monthly run with the same window.
        assertThat(research.windowActivity()).isEqualTo(tables.windowActivity());
    }

    @Test
    void windowActivityAtTheEdgesOfTheWindow() {
        // Monthly window of 2 months ending 2026-06: 2026-05-01 … 2026-06-30; report month June.
        ReportWindow window = ReportWindow.monthly(YearMonth.of(2026, 6), 2);
        List<EpisodeData> episodes = List.of(
                // E0: intake the day before the window, discharged on its first day: a discharge, no intake;
                // its session the day before is out, the one on 05-01 in.
                new CohortFixture.Builder(0, "E0", "DBT", "CL1", "2026-04-30").discharged("2026-05-01", "dropout")
                        .attended("2026-04-30", NA, NA, NA, NA).attended("2026-05-01", NA, NA, NA, NA).data(),
                // E1: intake on the window's first day, in May only; a missed session in May, none attended:
                // an intake, not in the caseload.
                new CohortFixture.Builder(1, "E1", "DBT", "CL1", "2026-05-01").missed("2026-05-15").data(),
                // E2: intake on the last day, discharged the day after: an intake (also of June), no discharge;
                // attended on 06-30 (in) and 07-01 (out).
                new CohortFixture.Builder(2, "E2", "CPT", "CL2", "2026-06-30").discharged("2026-07-01", "completed")
                        .attended("2026-06-30", NA, NA, NA, NA).attended("2026-07-01", NA, NA, NA, NA).data(),
                // E3: everything after the window.
                new CohortFixture.Builder(3, "E3", "CPT", "CL2", "2026-07-02").attended("2026-07-02", NA, NA, NA, NA)
                        .data());
        OutcomeTables edges = CohortFixture.analyse(episodes, window, true);
        String period = "2026-05-01_2026-06-30";
        // DBT: intakes E1 = 1; discharges E0 = 1 (dropout); caseload E0 = 1 (E1 never attended);
        // attended 1 (E0 05-01), missed 1 (E1 05-15), rate 50.
        assertThat(edges.windowActivity().get(0)).isEqualTo(new ActivityRow(period, "DBT", 1, 1, 0, 1, 0, 0, 1, 1, 1, 50.0));
        // CPT: intakes E2 = 1; no discharge; caseload E2 = 1; attended 1 (06-30); missed 0.
        assertThat(edges.windowActivity().get(1)).isEqualTo(new ActivityRow(period, "CPT", 1, 0, 0, 0, 0, 0, 1, 1, 0, 0.0));
        assertThat(edges.windowActivity().get(4)).isEqualTo(new ActivityRow(period, "ALL", 2, 1, 0, 1, 0, 0, 2, 2, 1,
                100.0 / 3));
        // June alone: only E2 (intake and attended 06-30).
        assertThat(edges.activity().get(4)).isEqualTo(new ActivityRow("2026-06", "ALL", 1, 0, 0, 0, 0, 0, 1, 1, 0, 0.0));
        assertThat(edges.closedInWindow()).isEqualTo(1);
    }

    @Test
    void identicalInputGivesIdenticalTables() {
        OutcomeTables again = CohortFixture.analyse(true);
        // Records compare doubles bit for bit (Double.equals).
        assertThat(again).isEqualTo(tables);
    }

    @Test
    void anEmptyPractice() {
        OutcomeTables empty = CohortFixture.analyse(List.of(), CohortFixture.WINDOW, true);
        assertThat(empty.closedInWindow()).isEqualTo(0);
        assertThat(empty.episodeOutcomes()).isEmpty();
        assertThat(empty.outcomesByApproach()).hasSize(5 * 4);
        assertThat(empty.outcomesByApproach()).allSatisfy(r -> {
            assertThat(r.outcomes().nClosed()).isEqualTo(0);
            assertThat(r.outcomes().completenessPct()).isNull();
        });
        assertThat(empty.approachComparison()).hasSize(4)
                .allSatisfy(r -> assertThat(r.result()).isEqualTo(ComparisonResult.UNDEFINED));
        assertThat(empty.trajectories()).isEmpty();
        assertThat(empty.pcl5Clusters()).hasSize(20);
        assertThat(empty.clinicians()).isEmpty();
        assertThat(empty.subgroups()).hasSize(5 * 23);
        assertThat(empty.activity()).hasSize(5);
        assertThat(empty.windowActivity()).hasSize(5).allSatisfy(r -> {
            assertThat(r.period()).isEqualTo("2026-01-01_2026-06-30");
            assertThat(r.intakes()).isEqualTo(0);
            assertThat(r.missedSessionPct()).isNull();
        });
        assertThat(empty.alerts()).isEmpty();
    }

    @Test
    void misuseIsRefused() {
        ReportWindow window = CohortFixture.WINDOW;
        List<EpisodeData> episodes = CohortFixture.episodes();
        assertThatThrownBy(() -> new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "gad7", window, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gad7");
        assertThatThrownBy(() -> new CohortAnalysis(CohortFixture.INSTRUMENTS, List.of("DBT", "ALL"), "pcl5", window, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.research(), true)).isInstanceOf(IllegalArgumentException.class);

        CohortAnalysis outOfOrder = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5", window, true);
        outOfOrder.add(episodes.get(1));
        assertThatThrownBy(() -> outOfOrder.add(episodes.get(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increasing index order");

        CohortAnalysis unknownApproach = new CohortAnalysis(CohortFixture.INSTRUMENTS, List.of("DBT"), "pcl5", window, true);
        assertThatThrownBy(() -> unknownApproach.add(episodes.get(2))).isInstanceOf(IllegalArgumentException.class);

        EpisodeData a1 = episodes.get(0);
        List<SessionRecord> reversed = new ArrayList<>(a1.sessions());
        java.util.Collections.reverse(reversed);
        CohortAnalysis unsorted = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5", window, true);
        assertThatThrownBy(() -> unsorted.add(new EpisodeData(0, a1.intake(), reversed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score order");

        CohortAnalysis finished = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5", window, true);
        finished.finish();
        assertThatThrownBy(finished::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> finished.add(a1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessionsWithTheSameDateAreScoredByNumberBlankFirst() {
        // Same day: the session without a number comes first, so 48 is the baseline.
        CohortFixture.Builder builder = new CohortFixture.Builder(0, "S1", "PE", "CL1", "2026-02-01");
        EpisodeData data = builder.discharged("2026-03-01", "completed").data();
        int day = CohortFixture.day("2026-02-01");
        List<SessionRecord> sessions = List.of(
                new SessionRecord(0, day, SessionRecord.NO_NUMBER, true, new double[] {48, NA, NA, NA}, null, 9, 0, 0),
                new SessionRecord(0, day, 1, true, new double[] {40, NA, NA, NA}, null, 3, 0, 0),
                new SessionRecord(0, day + 7, 2, true, new double[] {20, NA, NA, NA}, null, 4, 0, 0));
        CohortAnalysis analysis = new CohortAnalysis(CohortFixture.INSTRUMENTS, List.of("PE"), "pcl5",
                ReportWindow.monthly(YearMonth.of(2026, 3), 1), true);
        analysis.add(new EpisodeData(0, data.intake(), sessions));
        EpisodeOutcome outcome = analysis.finish().episodeOutcomes().get(0).outcome();
        assertThat(outcome.baseline()).isEqualTo(48.0);
        assertThat(outcome.finalScore()).isEqualTo(20.0);
    }

    // ---------------------------------------------------------------- lookups

    private EpisodeRow episode(String client, String instrument) {
        return only(tables.episodeOutcomes(), r -> r.clientId().equals(client) && r.instrument().equals(instrument));
    }

    private GroupOutcomes group(String approach, String instrument) {
        ApproachRow row = only(tables.outcomesByApproach(),
                r -> r.approach().equals(approach) && r.instrument().equals(instrument));
        return row.outcomes();
    }

    private TrajectoryPoint trajectory(String approach, String instrument, int k) {
        return only(tables.trajectories(),
                r -> r.approach().equals(approach) && r.instrument().equals(instrument) && r.k() == k).point();
    }

    private ClusterRow cluster(String approach, Cluster cluster) {
        return only(tables.pcl5Clusters(), r -> r.approach().equals(approach) && r.cluster() == cluster);
    }

    private SubgroupRow subgroup(String approach, String variable, String value) {
        return only(tables.subgroups(),
                r -> r.approach().equals(approach) && r.variable().equals(variable) && r.value().equals(value));
    }

    private static <T> T only(List<T> rows, Predicate<T> filter) {
        List<T> matching = rows.stream().filter(filter).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
