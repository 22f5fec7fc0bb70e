package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.CohortFixture.Builder;
import org.clinicaloutcomes.analysis.OutcomeTables.ExpectedRecoveryRow;
import org.clinicaloutcomes.analysis.OutcomeTables.FlagCheckRow;
import org.clinicaloutcomes.metrics.ChartBaselines;
import org.clinicaloutcomes.metrics.Fold;
import org.junit.jupiter.api.Test;

/**
 * The expected-recovery models and the two-fold check (MONITORING.md, readings 21–35) through the
 * whole analysis, on hand-worked episodes of {@link CohortFixture}'s instruments (pcl5 RC 10),
 * report month June 2026 (L = 2026-06-30), minimum n 3. Scores are given as pcl5 only (the other
 * instruments empty).
 */
class ExpectedRecoveryTableTest {

    private static final double NA = Double.NaN;
    private static final double EPS = 1e-9;

    /**
     * An episode discharged on {@code discharge} (completed) with one attended pcl5 score a week
     * apart from 2026-01-05.
     */
    private static EpisodeData closed(int index, String client, String discharge, double... pcl5) {
        Builder builder = new Builder(index, client, "DBT", "CL1", "2026-01-05").discharged(discharge, "completed");
        for (int s = 0; s < pcl5.length; s++) {
            builder.attended(java.time.LocalDate.of(2026, 1, 5).plusWeeks(s).toString(), pcl5[s], NA, NA, NA);
        }
        return builder.data();
    }

