package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.CohortFixture.Builder;
import org.clinicaloutcomes.analysis.OutcomeTables.AttentionCountRow;
import org.clinicaloutcomes.analysis.OutcomeTables.AttentionRow;
import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.Fold;
import org.junit.jupiter.api.Test;

/**
 * The attention list (MONITORING.md, readings 36–41) through the whole analysis, on hand-worked
 * episodes with {@link CohortFixture}'s instruments (scores pcl5 / phq9 / well / ders16; pcl5 RC
 * 10, well higher-is-better), report month June 2026 (L = 2026-06-30), minimum n 3, contact days
 * 30. The reference episodes R4–R6 (all fold 0, so the full model is their own fit, exactly) lie
 * on pcl5 y2 = x − 10 and well y2 = x + 5 with residual SD 0: the threshold equals the expected
 * score.
 */
class AttentionTableTest {

    private static final double NA = Double.NaN;

    private static List<EpisodeData> practice() {
        assertThat(List.of("R4", "R5", "R6")).allSatisfy(id -> assertThat(Fold.fold(id)).isZero());
        List<EpisodeData> e = new ArrayList<>();
        int i = 0;
        for (int x : new int[] {30, 40, 50}) {
            e.add(new Builder(i++, "R" + (x / 10 + 1), "DBT", "CL1", "2026-01-05").discharged("2026-03-31", "completed")
                    .attended("2026-01-05", x, NA, x + 10, NA)
                    .attended("2026-02-05", x - 10, NA, x + 15, NA).data());
        }
        // not on track: 31 > T_2(40) = 30
        e.add(new Builder(i++, "O1", "CPT", "CL2", "2026-05-01")
                .attended("2026-06-01", 40, NA, NA, NA).attended("2026-06-20", 31, NA, NA, NA).data());
        // exactly at the threshold: not flagged, and seen recently: not on the list
        e.add(new Builder(i++, "O2", "CPT", "CL1", "2026-05-01")
                .attended("2026-06-01", 40, NA, NA, NA).attended("2026-06-20", 30, NA, NA, NA).data());
        // discharged after June: open at its end; 30 → 45 is a reliable deterioration and above
        // T_2(30) = 20; the July session is not looked at
        e.add(new Builder(i++, "O3", "TAU", "CL1", "2026-05-01").discharged("2026-07-10", "completed")
                .attended("2026-06-02", 30, NA, NA, NA).attended("2026-06-25", 45, NA, NA, NA)
                .attended("2026-07-05", 10, NA, NA, NA).data());
        // higher is better: 54 < T_2(50) = 55 on well; no primary score; two sessions (measured
        // from three)
        e.add(new Builder(i++, "O4", "ACT", "CL3", "2026-05-01")
                .attended("2026-06-02", NA, NA, 50, NA).attended("2026-06-16", NA, NA, 54, NA).data());
        // well exactly at the threshold
        e.add(new Builder(i++, "O5", "ACT", "CL3", "2026-05-01")
                .attended("2026-06-02", NA, NA, 50, NA).attended("2026-06-16", NA, NA, 55, NA).data());
        // last attended L − 30 = 2026-05-31: no recent session (on track: 28 < 30)
        e.add(new Builder(i++, "O6", "DBT", "CL9", "2026-05-01")
                .attended("2026-05-01", 40, NA, NA, NA).attended("2026-05-31", 28, NA, NA, NA)
                .missed("2026-06-15").data());
        // last attended L − 29 = 2026-06-01: within the 30 days
        e.add(new Builder(i++, "O7", "DBT", "CL9", "2026-05-01")
                .attended("2026-05-01", 40, NA, NA, NA).attended("2026-06-01", 28, NA, NA, NA).data());
        // intake L − 30, no session at all: old enough
        e.add(new Builder(i++, "O8", "DBT", "CL10", "2026-05-31").data());
        // intake L − 29, no session: not yet
        e.add(new Builder(i++, "O9", "DBT", "CL10", "2026-06-01").data());
        // three attended sessions, one pcl5 score: no measure
        e.add(new Builder(i++, "O10", "CPT", "CL2", "2026-06-01")
                .attended("2026-06-05", 40, NA, NA, NA).attended("2026-06-12", NA, 5, NA, NA)
                .attended("2026-06-19", NA, NA, NA, NA).data());
        // intake after June: not open yet
        e.add(new Builder(i, "O11", "CPT", "CL2", "2026-07-02").data());
        return e;
    }

    private static OutcomeTables analyse(List<EpisodeData> episodes) {
        CohortAnalysis analysis = new CohortAnalysis(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5",
                CohortFixture.WINDOW, true, new MonitoringSettings(24, 3, 30));
        episodes.forEach(analysis::add);
        return analysis.finish();
    }

