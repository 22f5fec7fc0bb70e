package org.clinicaloutcomes.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.clinicaloutcomes.metrics.Quantiles;
import org.junit.jupiter.api.Test;

/** The numbers behind the charts that are computed on a faster path than JFreeChart's own. */
class ChartNumbersTest {

    @Test
    void theBoxIsTheType7QuartilesOfTheTables() {
        // Hand-worked, type 7 (h = (n − 1) p + 1): for −4, −2, 0, 6, 10, Q1 at h = 2 is −2, the
        // median 0, Q3 at h = 4 is 6; for −3, 1, 2, 9, Q1 at h = 1.75 is 0, the median 1.5, Q3 at
        // h = 3.25 is 3.75. JFreeChart's own rule gives other Q1 and Q3 for both.
        assertThat(ChangeBoxPlotChart.quartiles(new double[] {10, -4, 6, 0, -2})).containsExactly(-2.0, 0.0, 6.0);
        assertThat(ChangeBoxPlotChart.quartiles(new double[] {9, -3, 2, 1})).containsExactly(0.0, 1.5, 3.75);
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            double[] values = random.doubles(1 + random.nextInt(500), -80, 80).toArray();
            Quantiles expected = Quantiles.of(values.clone());
            assertThat(ChangeBoxPlotChart.quartiles(values))
                    .containsExactly(expected.q1(), expected.median(), expected.q3());
            assertThat(values).isSorted();
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
