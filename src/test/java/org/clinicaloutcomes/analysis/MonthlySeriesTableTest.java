package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clinicaloutcomes.analysis.CohortFixture.APPROACHES;
import static org.clinicaloutcomes.analysis.CohortFixture.INSTRUMENTS;
import static org.clinicaloutcomes.analysis.CohortFixture.WINDOW;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.CohortFixture.Builder;
import org.clinicaloutcomes.analysis.OutcomeTables.SeriesRow;
import org.clinicaloutcomes.metrics.SpcMonth;
import org.junit.jupiter.api.Test;

/**
 * The monthly series of {@link CohortFixture} (report month June 2026) over three months, April to
 * June 2026, every number worked by hand from the fixture's episodes (pcl5 is the primary
 * instrument: cut-off 33, RC 10).
 */
class MonthlySeriesTableTest {

    private static final double EPS = 1e-9;

    private static OutcomeTables analyse(List<EpisodeData> episodes, int seriesMonths) {
        CohortAnalysis analysis = new CohortAnalysis(INSTRUMENTS, APPROACHES, "pcl5", WINDOW, true, seriesMonths);
        episodes.forEach(analysis::add);
        return analysis.finish();
    }

    private static SeriesRow row(List<SeriesRow> rows, String month, String approach) {
        return rows.stream().filter(r -> r.month().equals(month) && r.approach().equals(approach)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + month + " " + approach));
    }

    @Test
    void everyMonthOfTheSeriesTimesEveryApproachThenAll() {
        List<SeriesRow> series = analyse(CohortFixture.episodes(), 3).monthlySeries();
        assertThat(series).extracting(r -> r.month() + " " + r.approach()).containsExactly(
                "2026-04 DBT", "2026-04 CPT", "2026-04 ACT", "2026-04 TAU", "2026-04 ALL",
                "2026-05 DBT", "2026-05 CPT", "2026-05 ACT", "2026-05 TAU", "2026-05 ALL",
                "2026-06 DBT", "2026-06 CPT", "2026-06 ACT", "2026-06 TAU", "2026-06 ALL");
    }

    @Test
    void activityOfEachMonth() {
        List<SeriesRow> series = analyse(CohortFixture.episodes(), 3).monthlySeries();
        // April: B3's intake and session (CPT); B0 discharged.
        SeriesRow april = row(series, "2026-04", "ALL");
        assertThat(List.of(april.intakes(), april.discharges(), april.caseload())).containsExactly(1, 1, 1);
        assertThat(april.attendedSessions()).isEqualTo(1);
        // June: C3's intake (TAU); A2, C1 and C2 discharged; attended B2, B3 (CPT), C2, C3 (TAU);
        // missed A2 (DBT), C2 and C3 (TAU).
        SeriesRow june = row(series, "2026-06", "ALL");
        assertThat(List.of(june.intakes(), june.discharges(), june.caseload(), june.nClosed()))
                .containsExactly(1, 3, 4, 3);
        assertThat(List.of(june.attendedSessions(), june.missedSessions())).containsExactly(4L, 3L);
        SeriesRow dbt = row(series, "2026-06", "DBT");
        assertThat(List.of(dbt.caseload(), dbt.discharges())).containsExactly(0, 1);
        assertThat(List.of(dbt.attendedSessions(), dbt.missedSessions())).containsExactly(0L, 1L);
        SeriesRow tau = row(series, "2026-06", "TAU");
        assertThat(List.of(tau.caseload(), tau.intakes(), tau.discharges())).containsExactly(2, 1, 2);
        assertThat(List.of(tau.attendedSessions(), tau.missedSessions())).containsExactly(2L, 2L);
        // A month without anything: counts 0, rates empty.
        SeriesRow act = row(series, "2026-05", "ACT");
        assertThat(List.of(act.intakes(), act.discharges(), act.caseload(), act.nPaired())).containsOnly(0);
        assertThat(act.reliableImprovementPct()).isNull();
        assertThat(act.dropoutPct()).isNull();
    }

    @Test
    void outcomesOfTheEpisodesDischargedInTheMonth() {
        List<SeriesRow> series = analyse(CohortFixture.episodes(), 3).monthlySeries();
        // June: A2 (DBT, dropout) 40 -> 52 reliably worse, a case, not recovered; C1 and C2 (TAU)
        // have fewer than two pcl5 scores.
        SeriesRow june = row(series, "2026-06", "ALL");
        assertThat(List.of(june.nClosed(), june.nPaired(), june.nReliableImprovement(), june.nReliableDeterioration(),
                june.nDropout())).containsExactly(3, 1, 0, 1, 1);
        assertThat(june.nCases()).isEqualTo(1);
        assertThat(june.nRecovered()).isEqualTo(0);
        assertThat(june.reliableImprovementPct()).isEqualTo(0.0);
        assertThat(june.reliableDeteriorationPct()).isEqualTo(100.0);
        assertThat(june.dropoutPct()).isCloseTo(100.0 / 3, within(EPS));
        assertThat(june.reliableImprovementCi()).isNotNull();
        SeriesRow tau = row(series, "2026-06", "TAU");
        assertThat(List.of(tau.nClosed(), tau.nPaired(), tau.nDropout())).containsExactly(2, 0, 0);
        assertThat(tau.reliableImprovementPct()).isNull();
        assertThat(tau.reliableImprovementCi()).isNull();
        assertThat(tau.dropoutPct()).isEqualTo(0.0);
        // May: A1 (DBT) 50 -> 40 -> 30 scored over all its sessions, February's included: reliably
        // improved and recovered.
        SeriesRow may = row(series, "2026-05", "DBT");
        assertThat(List.of(may.nPaired(), may.nReliableImprovement(), may.nCases(), may.nRecovered()))
                .containsExactly(1, 1, 1, 1);
        assertThat(may.recoveryPct()).isEqualTo(100.0);
    }

    @Test
    void rollingTwelveMonthsReachBackBeforeTheSeries() {
        List<SeriesRow> series = analyse(CohortFixture.episodes(), 3).monthlySeries();
        // July 2025 - June 2026: D1 (Dec 2025, 70 -> 20: RI, recovered), B1 (Jan 2026, 60 -> 36: RI,
        // not recovered), B0 (Apr, 55 -> 47), A1 (May: RI, recovered), A2 (Jun: RD): 3 of 5
        // reliably improved, 2 of 5 cases recovered.
        SeriesRow june = row(series, "2026-06", "ALL");
        assertThat(june.reliableImprovementPct12m()).isCloseTo(60.0, within(EPS));
        assertThat(june.recoveryPct12m()).isCloseTo(40.0, within(EPS));
        // May 2025 - April 2026: D1, B1, B0: 2 of 3, and 1 of 3 recovered.
        SeriesRow april = row(series, "2026-04", "ALL");
        assertThat(april.reliableImprovementPct12m()).isCloseTo(200.0 / 3, within(EPS));
        assertThat(april.recoveryPct12m()).isCloseTo(100.0 / 3, within(EPS));
        // ACT never has a paired episode: empty, not 0.
        assertThat(row(series, "2026-06", "ACT").reliableImprovementPct12m()).isNull();
    }

    @Test
    void pChartOverTheSeriesMonthsOnly() {
        List<SeriesRow> series = analyse(CohortFixture.episodes(), 3).monthlySeries();
        // ALL: 0 of 1 (April), 1 of 1 (May), 0 of 1 (June): p = 1/3 in every month; with n = 1
        // the limits 100 (1/3 ± 3 sqrt(2/9)) clamp to 0 and 100. D1 and B1 (before the series)
        // do not count.
        for (String month : List.of("2026-04", "2026-05", "2026-06")) {
            SpcMonth spc = row(series, month, "ALL").spc();
            assertThat(spc.centrePct()).isCloseTo(100.0 / 3, within(EPS));
            assertThat(spc.lowerPct()).isEqualTo(0.0);
            assertThat(spc.upperPct()).isEqualTo(100.0);
            assertThat(spc.anySignal()).isFalse();
        }
        // DBT has no paired episode in April: the centre (1 of 2) is written, limits and signals
        // empty.
        SpcMonth april = row(series, "2026-04", "DBT").spc();
        assertThat(april.centrePct()).isEqualTo(50.0);
        assertThat(april.lowerPct()).isNull();
        assertThat(april.aboveLimit()).isNull();
        // TAU never has one: everything empty.
        assertThat(row(series, "2026-06", "TAU").spc()).isEqualTo(SpcMonth.EMPTY);
    }

    @Test
    void theGlanceMonthsBeforeAShortSeries() {
        OutcomeTables tables = analyse(CohortFixture.episodes(), 3);
        // May 2026 is in the series; June 2025, a year before the report month, is not: computed as
        // a month of the series, without signals. Only D1's session of 2025-06-01 falls in it.
        assertThat(tables.monthsBeforeSeries()).extracting(SeriesRow::month).containsOnly("2025-06");
        assertThat(tables.monthsBeforeSeries()).hasSize(APPROACHES.size() + 1);
        SeriesRow yearBefore = row(tables.monthsBeforeSeries(), "2025-06", "DBT");
        assertThat(List.of(yearBefore.caseload(), yearBefore.intakes(), yearBefore.discharges())).containsExactly(1, 0, 0);
        assertThat(yearBefore.spc()).isEqualTo(SpcMonth.EMPTY);
        assertThat(yearBefore.reliableImprovementPct12m()).isNull();
        // A series of 13 months or more holds both.
        assertThat(analyse(CohortFixture.episodes(), 13).monthsBeforeSeries()).isEmpty();
        assertThat(analyse(CohortFixture.episodes(), 13).monthlySeries()).hasSize(13 * (APPROACHES.size() + 1));
        // A series of one month lacks the month before too.
        assertThat(analyse(CohortFixture.episodes(), 1).monthsBeforeSeries()).extracting(SeriesRow::month)
                .containsExactly("2025-06", "2025-06", "2025-06", "2025-06", "2025-06",
                        "2026-05", "2026-05", "2026-05", "2026-05", "2026-05");
    }

    @Test
    void waitsFromReferralToTheFirstAttendedSessionAtExactly42And126Days() {
        List<EpisodeData> episodes = new ArrayList<>();
        // 2026-04-20 -> 2026-06-01: 42 days, within 6 weeks (inclusive); the missed session before
        // does not start treatment.
        episodes.add(new Builder(0, "W1", "DBT", "CL1", "2026-05-01").referred("2026-04-20")
                .missed("2026-05-20").attended("2026-06-01", 40, 10, NA, NA).data());
        // 2026-02-04 -> 2026-06-10: 126 days, within 18 weeks, not 6.
        episodes.add(new Builder(1, "W2", "CPT", "CL1", "2026-03-01").referred("2026-02-04")
                .attended("2026-06-10", 40, 10, NA, NA).data());
        // 2026-02-13 -> 2026-06-20: 127 days, neither.
        episodes.add(new Builder(2, "W3", "CPT", "CL2", "2026-03-01").referred("2026-02-13")
                .attended("2026-06-20", 40, 10, NA, NA).data());
        // Started in May: counts in May only, although it has a June session.
        episodes.add(new Builder(3, "W4", "CPT", "CL2", "2026-05-02").referred("2026-05-02")
                .attended("2026-05-02", 40, 10, NA, NA).attended("2026-06-02", 30, 10, NA, NA).data());
        // No referral date: no wait.
        episodes.add(new Builder(4, "W5", "CPT", "CL2", "2026-06-01").attended("2026-06-03", 40, 10, NA, NA).data());
        List<SeriesRow> series = analyse(episodes, 3).monthlySeries();
        SeriesRow june = row(series, "2026-06", "ALL");
        assertThat(june.waits().n()).isEqualTo(3);
        assertThat(june.waits().medianDays()).isEqualTo(126.0);
        assertThat(june.waits().within6WeeksPct()).isCloseTo(100.0 / 3, within(EPS));
        assertThat(june.waits().within18WeeksPct()).isCloseTo(200.0 / 3, within(EPS));
        SeriesRow may = row(series, "2026-05", "ALL");
        assertThat(may.waits().n()).isEqualTo(1);
        assertThat(may.waits().medianDays()).isEqualTo(0.0);
        assertThat(row(series, "2026-04", "ALL").waits().medianDays()).isNull();
        assertThat(row(series, "2026-06", "CPT").waits().n()).isEqualTo(2);
    }

    private static final double NA = Double.NaN;
}