    @Test
    void everyReasonByItsRuleInTheOrderOfUrgency() {
        // given the practice above, when
        List<AttentionRow> rows = analyse(practice()).attention();
        // then by the most urgent reason's rank, clinician id (CL10 before CL9), client id
        assertThat(rows).extracting(AttentionRow::clientId).containsExactly("O3", "O1", "O4", "O8", "O6", "O10");
        assertThat(rows).extracting(r -> r.reasons().stream().map(AttentionReason::code).toList()).containsExactly(
                List.of("deteriorated", "not_on_track"), List.of("not_on_track"), List.of("not_on_track"),
                List.of("no_recent_session"), List.of("no_recent_session"), List.of("no_measure"));

        AttentionRow o3 = rows.get(0);
        assertThat(o3.instrumentsDeteriorated()).containsExactly("pcl5");
        assertThat(o3.instrumentsNotOnTrack()).containsExactly("pcl5");
        assertThat(o3.lastAttended()).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(o3.attendedSessions()).isEqualTo(2);
        assertThat(o3.primaryBaseline()).isEqualTo(30.0);
        assertThat(o3.primaryLatest()).isEqualTo(45.0);
        assertThat(o3.primaryExpected()).isCloseTo(20.0, within(1e-9));
        assertThat(o3.primaryThreshold()).isCloseTo(20.0, within(1e-9));

        AttentionRow o4 = rows.get(2);
        assertThat(o4.instrumentsNotOnTrack()).containsExactly("well");
        assertThat(o4.primaryBaseline()).isNull();
        assertThat(o4.primaryLatest()).isNull();
        assertThat(o4.primaryExpected()).isNull();
        assertThat(o4.primaryThreshold()).isNull();

        AttentionRow o8 = rows.get(3);
        assertThat(o8.lastAttended()).isNull();
        assertThat(o8.attendedSessions()).isZero();
        assertThat(o8.intakeDate()).isEqualTo(LocalDate.of(2026, 5, 31));

        AttentionRow o6 = rows.get(4);
        assertThat(o6.lastAttended()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(o6.instrumentsNotOnTrack()).isEmpty();
        assertThat(o6.primaryExpected()).isCloseTo(30.0, within(1e-9));

        AttentionRow o10 = rows.get(5);
        assertThat(o10.attendedSessions()).isEqualTo(3);
        // one score: baseline and latest are the same, and it is not judged
        assertThat(o10.primaryBaseline()).isEqualTo(40.0);
        assertThat(o10.primaryLatest()).isEqualTo(40.0);
        assertThat(o10.primaryExpected()).isNull();
    }

    @Test
    void theSummaryCountsEveryReasonAClientMeets() {
        // given the practice above, when
        List<AttentionCountRow> counts = analyse(practice()).attentionCounts();
        // then per clinician by id, then ALL: clients, deteriorated, not on track, no recent session, no measure
        assertThat(counts).extracting(AttentionCountRow::clinicianId)
                .containsExactly("CL1", "CL10", "CL2", "CL3", "CL9", "ALL");
        assertThat(counts).extracting(r -> List.of(r.clients(), r.count(AttentionReason.DETERIORATED),
                r.count(AttentionReason.NOT_ON_TRACK), r.count(AttentionReason.NO_RECENT_SESSION),
                r.count(AttentionReason.NO_MEASURE))).containsExactly(
                List.of(1, 1, 1, 0, 0), List.of(1, 0, 0, 1, 0), List.of(2, 0, 1, 0, 1), List.of(1, 0, 1, 0, 0),
                List.of(1, 0, 0, 1, 0), List.of(6, 1, 3, 2, 1));
    }

    @Test
    void moreThanTwentyScoresAreJudgedByTheModelAtTwenty() {
        // given three reference episodes with 20 scores, the 20th on y20 = x / 2, and an open one with 22
        List<EpisodeData> e = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            double x = 40 + 10 * r;
            Builder builder = new Builder(r, "R" + (r + 4), "DBT", "CL1", "2025-01-06").discharged("2026-01-31",
                    "completed");
            for (int s = 0; s < 20; s++) {
                builder.attended(LocalDate.of(2025, 1, 6).plusWeeks(s).toString(), s == 19 ? x / 2 : x, NA, NA, NA);
            }
            e.add(builder.data());
        }
        Builder open = new Builder(3, "O1", "DBT", "CL1", "2026-01-05");
        for (int s = 0; s < 22; s++) {
            // baseline 50; the 22nd score 26 > T_20(50) = 25
            open.attended(LocalDate.of(2026, 1, 5).plusWeeks(s).toString(), s == 0 ? 50 : s == 21 ? 26 : 49, NA, NA, NA);
        }
        e.add(open.data());
        // when
        OutcomeTables tables = analyse(e);
        // then there is no model at 21 or 22; the episode is judged by the model at 20
        assertThat(tables.expectedRecovery()).extracting(OutcomeTables.ExpectedRecoveryRow::k).contains(20)
                .doesNotContain(21);
        AttentionRow row = tables.attention().get(0);
        assertThat(row.primaryScores()).isEqualTo(22);
        assertThat(row.primaryExpected()).isCloseTo(25.0, within(1e-9));
        assertThat(row.reasons()).containsExactly(AttentionReason.NOT_ON_TRACK);
    }
}
