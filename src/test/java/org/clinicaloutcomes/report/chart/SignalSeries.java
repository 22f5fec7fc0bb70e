package org.clinicaloutcomes.report.chart;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.OutcomeTables.SeriesRow;
import org.clinicaloutcomes.metrics.Interval;
import org.clinicaloutcomes.metrics.Proportion;
import org.clinicaloutcomes.metrics.SpcMonth;

/**
 * Tables whose monthly series has signals for ALL: the hand-built practice has too few episodes
 * for any, so its ALL rows are replaced by hand-made ones (the approaches' rows are kept). Over
 * the fixture's 24 months (2024-07 to 2026-06), ALL has 20 paired clients a month and a centre
 * line of 50 % (limits 50 ± 3 √(0.25 / 20) = 16.46 and 83.54), except:
 * <ul>
 *   <li>the first month, {@value #GAP_MONTH}, has no paired client (a gap);</li>
 *   <li>{@value #RUN_FROM} to {@value #RUN_TO} are 7 months above the centre line (a run);</li>
 *   <li>{@value #HIGH_MONTH} is 18 of 20 = 90 %, above the upper limit.</li>
 * </ul>
 * The signal flags are set as {@code SpcSignals} would set them; the numbers need not add up
 * with the approaches' rows.
 */
public final class SignalSeries {

    public static final String GAP_MONTH = "2024-07";
    public static final String RUN_FROM = "2024-12";
    public static final String RUN_TO = "2025-06";
    public static final String HIGH_MONTH = "2026-03";
    public static final double CENTRE = 50.0;
    public static final double LOWER = 100 * (0.5 - 3 * Math.sqrt(0.25 / 20));
    public static final double UPPER = 100 * (0.5 + 3 * Math.sqrt(0.25 / 20));
    /** The rolling 12-month rate of every month (a hand-made number). */
    public static final double ROLLING = 55.0;

    private SignalSeries() {
    }

    public static OutcomeTables withSignals(OutcomeTables tables) {
        List<SeriesRow> rows = new ArrayList<>();
        List<String> allMonths = new ArrayList<>();
        for (SeriesRow r : tables.monthlySeries()) {
            if (r.approach().equals(OutcomeTables.ALL)) {
                allMonths.add(r.month());
            }
        }
        int runFrom = allMonths.indexOf(RUN_FROM);
        int runTo = allMonths.indexOf(RUN_TO);
        for (SeriesRow r : tables.monthlySeries()) {
            if (!r.approach().equals(OutcomeTables.ALL)) {
                rows.add(r);
                continue;
            }
            int t = allMonths.indexOf(r.month());
            if (r.month().equals(GAP_MONTH)) {
                rows.add(all(r, 0, 0, new SpcMonth(CENTRE, null, null, null, null, null, null, null, null, null, null,
                        null)));
                continue;
            }
            boolean run = t >= runFrom && t <= runTo;
            boolean high = r.month().equals(HIGH_MONTH);
            int k = high ? 18 : run ? 12 + (t % 2) : 10 - (t % 2);
            SpcMonth spc = new SpcMonth(CENTRE, LOWER, UPPER, high, false, run, false, false, false,
                    run ? 7 : null, null, null);
            rows.add(all(r, 20, k, spc));
        }
        return new OutcomeTables(tables.episodesAdded(), tables.closedInWindow(), tables.episodeOutcomes(),
                tables.outcomesByApproach(), tables.approachComparison(), tables.trajectories(), tables.pcl5Clusters(),
                tables.clinicians(), tables.subgroups(), tables.activity(), tables.windowActivity(), tables.alerts(),
                tables.suppressed(), rows, tables.monthsBeforeSeries());
    }

    /** An ALL row with {@code k} of {@code n} paired clients reliably improved and this p-chart. */
    private static SeriesRow all(SeriesRow r, int n, int k, SpcMonth spc) {
        Double rate = n == 0 ? null : 100.0 * k / n;
        Interval ci = n == 0 ? null : new Interval(Math.max(0, rate - 20), Math.min(100, rate + 20));
        return new SeriesRow(r.month(), r.approach(), 12, n, 40, 100, 10, n, n, k, rate, ci, null, null, null, null,
                0, n == 0 ? null : 0.0, 0, n == 0 ? null : 0.0, new Proportion(Math.round(ROLLING), 100), null, r.waits(), spc);
    }
}
