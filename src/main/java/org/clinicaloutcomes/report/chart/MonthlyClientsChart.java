package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.lines;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Intakes, discharges and caseload by month for all approaches together (sheet {@code Over
 * time}, monthly runs only): the {@code intakes}, {@code discharges} and {@code caseload} cells of
 * the ALL rows of {@code monthly_series.csv}, one line each, told apart by colour, marker and
 * dash. A count that suppression hides is a gap.
 */
public final class MonthlyClientsChart implements ReportChart {

    public static final String FILE = "monthly-clients.png";

    /** A line of the chart: the column it draws, its words, and its look (Okabe–Ito colours). */
    private record Line(String column, String label, ToIntFunction<OutcomeTables.SeriesRow> count, Color colour,
                        Shape shape, Stroke stroke) {
    }

    private static final List<Line> LINES = List.of(
            new Line("caseload", "clients seen (caseload)", OutcomeTables.SeriesRow::caseload, ChartStyle.TEXT,
                    ChartStyle.circle(8), new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)),
            new Line("intakes", "new clients (intakes)", OutcomeTables.SeriesRow::intakes, new Color(0x00, 0x72, 0xB2),
                    ChartStyle.square(4), new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)),
            new Line("discharges", "clients discharged", OutcomeTables.SeriesRow::discharges,
                    new Color(0xD5, 0x5E, 0x00), ChartStyle.diamond(5.5),
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f)));

    @Override
    public RenderedChart draw(ChartInput input) {
        List<String> months = months(input);
        XYSeriesCollection data = counts(input);
        boolean gaps = false;
        double max = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int item = 0; item < data.getItemCount(s); item++) {
                Number count = data.getY(s, item);
                gaps |= count == null;
                max = count == null ? max : Math.max(max, count.doubleValue());
            }
        }
        MonthAxis x = new MonthAxis("Month", months);
        NumberAxis y = new NumberAxis("Clients");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setNoDataMessage("No month in the series");
        String title = "Clients by month, all approaches";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        LegendItemCollection legend = new LegendItemCollection();
        for (int s = 0; s < LINES.size(); s++) {
            Line line = LINES.get(s);
            renderer.setSeriesPaint(s, line.colour());
            renderer.setSeriesShape(s, line.shape());
            renderer.setSeriesStroke(s, line.stroke());
            legend.add(ChartStyle.marker(line.label(), line.shape(), line.colour(), true));
        }
        renderer.setDrawSeriesLineAsPath(false);
        plot.setFixedLegendItems(data.getSeriesCount() == 0 ? new LegendItemCollection() : legend);
        ChartStyle.ticks(y, true);
        y.setAutoRangeIncludesZero(true);
        if (max < 10) {
            // A few clients (or none shown): an axis of 0 to 10 rather than one squeezed around 0.
            y.setRange(0, 10);
        }
        ChartStyle.caption(chart, lines(
                "Clients seen: at least one attended session in the month. New clients: intake in the month."
                        + " Clients discharged: every reason (completed, dropout, referred, other).",
                gaps ? "Gaps: counts of 1\u201310 that suppression hides." : null,
                input.suppressionNote()));
        return ChartStyle.rendered(FILE, title, OutcomesWorkbook.OVER_TIME, chart);
    }

    /** The months of the series, oldest first. */
    static List<String> months(ChartInput input) {
        List<OutcomeTables.SeriesRow> series = input.tables().monthlySeries();
        List<String> months = new ArrayList<>();
        for (int index : MonthAxis.allRows(series)) {
            months.add(series.get(index).month());
        }
        return months;
    }

    /**
     * One series per line (caseload, intakes, discharges), its item {@code t} the count of month
     * {@code t} of the series ({@code null} where suppression hides it); none for an empty series.
     */
    static XYSeriesCollection counts(ChartInput input) {
        List<OutcomeTables.SeriesRow> series = input.tables().monthlySeries();
        List<Integer> all = MonthAxis.allRows(series);
        XYSeriesCollection data = new XYSeriesCollection();
        if (all.isEmpty()) {
            return data;
        }
        for (Line line : LINES) {
            XYSeries points = new XYSeries(line.label(), false, true);
            for (int t = 0; t < all.size(); t++) {
                int index = all.get(t);
                int count = line.count().applyAsInt(series.get(index));
                boolean hidden = input.hidden(TableSchemas.MONTHLY_SERIES.file(), index, line.column(), count);
                points.add(t, hidden ? null : Integer.valueOf(count));
            }
            data.addSeries(points);
        }
        return data;
    }
}
