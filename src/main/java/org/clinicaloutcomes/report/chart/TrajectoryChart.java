package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.lines;
import static org.clinicaloutcomes.report.chart.ChartText.number;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.TrajectoryPoint;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.SmallNumbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The mean score of one instrument by assessment index, one line per approach with its 95% CI
 * band (sheet {@code Trajectories}). Points of n ≤ 10 are open and joined by dashes.
 */
public final class TrajectoryChart implements ReportChart {

    private static final Stroke SMALL_LINE = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 5f}, 0f);

    private final Instrument instrument;

    public TrajectoryChart(Instrument instrument) {
        this.instrument = instrument;
    }

    public static String file(String instrumentKey) {
        return "trajectory-" + instrumentKey + ".png";
    }

    /** The approaches' lines, bands and legend, in the order of the configured approaches. */
    private static final class Series {
        final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        final XYSeriesCollection lines = new XYSeriesCollection();
        final List<Color> colours = new ArrayList<>();
        final List<List<Boolean>> small = new ArrayList<>();
        final LegendItemCollection legend = new LegendItemCollection();
        int maxK = 1;
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        Series series = series(input);
        boolean byWave = input.run().byWave();
        NumberAxis x = new NumberAxis(byWave ? "Wave" : "Assessment (k-th score of the episode)");
        NumberAxis y = new NumberAxis("Mean " + instrument.name() + " score (points, "
                + number(instrument.min()) + "\u2013" + number(instrument.max()) + "; " + ChartText.better(instrument) + ")");
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(0.18f);
        XYPlot plot = new XYPlot(series.bands, x, y, bandRenderer);
        XYLineAndShapeRenderer lineRenderer = lineRenderer(series);
        plot.setDataset(1, series.lines);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage(byWave ? "No participants with paired " + instrument.name() + " scores"
                : "No closed episodes with paired " + instrument.name() + " scores in the window");

        String title = "Mean " + instrument.name() + " score by " + (byWave ? "wave" : "assessment") + ", per approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        for (int s = 0; s < series.colours.size(); s++) {
            bandRenderer.setSeriesPaint(s, series.colours.get(s));
            bandRenderer.setSeriesFillPaint(s, series.colours.get(s));
            lineRenderer.setSeriesPaint(s, series.colours.get(s));
            lineRenderer.setSeriesShape(s, ChartStyle.circle(9));
            lineRenderer.setSeriesOutlineStroke(s, new BasicStroke(1.8f));
        }
        lineRenderer.setDrawSeriesLineAsPath(false);
        lineRenderer.setUseFillPaint(true);
        lineRenderer.setDrawOutlines(true);
        lineRenderer.setUseOutlinePaint(false);
        plot.setFixedLegendItems(series.legend);
        ChartStyle.ticks(x, true);
        if (byWave) {
            // k is the wave's position: each tick is labelled with the wave's label.
            x.setTickUnit(new NumberTickUnit(1, new WaveLabels(waveLabels(input))));
        }
        ChartStyle.ticks(y, false);
        x.setRange(0.6, series.maxK + 0.4);
        y.setRange(instrument.min(), instrument.max());
        if (instrument.hasCutoff()) {
            plot.addRangeMarker(ChartStyle.cutoff(instrument), Layer.BACKGROUND);
        }
        ChartStyle.caption(chart, lines(
                input.cohort("Closed episodes with at least two " + instrument.name() + " scores", ", ") + ".",
                "Shaded: 95% confidence interval of the mean (where n > 10). "
                        + (instrument.higherIsBetter() ? "Higher" : "Lower") + " scores mean fewer symptoms.",
                input.suppressionNote()));
        return ChartStyle.rendered(file(instrument.key()), title, OutcomesWorkbook.TRAJECTORIES, chart);
    }

    /** The wave labels by position k (from 1) of an analysis by wave, from the trajectories' rows. */
    private static Map<Integer, String> waveLabels(ChartInput input) {
        Map<Integer, String> labels = new TreeMap<>();
        for (OutcomeTables.TrajectoryRow row : input.tables().trajectories()) {
            if (row.wave() != null) {
                labels.putIfAbsent(row.k(), row.wave());
            }
        }
        return labels;
    }

    /** A tick label: the wave's label at a whole k, nothing elsewhere. */
    private static final class WaveLabels extends NumberFormat {

        private final Map<Integer, String> labels;

        WaveLabels(Map<Integer, String> labels) {
            this.labels = labels;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            long k = Math.round(number);
            return Math.abs(number - k) < 1e-9 ? toAppendTo.append(labels.getOrDefault((int) k, "")) : toAppendTo;
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(labels.getOrDefault((int) number, ""));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }

    private Series series(ChartInput input) {
        Series series = new Series();
        boolean anySmall = false;
        for (String approach : input.approaches()) {
            YIntervalSeries band = new YIntervalSeries(approach, false, true);
            XYSeries points = new XYSeries(approach, false, true);
            List<Boolean> smallPoints = new ArrayList<>();
            Integer firstN = null;
            List<OutcomeTables.TrajectoryRow> rows = input.tables().trajectories();
            for (int index = 0; index < rows.size(); index++) {
                OutcomeTables.TrajectoryRow row = rows.get(index);
                if (!row.approach().equals(approach) || !row.instrument().equals(instrument.key())) {
                    continue;
                }
                TrajectoryPoint p = row.point();
                if (p.mean() == null || input.hidden(TableSchemas.TRAJECTORIES.file(), index, "n", p.n())) {
                    continue;
                }
                if (row.k() == 1) {
                    firstN = p.n();
                }
                boolean isSmall = SmallNumbers.isSmall(p.n());
                // n never grows with k, so the small points are the end of the series: the band
                // covers the points before them.
                if (!isSmall && p.ciLow() != null && p.ciHigh() != null) {
                    band.add(row.k(), p.mean(), p.ciLow(), p.ciHigh());
                }
                points.add(row.k(), p.mean());
                smallPoints.add(isSmall);
                anySmall |= isSmall;
                series.maxK = Math.max(series.maxK, row.k());
            }
            if (points.getItemCount() == 0) {
                continue;
            }
            series.bands.addSeries(band);
            series.lines.addSeries(points);
            Color colour = ChartStyle.colour(input.approaches(), approach);
            series.colours.add(colour);
            series.small.add(smallPoints);
            series.legend.add(ChartStyle.marker(approach + (firstN == null ? "" : " (n = " + firstN + ")"),
                    ChartStyle.circle(9), colour, true));
        }
        if (anySmall) {
            series.legend.add(ChartStyle.marker("dashed, hollow: n \u2264 10 at that assessment", ChartStyle.circle(9),
                    ChartStyle.ALL_COLOUR, false));
        }
        return series;
    }

    private static XYLineAndShapeRenderer lineRenderer(Series series) {
        return new XYLineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemFillPaint(int s, int item) {
                return series.small.get(s).get(item) ? Color.WHITE : series.colours.get(s);
            }

            @Override
            public Stroke getItemStroke(int s, int item) {
                return series.small.get(s).get(item) ? SMALL_LINE : ChartStyle.LINE;
            }
        };
    }
}
