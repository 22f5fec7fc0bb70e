package org.clinicaloutcomes.report.chart;

import static org.clinicaloutcomes.report.chart.ChartText.lines;
import static org.clinicaloutcomes.report.chart.ChartText.number;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.SmallNumbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The clinical-significance methods on one instrument side by side (SIGNIFICANCE.md, section 11;
 * sheet {@code Clinical significance}): one 100% stacked bar per method, from its row for all
 * approaches, split into the five categories of the combined approach (recovered, improved,
 * unchanged, deteriorated, harmed) where the method has them, else into the three of the method
 * alone (improved, unchanged, deteriorated). A method without a count (undefined for the
 * instrument) has no bar. Where suppression hides a count, the hidden part of the bar is one
 * hatched "not split" segment; where it hides the method's n, the bar is left out.
 */
public final class ClinicalSignificanceChart implements ReportChart {

    private static final String RECOVERED = "Recovered";
    private static final String IMPROVED = "Improved";
    private static final String UNCHANGED = "Unchanged";
    private static final String DETERIORATED = "Deteriorated";
    private static final String HARMED = "Harmed";
    private static final String NOT_SPLIT = "Not split (small numbers)";
    /** The rows of the dataset, in the order of the segments from left to right. */
    private static final List<String> SEGMENTS = List.of(RECOVERED, IMPROVED, UNCHANGED, DETERIORATED, HARMED,
            NOT_SPLIT);
    private static final int NOT_SPLIT_ROW = 5;

    /** Okabe–Ito blue and sky blue for the better categories, orange and vermillion for the worse. */
    private static final Color RECOVERED_COLOUR = new Color(0x00, 0x72, 0xB2);
    private static final Color IMPROVED_COLOUR = new Color(0x56, 0xB4, 0xE9);
    private static final Color DETERIORATED_COLOUR = new Color(0xE6, 0x9F, 0x00);
    private static final Color HARMED_COLOUR = new Color(0xD5, 0x5E, 0x00);
    private static final List<Color> COLOURS = List.of(RECOVERED_COLOUR, IMPROVED_COLOUR, ChartStyle.NO_CHANGE,
            DETERIORATED_COLOUR, HARMED_COLOUR, ChartStyle.NO_CHANGE_DARK);

    private final Instrument instrument;

    public ClinicalSignificanceChart(Instrument instrument) {
        this.instrument = instrument;
    }

    public static String file(String instrumentKey) {
        return "clinical-significance-" + instrumentKey + ".png";
    }

    /**
     * Whether the tables have a clinical-significance row with a count on this instrument (the
     * chart has something to draw).
     */
    public static boolean hasRows(OutcomeTables tables, String instrumentKey) {
        return tables.clinicalSignificance().stream()
                .anyMatch(r -> r.instrument().equals(instrumentKey) && r.n() != null);
    }

    /** The bars, one column per method shown, with the smallness of each. */
    private static final class Bars {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final List<Boolean> small = new ArrayList<>();
        boolean anyFiveWay;
        boolean anyThreeWay;
        boolean anyNotSplit;
        /** The cut-offs of the five-way bars: each value with the methods that used it, in bar order. */
        final Map<String, List<String>> cutoffs = new LinkedHashMap<>();
    }

    @Override
    public RenderedChart draw(ChartInput input) {
        Bars bars = bars(input);
        StackedBarRenderer renderer = renderer(bars);
        CategoryPlot plot = HorizontalShares.plot(bars.data, renderer,
                input.words("Share of the clients each method classified (%)"),
                "No clinical-significance results on " + instrument.name());
        String title = "Clinical significance on " + instrument.name() + " by method";
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        HorizontalShares.finish(plot, renderer, new PercentLabels(5.0, bars.small));
        plot.setFixedLegendItems(legend(bars));
        ChartStyle.caption(chart, lines(
                "All approaches; each method's statistics pooled over them; "
                        + (input.run().byWave() ? "baseline to final wave; " : "baseline to final score; ")
                        + input.cohort("closed episodes", " ") + ".",
                split(bars),
                cutoffs(bars),
                input.suppressionNote()));
        return ChartStyle.rendered(file(instrument.key()), title, OutcomesWorkbook.CLINICAL_SIGNIFICANCE, chart);
    }

    /** The bars' shares in percent: a row per segment, a column per method shown (for the tests). */
    CategoryDataset shares(ChartInput input) {
        return bars(input).data;
    }

