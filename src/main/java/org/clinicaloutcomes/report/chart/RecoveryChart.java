package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.fixed;
import static org.clinicaloutcomes.report.chart.ChartText.groupLabel;
import static org.clinicaloutcomes.report.chart.ChartText.lines;
import static org.clinicaloutcomes.report.chart.ChartText.number;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
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
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The recovery rate on one instrument per approach, with its 95% (Wilson) CI as a whisker on each
 * bar (sheet {@code By approach}). An instrument without a cut-off has no recovery: the chart
 * says so instead.
 */
public final class RecoveryChart implements ReportChart {

    private final Instrument instrument;

    public RecoveryChart(Instrument instrument) {
        this.instrument = instrument;
    }

    public static String file(String instrumentKey) {
        return "recovery-" + instrumentKey + ".png";
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        WhiskerBarRenderer renderer = new WhiskerBarRenderer();
        if (instrument.hasCutoff()) {
            addRates(input, data, renderer);
        }
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis(input.words("Recovered (% of clients who started in the clinical range)"));
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setNoDataMessage(instrument.hasCutoff()
                ? input.words("No clients in the clinical range of ") + instrument.name() + " at baseline in the window"
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
        if (renderer.small.contains(true)) {
            legend.add(ChartStyle.hatchedSwatch());
        }
        plot.setFixedLegendItems(legend);
        ChartStyle.caption(chart, lines(
                input.words("n = clients at or above the cut-off") + (instrument.hasCutoff() ? " (" + number(instrument.cutoff()) + ")" : "")
                        + " at baseline; recovered = final score below it. " + input.cohort("Closed episodes", " ")
                        + ".",
                input.design(),
                input.suppressionNote()));
        return ChartStyle.rendered(file(instrument.key()), title, OutcomesWorkbook.BY_APPROACH, chart);
    }

    /** One bar per group with clients in the clinical range at baseline, and its whisker. */
    private void addRates(ChartInput input, DefaultCategoryDataset data, WhiskerBarRenderer bars) {
        for (int index : input.rows(instrument)) {
            OutcomeTables.ApproachRow row = input.tables().outcomesByApproach().get(index);
            GroupOutcomes g = row.outcomes();
            int cases = g.nCases() == null ? 0 : g.nCases();
            if (cases == 0 || g.recoveryPct() == null
                    || input.hidden(TableSchemas.OUTCOMES_BY_APPROACH.file(), index, "n_cases", cases)) {
                continue;
            }
            data.addValue(g.recoveryPct(), "Recovery", groupLabel(row.approach(), cases));
            bars.colours.add(ChartStyle.colour(input.approaches(), row.approach()));
            bars.small.add(SmallNumbers.isSmall(cases));
            bars.whiskers.add(g.recoveryCiLow() == null || g.recoveryCiHigh() == null ? null
                    : new double[] {g.recoveryCiLow(), g.recoveryCiHigh()});
        }
    }

    /** Bars in the group's colour (hatched when small) with a 95% CI whisker on each. */
    private static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final List<Color> colours = new ArrayList<>();
        private final List<Boolean> small = new ArrayList<>();
        private final List<double[]> whiskers = new ArrayList<>();

        @Override
        public Paint getItemPaint(int row, int column) {
            return ChartStyle.fill(colours.get(column), small.get(column));
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset,
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
            g2.setStroke(new BasicStroke(1.8f));
            g2.draw(new Line2D.Double(x, yLow, x, yHigh));
            g2.draw(new Line2D.Double(x - cap, yLow, x + cap, yLow));
            g2.draw(new Line2D.Double(x - cap, yHigh, x + cap, yHigh));
            // The rate, just above the bar's top, right of the whisker (on the white background).
            Number value = dataset.getValue(row, column);
            if (value != null) {
                double yTop = rangeAxis.valueToJava2D(value.doubleValue(), dataArea, plot.getRangeAxisEdge());
                g2.setFont(ChartStyle.TICK_FONT);
                g2.setPaint(ChartStyle.TEXT);
                TextUtils.drawAlignedString(fixed(value.doubleValue(), 0) + "%", g2,
                        (float) (x + cap + 4), (float) (yTop - 4), TextAnchor.BOTTOM_LEFT);
            }
        }
    }
}
