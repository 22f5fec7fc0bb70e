package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.fixed;
import static org.clinicaloutcomes.report.chart.ChartText.lines;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.SpcMonth;
import org.clinicaloutcomes.metrics.SpcWords;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.SmallNumbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Reliable improvement by month for all approaches together, as a p-chart (sheet {@code Over
 * time}, monthly runs only; MONITORING.md, "Signals"): the rate of the clients discharged in each
 * month of the series on the primary instrument, the centre line, the month's limits (stepped:
 * they narrow as the month's n grows), the rolling 12-month rate, and the months with a signal
 * marked and named in the caption with the words of {@link SpcWords}. Every plotted number is a
 * cell of {@code monthly_series.csv}; a month without a client with before-and-after scores (or
 * one that suppression hides) is a gap.
 */
public final class MonthlyImprovementChart implements ReportChart {

    /** The signal marker's colour (Okabe–Ito vermillion): the one thing on the chart that asks for a look. */
    static final Color SIGNAL = new Color(0xD5, 0x5E, 0x00);
    /** The rolling 12-month rate (Okabe–Ito blue). */
    static final Color ROLLING = new Color(0x00, 0x72, 0xB2);
    /** Signal months named in the caption, at most; the rest are counted (the table names them all). */
    static final int MAX_NAMED = 4;

    private static final Shape POINT = ChartStyle.circle(8);
    private static final Shape SIGNAL_POINT = ChartStyle.diamond(8);
    private static final Stroke MONTH_LINE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke ROLLING_LINE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke CENTRE_LINE = new BasicStroke(1.8f);

    private final Instrument instrument;

    public MonthlyImprovementChart(Instrument instrument) {
        this.instrument = instrument;
    }

    public static String file(String instrumentKey) {
        return "monthly-reliable-improvement-" + instrumentKey + ".png";
    }