    private Bars bars(ChartInput input) {
        Bars bars = new Bars();
        String file = TableSchemas.CLINICAL_SIGNIFICANCE.file();
        List<OutcomeTables.SignificanceRow> rows = input.tables().clinicalSignificance();
        for (int index = 0; index < rows.size(); index++) {
            OutcomeTables.SignificanceRow row = rows.get(index);
            if (!row.instrument().equals(instrument.key()) || !row.approach().equals(OutcomeTables.ALL)
                    || row.n() == null || row.n() == 0 || row.nImproved() == null
                    || input.hidden(file, index, "n", row.n())) {
                continue;
            }
            boolean fiveWay = row.nRecovered() != null && row.nImprovedNotRecovered() != null
                    && row.nHarmed() != null;
            String category = row.method() + " (n = " + row.n() + ")";
            Integer[] counts = new Integer[SEGMENTS.size()];
            boolean[] hidden = new boolean[SEGMENTS.size()];
            if (fiveWay) {
                counts[0] = row.nRecovered();
                counts[1] = row.nImprovedNotRecovered();
                counts[2] = row.nUnchanged();
                counts[3] = row.nDeteriorated() - row.nHarmed();
                counts[4] = row.nHarmed();
                hidden[0] = input.hidden(file, index, "n_recovered", 0);
                hidden[1] = input.hidden(file, index, "n_improved_not_recovered", 0);
                hidden[2] = input.hidden(file, index, "n_unchanged", 0);
                hidden[3] = input.hidden(file, index, TableSchemas.DETERIORATED_NOT_HARMED, 0);
                hidden[4] = input.hidden(file, index, "n_harmed", 0);
            } else {
                counts[1] = row.nImproved();
                counts[2] = row.nUnchanged();
                counts[3] = row.nDeteriorated();
                hidden[1] = input.hidden(file, index, "n_improved", 0);
                hidden[2] = input.hidden(file, index, "n_unchanged", 0);
                hidden[3] = input.hidden(file, index, "n_deteriorated", 0);
            }
            double n = row.n();
            int notSplit = 0;
            for (int s = 0; s < NOT_SPLIT_ROW; s++) {
                if (counts[s] != null && hidden[s]) {
                    notSplit += counts[s];
                    counts[s] = null;
                }
            }
            for (int s = 0; s < NOT_SPLIT_ROW; s++) {
                bars.data.addValue(counts[s] == null ? null : 100.0 * counts[s] / n, SEGMENTS.get(s), category);
            }
            bars.data.addValue(notSplit == 0 ? null : 100.0 * notSplit / n, NOT_SPLIT, category);
            bars.anyNotSplit |= notSplit > 0;
            bars.small.add(SmallNumbers.isSmall(row.n()));
            if (fiveWay) {
                bars.anyFiveWay = true;
                if (row.cutoff() != null) {
                    bars.cutoffs.computeIfAbsent(number(row.cutoff()), k -> new ArrayList<>()).add(row.method());
                }
            } else {
                bars.anyThreeWay = true;
            }
        }
        return bars;
    }

    /** What the segments mean where bars of both kinds stand together. */
    private static String split(Bars bars) {
        if (bars.anyFiveWay && bars.anyThreeWay) {
            return "Five categories with the cut-off (improved: not recovered; deteriorated: not harmed); "
                    + "three where the method has none.";
        }
        if (bars.anyFiveWay) {
            return "Improved: improved but not recovered; deteriorated: deteriorated but not harmed.";
        }
        return null;
    }

    /** The cut-offs of the five-way bars: {@code Cut-off 33.5 (JT, GLN, EN), 30.1 (HA)}. */
    private static String cutoffs(Bars bars) {
        if (bars.cutoffs.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        bars.cutoffs.forEach((value, methods) -> parts.add(value + " (" + String.join(", ", methods)
                + (methods.equals(List.of(SignificanceMethod.HA.label())) ? ", true scores" : "") + ")"));
        return "Cut-off between the clinical and the functional range: " + String.join(", ", parts) + ".";
    }

    private static StackedBarRenderer renderer(Bars bars) {
        return new StackedBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return row == NOT_SPLIT_ROW ? ChartStyle.hatched(ChartStyle.NO_CHANGE_DARK)
                        : ChartStyle.fill(COLOURS.get(row), bars.small.get(column));
            }

            @Override
            public Paint getItemLabelPaint(int row, int column) {
                Color base = COLOURS.get(row);
                return ChartStyle.textOn(bars.small.get(column) || row == NOT_SPLIT_ROW
                        ? ChartStyle.tint(base, 0.7) : base);
            }
        };
    }

    private static LegendItemCollection legend(Bars bars) {
        LegendItemCollection legend = new LegendItemCollection();
        for (int s = 0; s < NOT_SPLIT_ROW; s++) {
            if ((s == 0 || s == 4) && !bars.anyFiveWay) {
                continue;
            }
            legend.add(ChartStyle.swatch(SEGMENTS.get(s), COLOURS.get(s)));
        }
        if (bars.anyNotSplit) {
            legend.add(ChartStyle.swatch("not split (small numbers)", ChartStyle.hatched(ChartStyle.NO_CHANGE_DARK)));
        }
        if (bars.small.contains(true)) {
            legend.add(ChartStyle.hatchedSwatch());
        }
        return legend;
    }
}
