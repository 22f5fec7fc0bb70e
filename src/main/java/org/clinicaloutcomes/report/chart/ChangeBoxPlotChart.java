package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.groupLabel;
import static org.clinicaloutcomes.report.chart.ChartText.lines;
import static org.clinicaloutcomes.report.chart.ChartText.signed;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.Quantiles;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.SmallNumbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Box plots of the per-client change on one instrument, per approach and ALL, against the
 * reliable-change thresholds (sheet {@code By approach}). Drawn from {@code episode_outcomes},
 * which suppression withholds: then the chart says so.
 */
public final class ChangeBoxPlotChart implements ReportChart {

    private final Instrument instrument;

    public ChangeBoxPlotChart(Instrument instrument) {
        this.instrument = instrument;
    }

    public static String file(String instrumentKey) {
        return "change-boxplot-" + instrumentKey + ".png";
    }

    /**
     * Q1, median and Q3 of the box: the sample quantiles of type 7 that the tables use too
     * (metrics/Quantiles; METRICS.md for sessions), not JFreeChart's own rule. Sorts
     * {@code values} in place, for the whiskers.
     */
    static double[] quartiles(double[] values) {
        Arrays.sort(values);
        Quantiles quantiles = Quantiles.of(values);
        return new double[] {quantiles.q1(), quantiles.median(), quantiles.q3()};
    }

    /** One box per group shown, and the lowest and highest change over them (zero included). */
    private static final class Boxes {
        final DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        final List<Color> colours = new ArrayList<>();
        final List<Boolean> small = new ArrayList<>();
        double lowest;
        double highest;
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        Boxes boxes = boxes(input);
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return ChartStyle.fill(boxes.colours.get(column), boxes.small.get(column));
            }
        };
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis("Change in " + instrument.name() + " score (points, last \u2212 first; "
                + ChartText.better(instrument) + ")");
        CategoryPlot plot = new CategoryPlot(boxes.data, categories, values, renderer);
        OutcomeTables tables = input.tables();
        boolean withheld = tables.episodeOutcomes().isEmpty() && (input.run().suppression() || tables.suppressed().on());
        plot.setNoDataMessage(withheld
                ? input.words("Not drawn: small-number suppression withholds the per-client changes")
                : "No closed episodes with paired " + instrument.name() + " scores in the window");
        String title = "Change in " + instrument.name() + input.words(" per client, by approach");
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        style(renderer);
        ChartStyle.ticks(values, false);
        double threshold = instrument.reliableChange();
        double span = Math.max(boxes.highest, threshold) - Math.min(boxes.lowest, -threshold);
        values.setRange(Math.min(boxes.lowest, -threshold) - 0.05 * span,
                Math.max(boxes.highest, threshold) + 0.05 * span);
        categories.setTickLabelFont(ChartStyle.TICK_FONT);
        categories.setMaximumCategoryLabelLines(2);
        double improvement = instrument.higherIsBetter() ? threshold : -threshold;
        if (boxes.data.getColumnCount() > 0) {
            plot.addRangeMarker(ChartStyle.zeroLine(), Layer.BACKGROUND);
            plot.addRangeMarker(new ValueMarker(improvement, ChartStyle.REFERENCE, ChartStyle.DASHED), Layer.BACKGROUND);
            plot.addRangeMarker(new ValueMarker(-improvement, ChartStyle.REFERENCE, ChartStyle.DOTTED), Layer.BACKGROUND);
        }
        plot.setFixedLegendItems(legend(improvement, boxes.small.contains(true)));
        ChartStyle.caption(chart, lines(
                (instrument.higherIsBetter() ? "Above" : "Below") + " zero = fewer symptoms at the last score. "
                        + input.cohort("Closed episodes with paired scores", ", ") + ".",
                input.design(),
                input.suppressionNote()));
        return ChartStyle.rendered(file(instrument.key()), title, OutcomesWorkbook.BY_APPROACH, chart);
    }

    private Boxes boxes(ChartInput input) {
        Boxes boxes = new Boxes();
        List<String> groups = new ArrayList<>(input.approaches());
        groups.add(OutcomeTables.ALL);
        Map<String, DoubleStream.Builder> changes = new HashMap<>();
        groups.forEach(group -> changes.put(group, DoubleStream.builder()));
        // One pass over the episode rows (millions in a large run, each made when it is read).
        for (OutcomeTables.EpisodeRow row : input.tables().episodeOutcomes()) {
            if (row.instrument().equals(instrument.key())) {
                double change = row.outcome().change();
                DoubleStream.Builder ofApproach = changes.get(row.approach());
                if (ofApproach != null) {
                    ofApproach.add(change);
                }
                changes.get(OutcomeTables.ALL).add(change);
            }
        }
        for (String group : groups) {
            double[] values = changes.get(group).build().toArray();
            if (values.length == 0 || input.hiddenGroup(group, instrument, values.length)) {
                continue;
            }
            // Quartiles and median of type 7, as in the tables; whiskers from the lowest to the
            // highest change (no separate outlier marks), a rule of the chart's own.
            double[] quartiles = quartiles(values);
            double min = values[0];
            double max = values[values.length - 1];
            boxes.data.add(new BoxAndWhiskerItem(null, quartiles[1], quartiles[0], quartiles[2], min, max, null, null,
                    List.of()), "Change", groupLabel(group, values.length));
            boxes.lowest = Math.min(boxes.lowest, min);
            boxes.highest = Math.max(boxes.highest, max);
            boxes.colours.add(ChartStyle.colour(input.approaches(), group));
            boxes.small.add(SmallNumbers.isSmall(values.length));
        }
        return boxes;
    }

    private static void style(BoxAndWhiskerRenderer renderer) {
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setFillBox(true);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultOutlinePaint(ChartStyle.TEXT);
        renderer.setDefaultOutlineStroke(new BasicStroke(1.5f));
        renderer.setDefaultStroke(new BasicStroke(1.5f));
        renderer.setArtifactPaint(ChartStyle.TEXT);
        renderer.setMaximumBarWidth(0.12);
        renderer.setWhiskerWidth(0.6);
    }

    private static LegendItemCollection legend(double improvement, boolean anySmall) {
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.swatch("middle half (line: median)", ChartStyle.NO_CHANGE));
        legend.add(ChartStyle.line("lowest to highest", ChartStyle.TEXT, ChartStyle.THIN));
        legend.add(ChartStyle.line("reliable improvement (" + signed(improvement) + ")", ChartStyle.REFERENCE,
                ChartStyle.DASHED));
        legend.add(ChartStyle.line("reliable deterioration (" + signed(-improvement) + ")", ChartStyle.REFERENCE,
                ChartStyle.DOTTED));
        if (anySmall) {
            legend.add(ChartStyle.hatchedSwatch());
        }
        return legend;
    }
}