    /** The ALL rows of the series as the chart draws them. */
    static final class Months {
        final List<String> labels = new ArrayList<>();
        final XYSeries rates = new XYSeries("reliable improvement", false, true);
        final XYSeries rolling = new XYSeries("rolling 12 months", false, true);
        final XYSeries lower = new XYSeries("lower limit", false, true);
        final XYSeries upper = new XYSeries("upper limit", false, true);
        /** Per item of {@link #rates} (gaps included): small, and the signal words (null without a signal). */
        final List<Boolean> small = new ArrayList<>();
        final List<String> signals = new ArrayList<>();
        final List<XYTextAnnotation> annotations = new ArrayList<>();
        Double centre;
        boolean gaps;
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        Months months = months(input);
        MonthAxis x = new MonthAxis("Month of discharge", months.labels);
        NumberAxis y = new NumberAxis("Reliable improvement (%) \u2014 higher is better");
        XYLineAndShapeRenderer rateRenderer = rateRenderer(months);
        XYSeriesCollection rates = new XYSeriesCollection();
        if (months.rates.getItemCount() > 0 && hasValue(months.rates)) {
            rates.addSeries(months.rates);
        }
        XYPlot plot = new XYPlot(rates, x, y, rateRenderer);
        XYLineAndShapeRenderer rollingRenderer = new XYLineAndShapeRenderer(true, false);
        XYSeriesCollection rolling = new XYSeriesCollection();
        if (hasValue(months.rolling)) {
            rolling.addSeries(months.rolling);
        }
        plot.setDataset(1, rolling);
        plot.setRenderer(1, rollingRenderer);
        XYLineAndShapeRenderer limitRenderer = new XYLineAndShapeRenderer(true, false);
        XYSeriesCollection limits = new XYSeriesCollection();
        if (hasValue(months.lower)) {
            limits.addSeries(months.lower);
            limits.addSeries(months.upper);
        }
        plot.setDataset(2, limits);
        plot.setRenderer(2, limitRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setNoDataMessage("No client discharged with before-and-after " + instrument.name()
                + " scores in the months of the series");
        String title = "Reliable improvement on " + instrument.name() + " by month, all approaches";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        styleRates(rateRenderer);
        rollingRenderer.setSeriesPaint(0, ROLLING);
        rollingRenderer.setSeriesStroke(0, ROLLING_LINE);
        for (int s = 0; s < 2; s++) {
            limitRenderer.setSeriesPaint(s, ChartStyle.REFERENCE);
            limitRenderer.setSeriesStroke(s, ChartStyle.DASHED);
        }
        if (months.centre != null && !rates.getSeries().isEmpty()) {
            plot.addRangeMarker(new ValueMarker(months.centre, ChartStyle.REFERENCE, CENTRE_LINE), Layer.BACKGROUND);
        }
        for (XYTextAnnotation annotation : months.annotations) {
            rateRenderer.addAnnotation(annotation);
        }
        ChartStyle.ticks(y, false);
        // A little room below 0 and above 100, so that a month at 0 % or 100 % shows its whole marker.
        y.setRange(-4, 105);
        y.setTickUnit(new NumberTickUnit(20, new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        plot.setFixedLegendItems(legend(months, !rates.getSeries().isEmpty()));
        ChartStyle.caption(chart, lines(
                "Each point: the clients discharged in the month with before-and-after " + instrument.name()
                        + " scores" + (anySmall(months) ? " (hollow: n \u2264 10)" : "") + ". The limits are where a"
                        + " month's rate falls by chance alone at its n (3 sigma around the average).",
                signalLine(months),
                months.gaps ? "Gaps: months without such a client" + (input.run().suppression()
                        ? " or with 1\u201310 of them (suppression)." : ".") : null,
                input.suppressionNote()));
        return ChartStyle.rendered(file(instrument.key()), title, OutcomesWorkbook.OVER_TIME, chart);
    }

    private static boolean hasValue(XYSeries series) {
        for (int i = 0; i < series.getItemCount(); i++) {
            if (series.getY(i) != null) {
                return true;
            }
        }
        return false;
    }

    static Months months(ChartInput input) {
        Months months = new Months();
        List<OutcomeTables.SeriesRow> series = input.tables().monthlySeries();
        String file = TableSchemas.MONTHLY_SERIES.file();
        List<Integer> all = MonthAxis.allRows(series);
        for (int t = 0; t < all.size(); t++) {
            int index = all.get(t);
            OutcomeTables.SeriesRow row = series.get(index);
            months.labels.add(row.month());
            SpcMonth spc = row.spc();
            if (spc.centrePct() != null) {
                months.centre = spc.centrePct();
            }
            boolean hidden = input.hidden(file, index, "n_paired", row.nPaired())
                    || input.hidden(file, index, "n_reliable_improvement", 0);
            Double rate = hidden ? null : row.reliableImprovementPct();
            months.rates.add(t, rate);
            months.small.add(SmallNumbers.isSmall(row.nPaired()));
            String words = rate != null && spc.anySignal() ? SpcWords.of(spc) : null;
            months.signals.add(words);
            months.gaps |= rate == null;
            if (rate != null && (Boolean.TRUE.equals(spc.aboveLimit()) || Boolean.TRUE.equals(spc.belowLimit()))) {
                boolean high = Boolean.TRUE.equals(spc.aboveLimit());
                XYTextAnnotation label = new XYTextAnnotation(high ? SpcWords.ABOVE_LIMIT : SpcWords.BELOW_LIMIT, t,
                        rate + (high ? 3 : -3));
                label.setFont(ChartStyle.NOTE_FONT);
                label.setPaint(ChartStyle.TEXT);
                label.setTextAnchor(high ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
                months.annotations.add(label);
            }
            // The limits of a live month, as a step from half a month before it to half a month after.
            if (rate != null && spc.lowerPct() != null && spc.upperPct() != null) {
                months.lower.add(t - 0.5, spc.lowerPct());
                months.lower.add(t + 0.5, spc.lowerPct());
                months.upper.add(t - 0.5, spc.upperPct());
                months.upper.add(t + 0.5, spc.upperPct());
            } else {
                months.lower.add(t, null);
                months.upper.add(t, null);
            }
            months.rolling.add(t, row.reliableImprovementPct12m());
        }
        return months;
    }

    /** The monthly rates: joined by a thin line, open when small, a larger diamond where there is a signal. */
    private static XYLineAndShapeRenderer rateRenderer(Months months) {
        return new XYLineAndShapeRenderer(true, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemFillPaint(int s, int item) {
                if (months.signals.get(item) != null) {
                    return SIGNAL;
                }
                return months.small.get(item) ? Color.WHITE : ChartStyle.TEXT;
            }

            @Override
            public Paint getItemOutlinePaint(int s, int item) {
                return months.signals.get(item) != null ? ChartStyle.TEXT : super.getItemOutlinePaint(s, item);
            }

            @Override
            public Shape getItemShape(int s, int item) {
                return months.signals.get(item) != null ? SIGNAL_POINT : POINT;
            }
        };
    }

    private static void styleRates(XYLineAndShapeRenderer renderer) {
        renderer.setSeriesPaint(0, ChartStyle.TEXT);
        renderer.setSeriesStroke(0, MONTH_LINE);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(1.6f));
        renderer.setSeriesOutlinePaint(0, ChartStyle.TEXT);
        renderer.setUseFillPaint(true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawSeriesLineAsPath(false);
    }

    /**
     * The signal months in words: consecutive months with the same words as one range
     * ({@code 2025-01 to 2025-07: 7 months in a row above the average}), at most
     * {@link #MAX_NAMED} ranges; "no signal" when every month drawn is within the usual variation.
     */
    public static String signalLine(List<String> labels, List<String> signals, boolean anyDrawn) {
        List<String> named = new ArrayList<>();
        int more = 0;
        int t = 0;
        while (t < signals.size()) {
            String words = signals.get(t);
            if (words == null) {
                t++;
                continue;
            }
            int end = t;
            while (end + 1 < signals.size() && words.equals(signals.get(end + 1))) {
                end++;
            }
            String months = end == t ? labels.get(t) : labels.get(t) + " to " + labels.get(end);
            if (named.size() < MAX_NAMED) {
                named.add(months + ": " + words);
            } else {
                more += end - t + 1;
            }
            t = end + 1;
        }
        if (named.isEmpty()) {
            return anyDrawn ? "No signal: every month is " + SpcWords.NO_SIGNAL + "." : null;
        }
        return "Signals: " + String.join("; ", named) + (more > 0 ? "; and " + more + " more month"
                + (more == 1 ? "" : "s") + " (see the table)" : "") + ".";
    }

    private static String signalLine(Months months) {
        return signalLine(months.labels, months.signals, hasValue(months.rates));
    }

    /** Whether a month of n ≤ 10 is drawn (as an open point). */
    private static boolean anySmall(Months months) {
        for (int i = 0; i < months.rates.getItemCount(); i++) {
            if (months.rates.getY(i) != null && months.small.get(i)) {
                return true;
            }
        }
        return false;
    }

    /** The legend of what is drawn: the months' rates (with the centre line and limits) and the rolling rate. */
    private static LegendItemCollection legend(Months months, boolean ratesDrawn) {
        LegendItemCollection legend = new LegendItemCollection();
        if (ratesDrawn) {
            boolean anyLarge = false;
            for (int i = 0; i < months.rates.getItemCount(); i++) {
                anyLarge |= months.rates.getY(i) != null && !months.small.get(i);
            }
            if (anyLarge) {
                legend.add(ChartStyle.marker("month's rate", POINT, ChartStyle.TEXT, true));
            }
            if (anySmall(months)) {
                legend.add(ChartStyle.marker(anyLarge ? "hollow: n \u2264 10" : "month's rate (hollow: n \u2264 10)", POINT,
                        ChartStyle.TEXT, false));
            }
            if (months.signals.stream().anyMatch(words -> words != null)) {
                legend.add(ChartStyle.marker("signal", SIGNAL_POINT, SIGNAL, true));
            }
        }
        if (hasValue(months.rolling)) {
            legend.add(ChartStyle.line("rolling 12 months", ROLLING, ROLLING_LINE));
        }
        if (ratesDrawn && months.centre != null) {
            legend.add(ChartStyle.line("average (" + fixed(months.centre, 0) + "%)", ChartStyle.REFERENCE, CENTRE_LINE));
        }
        if (hasValue(months.lower)) {
            legend.add(ChartStyle.line("limits", ChartStyle.REFERENCE, ChartStyle.DASHED));
        }
        return legend;
    }
}
