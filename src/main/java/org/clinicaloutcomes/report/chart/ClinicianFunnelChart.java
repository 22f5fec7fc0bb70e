package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.fixed;
import static org.clinicaloutcomes.report.chart.ChartText.lines;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.FunnelLimits;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.Interval;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.SmallNumbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A clinician funnel plot (sheet {@code Clinicians}) of one rate of the clinician table, a
 * {@link Metric}: each clinician's rate against their n, inside the 95% and 99.8% limits around
 * the practice rate. The limits are drawn as curves with {@link FunnelLimits}, the formula of the
 * clinician table, so the points and the curves agree with its limit and band columns. Two
 * funnels: reliable improvement on the primary instrument (n = paired episodes; higher is
 * better) and dropout (n = closed episodes; lower is better).
 */
public final class ClinicianFunnelChart implements ReportChart {

    /** The rate a funnel plots, with its n, its practice rate and the words of its chart. */
    public enum Metric {
        /** Reliable improvement over the paired episodes; the clinician's band is {@code reliable_improvement_band}. */
        RELIABLE_IMPROVEMENT("n_paired", "n_reliable_improvement", true, OutcomeTables.ClinicianRow::nPaired,
                OutcomeTables.ClinicianRow::reliableImprovementPct, OutcomeTables.ClinicianRow::practiceRiPct,
                instrument -> ClinicianFunnelChart.file(instrument.key()),
                instrument -> "Reliable improvement on " + instrument.name() + " by clinician (higher is better)",
                instrument -> "Clients with before-and-after " + instrument.name() + " scores (n)",
                "Clients who improved reliably (%)",
                instrument -> "No clinician with before-and-after " + instrument.name() + " scores in the window"),
        /** Dropout over the closed episodes; the clinician's band is {@code dropout_band}. */
        DROPOUT("n_closed", "n_dropout", false, OutcomeTables.ClinicianRow::nClosed,
                OutcomeTables.ClinicianRow::dropoutPct, OutcomeTables.ClinicianRow::practiceDropoutPct,
                instrument -> DROPOUT_FILE,
                instrument -> "Dropout by clinician (lower is better)",
                instrument -> "Clients discharged in the window (n)",
                "Clients who dropped out (%)",
                instrument -> "No clinician with a client discharged in the window");

        /** The count columns behind a point: its n and the rate's numerator. */
        private final String nColumn;
        private final String countColumn;
        private final boolean higherIsBetter;
        private final ToIntFunction<OutcomeTables.ClinicianRow> n;
        private final Function<OutcomeTables.ClinicianRow, Double> rate;
        private final Function<OutcomeTables.ClinicianRow, Double> practice;
        private final Function<Instrument, String> file;
        private final Function<Instrument, String> title;
        private final Function<Instrument, String> xLabel;
        private final String yLabel;
        private final Function<Instrument, String> noData;

        Metric(String nColumn, String countColumn, boolean higherIsBetter, ToIntFunction<OutcomeTables.ClinicianRow> n,
               Function<OutcomeTables.ClinicianRow, Double> rate, Function<OutcomeTables.ClinicianRow, Double> practice,
               Function<Instrument, String> file, Function<Instrument, String> title,
               Function<Instrument, String> xLabel, String yLabel, Function<Instrument, String> noData) {
            this.nColumn = nColumn;
            this.countColumn = countColumn;
            this.higherIsBetter = higherIsBetter;
            this.n = n;
            this.rate = rate;
            this.practice = practice;
            this.file = file;
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            this.noData = noData;
        }

        /** Whether a higher rate is the better one (reliable improvement), or a lower (dropout). */
        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        int n(OutcomeTables.ClinicianRow row) {
            return n.applyAsInt(row);
        }

        Double rate(OutcomeTables.ClinicianRow row) {
            return rate.apply(row);
        }

        Double practice(OutcomeTables.ClinicianRow row) {
            return practice.apply(row);
        }

        String file(Instrument instrument) {
            return file.apply(instrument);
        }

        String title(Instrument instrument) {
            return title.apply(instrument);
        }

        String xLabel(Instrument instrument) {
            return xLabel.apply(instrument);
        }

        String yLabel() {
            return yLabel;
        }

        String noData(Instrument instrument) {
            return noData.apply(instrument);
        }
    }

    /** File of the dropout funnel (dropout is not measured on an instrument). */
    public static final String DROPOUT_FILE = "clinician-dropout-funnel.png";

    private final Instrument instrument;
    private final Metric metric;

    /** The funnel of {@code metric}; the clinician table is on {@code instrument}, the primary one. */
    public ClinicianFunnelChart(Instrument instrument, Metric metric) {
        this.instrument = instrument;
        this.metric = metric;
    }

