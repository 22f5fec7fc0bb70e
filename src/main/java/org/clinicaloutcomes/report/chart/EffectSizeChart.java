package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.fixed;
import static org.clinicaloutcomes.report.chart.ChartText.groupLabel;
import static org.clinicaloutcomes.report.chart.ChartText.lines;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.SmallNumbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * A forest plot of Hedges' g on one instrument with its 95% CI, one row per approach and ALL
 * (a diamond) labelled with the numbers (sheet {@code By approach}).
 */
public final class EffectSizeChart implements ReportChart {

    private final Instrument instrument;

    public EffectSizeChart(Instrument instrument) {
        this.instrument = instrument;
    }

    public static String file(String instrumentKey) {
        return "effect-size-" + instrumentKey + ".png";
    }

    /** The rows of the plot, top to bottom, and the span of their intervals (zero included). */
    private static final class Rows {
        final XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        final List<String> labels = new ArrayList<>();
        final List<Color> colours = new ArrayList<>();
        final List<Boolean> small = new ArrayList<>();
        final List<Boolean> all = new ArrayList<>();
        double low;
        double high;
    }

    /** The trial benchmark band, a light blue that stays behind the markers. */
    private static final Color TRIAL_BAND = new Color(0xDC, 0xEB, 0xF7);

    @Override
    public RenderedChart draw(ChartInput input) {
        Rows rows = rows(input);
        NumberAxis x = new NumberAxis("Effect size g (pre\u2013post, with 95% CI; higher is better)");
        SymbolAxis y = new SymbolAxis(null, rows.labels.toArray(new String[0]));
        XYErrorRenderer renderer = new XYErrorRenderer();
        XYPlot plot = new XYPlot(rows.data, x, y, renderer);
        plot.setNoDataMessage(input.words("Effect sizes need at least 3 clients with paired ") + instrument.name()
                + " scores");
        String title = "Effect size (Hedges' g) on " + instrument.name() + " by approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        style(renderer, rows);
        ChartStyle.ticks(x, false);
        // The trials of trauma-focused therapy are the practice's benchmark: not for a researcher's export.
        boolean benchmark = Benchmarks.PTSD_INSTRUMENT.equals(instrument.key()) && input.run().practiceData();
        double high = benchmark ? Math.max(rows.high, Benchmarks.TRIAL_PTSD_EFFECT_HIGH) : rows.high;
        double span = Math.max(0.5, high - rows.low);
        x.setRange(Math.min(0, rows.low) - 0.08 * span, high + 0.08 * span);
        if (benchmark) {
            IntervalMarker trials = new IntervalMarker(Benchmarks.TRIAL_PTSD_EFFECT_LOW,
                    Benchmarks.TRIAL_PTSD_EFFECT_HIGH, TRIAL_BAND);
            plot.addDomainMarker(trials, Layer.BACKGROUND);
        }
        y.setInverted(true);
        y.setGridBandsVisible(false);
        y.setTickLabelFont(ChartStyle.TICK_FONT);
        y.setRange(-0.6, Math.max(0.6, rows.labels.size() - 0.4));
        plot.setRangeGridlinesVisible(false);
        plot.addDomainMarker(ChartStyle.zeroLine(), Layer.BACKGROUND);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.marker("g with its 95% confidence interval", ChartStyle.square(7), ChartStyle.ALL_COLOUR,
                true));
        if (benchmark) {
            legend.add(new LegendItem("trials of trauma-focused therapy: " + fixed(Benchmarks.TRIAL_PTSD_EFFECT_LOW, 1)
                    + "\u2013" + fixed(Benchmarks.TRIAL_PTSD_EFFECT_HIGH, 1), null, null, null,
                    ChartStyle.square(7), TRIAL_BAND));
        }
        if (rows.small.contains(true)) {
            legend.add(ChartStyle.marker("open marker: n \u2264 10", ChartStyle.square(7), ChartStyle.ALL_COLOUR, false));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.caption(chart, lines(
                "g = mean improvement / SD of the baseline scores, corrected for small groups. "
                        + "Rough guide: 0.2 small, 0.5 medium, 0.8 large.",
                input.cohort("Closed episodes with paired scores", ", ") + ".",
                input.design(),
                input.suppressionNote()));
        return ChartStyle.rendered(file(instrument.key()), title, OutcomesWorkbook.BY_APPROACH, chart);
    }

    private Rows rows(ChartInput input) {
        Rows rows = new Rows();
        for (int index : input.rows(instrument)) {
            OutcomeTables.ApproachRow row = input.tables().outcomesByApproach().get(index);
            GroupOutcomes g = row.outcomes();
            if (g.g() == null || input.hidden(TableSchemas.OUTCOMES_BY_APPROACH.file(), index, "n_paired", g.nPaired())) {
                continue;
            }
            int position = rows.labels.size();
            double ciLow = g.gCiLow() == null ? g.g() : g.gCiLow();
            double ciHigh = g.gCiHigh() == null ? g.g() : g.gCiHigh();
            XYIntervalSeries series = new XYIntervalSeries(row.approach());
            series.add(g.g(), ciLow, ciHigh, position, position, position);
            rows.data.addSeries(series);
            rows.labels.add(groupLabel(row.approach(), g.nPaired()) + ":  " + fixed(g.g(), 2)
                    + (g.gCiLow() == null ? "" : "  [" + fixed(g.gCiLow(), 2) + ", " + fixed(g.gCiHigh(), 2) + "]"));
            rows.colours.add(ChartStyle.colour(input.approaches(), row.approach()));
            rows.small.add(SmallNumbers.isSmall(g.nPaired()));
            rows.all.add(OutcomeTables.ALL.equals(row.approach()));
            rows.low = Math.min(rows.low, ciLow);
            rows.high = Math.max(rows.high, ciHigh);
        }
        return rows;
    }

    /** Horizontal CI bars with a marker at g: filled, open for small groups, a diamond for ALL. */
    private static void style(XYErrorRenderer renderer, Rows rows) {
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(2.5f));
        renderer.setCapLength(10);
        renderer.setUseFillPaint(true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        for (int s = 0; s < rows.colours.size(); s++) {
            renderer.setSeriesPaint(s, rows.colours.get(s));
            renderer.setSeriesFillPaint(s, rows.small.get(s) ? Color.WHITE : rows.colours.get(s));
            renderer.setSeriesShape(s, rows.all.get(s) ? ChartStyle.diamond(9) : ChartStyle.square(7));
            renderer.setSeriesOutlineStroke(s, new BasicStroke(2f));
        }
    }
}
