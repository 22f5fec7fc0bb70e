package org.clinicaloutcomes.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.clinicaloutcomes.analysis.CohortFixture;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.OutcomeTables.SeriesRow;
import org.clinicaloutcomes.metrics.SpcWords;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.RunDescription;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The two charts of the monthly series: what they plot is the ALL rows of {@code monthly_series}
 * (gaps where a month has no value or suppression hides it), the signal months named in the words
 * of {@link SpcWords}, and the same tables give the same bytes.
 */
class MonthlyChartsTest {

    private static final OutcomeTables TABLES = CohortFixture.analyse(true);
    private static final OutcomeTables SIGNALS = SignalSeries.withSignals(TABLES);

    private static RunDescription run(boolean suppression) {
        return new RunDescription("test", "monthly", "monthly", CohortFixture.WINDOW, CohortFixture.INSTRUMENTS,
                "test instruments", CohortFixture.APPROACHES, "pcl5", suppression, new LinkedHashMap<>());
    }

    private static List<SeriesRow> allRows(OutcomeTables tables) {
        return tables.monthlySeries().stream().filter(r -> r.approach().equals(OutcomeTables.ALL)).toList();
    }

    @Test
    void theRatesAreTheAllRowsOfTheSeriesWithGapsAndTheirLimitsAsSteps() {
        MonthlyImprovementChart.Months months = MonthlyImprovementChart.months(new ChartInput(TABLES, run(false)));
        List<SeriesRow> all = allRows(TABLES);
        assertThat(all).hasSize(24);
        assertThat(months.labels).containsExactlyElementsOf(all.stream().map(SeriesRow::month).toList());
        assertThat(months.labels).startsWith("2024-07").endsWith("2026-06");
        int live = 0;
        for (int t = 0; t < all.size(); t++) {
            SeriesRow row = all.get(t);
            assertThat(months.rates.getX(t).intValue()).isEqualTo(t);
            if (row.nPaired() == 0) {
                assertThat(months.rates.getY(t)).as(row.month()).isNull();
            } else {
                assertThat(months.rates.getY(t).doubleValue()).isEqualTo(row.reliableImprovementPct());
                live++;
            }
            Number rolling = months.rolling.getY(t);
            assertThat(rolling == null ? null : rolling.doubleValue()).isEqualTo(row.reliableImprovementPct12m());
        }
        // CohortFixture: A1 (May 2026, improved), B0 (April), A2 (June), B1 (January) and the
        // like: the centre line is the series' own.
        assertThat(live).isPositive();
        assertThat(months.centre).isEqualTo(all.get(all.size() - 1).spc().centrePct());
        assertThat(months.gaps).isTrue();
        // Each live month's limits run from half a month before it to half a month after.
        SeriesRow june = all.get(all.size() - 1);
        assertThat(steps(months.upper, all.size() - 1)).containsExactly(june.spc().upperPct(), june.spc().upperPct());
        assertThat(steps(months.lower, all.size() - 1)).containsExactly(june.spc().lowerPct(), june.spc().lowerPct());
        assertThat(months.signals).containsOnlyNulls();
        assertThat(MonthlyImprovementChart.signalLine(months.labels, months.signals, true))
                .isEqualTo("No signal: every month is within the usual variation.");
    }

    @Test
    void theSignalMonthsAreMarkedAndNamedInTheWordsOfTheSeries() {
        MonthlyImprovementChart.Months months = MonthlyImprovementChart.months(new ChartInput(SIGNALS, run(false)));
        List<SeriesRow> all = allRows(SIGNALS);
        List<String> expected = new ArrayList<>();
        for (SeriesRow row : all) {
            expected.add(row.spc().anySignal() ? SpcWords.of(row.spc()) : null);
        }
        assertThat(months.signals).containsExactlyElementsOf(expected);
        int high = months.labels.indexOf(SignalSeries.HIGH_MONTH);
        assertThat(months.signals.get(high)).isEqualTo("unusually high");
        assertThat(months.signals.get(months.labels.indexOf(SignalSeries.RUN_FROM)))
                .isEqualTo("7 months in a row above the average");
        assertThat(months.rates.getY(0)).as(SignalSeries.GAP_MONTH + " is a gap").isNull();
        assertThat(months.rates.getY(high).doubleValue()).isCloseTo(90.0, within(1e-9));
        assertThat(steps(months.upper, high)).containsExactly(SignalSeries.UPPER, SignalSeries.UPPER);
        assertThat(months.annotations).hasSize(1);
        assertThat(months.annotations.get(0).getText()).isEqualTo(SpcWords.ABOVE_LIMIT);
        assertThat(months.annotations.get(0).getX()).isEqualTo(high);
        assertThat(MonthlyImprovementChart.signalLine(months.labels, months.signals, true)).isEqualTo(
                "Signals: 2024-12 to 2025-06: 7 months in a row above the average; 2026-03: unusually high.");
    }