    /** The file of the reliable improvement funnel of an instrument. */
    public static String file(String instrumentKey) {
        return "clinician-funnel-" + instrumentKey + ".png";
    }

    /**
     * The clinic sizes at which the funnel's limits are drawn: every n up to 100, then steps of
     * 1 % (and {@code top} itself). The limits are smooth in n, so at the chart's width this draws
     * the same curves as every n would, but in hundreds of points rather than one per client of
     * the largest caseload.
     */
    static List<Integer> limitSizes(int top) {
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

    /** The clinicians' points, their labels, and the practice rate of the table (if any). */
    private static final class Clinicians {
        final XYSeries points = new XYSeries("Clinicians", false, true);
        /** Label of each point; {@code null} where the point repeats an earlier one, which carries both ids. */
        final List<String> ids = new ArrayList<>();
        final List<Boolean> small = new ArrayList<>();
        Double practice;
        int maxN = 1;
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        Clinicians clinicians = clinicians(input, metric);
        int top = (int) Math.ceil(clinicians.maxN * 1.1) + 1;
        NumberAxis x = new NumberAxis(input.words(metric.xLabel(instrument)));
        NumberAxis y = new NumberAxis(input.words(metric.yLabel()));
        boolean[] labelLeft = labelsLeft(clinicians, top);
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true) {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                return clinicians.small.get(item) ? Color.WHITE : ChartStyle.TEXT;
            }

            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
                return labelLeft[item] ? LABEL_LEFT : LABEL_RIGHT;
            }
        };
        XYPlot plot = new XYPlot(new XYSeriesCollection(clinicians.points), x, y, pointRenderer);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(1, limits(clinicians.practice, top));
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setNoDataMessage(input.words(metric.noData(instrument)));
        String title = metric.title(instrument);
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        stylePoints(pointRenderer, clinicians.ids);
        lineRenderer.setSeriesPaint(0, ChartStyle.REFERENCE);
        lineRenderer.setSeriesStroke(0, new BasicStroke(1.8f));
        for (int s = 1; s <= 4; s++) {
            lineRenderer.setSeriesPaint(s, ChartStyle.REFERENCE);
            lineRenderer.setSeriesStroke(s, s <= 2 ? ChartStyle.DASHED : ChartStyle.DOTTED);
        }
        ChartStyle.ticks(x, true);
        ChartStyle.ticks(y, false);
        x.setRange(0, top);
        // A little room beyond 0 and 100, so that limits clamped there are not hidden by the frame.
        y.setRange(-Y_MARGIN, 100 + Y_MARGIN);
        y.setTickUnit(new NumberTickUnit(10));
        plot.setFixedLegendItems(legend(clinicians, input));
        ChartStyle.caption(chart, lines(
                input.words("Funnel plot: a clinician outside the limits differs from the practice rate by more than "
                        + "chance would explain at that n;"),
                "case mix is not adjusted for. " + (metric.higherIsBetter() ? "Higher" : "Lower")
                        + " is better. " + input.cohort("Closed episodes", " ") + ".",
                input.suppressionNote()));
        return ChartStyle.rendered(metric.file(instrument), title, OutcomesWorkbook.CLINICIANS, chart);
    }

    /** Room above 100 % and below 0 % on the rate axis, in percentage points. */
    private static final double Y_MARGIN = 2.0;

    private static final ItemLabelPosition LABEL_RIGHT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
            TextAnchor.CENTER_LEFT);
    private static final ItemLabelPosition LABEL_LEFT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9,
            TextAnchor.CENTER_RIGHT);
    /** The plot area of a chart, about: pixels across the n axis and down the 104 points of the rate axis. */
    private static final double PLOT_WIDTH_PX = 800;
    private static final double PLOT_HEIGHT_PX = 330;
    private static final double LABEL_OFFSET_PX = 5;
    private static final double MARKER_RADIUS_PX = 5;
    private static final FontRenderContext TEXT_CONTEXT = new FontRenderContext(null, true, true);

    /**
     * Which labels go to the left of their point: those whose label to the right would cover
     * more of the other clinicians' points than a label to the left (two clinicians close
     * together, such as 7.7 % at n = 13 and 7.1 % at n = 14), estimated on the chart's plot area.
     */
    private static boolean[] labelsLeft(Clinicians clinicians, int top) {
        XYSeries points = clinicians.points;
        int count = points.getItemCount();
        boolean[] left = new boolean[count];
        double pxPerN = PLOT_WIDTH_PX / top;
        double pxPerPoint = PLOT_HEIGHT_PX / (100 + 2 * Y_MARGIN);
        // A point counts as covered when it is within about half a line of the label's middle (a
        // marker grazing the label's edge reads well enough and is not worth moving the label for).
        double halfHeight = ChartStyle.NOTE_FONT.getSize2D() * 0.5 + 1;
        for (int i = 0; i < count; i++) {
            String label = clinicians.ids.get(i);
            if (label == null) {
                continue;
            }
            double width = ChartStyle.NOTE_FONT.getStringBounds(label, TEXT_CONTEXT).getWidth();
            double x = points.getX(i).doubleValue() * pxPerN;
            double y = points.getY(i).doubleValue() * pxPerPoint;
            double reach = LABEL_OFFSET_PX + width + MARKER_RADIUS_PX;
            int coveredRight = 0;
            int coveredLeft = 0;
            for (int j = 0; j < count; j++) {
                double dx = points.getX(j).doubleValue() * pxPerN - x;
                double dy = points.getY(j).doubleValue() * pxPerPoint - y;
                if (j == i || Math.abs(dy) >= halfHeight) {
                    continue;
                }
                coveredRight += dx > 0 && dx < reach ? 1 : 0;
                coveredLeft += dx < 0 && -dx < reach ? 1 : 0;
            }
            left[i] = coveredLeft < coveredRight;
        }
        return left;
    }

    private static Clinicians clinicians(ChartInput input, Metric metric) {
        Clinicians clinicians = new Clinicians();
        List<OutcomeTables.ClinicianRow> rows = input.tables().clinicians();
        for (int index = 0; index < rows.size(); index++) {
            OutcomeTables.ClinicianRow row = rows.get(index);
            if (metric.practice(row) != null) {
                clinicians.practice = metric.practice(row);
            }
            Double rate = metric.rate(row);
            int n = metric.n(row);
            if (rate == null
                    || input.hidden(TableSchemas.CLINICIANS.file(), index, metric.nColumn, n)
                    || input.hidden(TableSchemas.CLINICIANS.file(), index, metric.countColumn, 0)) {
                continue;
            }
            XYSeries points = clinicians.points;
            int same = -1;
            for (int i = 0; i < points.getItemCount(); i++) {
                if (points.getX(i).doubleValue() == n && points.getY(i).doubleValue() == rate) {
                    same = i;
                }
            }
            points.add(n, rate);
            if (same >= 0) {
                // Clinicians at the same point share one label.
                clinicians.ids.set(same, clinicians.ids.get(same) + ", " + row.clinicianId());
                clinicians.ids.add(null);
            } else {
                clinicians.ids.add(row.clinicianId());
            }
            clinicians.small.add(SmallNumbers.isSmall(n));
            clinicians.maxN = Math.max(clinicians.maxN, n);
        }
        return clinicians;
    }

    /** The practice rate and its 95% and 99.8% limits up to {@code top}; none without a practice rate. */
    private static XYSeriesCollection limits(Double practice, int top) {
        XYSeriesCollection limits = new XYSeriesCollection();
        if (practice == null) {
            return limits;
        }
        double p = practice / 100.0;
        XYSeries centre = new XYSeries("practice rate", false, true);
        XYSeries low95 = new XYSeries("95% low", false, true);
        XYSeries high95 = new XYSeries("95% high", false, true);
        XYSeries low998 = new XYSeries("99.8% low", false, true);
        XYSeries high998 = new XYSeries("99.8% high", false, true);
        for (int n : limitSizes(top)) {
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
        return limits;
    }

    /** Filled or open circles, each labelled with its clinician(s), to the right unless that covers a point. */
    private static void stylePoints(XYLineAndShapeRenderer renderer, List<String> ids) {
        renderer.setSeriesPaint(0, ChartStyle.TEXT);
        renderer.setSeriesShape(0, ChartStyle.circle(9));
        renderer.setUseFillPaint(true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(1.6f));
        renderer.setDefaultItemLabelGenerator((dataset, series, item) -> ids.get(item));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.NOTE_FONT);
        renderer.setDefaultItemLabelPaint(ChartStyle.NOTE_TEXT);
        renderer.setDefaultPositiveItemLabelPosition(LABEL_RIGHT);
        renderer.setItemLabelAnchorOffset(5);
    }

    private static LegendItemCollection legend(Clinicians clinicians, ChartInput input) {
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.marker("clinician", ChartStyle.circle(9), ChartStyle.TEXT, true));
        if (clinicians.small.contains(true)) {
            legend.add(ChartStyle.marker("hollow: n \u2264 10", ChartStyle.circle(9), ChartStyle.TEXT, false));
        }
        if (clinicians.practice != null) {
            legend.add(ChartStyle.line(input.words("practice rate (") + fixed(clinicians.practice, 0) + "%)", ChartStyle.REFERENCE,
                    new BasicStroke(1.8f)));
            legend.add(ChartStyle.line("95% limits", ChartStyle.REFERENCE, ChartStyle.DASHED));
            legend.add(ChartStyle.line("99.8% limits", ChartStyle.REFERENCE, ChartStyle.DOTTED));
        }
        return legend;
    }
}
