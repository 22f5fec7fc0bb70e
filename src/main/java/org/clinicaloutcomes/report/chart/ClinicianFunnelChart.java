package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.fixed;
import static org.clinicaloutcomes.report.chart.ChartText.lines;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;

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
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The clinician funnel plot of one instrument (sheet {@code Clinicians}): each clinician's
 * reliable-improvement rate against their n, inside the 95% and 99.8% limits around the practice
 * rate. The limits are drawn as curves with {@link FunnelLimits}, the formula of the clinician
 * table.
 */
public final class ClinicianFunnelChart implements ReportChart {

    private final Instrument instrument;

    public ClinicianFunnelChart(Instrument instrument) {
        this.instrument = instrument;
    }

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
        Clinicians clinicians = clinicians(input);
        int top = (int) Math.ceil(clinicians.maxN * 1.1) + 1;
        NumberAxis x = new NumberAxis("Clients with paired " + instrument.name() + " scores (n)");
        NumberAxis y = new NumberAxis("Reliable improvement (%)");
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true) {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                return clinicians.small.get(item) ? Color.WHITE : ChartStyle.TEXT;
            }
        };
        XYPlot plot = new XYPlot(new XYSeriesCollection(clinicians.points), x, y, pointRenderer);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(1, limits(clinicians.practice, top));
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setNoDataMessage("No clinician with paired " + instrument.name() + " scores in the window");
        String title = "Reliable improvement on " + instrument.name() + " by clinician (funnel plot)";
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
        y.setRange(0, 100);
        plot.setFixedLegendItems(legend(clinicians));
        ChartStyle.caption(chart, lines(
                "A clinician outside the limits differs from the practice rate by more than chance would explain at that n;"
                        + " case mix is not adjusted for.",
                "Closed episodes discharged " + input.window() + ".",
                input.suppressionNote()));
        return ChartStyle.rendered(file(instrument.key()), title, OutcomesWorkbook.CLINICIANS, chart);
    }

    private static Clinicians clinicians(ChartInput input) {
        Clinicians clinicians = new Clinicians();
        List<OutcomeTables.ClinicianRow> rows = input.tables().clinicians();
        for (int index = 0; index < rows.size(); index++) {
            OutcomeTables.ClinicianRow row = rows.get(index);
            if (row.practiceRiPct() != null) {
                clinicians.practice = row.practiceRiPct();
            }
            if (row.reliableImprovementPct() == null
                    || input.hidden(TableSchemas.CLINICIANS.file(), index, "n_paired", row.nPaired())
                    || input.hidden(TableSchemas.CLINICIANS.file(), index, "n_reliable_improvement", 0)) {
                continue;
            }
            XYSeries points = clinicians.points;
            int same = -1;
            for (int i = 0; i < points.getItemCount(); i++) {
                if (points.getX(i).doubleValue() == row.nPaired()
                        && points.getY(i).doubleValue() == row.reliableImprovementPct()) {
                    same = i;
                }
            }
            points.add(row.nPaired(), row.reliableImprovementPct());
            if (same >= 0) {
                // Clinicians at the same point share one label.
                clinicians.ids.set(same, clinicians.ids.get(same) + ", " + row.clinicianId());
                clinicians.ids.add(null);
            } else {
                clinicians.ids.add(row.clinicianId());
            }
            clinicians.small.add(SmallNumbers.isSmall(row.nPaired()));
            clinicians.maxN = Math.max(clinicians.maxN, row.nPaired());
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

    /** Filled or open circles, each labelled with its clinician(s) to the right. */
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
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(5);
    }

    private static LegendItemCollection legend(Clinicians clinicians) {
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.marker("clinician", ChartStyle.circle(9), ChartStyle.TEXT, true));
        if (clinicians.small.contains(true)) {
            legend.add(ChartStyle.marker("open: n \u2264 10", ChartStyle.circle(9), ChartStyle.TEXT, false));
        }
        if (clinicians.practice != null) {
            legend.add(ChartStyle.line("practice rate (" + fixed(clinicians.practice, 0) + "%)", ChartStyle.REFERENCE,
                    new BasicStroke(1.8f)));
            legend.add(ChartStyle.line("95% limits", ChartStyle.REFERENCE, ChartStyle.DASHED));
            legend.add(ChartStyle.line("99.8% limits", ChartStyle.REFERENCE, ChartStyle.DOTTED));
        }
        return legend;
    }
}
