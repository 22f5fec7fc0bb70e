package org.clinicaloutcomes.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jfree.data.statistics.BoxAndWhiskerCalculator;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.junit.jupiter.api.Test;

/** The numbers behind the charts that are computed on a faster path than JFreeChart's own. */
class ChartNumbersTest {

    @Test
    void quartilesAreThoseOfJFreeChartsBoxAndWhiskerCalculator() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(trial < 100 ? 12 : 3_000);
            double[] values = new double[n];
            List<Double> boxed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(-80, 81) + (random.nextBoolean() ? 0.5 : 0.0);
                boxed.add(values[i]);
            }
            BoxAndWhiskerItem expected = BoxAndWhiskerCalculator.calculateBoxAndWhiskerStatistics(boxed);
            double[] quartiles = ChangeBoxPlotChart.quartiles(values);
            assertThat(quartiles[0]).isEqualTo(expected.getQ1().doubleValue());
            assertThat(quartiles[1]).isEqualTo(expected.getMedian().doubleValue());
            assertThat(quartiles[2]).isEqualTo(expected.getQ3().doubleValue());
        }
    }

    @Test
    void funnelLimitsAreDrawnAtEverySizeUpToAHundredThenInOnePercentSteps() {
        assertThat(ClinicianFunnelChart.limitSizes(1)).containsExactly(1);
        assertThat(ClinicianFunnelChart.limitSizes(7)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        List<Integer> sizes = ClinicianFunnelChart.limitSizes(44_000);
        assertThat(sizes.subList(0, 100)).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());
        assertThat(sizes).isSorted().doesNotHaveDuplicates().endsWith(44_000).hasSizeLessThan(800);
        for (int i = 100; i < sizes.size(); i++) {
            assertThat(sizes.get(i)).isLessThanOrEqualTo((int) Math.ceil(sizes.get(i - 1) * 1.01) + 1);
        }
    }
}