    @Test
    void moreSignalRangesThanTheCaptionNamesAreCounted() {
        List<String> labels = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            signals.add(i % 2 == 0 ? SpcWords.ABOVE_LIMIT : null);
        }
        signals.set(7, SpcWords.BELOW_LIMIT);
        assertThat(MonthlyImprovementChart.signalLine(labels, signals, true)).isEqualTo(
                "Signals: a: unusually high; c: unusually high; e: unusually high; g: unusually high; "
                        + "and 1 more month (see the table).");
        assertThat(MonthlyImprovementChart.signalLine(labels, new ArrayList<>(java.util.Collections.nCopies(8, null)),
                false)).isNull();
    }

    @Test
    void theClientsAreTheCountsOfTheAllRowsAndSuppressionLeavesSmallOnesOut() {
        List<SeriesRow> all = allRows(TABLES);
        XYSeriesCollection counts = MonthlyClientsChart.counts(new ChartInput(TABLES, run(false)));
        assertThat(counts.getSeriesCount()).isEqualTo(3);
        assertThat(List.of(counts.getSeriesKey(0), counts.getSeriesKey(1), counts.getSeriesKey(2)))
                .containsExactly("clients seen (caseload)", "new clients (intakes)", "clients discharged");
        for (int t = 0; t < all.size(); t++) {
            assertThat(counts.getY(0, t).intValue()).isEqualTo(all.get(t).caseload());
            assertThat(counts.getY(1, t).intValue()).isEqualTo(all.get(t).intakes());
            assertThat(counts.getY(2, t).intValue()).isEqualTo(all.get(t).discharges());
        }
        // June 2026 (MonthlySeriesTableTest): caseload 4, 1 intake, 3 discharges.
        int june = all.size() - 1;
        assertThat(List.of(counts.getY(0, june), counts.getY(1, june), counts.getY(2, june)))
                .containsExactly(4, 1, 3);
        XYSeriesCollection suppressed = MonthlyClientsChart.counts(new ChartInput(TABLES, run(true)));
        for (int t = 0; t < all.size(); t++) {
            int caseload = all.get(t).caseload();
            Number shown = suppressed.getY(0, t);
            if (caseload >= 1 && caseload <= 10) {
                assertThat(shown).isNull();
            } else {
                assertThat(shown.intValue()).isEqualTo(caseload);
            }
        }
        MonthlyImprovementChart.Months months = MonthlyImprovementChart.months(new ChartInput(TABLES, run(true)));
        for (int t = 0; t < months.rates.getItemCount(); t++) {
            assertThat(months.rates.getY(t)).as("every month has 1-10 paired clients or none").isNull();
        }
        for (int i = 0; i < months.upper.getItemCount(); i++) {
            assertThat(months.upper.getY(i)).as("no limit gives a hidden n away").isNull();
        }
    }

    @Test
    void bothChartsAreOnTheOverTimeSheetAndDrawTheSameBytesTwice() {
        for (OutcomeTables tables : List.of(TABLES, SIGNALS)) {
            ChartInput input = new ChartInput(tables, run(false));
            RenderedChart improvement = new MonthlyImprovementChart(CohortFixture.PCL5).draw(input);
            RenderedChart clients = new MonthlyClientsChart().draw(input);
            assertThat(improvement.fileName()).isEqualTo("monthly-reliable-improvement-pcl5.png");
            assertThat(clients.fileName()).isEqualTo("monthly-clients.png");
            assertThat(List.of(improvement.sheet(), clients.sheet())).containsOnly(OutcomesWorkbook.OVER_TIME);
            ChartInput again = new ChartInput(tables == TABLES ? CohortFixture.analyse(true)
                    : SignalSeries.withSignals(CohortFixture.analyse(true)), run(false));
            assertThat(new MonthlyImprovementChart(CohortFixture.PCL5).draw(again).png()).isEqualTo(improvement.png());
            assertThat(new MonthlyClientsChart().draw(again).png()).isEqualTo(clients.png());
        }
        assertThat(new MonthlyImprovementChart(CohortFixture.PCL5).draw(new ChartInput(SIGNALS, run(false))).png())
                .as("the signals are drawn")
                .isNotEqualTo(new MonthlyImprovementChart(CohortFixture.PCL5).draw(new ChartInput(TABLES, run(false)))
                        .png());
    }

    @Test
    void aLabelEveryFewMonthsAtMostTwelveEndingWithTheReportMonth() {
        assertThat(MonthAxis.labelStep(1)).isEqualTo(1);
        assertThat(MonthAxis.labelStep(12)).isEqualTo(1);
        assertThat(MonthAxis.labelStep(13)).isEqualTo(2);
        assertThat(MonthAxis.labelStep(24)).isEqualTo(2);
        assertThat(MonthAxis.labelStep(36)).isEqualTo(3);
        assertThat(MonthAxis.labelStep(72)).isEqualTo(6);
        assertThat(MonthAxis.labelStep(120)).isEqualTo(12);
    }

    /** The two y values of a month's step, from half a month before it to half a month after. */
    private static List<Double> steps(XYSeries limit, int month) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < limit.getItemCount(); i++) {
            double x = limit.getX(i).doubleValue();
            if ((x == month - 0.5 || x == month + 0.5) && limit.getY(i) != null) {
                // The step of the month is the pair of points at month - 0.5 and month + 0.5 added together.
                if (i + 1 < limit.getItemCount() && x == month - 0.5 && limit.getX(i + 1).doubleValue() == month + 0.5) {
                    values.add(limit.getY(i).doubleValue());
                    values.add(limit.getY(i + 1).doubleValue());
                    return values;
                }
            }
        }
        return values;
    }
}
