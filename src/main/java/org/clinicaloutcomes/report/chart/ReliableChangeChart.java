package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.groupLabel;
import static org.clinicaloutcomes.report.chart.ChartText.lines;
import static org.clinicaloutcomes.report.chart.ChartText.number;

import java.awt.Color;
import java.awt.Paint;
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
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Reliable improvement / no reliable change / reliable deterioration on one instrument as 100%
 * stacked bars per approach (sheet {@code Reliable change}). Where suppression hides the
 * deterioration count, the rest of the bar is one hatched "not split" segment.
 */
public final class ReliableChangeChart implements ReportChart {

    private static final String IMPROVEMENT = "Reliable improvement";
    private static final String NO_CHANGE = "No reliable change";
    private static final String DETERIORATION = "Reliable deterioration";
    private static final String NOT_SPLIT = "No reliable change or deterioration (not split: small numbers)";
    /** Row of {@link #NOT_SPLIT} in the dataset (the rows are added in the order above). */
    private static final int NOT_SPLIT_ROW = 3;

    private final Instrument instrument;

    public ReliableChangeChart(Instrument instrument) {
        this.instrument = instrument;
    }

    public static String file(String instrumentKey) {
        return "reliable-change-" + instrumentKey + ".png";
    }

    /** The bars, one column per group shown, with the colour and smallness of each. */
    private static final class Shares {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final List<Color> colours = new ArrayList<>();
        final List<Boolean> small = new ArrayList<>();
        boolean anyNotSplit;
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        Shares shares = shares(input);
        StackedBarRenderer renderer = renderer(shares);
        CategoryPlot plot = HorizontalShares.plot(shares.data, renderer, input.words("Share of clients with before-and-after scores (%)"),
                "No closed episodes with paired " + instrument.name() + " scores in the window");
        String title = "Reliable change on " + instrument.name() + " by approach";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        // Labels on the larger segments; none on small groups, whose shares change with one client.
        HorizontalShares.finish(plot, renderer, new PercentLabels(4.0, shares.small));
        plot.setFixedLegendItems(legend(shares));
        ChartStyle.caption(chart, lines(
                "Change of at least " + number(instrument.reliableChange()) + " points (the reliable-change threshold), "
                        + (input.run().byWave() ? "baseline to final wave; " : "first to last score; ")
                        + input.cohort("closed episodes", " ") + ".",
                input.design(),
                input.suppressionNote()));
        return ChartStyle.rendered(file(instrument.key()), title, OutcomesWorkbook.RELIABLE_CHANGE, chart);
    }

    private Shares shares(ChartInput input) {
        Shares shares = new Shares();
        for (int index : input.rows(instrument)) {
            OutcomeTables.ApproachRow row = input.tables().outcomesByApproach().get(index);
            GroupOutcomes g = row.outcomes();
            String file = TableSchemas.OUTCOMES_BY_APPROACH.file();
            if (g.nPaired() == 0 || g.reliableImprovementPct() == null
                    || input.hidden(file, index, "n_paired", g.nPaired())
                    || input.hidden(file, index, "n_reliable_improvement", 0)) {
                continue;
            }
            String category = groupLabel(row.approach(), g.nPaired());
            shares.data.addValue(g.reliableImprovementPct(), IMPROVEMENT, category);
            if (g.reliableDeteriorationPct() == null || input.hidden(file, index, "n_reliable_deterioration", 0)) {
                // Suppression hides the deterioration count: show the rest as one segment.
                shares.data.addValue(null, NO_CHANGE, category);
                shares.data.addValue(null, DETERIORATION, category);
                shares.data.addValue(100.0 - g.reliableImprovementPct(), NOT_SPLIT, category);
                shares.anyNotSplit = true;
            } else {
                shares.data.addValue(g.noReliableChangePct(), NO_CHANGE, category);
                shares.data.addValue(g.reliableDeteriorationPct(), DETERIORATION, category);
                shares.data.addValue(null, NOT_SPLIT, category);
            }
            shares.colours.add(ChartStyle.colour(input.approaches(), row.approach()));
            shares.small.add(SmallNumbers.isSmall(g.nPaired()));
        }
        return shares;
    }

    private static StackedBarRenderer renderer(Shares shares) {
        return new StackedBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return row == NOT_SPLIT_ROW ? ChartStyle.hatched(ChartStyle.NO_CHANGE_DARK)
                        : ChartStyle.fill(base(row, column), shares.small.get(column));
            }

            @Override
            public Paint getItemLabelPaint(int row, int column) {
                return ChartStyle.textOn(shares.small.get(column) || row == NOT_SPLIT_ROW
                        ? ChartStyle.tint(base(row, column), 0.7) : base(row, column));
            }

            private Color base(int row, int column) {
                return row == 0 ? shares.colours.get(column)
                        : row == 2 ? ChartStyle.DETERIORATION : ChartStyle.NO_CHANGE;
            }
        };
    }

    private static LegendItemCollection legend(Shares shares) {
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ChartStyle.swatch(IMPROVEMENT + " (approach colour)", ChartStyle.stripes(shares.colours.isEmpty()
                ? List.of(ChartStyle.ALL_COLOUR) : shares.colours)));
        legend.add(ChartStyle.swatch(NO_CHANGE, ChartStyle.NO_CHANGE));
        legend.add(ChartStyle.swatch(DETERIORATION, ChartStyle.DETERIORATION));
        if (shares.anyNotSplit) {
            legend.add(ChartStyle.swatch("not split (small numbers)", ChartStyle.hatched(ChartStyle.NO_CHANGE_DARK)));
        }
        if (shares.small.contains(true)) {
            legend.add(ChartStyle.hatchedSwatch());
        }
        return legend;
    }
}
