package org.clinicaloutcomes.report.chart;

import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/**
 * The plot of the 100 % stacked bar charts (reliable change by approach, clinical significance by
 * method): horizontal bars, shares 0–100 % on the bottom axis in steps of 20, percentage labels on
 * the larger segments. One look for both, written once.
 */
final class HorizontalShares {

    private HorizontalShares() {
    }

    /** The plot of {@code data}, drawn by {@code renderer}, before the chart styles it. */
    static CategoryPlot plot(CategoryDataset data, StackedBarRenderer renderer, String valueAxis, String noData) {
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), new NumberAxis(valueAxis), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setNoDataMessage(noData);
        return plot;
    }

    /** The bars' labels, outlines and axes, once the chart has styled the plot. */
    static void finish(CategoryPlot plot, StackedBarRenderer renderer, PercentLabels labels) {
        renderer.setDefaultItemLabelGenerator(labels);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.TICK_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        renderer.setMaximumBarWidth(0.16);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(ChartStyle.THIN);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        ChartStyle.ticks(values, false);
        values.setRange(0, 100);
        values.setTickUnit(new NumberTickUnit(20, new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(ChartStyle.TICK_FONT);
        categories.setCategoryMargin(0.25);
    }
}
