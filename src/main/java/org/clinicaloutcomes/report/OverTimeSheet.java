package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.OutcomeTables.SeriesRow;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.SpcWords;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;
import org.clinicaloutcomes.report.chart.MonthlyImprovementChart;

/**
 * {@code Over time} (monthly runs only): the monthly series (MONITORING.md, "The monthly
 * series" and "Signals"). A title, a few lines in plain words with the report month's signal for
 * all approaches, the two charts of the series side by side (reliable improvement by month as a
 * p-chart; clients by month), then the rows of {@code monthly_series.csv} as one table per group:
 * all approaches first, then each approach, months oldest first, each block under its own header
 * (the sheet is long, and its header cannot be frozen under the charts). Every column of the CSV
 * in its order, plus the month's signal in words ({@link SpcWords}) after the approach.
 */
final class OverTimeSheet implements WorkbookSheet {

    static final String SIGNAL_HEADER = "Signal on reliable improvement";
    /** Month and approach. */
    private static final int KEY_COLUMNS = 2;

    @Override
    public String name() {
        return OutcomesWorkbook.OVER_TIME;
    }

    @Override
    public boolean monthlyOnly() {
        return true;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        List<SeriesRow> series = c.tables().monthlySeries();
        String primary = c.primary().name();
        if (series.isEmpty()) {
            s.styled(0, 0, "Over time", c.styles().title, false);
            s.note(1, "No month in the series: see csv/monthly_series.csv.");
            return;
        }
        String first = series.get(0).month();
        String last = series.get(series.size() - 1).month();
        Map<String, List<Integer>> groups = groups(series);
        List<Integer> all = groups.getOrDefault(OutcomeTables.ALL, List.of());

        s.styled(0, 0, "Over time: month by month, " + first + " to " + last, c.styles().title, false);
        s.styled(1, 0, "Each month: new clients, clients seen and clients discharged, and the reliable improvement "
                + "on " + primary + " of the clients discharged in it, with the signals of a p-chart.",
                c.styles().subtitle, false);
        s.styled(2, 0, "A month with no signal is " + SpcWords.NO_SIGNAL + ": it is not called better or worse. "
                + "Higher reliable improvement is better.", c.styles().subtitle, false);
        s.styled(3, 0, glance(c, series, all, last), c.styles().subtitle, false);

        // Month and approach stay in view when scrolling sideways and are repeated on every
        // page of the wide table's printout (so the charts go right of them).
        s.freeze(KEY_COLUMNS, 0);
        // Just under the lines above, so that the first chart shows on a laptop screen without
        // scrolling; one per row, as a printed page holds one whole.
        int row = SheetCharts.below(s, c.chartsOf(name()), 4, 2);
        row = s.section(row + 1, "The monthly series (csv/monthly_series.csv): all approaches first, then each "
                + "approach; months oldest first");
        row = notes(s, c, row);
        row++;
        // One table, so that a printout repeats its header row on every page and its month and
        // approach on every page across.
        List<Integer> rows = new ArrayList<>();
        groups.values().forEach(rows::addAll);
        table(c, series, rows).write(s, c, row);
    }

    /** The report month's signal for all approaches, and the series' months with a signal. */
    private static String glance(WorkbookContent c, List<SeriesRow> series, List<Integer> all, String last) {
        List<String> labels = new ArrayList<>();
        List<String> signals = new ArrayList<>();
        String lastWords = null;
        boolean anyDrawn = false;
        for (int index : all) {
            SeriesRow r = series.get(index);
            String words = words(c, r, index);
            labels.add(r.month());
            anyDrawn |= words != null;
            signals.add(words != null && r.spc().anySignal() ? words : null);
            if (r.month().equals(last)) {
                lastWords = words;
            }
        }
        if (anyDrawn && signals.stream().allMatch(w -> w == null)) {
            return "All approaches: every month of the series is " + SpcWords.NO_SIGNAL + ", " + last + " too.";
        }
        String month = "All approaches, " + last + ": " + (lastWords != null ? lastWords
                : "no client discharged with before-and-after scores") + ".";
        String line = MonthlyImprovementChart.signalLine(labels, signals, anyDrawn);
        return line == null ? month : month + " " + line;
    }

    private static int notes(SheetWriter s, WorkbookContent c, int row) {
        row = s.note(row, "Outcomes of a month: the clients discharged in it, on " + c.primary().name()
                + "; rates over those with before-and-after scores (Paired (n)), dropout over the closed episodes. "
                + "Rolling 12 months: the same rate over the 12 months ending with the month.");
        row = s.note(row, "Waits: clients whose first attended session is in the month and who have a referral date, "
                + "in days from the referral to that session.");
        row = s.note(row, "Signals, per approach and for all approaches: the limits are the average of the series "
                + "\u00b1 3 sigma at the month's n; outside them a month is " + SpcWords.ABOVE_LIMIT + " or "
                + SpcWords.BELOW_LIMIT + ". 7 months in a row above or below the average, or rising or falling "
                + "for 7 months, are signals too.");
        row = s.note(row, "Grey rows marked 'small n' have 10 clients or fewer with before-and-after scores: too few "
                + "to read that month's rate on its own.");
        if (c.suppression()) {
            for (String line : SheetTable.SUPPRESSION_NOTE) {
                row = s.note(row, line);
            }
        }
        return row;
    }

    /** The rows of the series by group: ALL first, then each approach in the order of the series. */
    private static Map<String, List<Integer>> groups(List<SeriesRow> series) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        groups.put(OutcomeTables.ALL, new ArrayList<>());
        for (int index = 0; index < series.size(); index++) {
            groups.computeIfAbsent(series.get(index).approach(), a -> new ArrayList<>()).add(index);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    /**
     * The table: month, approach, the signal in words, then the other columns of the CSV in its
     * order; the rows in the order given.
     */
    private static SheetTable<SeriesRow> table(WorkbookContent c, List<SeriesRow> series, List<Integer> rows) {
        List<String> columns = TableSchemas.MONTHLY_SERIES.columnNames();
        return SheetTable.someColumnsOf(TableSchemas.MONTHLY_SERIES, series)
                .columns("month", "approach")
                .extra(SIGNAL_HEADER, Kind.TEXT, (r, index) -> words(c, r, index))
                .columns(columns.subList(2, columns.size()).toArray(new String[0]))
                .rowsAt(rows)
                .smallGroupsBy(SeriesRow::nPaired);
    }

    /**
     * The month's signal in words, where its reliable improvement rate is shown: empty in a month
     * without a client with before-and-after scores, and where suppression hides the rate.
     */
    static String words(WorkbookContent c, SeriesRow r, int index) {
        if (r.reliableImprovementPct() == null
                || c.hidden(TableSchemas.MONTHLY_SERIES.file(), index, "n_paired") != null
                || c.hidden(TableSchemas.MONTHLY_SERIES.file(), index, "n_reliable_improvement") != null) {
            return null;
        }
        return SpcWords.of(r.spc());
    }
}
