package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.groupLabel;
import static org.clinicaloutcomes.report.chart.ChartText.lines;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.Pcl5Clusters;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.SmallNumbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The mean change of each PCL-5 symptom cluster (B to E), one bar per approach and ALL (sheet
 * {@code Symptom clusters}). Drawn only when the tables have cluster rows.
 */
public final class Pcl5ClustersChart implements ReportChart {

    public static final String FILE = "pcl5-clusters.png";

    /** One bar series per group shown, with its fill and legend entry. */
    private static final class Bars {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final List<Paint> paints = new ArrayList<>();
        final LegendItemCollection legend = new LegendItemCollection();
        boolean anySmall;
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        Bars bars = bars(input);
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis("Mean change in cluster score (points, last \u2212 first; lower is better)");
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(bars.data, categories, values, renderer);
        plot.setNoDataMessage("No closed episodes with itemised baseline and final PCL-5 in the window");
        String title = "PCL-5 symptom clusters: mean change by approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        for (int s = 0; s < bars.paints.size(); s++) {
            renderer.setSeriesPaint(s, bars.paints.get(s));
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
        plot.addRangeMarker(ChartStyle.zeroLine(), Layer.FOREGROUND);
        if (bars.anySmall) {
            bars.legend.add(ChartStyle.hatchedSwatch());
        }
        plot.setFixedLegendItems(bars.legend);
        ChartStyle.caption(chart, lines(
                "Below zero = fewer symptoms. Items (score range): B 1\u20135 (0\u201320), C 6\u20137 (0\u20138), "
                        + "D 8\u201314 (0\u201328), E 15\u201320 (0\u201324).",
                input.cohort("Closed episodes whose first and last PCL-5 carry the 20 items", ", ") + ".",
                input.design(),
                input.suppressionNote()));
        return ChartStyle.rendered(FILE, title, OutcomesWorkbook.SYMPTOM_CLUSTERS, chart);
    }

    private static Bars bars(ChartInput input) {
        Bars bars = new Bars();
        List<String> groups = new ArrayList<>(input.approaches());
        groups.add(OutcomeTables.ALL);
        List<OutcomeTables.ClusterRow> clusters = input.tables().pcl5Clusters();
        for (String group : groups) {
            List<OutcomeTables.ClusterRow> rows = new ArrayList<>();
            boolean hide = false;
            for (int index = 0; index < clusters.size(); index++) {
                OutcomeTables.ClusterRow row = clusters.get(index);
                if (row.approach().equals(group)) {
                    rows.add(row);
                    hide |= input.hidden(TableSchemas.PCL5_CLUSTERS.file(), index, "n", row.n());
                }
            }
            if (rows.isEmpty() || rows.get(0).n() == 0 || hide) {
                continue;
            }
            int n = rows.get(0).n();
            String key = groupLabel(group, n);
            for (OutcomeTables.ClusterRow row : rows) {
                bars.data.addValue(row.changeMean(), key, clusterLabel(row.cluster()));
            }
            boolean isSmall = SmallNumbers.isSmall(n);
            bars.anySmall |= isSmall;
            Paint paint = ChartStyle.fill(ChartStyle.colour(input.approaches(), group), isSmall);
            bars.paints.add(paint);
            bars.legend.add(ChartStyle.swatch(key, paint));
        }
        return bars;
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
}
