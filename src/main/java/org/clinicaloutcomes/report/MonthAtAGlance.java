package org.clinicaloutcomes.report;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.OutcomeTables.SeriesRow;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.SpcWords;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * The first block of a monthly report's {@code Summary} (MONITORING.md, "Month at a glance"): for
 * the report month, the month before, the same month a year before and the last 12 months, all
 * approaches together: the reliable improvement, recovery, reliable deterioration and dropout
 * rates, each with its n; clients discharged, intakes, caseload and sessions; and the signal words
 * of the report month. The months come from the monthly series ({@link OutcomeTables#monthlySeries()},
 * or {@link OutcomeTables#monthsBeforeSeries()} for a month the series is too short to hold); the
 * last 12 months are the report window's figures ({@code outcomes_by_approach} and the window
 * activity), which is 12 months unless {@code --window-months} says otherwise (the column then
 * names its length).
 *
 * <p>Each period takes two columns, the figure and its n, so that every cell stays a number.
 */
final class MonthAtAGlance {

    private static final String SERIES_FILE = TableSchemas.MONTHLY_SERIES.file();
    private static final String WINDOW_FILE = TableSchemas.WINDOW_ACTIVITY.file();
    private static final String GROUP_FILE = TableSchemas.OUTCOMES_BY_APPROACH.file();
    private static final int WINDOW_COLUMN = 7;

    private final GlanceCells s;
    private final WorkbookContent c;
    private final YearMonth month;
    /** The report month, the month before, the same month a year before. */
    private final List<YearMonth> months;

    MonthAtAGlance(GlanceCells s, WorkbookContent c) {
        this.s = s;
        this.c = c;
        this.month = c.run().window().reportMonth();
        this.months = List.of(month, month.minusMonths(1), month.minusMonths(12));
    }

    /** Writes the block with its header at {@code row}; returns the row after it. */
    int write(int row) {
        s.header(row, 0, "Month at a glance (all approaches)");
        for (int p = 0; p < months.size(); p++) {
            s.header(row, 1 + 2 * p, WorkbookContent.monthName(months.get(p)));
            s.header(row, 2 + 2 * p, "n");
        }
        s.header(row, WINDOW_COLUMN, windowHeading());
        s.header(row, WINDOW_COLUMN + 1, "n");
        row++;
        Found[] found = new Found[months.size()];
        for (int p = 0; p < months.size(); p++) {
            found[p] = find(months.get(p));
        }
        int all = SummarySheet.groupIndex(c.tables(), OutcomeTables.ALL, c.primary().key());
        GroupOutcomes window = all < 0 ? null : c.tables().outcomesByApproach().get(all).outcomes();
        int activity = SummaryGlance.allRow(c.tables().windowActivity());
        OutcomeTables.ActivityRow windowActivity = activity < 0 ? null : c.tables().windowActivity().get(activity);

        s.text(row, 0, "Clients discharged");
        for (int p = 0; p < months.size(); p++) {
            if (found[p] != null) {
                count(row, 1 + 2 * p, found[p], "n_closed", found[p].row.nClosed(), false);
            }
        }
        if (window != null) {
            countCell(row, WINDOW_COLUMN, c.hidden(GROUP_FILE, all, "n_closed"), window.nClosed(), false);
        }
        row++;
        row = rate(row, "Reliable improvement", found, "n_paired", SeriesRow::nPaired,
                SeriesRow::reliableImprovementPct, window, all, "n_paired",
                window == null ? 0 : window.nPaired(), window == null ? null : window.reliableImprovementPct());
        if (c.primary().hasCutoff()) {
            row = rate(row, "Recovery", found, "n_cases",
                    r -> r.nCases() == null ? 0 : r.nCases(), SeriesRow::recoveryPct, window, all, "n_cases",
                    window == null || window.nCases() == null ? 0 : window.nCases(),
                    window == null ? null : window.recoveryPct());
        }
        row = rate(row, "Reliable deterioration", found, "n_paired", SeriesRow::nPaired,
                SeriesRow::reliableDeteriorationPct, window, all, "n_paired",
                window == null ? 0 : window.nPaired(), window == null ? null : window.reliableDeteriorationPct());
        row = rate(row, "Dropout", found, "n_closed", SeriesRow::nClosed,
                SeriesRow::dropoutPct, window, all, "n_closed",
                window == null ? 0 : window.nClosed(), window == null ? null : window.dropoutPct());
        row = activity(row, "New clients (intakes)", found, "intakes", SeriesRow::intakes, windowActivity, activity,
                windowActivity == null ? 0 : windowActivity.intakes());
        row = activity(row, "Clients seen (caseload)", found, "caseload", SeriesRow::caseload, windowActivity,
                activity, windowActivity == null ? 0 : windowActivity.caseload());
        row = activity(row, "Sessions attended", found, "attended_sessions", SeriesRow::attendedSessions,
                windowActivity, activity, windowActivity == null ? 0 : windowActivity.attendedSessions());
        s.text(row, 0, "Open clients on the attention list");
        int attention = c.tables().attentionCounts().size() - 1; // the ALL row is the last
        if (attention >= 0) {
            countCell(row, 1, c.hidden(TableSchemas.ATTENTION_COUNTS.file(), attention, "n_clients"),
                    c.tables().attentionCounts().get(attention).clients(), false);
        }
        row++;
        s.text(row, 0, "Reliable improvement against the usual");
        if (found[0] != null && found[0].inSeries) {
            s.text(row, 1, SpcWords.of(found[0].row.spc()));
        }
        row++;
        row = s.note(row, "Rates are of the clients discharged in the month (dropouts included): n is the number each "
                + "rate is of (recovery: those who started in the clinical range). Groups of 10 or fewer are grey: "
                + "one client moves the rate a lot.");
        return s.note(row, "'Against the usual' compares " + WorkbookContent.monthName(month)
                + " with the practice's own monthly range (Over time sheet).");
    }

    private String windowHeading() {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(c.run().window().from()), month) + 1;
        return months == 12 ? "Last 12 months" : "Window (" + months + (months == 1 ? " month)" : " months)");
    }

    /** The ALL row of a month, with its index in the table that holds it, or {@code null}. */
    private Found find(YearMonth wanted) {
        String name = wanted.toString();
        List<SeriesRow> series = c.tables().monthlySeries();
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).month().equals(name) && OutcomeTables.ALL.equals(series.get(i).approach())) {
                return new Found(series.get(i), i, true);
            }
        }
        List<SeriesRow> before = c.tables().monthsBeforeSeries();
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).month().equals(name) && OutcomeTables.ALL.equals(before.get(i).approach())) {
                return new Found(before.get(i), i, false);
            }
        }
        return null;
    }

    private int rate(int row, String label, Found[] found, String nColumn, ToIntFunction<SeriesRow> n,
                     Function<SeriesRow, Double> pct, GroupOutcomes window, int windowIndex,
                     String windowNColumn, int windowN, Double windowPct) {
        s.text(row, 0, label);
        for (int p = 0; p < found.length; p++) {
            Found f = found[p];
            if (f == null) {
                continue;
            }
            boolean small = SmallNumbers.isSmall(n.applyAsInt(f.row));
            s.value(row, 1 + 2 * p, pct.apply(f.row), Kind.PERCENT, small);
            count(row, 2 + 2 * p, f, nColumn, n.applyAsInt(f.row), small);
        }
        if (window != null) {
            boolean small = SmallNumbers.isSmall(windowN);
            s.value(row, WINDOW_COLUMN, windowPct, Kind.PERCENT, small);
            countCell(row, WINDOW_COLUMN + 1, c.hidden(GROUP_FILE, windowIndex, windowNColumn), windowN, small);
        }
        return row + 1;
    }

    private int activity(int row, String label, Found[] found, String column,
                         ToLongFunction<SeriesRow> value, OutcomeTables.ActivityRow window,
                         int windowIndex, long windowValue) {
        s.text(row, 0, label);
        for (int p = 0; p < found.length; p++) {
            if (found[p] != null) {
                count(row, 1 + 2 * p, found[p], column, value.applyAsLong(found[p].row), false);
            }
        }
        if (window != null) {
            countCell(row, WINDOW_COLUMN, c.hidden(WINDOW_FILE, windowIndex, column), windowValue, false);
        }
        return row + 1;
    }

    private void count(int row, int column, Found f, String csvColumn, long value, boolean light) {
        countCell(row, column, f.hidden(c, csvColumn), value, light);
    }

    private void countCell(int row, int column, String hidden, long value, boolean light) {
        s.value(row, column, hidden != null ? hidden : (Object) value, Kind.COUNT, light);
    }

    /** A month's ALL row and where it is: a row of the series, or of the months before it. */
    private record Found(SeriesRow row, int index, boolean inSeries) {

        /** What suppression shows instead of a count of this row, or {@code null}. */
        String hidden(WorkbookContent c, String column) {
            return c.hidden(inSeries ? SERIES_FILE : TableSchemas.MONTHS_BEFORE_SERIES.file(), index, column);
        }
    }
}
