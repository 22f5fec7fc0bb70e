package org.clinicaloutcomes.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The month axis of the charts of the monthly series: month {@code t} of the series is drawn at
 * {@code x = t} (0 = the first month), each month a tick mark, and a label ({@code 2026-03}, as
 * the table and the CSV write it) every few months, counted back from the report month so that
 * the last month of the series is always labelled.
 */
final class MonthAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    /** At most this many labelled months: at the chart's width they do not run into each other. */
    static final int MAX_LABELS = 12;

    private final List<String> months;

    MonthAxis(String label, List<String> months) {
        super(label);
        this.months = List.copyOf(months);
        ChartStyle.ticks(this, true);
        setRange(-0.5, Math.max(1, months.size()) - 0.5);
        setMinorTickMarksVisible(true);
        setMinorTickMarkOutsideLength(2f);
        setTickMarkOutsideLength(5f);
    }

    /** Months between two labels: 1, 2, 3, 4, 6, then whole years, so that at most {@link #MAX_LABELS} are labelled. */
    static int labelStep(int monthCount) {
        for (int step : new int[] {1, 2, 3, 4, 6}) {
            if ((monthCount + step - 1) / step <= MAX_LABELS) {
                return step;
            }
        }
        int years = 1;
        while ((monthCount + 12 * years - 1) / (12 * years) > MAX_LABELS) {
            years++;
        }
        return 12 * years;
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        int step = labelStep(months.size());
        int last = months.size() - 1;
        for (int t = 0; t <= last; t++) {
            boolean labelled = (last - t) % step == 0;
            ticks.add(new NumberTick(labelled ? TickType.MAJOR : TickType.MINOR, t, labelled ? months.get(t) : "",
                    TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }

    /** The indices in {@code monthlySeries} of the ALL rows, in month order. */
    static List<Integer> allRows(List<OutcomeTables.SeriesRow> series) {
        List<Integer> indices = new ArrayList<>();
        for (int index = 0; index < series.size(); index++) {
            if (series.get(index).approach().equals(OutcomeTables.ALL)) {
                indices.add(index);
            }
        }
        return indices;
    }
}
