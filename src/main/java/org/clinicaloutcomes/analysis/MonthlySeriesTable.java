package org.clinicaloutcomes.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.IntegerHistogram;
import org.clinicaloutcomes.metrics.Proportion;
import org.clinicaloutcomes.metrics.RollingRate;
import org.clinicaloutcomes.metrics.SpcMonth;
import org.clinicaloutcomes.metrics.SpcSignals;
import org.clinicaloutcomes.metrics.Statistics;
import org.clinicaloutcomes.metrics.WaitingTimes;
import org.clinicaloutcomes.metrics.Wilson;

/**
 * {@code monthly_series.csv}: the {@code S} months ending with the report month × approach, then
 * ALL, on the primary instrument (MONITORING.md, "The monthly series" and "Signals", readings
 * 8–20), with the rows of the earlier months the Summary's month at a glance needs (reading 47).
 *
 * <p>Per month {@code m}:
 * <ul>
 *   <li>activity as {@link ActivityTable} counts it, the period being {@code m} (reading 10);</li>
 *   <li>outcomes of the episodes discharged in {@code m}, each scored over all its attended
 *       sessions, in the month or not (reading 11; the same {@link EpisodeOutcome} as every other
 *       table: {@link ScoredEpisode#primaryOutcome()});</li>
 *   <li>the rolling 12-month rates ({@link RollingRate}), over the months {@code m − 11 … m}, so
 *       the counts are kept from 11 months before the first computed month (reading 12);</li>
 *   <li>waits ({@link WaitingTimes}) of the episodes with a referral date whose earliest attended
 *       session is in {@code m} (reading 13);</li>
 *   <li>the p-chart over the months of the series only ({@link SpcSignals}, reading 15).</li>
 * </ul>
 * Counts are kept in flat {@code int} arrays indexed by group and month, so an episode costs one
 * pass over its sessions and no allocation but its wait.
 */
final class MonthlySeriesTable implements TableAccumulator<MonthlySeriesTable, MonthlySeriesTable.Rows> {

    /** The month a year before the report month, which the month at a glance shows. */
    private static final int YEAR = 12;

    /**
     * @param series             the rows of the series, by month then group
     * @param monthsBeforeSeries the rows of the glance's months that lie before the series
     */
    record Rows(List<OutcomeTables.SeriesRow> series, List<OutcomeTables.SeriesRow> monthsBeforeSeries) {
    }

    private final CohortLayout layout;
    private final int groups;
    private final int seriesMonths;
    /** The first month counted: 11 months before the first month a row is computed for. */
    private final YearMonth firstMonth;
    private final int monthCount;
    private final int firstDay;
    /** Month index (from {@link #firstMonth}) of each day from {@link #firstDay}. */
    private final int[] monthOfDay;
    private final boolean caseness;

    private final int[] intakes;
    private final int[] discharges;
    private final int[] caseload;
    private final long[] attended;
    private final long[] missed;
    private final int[] paired;
    private final int[] improved;
    private final int[] cases;
    private final int[] recovered;
    private final int[] deteriorated;
    private final int[] dropouts;
    /** Per cell, the waits in days of its month's starts, counted (null: none yet). */
    private final IntegerHistogram.Builder[] waits;

