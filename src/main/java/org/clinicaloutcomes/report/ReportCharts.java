package org.clinicaloutcomes.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.FunnelLimits;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.Interval;
import org.clinicaloutcomes.metrics.Pcl5Clusters;
import org.clinicaloutcomes.metrics.TrajectoryPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCalculator;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.Statistics;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a report (REPORTS.md, "Charts"), drawn with JFreeChart from {@link OutcomeTables}
 * without recomputing any metric: every plotted number is a cell of a table, except the box
 * plots (drawn from the per-episode changes of {@code episode_outcomes}) and the funnel limits
 * (drawn as curves with {@link FunnelLimits}, the formula of the clinician table).
 *
 * <p>In order: the mean score by assessment index per approach with 95% CI bands (one chart per
 * instrument, sheet {@code Trajectories}); for the primary instrument, reliable improvement / no
 * reliable change / reliable deterioration as 100% stacked bars ({@code Reliable change}), the
 * recovery rate with 95% CI whiskers, a forest plot of g with its 95% CI and box plots of the
 * change ({@code By approach}), the clinician funnel plot ({@code Clinicians}); and the PCL-5
 * cluster change per approach ({@code Symptom clusters}, when the instruments include
 * {@code pcl5}).
 *
 * <p>Every chart is {@value #WIDTH} × {@value #HEIGHT} pixels, uses the bundled DejaVu Sans (text
 * of at least 12 pt), the Okabe–Ito palette with one colour per approach (by its position in the
 * configured list, ALL in grey), marks groups of n ≤ 10 (hatched bars, open markers) and says so
 * in a caption. With suppression on, groups of 1 to 10 episodes are left out. Rendering is
 * deterministic: the same tables give byte-identical PNGs.
 */
public final class ReportCharts {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;

    /** File of the PCL-5 cluster chart. */
    public static final String CLUSTERS_FILE = "pcl5-clusters.png";

