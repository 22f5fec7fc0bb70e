package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.lines;
import static org.clinicaloutcomes.report.chart.ChartText.number;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.ChartBaselines;
import org.clinicaloutcomes.metrics.ExpectedRecovery;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The practice's expected-recovery curves of the primary instrument (MONITORING.md, "Chart",
 * reading 35; monthly runs only): at each of the three baselines of
 * {@link OutcomeTables#recoveryBaselines()} (the rounded quartiles of the reference episodes'
 * starting scores), the expected score {@code E_k(x)} at assessment {@code k} — {@code E_1(x) = x},
 * then every {@code k} of {@code expected_recovery.csv} — as a solid line with markers, and the
 * not-on-track threshold {@code T_k(x)} of the same models as a thinner, lighter dashed line of
 * the same colour, with the clinical cut-off as a reference line. Every plotted number is
 * {@link ExpectedRecovery#expected(double)} or {@link ExpectedRecovery#threshold(Instrument, double)}
 * of a row of the table; a {@code k} without a model is a gap. Without a model or without
 * baselines (too few reference episodes, or suppression left them out) the chart draws its axes
 * and says so, as the other charts do with an empty table.
 *
 * <p>Colours: the baselines are not approaches, and every approach has its fixed colour, so the
 * three curves take the colours approaches get last, or never: Okabe–Ito reddish purple (the
 * lower quartile) and vermillion (the upper quartile), which approaches receive only from the
 * sixth and fifth configured approach on, and the near-black text colour (the median), which no
 * approach receives. Markers differ too (circle, square, diamond), so the curves are told apart
 * without colour.
 *
 * <p>Not placed on a workbook sheet yet: it carries the name of the {@value #SHEET} sheet of
 * REPORTS.md, which the workbook does not have, so it is written to {@code charts/} only.
 */
public final class ExpectedRecoveryChart implements ReportChart {

    /** The sheet the chart belongs to (REPORTS.md, "The workbook"; not yet a sheet of the workbook). */
    public static final String SHEET = OutcomesWorkbook.ATTENTION;

    /** Lower quartile, median, upper quartile: reddish purple, near-black, vermillion. */
    static final List<Color> BASELINE_COLOURS = List.of(ChartStyle.APPROACH_PALETTE.get(5), ChartStyle.TEXT,
            ChartStyle.APPROACH_PALETTE.get(4));
    private static final List<Shape> BASELINE_SHAPES = List.of(ChartStyle.circle(8), ChartStyle.square(3.6),
            ChartStyle.diamond(5.2));
    private static final List<String> QUARTILE_NAMES = List.of("lower quartile", "median", "upper quartile");
    /** The threshold: thinner than the curve, dashed, and a lighter tint of its colour. */
    static final Stroke THRESHOLD_LINE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);
    static final double THRESHOLD_TINT = 0.25;
    private static final Stroke CURVE_LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final Instrument instrument;

    public ExpectedRecoveryChart(Instrument instrument) {
        this.instrument = instrument;
    }

    public static String file(String instrumentKey) {
        return "expected-recovery-" + instrumentKey + ".png";
    }

    /**
     * The curves of one baseline: its legend label, its colour and marker, {@code E_k(x)} at
     * {@code k = 1} and at every {@code k} up to the last model ({@code null} where {@code k} has
     * none), and {@code T_k(x)} at the same {@code k ≥ 2}.
     */
    record Curve(long baseline, String label, Color colour, Shape shape, XYSeries expected, XYSeries threshold) {
    }

    /**
     * What the chart draws: the curves (none without a model or without baselines), the last
     * {@code k} of the x axis, and the n of the model at {@code k = 2} (the reference episodes with
     * at least two scores; 0 without that model).
     */
    record Curves(List<Curve> curves, int lastK, long referenceEpisodes) {

        boolean empty() {
            return curves.isEmpty();
        }
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        Curves curves = curves(input.tables(), instrument);
        XYSeriesCollection thresholds = new XYSeriesCollection();
        XYSeriesCollection expected = new XYSeriesCollection();
        for (Curve curve : curves.curves()) {
            thresholds.addSeries(curve.threshold());
            expected.addSeries(curve.expected());
        }
        NumberAxis x = new NumberAxis("Assessment (k-th score of the episode; 1 = the starting score)");
        NumberAxis y = new NumberAxis(instrument.name() + " score (points, " + number(instrument.min()) + "\u2013"
                + number(instrument.max()) + "; " + ChartText.better(instrument) + ")");
        XYLineAndShapeRenderer thresholdRenderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(thresholds, x, y, thresholdRenderer);
        XYLineAndShapeRenderer curveRenderer = new XYLineAndShapeRenderer(true, true);
        plot.setDataset(1, expected);
        plot.setRenderer(1, curveRenderer);
        // The thresholds behind the curves.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("Too few clients with at least two " + instrument.name()
                + " scores for expected curves (at least " + minimum(input) + " needed)");
        String title = "Expected " + instrument.name() + " scores of this practice's clients, by starting score";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        LegendItemCollection legend = new LegendItemCollection();
        for (int s = 0; s < curves.curves().size(); s++) {
            Curve curve = curves.curves().get(s);
            curveRenderer.setSeriesPaint(s, curve.colour());
            curveRenderer.setSeriesShape(s, curve.shape());
            curveRenderer.setSeriesStroke(s, CURVE_LINE);
            thresholdRenderer.setSeriesPaint(s, ChartStyle.tint(curve.colour(), THRESHOLD_TINT));
            thresholdRenderer.setSeriesStroke(s, THRESHOLD_LINE);
            legend.add(ChartStyle.marker(curve.label(), curve.shape(), curve.colour(), true));
        }
        curveRenderer.setDrawSeriesLineAsPath(false);
        thresholdRenderer.setDrawSeriesLineAsPath(false);
        if (!curves.empty()) {
            legend.add(ChartStyle.line("not-on-track threshold", ChartStyle.REFERENCE, THRESHOLD_LINE));
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.ticks(x, true);
        ChartStyle.ticks(y, false);
        x.setRange(0.6, curves.lastK() + 0.4);
        y.setRange(instrument.min(), instrument.max());
        if (instrument.hasCutoff()) {
            plot.addRangeMarker(ChartStyle.cutoff(instrument), Layer.BACKGROUND);
        }
        ChartStyle.caption(chart, caption(input, curves));
        return ChartStyle.rendered(file(instrument.key()), title, SHEET, chart);
    }

    /** The lines under the chart: whose curves they are, what solid and dashed mean, and suppression. */
    String caption(ChartInput input, Curves curves) {
        return lines(
                "From this practice's " + (curves.referenceEpisodes() > 0 ? curves.referenceEpisodes() + " " : "")
                        + "clients discharged by " + input.run().window().to() + " with at least two "
                        + instrument.name() + " scores.",
                "Solid: the expected score at each assessment (a curve ends where fewer than " + minimum(input)
                        + " clients have that many scores).",
                "Dashed: not on track " + beyond() + " this line (worse than about 9 in 10 similar clients).",
                input.suppressionNote());
    }

    /** Where "not on track" lies from the dashed line: above it when higher is worse, below when higher is better. */
    private String beyond() {
        return instrument.higherIsBetter() ? "below" : "above";
    }

    /** The minimum number of reference episodes of a model ({@code --expected-min-n}). */
    private static String minimum(ChartInput input) {
        return input.run().parameters().getOrDefault("expected-min-n", Integer.toString(ExpectedRecovery.DEFAULT_MIN_N));
    }

    /**
     * The curves of {@code instrument} from its rows of {@code expected_recovery} at the three
     * baselines, lower quartile first; baselines that coincide are one curve (labelled with both
     * names). None when the instrument has no model or there are no baselines.
     */
    static Curves curves(OutcomeTables tables, Instrument instrument) {
        TreeMap<Integer, ExpectedRecovery> models = new TreeMap<>();
        for (OutcomeTables.ExpectedRecoveryRow row : tables.expectedRecovery()) {
            if (row.instrument().equals(instrument.key())) {
                models.put(row.k(), row.model());
            }
        }
        ChartBaselines baselines = tables.recoveryBaselines();
        if (models.isEmpty() || baselines == null) {
            return new Curves(List.of(), ExpectedRecovery.MAX_K, 0);
        }
        int lastK = models.lastKey();
        long referenceEpisodes = models.containsKey(ExpectedRecovery.MIN_K)
                ? models.get(ExpectedRecovery.MIN_K).model().n() : 0;
        List<Long> values = List.of(baselines.q1(), baselines.median(), baselines.q3());
        List<Curve> curves = new ArrayList<>();
        int q = 0;
        while (q < values.size()) {
            long baseline = values.get(q);
            List<String> names = new ArrayList<>();
            int first = q;
            while (q < values.size() && values.get(q) == baseline) {
                names.add(QUARTILE_NAMES.get(q));
                q++;
            }
            String label = (curves.isEmpty() ? "starting score " : "") + baseline + " ("
                    + String.join(" and ", names) + ")";
            XYSeries expected = new XYSeries(label, false, true);
            XYSeries threshold = new XYSeries(label + " threshold", false, true);
            expected.add(1, baseline);
            for (int k = ExpectedRecovery.MIN_K; k <= lastK; k++) {
                ExpectedRecovery model = models.get(k);
                expected.add(k, model == null ? null : Double.valueOf(model.expected(baseline)));
                threshold.add(k, model == null ? null : Double.valueOf(model.threshold(instrument, baseline)));
            }
            curves.add(new Curve(baseline, label, BASELINE_COLOURS.get(first), BASELINE_SHAPES.get(first), expected,
                    threshold));
        }
        return new Curves(List.copyOf(curves), lastK, referenceEpisodes);
    }
}