    /**
     * @param reportMonth  the report month {@code M}
     * @param seriesMonths {@code S}, the months of the series ending with {@code M}
     */
    MonthlySeriesTable(CohortLayout layout, YearMonth reportMonth, int seriesMonths) {
        if (seriesMonths < 1) {
            throw new IllegalArgumentException("a series has at least one month, got " + seriesMonths);
        }
        this.layout = layout;
        this.groups = layout.groups();
        this.seriesMonths = seriesMonths;
        int computedMonths = Math.max(seriesMonths, YEAR + 1);
        this.firstMonth = reportMonth.minusMonths(computedMonths - 1L + RollingRate.MONTHS - 1L);
        this.monthCount = computedMonths + RollingRate.MONTHS - 1;
        LocalDate first = firstMonth.atDay(1);
        this.firstDay = (int) first.toEpochDay();
        int lastDay = (int) reportMonth.atEndOfMonth().toEpochDay();
        this.monthOfDay = new int[lastDay - firstDay + 1];
        for (int t = 0; t < monthCount; t++) {
            YearMonth month = firstMonth.plusMonths(t);
            int from = (int) month.atDay(1).toEpochDay() - firstDay;
            int to = (int) month.atEndOfMonth().toEpochDay() - firstDay;
            for (int d = from; d <= to; d++) {
                monthOfDay[d] = t;
            }
        }
        this.caseness = layout.instruments.get(layout.primary).hasCutoff();
        int cells = groups * monthCount;
        intakes = new int[cells];
        discharges = new int[cells];
        caseload = new int[cells];
        attended = new long[cells];
        missed = new long[cells];
        paired = new int[cells];
        improved = new int[cells];
        cases = new int[cells];
        recovered = new int[cells];
        deteriorated = new int[cells];
        dropouts = new int[cells];
        waits = new IntegerHistogram.Builder[cells];
    }

    @Override
    public void add(ScoredEpisode episode) {
        IntakeRecord intake = episode.intake;
        int a = episode.approach * monthCount;
        int all = layout.all * monthCount;
        int t = month(intake.intakeDay());
        if (t >= 0) {
            intakes[a + t]++;
            intakes[all + t]++;
        }
        int lastCaseloadMonth = -1;
        int firstAttendedDay = Integer.MIN_VALUE;
        for (SessionRecord session : episode.sessions) {
            boolean came = session.attended();
            if (came && firstAttendedDay == Integer.MIN_VALUE) {
                firstAttendedDay = session.day();
            }
            int s = month(session.day());
            if (s < 0) {
                continue;
            }
            if (came) {
                attended[a + s]++;
                attended[all + s]++;
                // Sessions come in day order, so an episode's months come in order too.
                if (s != lastCaseloadMonth) {
                    caseload[a + s]++;
                    caseload[all + s]++;
                    lastCaseloadMonth = s;
                }
            } else {
                missed[a + s]++;
                missed[all + s]++;
            }
        }
        if (intake.hasReferral() && firstAttendedDay != Integer.MIN_VALUE && firstAttendedDay >= intake.referralDay()) {
            int s = month(firstAttendedDay);
            if (s >= 0) {
                int wait = firstAttendedDay - intake.referralDay();
                wait(a + s).add(wait);
                wait(all + s).add(wait);
            }
        }
        if (intake.isClosed()) {
            int d = month(intake.dischargeDay());
            if (d >= 0) {
                addDischarge(episode, a + d);
                addDischarge(episode, all + d);
            }
        }
    }

    private void addDischarge(ScoredEpisode episode, int cell) {
        discharges[cell]++;
        dropouts[cell] += episode.intake.droppedOut() ? 1 : 0;
        EpisodeOutcome outcome = episode.primaryOutcome();
        if (outcome == null) {
            return;
        }
        paired[cell]++;
        improved[cell] += outcome.reliableImprovement() ? 1 : 0;
        deteriorated[cell] += outcome.reliableDeterioration() ? 1 : 0;
        if (Boolean.TRUE.equals(outcome.caseAtBaseline())) {
            cases[cell]++;
            recovered[cell] += Boolean.TRUE.equals(outcome.recovered()) ? 1 : 0;
        }
    }

    private IntegerHistogram.Builder wait(int cell) {
        IntegerHistogram.Builder list = waits[cell];
        if (list == null) {
            list = IntegerHistogram.builder();
            waits[cell] = list;
        }
        return list;
    }

    private int month(int day) {
        int d = day - firstDay;
        return d < 0 || d >= monthOfDay.length ? -1 : monthOfDay[d];
    }