    private static OutcomeTables analyse(List<EpisodeData> episodes, int minN) {
        CohortAnalysis analysis = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.WINDOW, true, new MonitoringSettings(24, minN, 30));
        episodes.forEach(analysis::add);
        return analysis.finish();
    }

    /** R1–R3 (fold 1), R4 (fold 0); R5 is discharged after June: open, not a reference episode. */
    private static List<EpisodeData> fourReferenceEpisodes() {
        List<EpisodeData> episodes = new ArrayList<>();
        episodes.add(closed(0, "R1", "2026-03-31", 40, 30, 20, 15));
        episodes.add(closed(1, "R2", "2026-04-30", 50, 45, 40, 38));
        episodes.add(closed(2, "R3", "2026-06-30", 60, 50, 45, 40));
        episodes.add(closed(3, "R4", "2026-05-15", 30, 28, 25));
        episodes.add(closed(4, "R5", "2026-07-01", 10, 70, 70, 70));
        return episodes;
    }

    @Test
    void modelsAreTheLeastSquaresLinesOfEveryAssessmentWithEnoughEpisodes() {
        // given four reference episodes with 4, 4, 4 and 3 scores (and one discharged after June)
        // when
        OutcomeTables tables = analyse(fourReferenceEpisodes(), 3);
        // then k = 2: x 40 50 60 30, y 30 45 50 28: mean x 45, mean y 38.25, Sxx 500, Sxy 405,
        // Syy 356.75: b = 0.81, a = 38.25 − 0.81 × 45 = 1.8, SSE = 356.75 − 405²/500 = 28.7, s = √(28.7 / 2)
        List<ExpectedRecoveryRow> rows = tables.expectedRecovery();
        assertThat(rows).extracting(ExpectedRecoveryRow::instrument).containsOnly("pcl5");
        assertThat(rows).extracting(ExpectedRecoveryRow::k).containsExactly(2, 3, 4);
        assertModel(rows.get(0), 4, 1.8, 0.81, Math.sqrt(14.35));
        // k = 3: y 20 40 45 25: mean y 32.5, Sxy 400, Syy 425: b = 0.8, a = −3.5, SSE = 105
        assertModel(rows.get(1), 4, -3.5, 0.8, Math.sqrt(52.5));
        // k = 4: R1–R3 only, (40, 15), (50, 38), (60, 40): Sxx 200, Sxy 250, Syy 386: b = 1.25,
        // a = 31 − 62.5, SSE = 386 − 312.5
        assertModel(rows.get(2), 3, -31.5, 1.25, Math.sqrt(73.5));
        // and the check: R1–R3 (4 scores, fold 1) need fold 0's model at k = 3, which rests on R4
        // alone: nothing is judged, but the row is there
        assertThat(Fold.fold("R1")).isEqualTo(1);
        assertThat(Fold.fold("R4")).isZero();
        assertThat(tables.expectedRecoveryCheck()).extracting(FlagCheckRow::instrument)
                .containsExactly("pcl5", "phq9", "well", "ders16");
        FlagCheckRow pcl5 = tables.expectedRecoveryCheck().get(0);
        assertThat(pcl5.nJudged()).isZero();
        assertThat(pcl5.flaggedNoRiPct()).isNull();
        assertThat(pcl5.deterioratedFlaggedPct()).isNull();
        // and the chart's baselines: type 7 quartiles of 30 40 50 60 = 37.5, 45, 52.5 → 38, 45, 53
        assertThat(tables.recoveryBaselines()).isEqualTo(new ChartBaselines(38, 45, 53));
    }

    @Test
    void fewerEpisodesThanTheMinimumGiveNoModel() {
        // given the same four reference episodes, when a model needs 5
        OutcomeTables tables = analyse(fourReferenceEpisodes(), 5);
        // then no model at any k, and the check judges nothing
        assertThat(tables.expectedRecovery()).isEmpty();
        assertThat(tables.expectedRecoveryCheck()).allSatisfy(row -> assertThat(row.nJudged()).isZero());
        // and with a minimum of 4 only k = 2 and 3 have enough episodes
        assertThat(analyse(fourReferenceEpisodes(), 4).expectedRecovery()).extracting(ExpectedRecoveryRow::k)
                .containsExactly(2, 3);
    }

    @Test
    void equalBaselinesGiveNoModelAtThatAssessment() {
        // given three episodes with baseline 40, and a fourth with baseline 50 and only two scores
        List<EpisodeData> episodes = List.of(closed(0, "R1", "2026-03-31", 40, 30, 20),
                closed(1, "R2", "2026-03-31", 40, 35, 30), closed(2, "R3", "2026-03-31", 40, 38, 36),
                closed(3, "R4", "2026-03-31", 50, 45));
        // when
        OutcomeTables tables = analyse(episodes, 3);
        // then k = 2 has four baselines, not all equal; at k = 3 all three are 40: no model
        assertThat(tables.expectedRecovery()).extracting(ExpectedRecoveryRow::k).containsExactly(2);
    }

    @Test
    void checkJudgesEachFoldAtItsThirdScoreByTheOtherFoldsModel() {
        // given fold 0: F1–F3 with three scores each, on the line y3 = x − 10 (s = 0); fold 1:
        // F4–F7 with four scores, judged against T_3(x) = x − 10
        assertThat(List.of("F1", "F2", "F3")).allSatisfy(id -> assertThat(Fold.fold(id)).isZero());
        assertThat(List.of("F4", "F5", "F6", "F7")).allSatisfy(id -> assertThat(Fold.fold(id)).isEqualTo(1));
        List<EpisodeData> episodes = List.of(
                closed(0, "F1", "2026-04-30", 30, 25, 20),
                closed(1, "F2", "2026-04-30", 40, 35, 30),
                closed(2, "F3", "2026-04-30", 50, 45, 40),
                // 35 > 30: flagged; 40 → 38, no RI
                closed(3, "F4", "2026-04-30", 40, 38, 35, 38),
                // 30 = T: not flagged (strict); 40 → 25, RI
                closed(4, "F5", "2026-04-30", 40, 35, 30, 25),
                // 60 > 40: flagged; 50 → 62, RD
                closed(5, "F6", "2026-04-30", 50, 55, 60, 62),
                // 15 < 20: not flagged; 30 → 25, no RI
                closed(6, "F7", "2026-04-30", 30, 20, 15, 25));
        // when
        FlagCheckRow pcl5 = analyse(episodes, 3).expectedRecoveryCheck().get(0);
        // then F1–F3 have fewer than four scores: only fold 1 is judged
        assertThat(pcl5.nJudged()).isEqualTo(4);
        assertThat(pcl5.nFlagged()).isEqualTo(2);
        assertThat(pcl5.flaggedNoRiPct()).isEqualTo(100.0);                       // F4, F6 of F4, F6
        assertThat(pcl5.unflaggedNoRiPct()).isEqualTo(50.0);                      // F7 of F5, F7
        assertThat(pcl5.sensitivityNoRiPct()).isCloseTo(200.0 / 3, within(EPS)); // F4, F6 of F4, F6, F7
        assertThat(pcl5.specificityNoRiPct()).isEqualTo(100.0);                   // F5 of F5
        assertThat(pcl5.deterioratedFlaggedPct()).isEqualTo(100.0);               // F6 of F6
    }

    private static void assertModel(ExpectedRecoveryRow row, long n, double intercept, double slope, double sd) {
        assertThat(row.model().model().n()).isEqualTo(n);
        assertThat(row.model().model().intercept()).isCloseTo(intercept, within(EPS));
        assertThat(row.model().model().slope()).isCloseTo(slope, within(EPS));
        assertThat(row.model().model().residualSd()).isCloseTo(sd, within(EPS));
    }
}