    private static final java.awt.Stroke DASHED_LINE = new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f);

    private static final String NOT_RANDOMISED =
            "Clients were not randomised to approaches: differences are associations, not effects of the approach.";

    private final OutcomeTables tables;
    private final RunDescription run;
    private final List<String> approaches;

    private ReportCharts(OutcomeTables tables, RunDescription run) {
        this.tables = tables;
        this.run = run;
        this.approaches = run.approaches();
    }

    /** Renders every chart of the report, in the order described above. */
    public static List<RenderedChart> render(OutcomeTables tables, RunDescription run) {
        return render(tables, run, Runnable::run).join();
    }

    /**
     * Renders every chart of the report on the given executor, each chart a task of its own (a
     * chart depends only on the tables, so the PNGs are the same whichever thread draws them).
     *
     * @return the charts in the order described above, once all are drawn
     */
    public static CompletableFuture<List<RenderedChart>> render(OutcomeTables tables, RunDescription run,
                                                                Executor executor) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(run, "run");
        ReportCharts charts = new ReportCharts(tables, run);
        Instrument primary = primary(run);
        List<Supplier<RenderedChart>> drawings = new ArrayList<>();
        for (Instrument instrument : run.instruments()) {
            drawings.add(() -> charts.trajectory(instrument));
        }
        drawings.add(() -> charts.reliableChange(primary));
        drawings.add(() -> charts.recovery(primary));
        drawings.add(() -> charts.effectSize(primary));
        drawings.add(() -> charts.changeBoxPlot(primary));
        drawings.add(() -> charts.funnel(primary));
        if (!tables.pcl5Clusters().isEmpty()) {
            drawings.add(charts::clusters);
        }
        List<CompletableFuture<RenderedChart>> rendered = drawings.stream()
                .map(drawing -> CompletableFuture.supplyAsync(drawing, executor)).toList();
        return CompletableFuture.allOf(rendered.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> rendered.stream().map(CompletableFuture::join).toList());
    }

    // ---------------------------------------------------------------- file names

    public static String trajectoryFile(String instrumentKey) {
        return "trajectory-" + instrumentKey + ".png";
    }

    public static String reliableChangeFile(String instrumentKey) {
        return "reliable-change-" + instrumentKey + ".png";
    }

    public static String recoveryFile(String instrumentKey) {
        return "recovery-" + instrumentKey + ".png";
    }

    public static String effectSizeFile(String instrumentKey) {
        return "effect-size-" + instrumentKey + ".png";
    }

    public static String changeBoxPlotFile(String instrumentKey) {
        return "change-boxplot-" + instrumentKey + ".png";
    }

    public static String funnelFile(String instrumentKey) {
        return "clinician-funnel-" + instrumentKey + ".png";
    }

    /** The primary instrument of a run. */
    static Instrument primary(RunDescription run) {
        return instrument(run, run.primaryInstrument());
    }

    static Instrument instrument(RunDescription run, String key) {
        for (Instrument instrument : run.instruments()) {
            if (instrument.key().equals(key)) {
                return instrument;
            }
        }
        throw new IllegalArgumentException("instrument " + key + " is not configured");
    }

    // ---------------------------------------------------------------- trajectories

    private RenderedChart trajectory(Instrument instrument) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        XYSeriesCollection lines = new XYSeriesCollection();
        List<Color> colours = new ArrayList<>();
        List<List<Boolean>> small = new ArrayList<>();
        LegendItemCollection legend = new LegendItemCollection();
        boolean anySmall = false;
        int maxK = 1;
        for (String approach : approaches) {
            YIntervalSeries band = new YIntervalSeries(approach, false, true);
            XYSeries points = new XYSeries(approach, false, true);
            List<Boolean> smallPoints = new ArrayList<>();
            Integer firstN = null;
            List<OutcomeTables.TrajectoryRow> rows = tables.trajectories();
            for (int index = 0; index < rows.size(); index++) {
                OutcomeTables.TrajectoryRow row = rows.get(index);
                if (!row.approach().equals(approach) || !row.instrument().equals(instrument.key())) {
                    continue;
                }
                TrajectoryPoint p = row.point();
                if (p.mean() == null || hidden(OutcomeCsvFiles.TRAJECTORIES, index, "n", p.n())) {
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
                maxK = Math.max(maxK, row.k());
            }
            if (points.getItemCount() == 0) {
                continue;
            }
            bands.addSeries(band);
            lines.addSeries(points);
            Color colour = ChartStyle.colour(approaches, approach);
            colours.add(colour);
            small.add(smallPoints);
            legend.add(ChartStyle.marker(approach + (firstN == null ? "" : " (n = " + firstN + ")"), circle(9), colour,
                    true));
        }
        if (anySmall) {
            legend.add(ChartStyle.marker("dashed, open: n \u2264 10 at that assessment", circle(9),
                    ChartStyle.ALL_COLOUR, false));
        }

        NumberAxis x = new NumberAxis("Assessment (k-th score of the episode)");
        NumberAxis y = new NumberAxis("Mean " + instrument.name() + " score (points, "
                + number(instrument.min()) + "\u2013" + number(instrument.max()) + ")");
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(0.18f);
        XYPlot plot = new XYPlot(bands, x, y, bandRenderer);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                return small.get(series).get(item) ? Color.WHITE : colours.get(series);
            }

            @Override
            public java.awt.Stroke getItemStroke(int series, int item) {
                return small.get(series).get(item) ? DASHED_LINE : ChartStyle.LINE;
            }
        };
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No closed episodes with paired " + instrument.name() + " scores in the window");

        String title = "Mean " + instrument.name() + " score by assessment, per approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        for (int s = 0; s < colours.size(); s++) {
            bandRenderer.setSeriesPaint(s, colours.get(s));
            bandRenderer.setSeriesFillPaint(s, colours.get(s));
            lineRenderer.setSeriesPaint(s, colours.get(s));
            lineRenderer.setSeriesShape(s, circle(9));
            lineRenderer.setSeriesOutlineStroke(s, new java.awt.BasicStroke(1.8f));
        }
        lineRenderer.setDrawSeriesLineAsPath(false);
        lineRenderer.setUseFillPaint(true);
        lineRenderer.setDrawOutlines(true);
        lineRenderer.setUseOutlinePaint(false);
        plot.setFixedLegendItems(legend);
        ChartStyle.ticks(x, true);
        ChartStyle.ticks(y, false);
        x.setRange(0.6, maxK + 0.4);
        y.setRange(instrument.min(), instrument.max());
        if (instrument.hasCutoff()) {
            ValueMarker cutoff = marker(instrument.cutoff(), "clinical cut-off (" + number(instrument.cutoff()) + ")",
                    ChartStyle.DASHED);
            cutoff.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            cutoff.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(cutoff, Layer.BACKGROUND);
        }
        ChartStyle.caption(chart, lines(
                "Closed episodes with at least two " + instrument.name() + " scores, discharged " + window() + ".",
                "Shaded: 95% confidence interval of the mean (where n > 10). "
                        + (instrument.higherIsBetter() ? "Higher" : "Lower") + " scores mean fewer symptoms.",
                suppressionNote()));
        return chart(trajectoryFile(instrument.key()), title, OutcomesWorkbook.TRAJECTORIES, chart);
    }

    // ---------------------------------------------------------------- reliable change

    private RenderedChart reliableChange(Instrument instrument) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String ri = "Reliable improvement";
        String none = "No reliable change";
        String rd = "Reliable deterioration";
        String rest = "No reliable change or deterioration (not split: small numbers)";
        List<Color> colours = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        boolean anyRest = false;
        for (int index : rows(instrument)) {
            OutcomeTables.ApproachRow row = tables.outcomesByApproach().get(index);
            GroupOutcomes g = row.outcomes();
            String file = OutcomeCsvFiles.OUTCOMES_BY_APPROACH;
            if (g.nPaired() == 0 || g.reliableImprovementPct() == null
                    || hidden(file, index, "n_paired", g.nPaired())
                    || hidden(file, index, "n_reliable_improvement", 0)) {
                continue;
            }
            String category = groupLabel(row.approach(), g.nPaired());
            data.addValue(g.reliableImprovementPct(), ri, category);
            if (g.reliableDeteriorationPct() == null || hidden(file, index, "n_reliable_deterioration", 0)) {
                // Suppression hides the deterioration count: show the rest as one segment.
                data.addValue(null, none, category);
                data.addValue(null, rd, category);
                data.addValue(100.0 - g.reliableImprovementPct(), rest, category);
                anyRest = true;
            } else {
                double noChange = 100.0 * (g.nPaired() - g.nReliableImprovement() - g.nReliableDeterioration())
                        / g.nPaired();
                data.addValue(noChange, none, category);
                data.addValue(g.reliableDeteriorationPct(), rd, category);
                data.addValue(null, rest, category);
            }
            colours.add(ChartStyle.colour(approaches, row.approach()));
            small.add(SmallNumbers.isSmall(g.nPaired()));
        }
        boolean anySmall = small.contains(true);
        StackedBarRenderer renderer = new StackedBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return row == 3 ? ChartStyle.hatched(ChartStyle.NO_CHANGE_DARK)
                        : ChartStyle.fill(base(row, column), small.get(column));
            }

            @Override
            public Paint getItemLabelPaint(int row, int column) {
                return ChartStyle.textOn(small.get(column) || row == 3 ? ChartStyle.tint(base(row, column), 0.7)
                        : base(row, column));
            }

            private Color base(int row, int column) {
                return row == 0 ? colours.get(column) : row == 2 ? ChartStyle.DETERIORATION : ChartStyle.NO_CHANGE;
            }
        };
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis("Share of clients with before-and-after scores (%)");
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.setNoDataMessage("No closed episodes with paired " + instrument.name() + " scores in the window");
        String title = "Reliable change on " + instrument.name() + " by approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        // Labels on the larger segments; none on small groups, whose shares change with one client.
        renderer.setDefaultItemLabelGenerator(new PercentLabels(4.0, small));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.TICK_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        renderer.setMaximumBarWidth(0.16);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(ChartStyle.THIN);
        ChartStyle.ticks(values, false);
        values.setRange(0, 100);
        values.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20,
                new java.text.DecimalFormat("0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
        categories.setTickLabelFont(ChartStyle.TICK_FONT);
        categories.setCategoryMargin(0.25);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.swatch(ri + " (approach colour)", ChartStyle.stripes(colours.isEmpty()
                ? List.of(ChartStyle.ALL_COLOUR) : colours)));
        legend.add(ChartStyle.swatch(none, ChartStyle.NO_CHANGE));
        legend.add(ChartStyle.swatch(rd, ChartStyle.DETERIORATION));
        if (anyRest) {
            legend.add(ChartStyle.swatch("not split (small numbers)", ChartStyle.hatched(ChartStyle.NO_CHANGE_DARK)));
        }
        if (anySmall) {
            legend.add(ChartStyle.swatch("hatched: n \u2264 10", ChartStyle.hatched(ChartStyle.ALL_COLOUR)));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.caption(chart, lines(
                "Change of at least " + number(instrument.reliableChange()) + " points (the reliable-change threshold), "
                        + "first to last score; closed episodes discharged " + window() + ".",
                NOT_RANDOMISED,
                suppressionNote()));
        return chart(reliableChangeFile(instrument.key()), title, OutcomesWorkbook.RELIABLE_CHANGE, chart);
    }

    // ---------------------------------------------------------------- recovery

    private RenderedChart recovery(Instrument instrument) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Color> colours = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        List<double[]> whiskers = new ArrayList<>();
        String series = "Recovery";
        if (instrument.hasCutoff()) {
            for (int index : rows(instrument)) {
                OutcomeTables.ApproachRow row = tables.outcomesByApproach().get(index);
                GroupOutcomes g = row.outcomes();
                int cases = g.nCases() == null ? 0 : g.nCases();
                if (cases == 0 || g.recoveryPct() == null
                        || hidden(OutcomeCsvFiles.OUTCOMES_BY_APPROACH, index, "n_cases", cases)) {
                    continue;
                }
                data.addValue(g.recoveryPct(), series, groupLabel(row.approach(), cases));
                colours.add(ChartStyle.colour(approaches, row.approach()));
                small.add(SmallNumbers.isSmall(cases));
                whiskers.add(g.recoveryCiLow() == null || g.recoveryCiHigh() == null ? null
                        : new double[] {g.recoveryCiLow(), g.recoveryCiHigh()});
            }
        }
        WhiskerBarRenderer renderer = new WhiskerBarRenderer(colours, small, whiskers);
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis("Recovered (% of clients who started in the clinical range)");
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setNoDataMessage(instrument.hasCutoff()
                ? "No clients in the clinical range of " + instrument.name() + " at baseline in the window"
                : instrument.name() + " has no cut-off: recovery is not defined");
        String title = "Recovery on " + instrument.name() + " by approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        renderer.setMaximumBarWidth(0.14);
        renderer.setDrawBarOutline(false);
        ChartStyle.ticks(values, false);
        values.setRange(0, 100);
        categories.setTickLabelFont(ChartStyle.TICK_FONT);
        categories.setMaximumCategoryLabelLines(2);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.line("95% confidence interval (Wilson)", ChartStyle.TEXT, ChartStyle.THIN));
        if (small.contains(true)) {
            legend.add(ChartStyle.swatch("hatched: n \u2264 10", ChartStyle.hatched(ChartStyle.ALL_COLOUR)));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.caption(chart, lines(
                "n = clients at or above the cut-off" + (instrument.hasCutoff() ? " (" + number(instrument.cutoff()) + ")" : "")
                        + " at baseline; recovered = final score below it. Closed episodes discharged " + window() + ".",
                NOT_RANDOMISED,
                suppressionNote()));
        return chart(recoveryFile(instrument.key()), title, OutcomesWorkbook.BY_APPROACH, chart);
    }

    // ---------------------------------------------------------------- effect size

    private RenderedChart effectSize(Instrument instrument) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        List<String> labels = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        List<Boolean> all = new ArrayList<>();
        double low = 0;
        double high = 0;
        for (int index : rows(instrument)) {
            OutcomeTables.ApproachRow row = tables.outcomesByApproach().get(index);
            GroupOutcomes g = row.outcomes();
            if (g.g() == null || hidden(OutcomeCsvFiles.OUTCOMES_BY_APPROACH, index, "n_paired", g.nPaired())) {
                continue;
            }
            int position = labels.size();
            double ciLow = g.gCiLow() == null ? g.g() : g.gCiLow();
            double ciHigh = g.gCiHigh() == null ? g.g() : g.gCiHigh();
            XYIntervalSeries series = new XYIntervalSeries(row.approach());
            series.add(g.g(), ciLow, ciHigh, position, position, position);
            data.addSeries(series);
            labels.add(groupLabel(row.approach(), g.nPaired()) + ":  " + fixed(g.g(), 2)
                    + (g.gCiLow() == null ? "" : "  [" + fixed(g.gCiLow(), 2) + ", " + fixed(g.gCiHigh(), 2) + "]"));
            colours.add(ChartStyle.colour(approaches, row.approach()));
            small.add(SmallNumbers.isSmall(g.nPaired()));
            all.add(OutcomeTables.ALL.equals(row.approach()));
            low = Math.min(low, ciLow);
            high = Math.max(high, ciHigh);
        }
        NumberAxis x = new NumberAxis("Effect size g (pre\u2013post, with 95% CI; positive = improvement)");
        SymbolAxis y = new SymbolAxis(null, labels.toArray(new String[0]));
        XYErrorRenderer renderer = new XYErrorRenderer();
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setNoDataMessage("Effect sizes need at least 3 clients with paired " + instrument.name() + " scores");
        String title = "Effect size (Hedges' g) on " + instrument.name() + " by approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new java.awt.BasicStroke(2.5f));
        renderer.setCapLength(10);
        renderer.setUseFillPaint(true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        for (int s = 0; s < colours.size(); s++) {
            renderer.setSeriesPaint(s, colours.get(s));
            renderer.setSeriesFillPaint(s, small.get(s) ? Color.WHITE : colours.get(s));
            renderer.setSeriesShape(s, all.get(s) ? diamond(9) : square(7));
            renderer.setSeriesOutlineStroke(s, new java.awt.BasicStroke(2f));
        }
        ChartStyle.ticks(x, false);
        double span = Math.max(0.5, high - low);
        x.setRange(Math.min(0, low) - 0.08 * span, high + 0.08 * span);
        y.setInverted(true);
        y.setGridBandsVisible(false);
        y.setTickLabelFont(ChartStyle.TICK_FONT);
        y.setRange(-0.6, Math.max(0.6, labels.size() - 0.4));
        plot.setRangeGridlinesVisible(false);
        ValueMarker zero = new ValueMarker(0, ChartStyle.TEXT, ChartStyle.THIN);
        plot.addDomainMarker(zero, Layer.BACKGROUND);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.marker("g with its 95% confidence interval", square(7), ChartStyle.ALL_COLOUR, true));
        if (small.contains(true)) {
            legend.add(ChartStyle.marker("open marker: n \u2264 10", square(7), ChartStyle.ALL_COLOUR, false));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.caption(chart, lines(
                "g = mean improvement / SD of the baseline scores, corrected for small groups. "
                        + "Rough guide: 0.2 small, 0.5 medium, 0.8 large.",
                "Closed episodes with paired scores, discharged " + window() + ".",
                NOT_RANDOMISED,
                suppressionNote()));
        return chart(effectSizeFile(instrument.key()), title, OutcomesWorkbook.BY_APPROACH, chart);
    }

    // ---------------------------------------------------------------- box plots

    /**
     * Q1, median and Q3 exactly as JFreeChart's {@link BoxAndWhiskerCalculator} computes them
     * (it sorts the values, then reads them off the sorted list). Sorts {@code values} in place.
     */
    static double[] quartiles(double[] values) {
        Arrays.sort(values);
        List<Double> sorted = Arrays.stream(values).boxed().toList();
        return new double[] {BoxAndWhiskerCalculator.calculateQ1(sorted), Statistics.calculateMedian(sorted, false),
                BoxAndWhiskerCalculator.calculateQ3(sorted)};
    }

    private RenderedChart changeBoxPlot(Instrument instrument) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        List<Color> colours = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        List<String> groups = new ArrayList<>(approaches);
        groups.add(OutcomeTables.ALL);
        String series = "Change";
        double lowest = 0;
        double highest = 0;
        for (String group : groups) {
            double[] values = tables.episodeOutcomes().stream()
                    .filter(row -> row.instrument().equals(instrument.key())
                            && (OutcomeTables.ALL.equals(group) || row.approach().equals(group)))
                    .mapToDouble(row -> row.outcome().change())
                    .toArray();
            if (values.length == 0 || hiddenGroup(group, instrument, values.length)) {
                continue;
            }
            // Quartiles and median as JFreeChart computes them (from the sorted values, as its
            // BoxAndWhiskerCalculator sorts them first; sorted here as doubles, which is much
            // quicker for a large export); whiskers from the lowest to the highest change (no
            // separate outlier marks).
            double[] quartiles = quartiles(values);
            double min = values[0];
            double max = values[values.length - 1];
            data.add(new BoxAndWhiskerItem(null, quartiles[1], quartiles[0], quartiles[2], min, max, null, null,
                    List.of()), series, groupLabel(group, values.length));
            lowest = Math.min(lowest, min);
            highest = Math.max(highest, max);
            colours.add(ChartStyle.colour(approaches, group));
            small.add(SmallNumbers.isSmall(values.length));
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return ChartStyle.fill(colours.get(column), small.get(column));
            }
        };
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis("Change in " + instrument.name() + " score (points, last \u2212 first)");
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        boolean withheld = tables.episodeOutcomes().isEmpty() && (run.suppression() || tables.suppressed().on());
        plot.setNoDataMessage(withheld
                ? "Not drawn: small-number suppression withholds the per-client changes"
                : "No closed episodes with paired " + instrument.name() + " scores in the window");
        String title = "Change in " + instrument.name() + " per client, by approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setFillBox(true);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultOutlinePaint(ChartStyle.TEXT);
        renderer.setDefaultOutlineStroke(new java.awt.BasicStroke(1.5f));
        renderer.setDefaultStroke(new java.awt.BasicStroke(1.5f));
        renderer.setArtifactPaint(ChartStyle.TEXT);
        renderer.setMaximumBarWidth(0.12);
        renderer.setWhiskerWidth(0.6);
        ChartStyle.ticks(values, false);
        double threshold = instrument.reliableChange();
        double span = Math.max(highest, threshold) - Math.min(lowest, -threshold);
        values.setRange(Math.min(lowest, -threshold) - 0.05 * span, Math.max(highest, threshold) + 0.05 * span);
        categories.setTickLabelFont(ChartStyle.TICK_FONT);
        categories.setMaximumCategoryLabelLines(2);
        double improvement = instrument.higherIsBetter() ? threshold : -threshold;
        Color thresholdColour = new Color(0x55, 0x55, 0x55);
        if (data.getColumnCount() > 0) {
            plot.addRangeMarker(new ValueMarker(0, ChartStyle.TEXT, ChartStyle.THIN), Layer.BACKGROUND);
            plot.addRangeMarker(new ValueMarker(improvement, thresholdColour, ChartStyle.DASHED), Layer.BACKGROUND);
            plot.addRangeMarker(new ValueMarker(-improvement, thresholdColour, ChartStyle.DOTTED), Layer.BACKGROUND);
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.swatch("middle half (line: median)", ChartStyle.NO_CHANGE));
        legend.add(ChartStyle.line("lowest to highest", ChartStyle.TEXT, ChartStyle.THIN));
        legend.add(ChartStyle.line("reliable improvement (" + signed(improvement) + ")", thresholdColour,
                ChartStyle.DASHED));
        legend.add(ChartStyle.line("reliable deterioration (" + signed(-improvement) + ")", thresholdColour,
                ChartStyle.DOTTED));
        if (small.contains(true)) {
            legend.add(ChartStyle.swatch("hatched: n \u2264 10", ChartStyle.hatched(ChartStyle.ALL_COLOUR)));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.caption(chart, lines(
                (instrument.higherIsBetter() ? "Above" : "Below") + " zero = fewer symptoms at the last score. "
                        + "Closed episodes with paired scores, discharged " + window() + ".",
                NOT_RANDOMISED,
                suppressionNote()));
        return chart(changeBoxPlotFile(instrument.key()), title, OutcomesWorkbook.BY_APPROACH, chart);
    }

    // ---------------------------------------------------------------- funnel

    /**
     * The clinic sizes at which the funnel's limits are drawn: every n up to 100, then steps of
     * 1 % (and {@code top} itself). The limits are smooth in n, so at the chart's width this draws
     * the same curves as every n would, but in hundreds of points rather than one per client of
     * the largest caseload.
     */
    static List<Integer> funnelSizes(int top) {
        List<Integer> sizes = new ArrayList<>();
        int n = 1;
        while (n <= top) {
            sizes.add(n);
            n = Math.max(n + 1, (int) Math.ceil(n * 1.01));
        }
        if (sizes.get(sizes.size() - 1) != top) {
            sizes.add(top);
        }
        return sizes;
    }

    private RenderedChart funnel(Instrument instrument) {
        XYSeries clinicians = new XYSeries("Clinicians", false, true);
        List<String> ids = new ArrayList<>();
        List<Boolean> small = new ArrayList<>();
        Double practice = null;
        int maxN = 1;
        for (int index = 0; index < tables.clinicians().size(); index++) {
            OutcomeTables.ClinicianRow row = tables.clinicians().get(index);
            if (row.practiceRiPct() != null) {
                practice = row.practiceRiPct();
            }
            if (row.reliableImprovementPct() == null
                    || hidden(OutcomeCsvFiles.CLINICIANS, index, "n_paired", row.nPaired())
                    || hidden(OutcomeCsvFiles.CLINICIANS, index, "n_reliable_improvement", 0)) {
                continue;
            }
            int same = -1;
            for (int i = 0; i < clinicians.getItemCount(); i++) {
                if (clinicians.getX(i).doubleValue() == row.nPaired()
                        && clinicians.getY(i).doubleValue() == row.reliableImprovementPct()) {
                    same = i;
                }
            }
            clinicians.add(row.nPaired(), row.reliableImprovementPct());
            if (same >= 0) {
                // Clinicians at the same point share one label.
                ids.set(same, ids.get(same) + ", " + row.clinicianId());
                ids.add(null);
            } else {
                ids.add(row.clinicianId());
            }
            small.add(SmallNumbers.isSmall(row.nPaired()));
            maxN = Math.max(maxN, row.nPaired());
        }
        XYSeriesCollection points = new XYSeriesCollection(clinicians);
        XYSeriesCollection limits = new XYSeriesCollection();
        int top = (int) Math.ceil(maxN * 1.1) + 1;
        if (practice != null) {
            double p = practice / 100.0;
            XYSeries centre = new XYSeries("practice rate", false, true);
            XYSeries low95 = new XYSeries("95% low", false, true);
            XYSeries high95 = new XYSeries("95% high", false, true);
            XYSeries low998 = new XYSeries("99.8% low", false, true);
            XYSeries high998 = new XYSeries("99.8% high", false, true);
            for (int n : funnelSizes(top)) {
                Interval inner = FunnelLimits.limits(p, n, FunnelLimits.Z_95);
                Interval outer = FunnelLimits.limits(p, n, FunnelLimits.Z_998);
                centre.add(n, practice);
                low95.add(n, inner.low());
                high95.add(n, inner.high());
                low998.add(n, outer.low());
                high998.add(n, outer.high());
            }
            limits.addSeries(centre);
            limits.addSeries(low95);
            limits.addSeries(high95);
            limits.addSeries(low998);
            limits.addSeries(high998);
        }
        NumberAxis x = new NumberAxis("Clients with paired " + instrument.name() + " scores (n)");
        NumberAxis y = new NumberAxis("Reliable improvement (%)");
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true) {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                return small.get(item) ? Color.WHITE : ChartStyle.TEXT;
            }
        };
        XYPlot plot = new XYPlot(points, x, y, pointRenderer);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(1, limits);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setNoDataMessage("No clinician with paired " + instrument.name() + " scores in the window");
        String title = "Reliable improvement on " + instrument.name() + " by clinician (funnel plot)";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        pointRenderer.setSeriesPaint(0, ChartStyle.TEXT);
        pointRenderer.setSeriesShape(0, circle(9));
        pointRenderer.setUseFillPaint(true);
        pointRenderer.setDrawOutlines(true);
        pointRenderer.setUseOutlinePaint(false);
        pointRenderer.setSeriesOutlineStroke(0, new java.awt.BasicStroke(1.6f));
        pointRenderer.setDefaultItemLabelGenerator((dataset, series, item) -> ids.get(item));
        pointRenderer.setDefaultItemLabelsVisible(true);
        pointRenderer.setDefaultItemLabelFont(ChartStyle.NOTE_FONT);
        pointRenderer.setDefaultItemLabelPaint(ChartStyle.NOTE_TEXT);
        pointRenderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        pointRenderer.setItemLabelAnchorOffset(5);
        Color limitColour = new Color(0x55, 0x55, 0x55);
        lineRenderer.setSeriesPaint(0, limitColour);
        lineRenderer.setSeriesStroke(0, new java.awt.BasicStroke(1.8f));
        for (int s = 1; s <= 4; s++) {
            lineRenderer.setSeriesPaint(s, limitColour);
            lineRenderer.setSeriesStroke(s, s <= 2 ? ChartStyle.DASHED : ChartStyle.DOTTED);
        }
        ChartStyle.ticks(x, true);
        ChartStyle.ticks(y, false);
        x.setRange(0, top);
        y.setRange(0, 100);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.marker("clinician", circle(9), ChartStyle.TEXT, true));
        if (small.contains(true)) {
            legend.add(ChartStyle.marker("open: n \u2264 10", circle(9), ChartStyle.TEXT, false));
        }
        if (practice != null) {
            legend.add(ChartStyle.line("practice rate (" + fixed(practice, 0) + "%)", limitColour,
                    new java.awt.BasicStroke(1.8f)));
            legend.add(ChartStyle.line("95% limits", limitColour, ChartStyle.DASHED));
            legend.add(ChartStyle.line("99.8% limits", limitColour, ChartStyle.DOTTED));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.caption(chart, lines(
                "A clinician outside the limits differs from the practice rate by more than chance would explain at that n;"
                        + " case mix is not adjusted for.",
                "Closed episodes discharged " + window() + ".",
                suppressionNote()));
        return chart(funnelFile(instrument.key()), title, OutcomesWorkbook.CLINICIANS, chart);
    }

    // ---------------------------------------------------------------- PCL-5 clusters

    private RenderedChart clusters() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> groups = new ArrayList<>(approaches);
        groups.add(OutcomeTables.ALL);
        List<Paint> paints = new ArrayList<>();
        boolean anySmall = false;
        LegendItemCollection legend = new LegendItemCollection();
        for (String group : groups) {
            List<OutcomeTables.ClusterRow> rows = new ArrayList<>();
            boolean hide = false;
            for (int index = 0; index < tables.pcl5Clusters().size(); index++) {
                OutcomeTables.ClusterRow row = tables.pcl5Clusters().get(index);
                if (row.approach().equals(group)) {
                    rows.add(row);
                    hide |= hidden(OutcomeCsvFiles.PCL5_CLUSTERS, index, "n", row.n());
                }
            }
            if (rows.isEmpty() || rows.get(0).n() == 0 || hide) {
                continue;
            }
            int n = rows.get(0).n();
            String key = groupLabel(group, n);
            for (OutcomeTables.ClusterRow row : rows) {
                data.addValue(row.changeMean(), key, clusterLabel(row.cluster()));
            }
            boolean isSmall = SmallNumbers.isSmall(n);
            anySmall |= isSmall;
            Paint paint = ChartStyle.fill(ChartStyle.colour(approaches, group), isSmall);
            paints.add(paint);
            legend.add(ChartStyle.swatch(key, paint));
        }
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis("Mean change in cluster score (points, last \u2212 first)");
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setNoDataMessage("No closed episodes with itemised baseline and final PCL-5 in the window");
        String title = "PCL-5 symptom clusters: mean change by approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        for (int s = 0; s < paints.size(); s++) {
            renderer.setSeriesPaint(s, paints.get(s));
        }
        renderer.setItemMargin(0.06);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setMaximumBarWidth(0.06);
        ChartStyle.ticks(values, false);
        values.setAutoRangeIncludesZero(true);
        categories.setTickLabelFont(ChartStyle.TICK_FONT);
        categories.setMaximumCategoryLabelLines(2);
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.TEXT, ChartStyle.THIN), Layer.FOREGROUND);
        if (anySmall) {
            legend.add(ChartStyle.swatch("hatched: n \u2264 10", ChartStyle.hatched(ChartStyle.ALL_COLOUR)));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.caption(chart, lines(
                "Below zero = fewer symptoms. Items (score range): B 1\u20135 (0\u201320), C 6\u20137 (0\u20138), "
                        + "D 8\u201314 (0\u201328), E 15\u201320 (0\u201324).",
                "Closed episodes whose first and last PCL-5 carry the 20 items, discharged " + window() + ".",
                NOT_RANDOMISED,
                suppressionNote()));
        return chart(CLUSTERS_FILE, title, OutcomesWorkbook.SYMPTOM_CLUSTERS, chart);
    }

    private static String clusterLabel(Pcl5Clusters.Cluster cluster) {
        String name = switch (cluster) {
            case B -> "Intrusion";
            case C -> "Avoidance";
            case D -> "Cognitions and mood";
            case E -> "Arousal and reactivity";
        };
        return cluster.name() + ": " + name;
    }

    // ---------------------------------------------------------------- helpers

    /** Indices in {@code outcomesByApproach} of an instrument's rows (approaches, then ALL). */
    private List<Integer> rows(Instrument instrument) {
        List<Integer> indices = new ArrayList<>();
        for (int index = 0; index < tables.outcomesByApproach().size(); index++) {
            if (tables.outcomesByApproach().get(index).instrument().equals(instrument.key())) {
                indices.add(index);
            }
        }
        return indices;
    }

    /**
     * Whether a chart leaves out a group: its count cell is hidden by the tables' small-number
     * suppression, or suppression is on and the group has 1 to 10 episodes.
     */
    private boolean hidden(String file, int row, String column, long n) {
        return SmallNumbers.suppressed(run.suppression(), n) || tables.suppressed().contains(file, row, column);
    }

    /** Whether the group of an approach (or ALL) on an instrument is left out. */
    private boolean hiddenGroup(String group, Instrument instrument, long n) {
        for (int index : rows(instrument)) {
            if (tables.outcomesByApproach().get(index).approach().equals(group)) {
                return hidden(OutcomeCsvFiles.OUTCOMES_BY_APPROACH, index, "n_paired", n);
            }
        }
        return SmallNumbers.suppressed(run.suppression(), n);
    }

    private RenderedChart chart(String file, String title, String sheet, JFreeChart chart) {
        return new RenderedChart(file, title, sheet, WIDTH, HEIGHT, ChartStyle.png(chart, WIDTH, HEIGHT));
    }

    private String window() {
        return run.window().from() + " to " + run.window().to();
    }

    private String suppressionNote() {
        return run.suppression() ? "Suppression is on: groups of 1\u201310 clients are left out." : null;
    }

    static String groupLabel(String group, int n) {
        return (OutcomeTables.ALL.equals(group) ? "All approaches" : group) + " (n = " + n + ")";
    }

    private static String lines(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line);
        }
        return text.toString();
    }

    private static ValueMarker marker(double value, String label, java.awt.Stroke stroke) {
        ValueMarker marker = new ValueMarker(value, new Color(0x55, 0x55, 0x55), stroke);
        marker.setLabel(label);
        marker.setLabelFont(ChartStyle.NOTE_FONT);
        marker.setLabelPaint(ChartStyle.NOTE_TEXT);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        marker.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        return marker;
    }

    private static Shape circle(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    private static Shape square(double half) {
        return new Rectangle2D.Double(-half, -half, 2 * half, 2 * half);
    }

    private static Shape diamond(double half) {
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        path.moveTo(0, -half);
        path.lineTo(half, 0);
        path.lineTo(0, half);
        path.lineTo(-half, 0);
        path.closePath();
        return path;
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : fixed(value, 1);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : value < 0 ? "\u2212" : "") + number(Math.abs(value));
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Item labels "64%" for values of at least {@code minimum} percent, except in small groups (columns). */
    private static final class PercentLabels implements org.jfree.chart.labels.CategoryItemLabelGenerator {
        private final double minimum;
        private final List<Boolean> smallColumns;

        PercentLabels(double minimum, List<Boolean> smallColumns) {
            this.minimum = minimum;
            this.smallColumns = smallColumns;
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            if (value == null || value.doubleValue() < minimum || smallColumns.get(column)) {
                return null;
            }
            return fixed(value.doubleValue(), 0) + "%";
        }

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }
    }

    /** Bars in the group's colour (hatched when small) with a 95% CI whisker on each. */
    private static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final List<Color> colours;
        private final List<Boolean> small;
        private final List<double[]> whiskers;

        WhiskerBarRenderer(List<Color> colours, List<Boolean> small, List<double[]> whiskers) {
            this.colours = colours;
            this.small = small;
            this.whiskers = whiskers;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return ChartStyle.fill(colours.get(column), small.get(column));
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis, CategoryDataset dataset,
                             int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            double[] whisker = whiskers.get(column);
            if (pass != getPassCount() - 1 || whisker == null) {
                return;
            }
            double x = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
            double yLow = rangeAxis.valueToJava2D(whisker[0], dataArea, plot.getRangeAxisEdge());
            double yHigh = rangeAxis.valueToJava2D(whisker[1], dataArea, plot.getRangeAxisEdge());
            double cap = Math.min(12, state.getBarWidth() / 3);
            g2.setPaint(ChartStyle.TEXT);
            g2.setStroke(new java.awt.BasicStroke(1.8f));
            g2.draw(new Line2D.Double(x, yLow, x, yHigh));
            g2.draw(new Line2D.Double(x - cap, yLow, x + cap, yLow));
            g2.draw(new Line2D.Double(x - cap, yHigh, x + cap, yHigh));
            // The rate, just above the bar's top, right of the whisker (on the white background).
            Number value = dataset.getValue(row, column);
            if (value != null) {
                double yTop = rangeAxis.valueToJava2D(value.doubleValue(), dataArea, plot.getRangeAxisEdge());
                g2.setFont(ChartStyle.TICK_FONT);
                g2.setPaint(ChartStyle.TEXT);
                org.jfree.chart.text.TextUtils.drawAlignedString(fixed(value.doubleValue(), 0) + "%", g2,
                        (float) (x + cap + 4), (float) (yTop - 4), TextAnchor.BOTTOM_LEFT);
            }
        }
    }
}