    @Override
    public void merge(MonthlySeriesTable other) {
        for (int cell = 0; cell < intakes.length; cell++) {
            intakes[cell] += other.intakes[cell];
            discharges[cell] += other.discharges[cell];
            caseload[cell] += other.caseload[cell];
            attended[cell] += other.attended[cell];
            missed[cell] += other.missed[cell];
            paired[cell] += other.paired[cell];
            improved[cell] += other.improved[cell];
            cases[cell] += other.cases[cell];
            recovered[cell] += other.recovered[cell];
            deteriorated[cell] += other.deteriorated[cell];
            dropouts[cell] += other.dropouts[cell];
            if (other.waits[cell] != null) {
                wait(cell).merge(other.waits[cell]);
            }
        }
    }

    @Override
    public Rows result() {
        int seriesStart = monthCount - seriesMonths;
        List<List<SpcMonth>> charts = new ArrayList<>(groups);
        List<Map<YearMonth, Proportion>> improvedByMonth = new ArrayList<>(groups);
        List<Map<YearMonth, Proportion>> recoveredByMonth = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            List<Proportion> series = new ArrayList<>(seriesMonths);
            Map<YearMonth, Proportion> ri = new HashMap<>();
            Map<YearMonth, Proportion> recovery = new HashMap<>();
            for (int t = 0; t < monthCount; t++) {
                int cell = g * monthCount + t;
                Proportion month = new Proportion(improved[cell], paired[cell]);
                ri.put(firstMonth.plusMonths(t), month);
                recovery.put(firstMonth.plusMonths(t), new Proportion(recovered[cell], cases[cell]));
                if (t >= seriesStart) {
                    series.add(month);
                }
            }
            charts.add(SpcSignals.of(series));
            improvedByMonth.add(ri);
            recoveredByMonth.add(recovery);
        }
        List<OutcomeTables.SeriesRow> series = new ArrayList<>(seriesMonths * groups);
        for (int t = seriesStart; t < monthCount; t++) {
            for (int g = 0; g < groups; g++) {
                series.add(row(g, t, charts.get(g).get(t - seriesStart), improvedByMonth.get(g), recoveredByMonth.get(g)));
            }
        }
        List<OutcomeTables.SeriesRow> before = new ArrayList<>();
        for (int back : new int[] {YEAR, 1}) {
            int t = monthCount - 1 - back;
            if (t < seriesStart) {
                for (int g = 0; g < groups; g++) {
                    before.add(row(g, t, SpcMonth.EMPTY, improvedByMonth.get(g), recoveredByMonth.get(g)));
                }
            }
        }
        return new Rows(series, before);
    }

    private OutcomeTables.SeriesRow row(int g, int t, SpcMonth spc, Map<YearMonth, Proportion> ri,
                                        Map<YearMonth, Proportion> recovery) {
        int c = g * monthCount + t;
        YearMonth month = firstMonth.plusMonths(t);
        IntegerHistogram.Builder monthWaits = waits[c];
        WaitingTimes wait = monthWaits == null ? WaitingTimes.EMPTY : WaitingTimes.of(monthWaits.build());
        return new OutcomeTables.SeriesRow(month.toString(), layout.groupName(g), intakes[c], discharges[c],
                caseload[c], attended[c], missed[c], discharges[c], paired[c], improved[c],
                Statistics.percent(improved[c], paired[c]), Wilson.percentInterval(improved[c], paired[c]),
                caseness ? cases[c] : null, caseness ? recovered[c] : null,
                caseness ? Statistics.percent(recovered[c], cases[c]) : null,
                caseness ? Wilson.percentInterval(recovered[c], cases[c]) : null,
                deteriorated[c], Statistics.percent(deteriorated[c], paired[c]),
                dropouts[c], Statistics.percent(dropouts[c], discharges[c]),
                RollingRate.pooled(month, ri), caseness ? RollingRate.pooled(month, recovery) : null,
                wait, spc);
    }
}
