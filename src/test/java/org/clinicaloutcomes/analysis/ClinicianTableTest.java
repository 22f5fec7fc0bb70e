package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables.ClinicianRow;
import org.clinicaloutcomes.metrics.FunnelBand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fuller clinician view (MONITORING.md "Clinicians, fuller view", readings H.42–H.46) on a
 * hand-made practice, monthly window 2026-01-01 … 2026-06-30 ({@link CohortFixture#WINDOW}),
 * primary instrument pcl5 (RC 10). Scores are pcl5, phq9, well, ders16; NA = not given.
 *
 * <pre>
 * CLA 20 closed (completed 2026-05-01): pcl5 50 (02-01), phq9 only (03-01), pcl5 30 (04-01): RI.
 *     Episode 0 also has an attended pcl5 50 on 2025-12-20, before the window (intake 2025-12-15).
 * CLB 20 closed (2026-05-01), 10 of them dropouts: 15 go pcl5 50 -> 48 (no change), 5 go 40 -> 52
 *     (RD); each also has a missed session (04-15).
 * CLC open only: one open since 2026-03-01 (pcl5 45 on 03-01, missed 04-01); one discharged after
 *     the window (2026-07-15), phq9 only on 05-01, pcl5 40 on 07-10 (after the window).
 * CLD 1 closed 2026-01-10 (completed), pcl5 50 -> 30 in 2025: paired, RI, no session in the window.
 * CLE 1 closed 2026-03-15 (dropout), phq9 only on 02-01 and 03-01: not paired on pcl5.
 * CLF discharged 2025-12-31 (before the window) and one intake 2026-07-05 (after it): no row.
 * </pre>
 * Practice: closed 42 (20 + 20 + 1 + 1), dropouts 11: q = 11/42 = 26.19 %; paired 41 (20 + 20 + 1),
 * RI 21 (CLA 20, CLD 1): p = 21/41 = 51.22 %.
 */
class ClinicianTableTest {

    private static final double NA = Double.NaN;
    private static final double TOLERANCE = 1e-9;
    private static List<ClinicianRow> rows;

    @BeforeAll
    static void analyse() {
        List<EpisodeData> episodes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CohortFixture.Builder b = new CohortFixture.Builder(episodes.size(), "A" + i, "DBT", "CLA",
                    i == 0 ? "2025-12-15" : "2026-02-01").discharged("2026-05-01", "completed");
            if (i == 0) {
                b.attended("2025-12-20", 50, NA, NA, NA);
            }
            episodes.add(b.attended("2026-02-01", 50, NA, NA, NA)
                    .attended("2026-03-01", NA, 12, NA, NA)
                    .attended("2026-04-01", 30, NA, NA, NA)
                    .data());
        }
        for (int i = 0; i < 20; i++) {
            boolean deteriorates = i >= 15;
            episodes.add(new CohortFixture.Builder(episodes.size(), "B" + i, "DBT", "CLB", "2026-02-01")
                    .discharged("2026-05-01", i < 10 ? "dropout" : "completed")
                    .attended("2026-02-01", deteriorates ? 40 : 50, NA, NA, NA)
                    .attended("2026-04-01", deteriorates ? 52 : 48, NA, NA, NA)
                    .missed("2026-04-15")
                    .data());
        }
        episodes.add(new CohortFixture.Builder(episodes.size(), "C0", "DBT", "CLC", "2026-03-01")
                .attended("2026-03-01", 45, NA, NA, NA)
                .missed("2026-04-01")
                .data());
        episodes.add(new CohortFixture.Builder(episodes.size(), "C1", "DBT", "CLC", "2026-05-01")
                .discharged("2026-07-15", "completed")
                .attended("2026-05-01", NA, 14, NA, NA)
                .attended("2026-07-10", 40, NA, NA, NA)
                .data());
        episodes.add(new CohortFixture.Builder(episodes.size(), "D0", "DBT", "CLD", "2025-06-01")
                .discharged("2026-01-10", "completed")
                .attended("2025-06-01", 50, NA, NA, NA)
                .attended("2025-11-01", 30, NA, NA, NA)
                .data());
        episodes.add(new CohortFixture.Builder(episodes.size(), "E0", "DBT", "CLE", "2026-02-01")
                .discharged("2026-03-15", "dropout")
                .attended("2026-02-01", NA, 15, NA, NA)
                .attended("2026-03-01", NA, 11, NA, NA)
                .data());
        episodes.add(new CohortFixture.Builder(episodes.size(), "F0", "DBT", "CLF", "2025-09-01")
                .discharged("2025-12-31", "dropout")
                .attended("2025-09-01", 50, NA, NA, NA)
                .attended("2025-12-01", 20, NA, NA, NA)
                .data());
        episodes.add(new CohortFixture.Builder(episodes.size(), "F1", "DBT", "CLF", "2026-07-05")
                .attended("2026-07-05", 50, NA, NA, NA)
                .data());
        rows = CohortFixture.analyse(episodes, CohortFixture.WINDOW, true).clinicians();
    }

    private static ClinicianRow row(String clinician) {
        return rows.stream().filter(r -> r.clinicianId().equals(clinician)).findFirst().orElseThrow();
    }

    @Test
    void everyClinicianWithAClosedEpisodeInTheWindowOrAnOpenOneAtItsEnd() {
        assertThat(rows).extracting(ClinicianRow::clinicianId).containsExactly("CLA", "CLB", "CLC", "CLD", "CLE");
    }

    @Test
    void thePracticeRatesOnEveryRow() {
        for (ClinicianRow row : rows) {
            assertThat(row.practiceRiPct()).isCloseTo(100.0 * 21 / 41, within(TOLERANCE));
            assertThat(row.practiceDropoutPct()).isCloseTo(100.0 * 11 / 42, within(TOLERANCE));
        }
    }

    @Test
    void aClinicianAboveThe998LimitOnImprovementAndBelow95OnDropout() {
        ClinicianRow a = row("CLA");
        assertThat(a.nClosed()).isEqualTo(20);
        assertThat(a.nOpen()).isZero();
        assertThat(a.nDropout()).isZero();
        assertThat(a.dropoutPct()).isEqualTo(0.0);
        assertThat(a.nReliableDeterioration()).isZero();
        assertThat(a.reliableDeteriorationPct()).isEqualTo(0.0);
        // 60 attended sessions in the window (episode 0's December session is before it), 40 with pcl5.
        assertThat(a.attendedSessions()).isEqualTo(60);
        assertThat(a.measuredSessions()).isEqualTo(40);
        assertThat(a.sessionEpisodes()).isEqualTo(20);
        assertThat(a.measuredPct()).isCloseTo(66.66666666666667, within(TOLERANCE));
        // RI 100 % at n = 20 around p = 21/41: SE = sqrt(p(1 - p)/20) = 0.111767;
        // 95 % 51.2195 -+ 21.9067 = [29.3126, 73.1265]; 99.8 % 51.2195 -+ 34.5369 = [16.6825, 85.7565].
        assertThat(a.funnel95Low()).isCloseTo(29.312564970455014, within(TOLERANCE));
        assertThat(a.funnel95High()).isCloseTo(73.12645941978889, within(TOLERANCE));
        assertThat(a.funnel998Low()).isCloseTo(16.682539274601112, within(TOLERANCE));
        assertThat(a.funnel998High()).isCloseTo(85.7564851156428, within(TOLERANCE));
        assertThat(a.reliableImprovementBand()).isEqualTo(FunnelBand.ABOVE_998);
        // Dropout 0 % at n = 20 around q = 11/42: SE = sqrt(q(1 - q)/20) = 0.098321;
        // 95 % 26.1905 -+ 19.2701 = [6.9210, 45.4599]; 99.8 % 26.1905 -+ 30.3813 -> [0 (clamped), 56.5693].
        assertThat(a.dropoutFunnel95Low()).isCloseTo(6.921041556551119, within(TOLERANCE));
        assertThat(a.dropoutFunnel95High()).isCloseTo(45.45991082440126, within(TOLERANCE));
        assertThat(a.dropoutFunnel998Low()).isEqualTo(0.0);
        assertThat(a.dropoutFunnel998High()).isCloseTo(56.56932977151112, within(TOLERANCE));
        // 0 < 6.92 but not < 0: below the 95 % limit only.
        assertThat(a.dropoutBand()).isEqualTo(FunnelBand.BELOW_95);
    }

    @Test
    void aClinicianBelowThe998LimitOnImprovementAndAbove95OnDropout() {
        ClinicianRow b = row("CLB");
        assertThat(b.nClosed()).isEqualTo(20);
        assertThat(b.nPaired()).isEqualTo(20);
        assertThat(b.nReliableImprovement()).isZero();
        // 0 % < 16.68: below the 99.8 % limit.
        assertThat(b.reliableImprovementBand()).isEqualTo(FunnelBand.BELOW_998);
        assertThat(b.nDropout()).isEqualTo(10);
        assertThat(b.dropoutPct()).isEqualTo(50.0);
        // 50 % > 45.46 and not > 56.57.
        assertThat(b.dropoutBand()).isEqualTo(FunnelBand.ABOVE_95);
        // 40 -> 52 is +12 >= 10: 5 reliable deteriorations of 20 paired.
        assertThat(b.nReliableDeterioration()).isEqualTo(5);
        assertThat(b.reliableDeteriorationPct()).isEqualTo(25.0);
        // Missed sessions do not count: 40 attended, all with pcl5.
        assertThat(b.attendedSessions()).isEqualTo(40);
        assertThat(b.measuredPct()).isEqualTo(100.0);
        assertThat(b.nOpen()).isZero();
    }

    @Test
    void aClinicianWithOpenEpisodesOnly() {
        ClinicianRow c = row("CLC");
        // Open at 2026-06-30: C0 (no discharge) and C1 (discharged 2026-07-15).
        assertThat(c.nOpen()).isEqualTo(2);
        assertThat(c.nClosed()).isZero();
        assertThat(c.nPaired()).isZero();
        assertThat(c.nDropout()).isZero();
        assertThat(c.nReliableImprovement()).isZero();
        assertThat(c.nReliableDeterioration()).isZero();
        assertThat(c.nCases()).isZero();
        assertThat(new Object[] {c.changeMean(), c.reliableImprovementPct(), c.recoveryPct(), c.dropoutPct(),
                c.reliableDeteriorationPct(), c.funnel95Low(), c.funnel95High(), c.funnel998Low(), c.funnel998High(),
                c.dropoutFunnel95Low(), c.dropoutFunnel95High(), c.dropoutFunnel998Low(), c.dropoutFunnel998High(),
                c.reliableImprovementBand(), c.dropoutBand()}).containsOnlyNulls();
        // In the window: C0 03-01 (pcl5), C1 05-01 (phq9 only); C1's 07-10 is after it, C0's 04-01 missed.
        assertThat(c.attendedSessions()).isEqualTo(2);
        assertThat(c.measuredSessions()).isEqualTo(1);
        assertThat(c.measuredPct()).isEqualTo(50.0);
    }

    @Test
    void noAttendedSessionInTheWindowLeavesMeasuredEmpty() {
        ClinicianRow d = row("CLD");
        assertThat(d.attendedSessions()).isZero();
        assertThat(d.sessionEpisodes()).isZero();
        assertThat(d.measuredPct()).isNull();
        // Paired (in 2025), RI: 100 % at n = 1, whose limits are clamped to [0, 100]: within.
        assertThat(d.nPaired()).isEqualTo(1);
        assertThat(d.reliableImprovementPct()).isEqualTo(100.0);
        assertThat(new double[] {d.funnel95Low(), d.funnel95High(), d.funnel998Low(), d.funnel998High()})
                .containsExactly(0.0, 100.0, 0.0, 100.0);
        assertThat(d.reliableImprovementBand()).isEqualTo(FunnelBand.WITHIN);
        // 0 % dropout at n = 1: [0, 100] as well.
        assertThat(d.dropoutPct()).isEqualTo(0.0);
        assertThat(d.dropoutBand()).isEqualTo(FunnelBand.WITHIN);
    }

    @Test
    void attendedSessionsWithoutAPrimaryScoreAreMeasuredAtZero() {
        ClinicianRow e = row("CLE");
        assertThat(e.attendedSessions()).isEqualTo(2);
        assertThat(e.measuredPct()).isEqualTo(0.0);
        // Not paired on pcl5: no RI rate, limits or band; its dropout is 1 of 1 = 100 %, and the
        // 95 % upper limit at n = 1 is clamped to 100: not strictly above it.
        assertThat(e.nPaired()).isZero();
        assertThat(e.reliableImprovementPct()).isNull();
        assertThat(e.funnel95High()).isNull();
        assertThat(e.reliableImprovementBand()).isNull();
        assertThat(e.reliableDeteriorationPct()).isNull();
        assertThat(e.nDropout()).isEqualTo(1);
        assertThat(e.dropoutPct()).isEqualTo(100.0);
        assertThat(e.dropoutFunnel95High()).isEqualTo(100.0);
        assertThat(e.dropoutBand()).isEqualTo(FunnelBand.WITHIN);
    }
}
