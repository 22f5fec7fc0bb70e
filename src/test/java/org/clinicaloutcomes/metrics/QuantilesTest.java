package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void typeSevenOfFourValues() {
        // Sorted 3, 8, 10, 12 (n = 4). h = (n − 1) p + 1:
        // median h = 2.5 → 8 + 0.5 × (10 − 8) = 9; q1 h = 1.75 → 3 + 0.75 × 5 = 6.75;
        // q3 h = 3.25 → 10 + 0.25 × 2 = 10.5. (R: quantile(c(12, 8, 10, 3)).)
        assertThat(Quantiles.of(new int[] {12, 8, 10, 3})).isEqualTo(new Quantiles(9.0, 6.75, 10.5));
    }

    @Test
    void typeSevenOfEightValuesAsDbtSessionsInTheExample() {
        // Sorted 5, 8, 10, 13, 13, 15, 17, 20 (n = 8): q1 h = 2.75 → 8 + 0.75 × 2 = 9.5;
        // median h = 4.5 → 13; q3 h = 6.25 → 15 + 0.25 × 2 = 15.5 (the DBT row: 13, 9.5, 15.5).
        assertThat(Quantiles.of(new int[] {20, 5, 13, 8, 17, 10, 15, 13})).isEqualTo(new Quantiles(13.0, 9.5, 15.5));
    }

    @Test
    void oneValueIsEveryQuantile() {
        assertThat(Quantiles.of(new double[] {7})).isEqualTo(new Quantiles(7, 7, 7));
    }

    @Test
    void twoValues() {
        // h = 1.25, 1.5, 1.75 → 2 + 0.25 × 4, 2 + 0.5 × 4, 2 + 0.75 × 4.
        assertThat(Quantiles.of(new double[] {6, 2})).isEqualTo(new Quantiles(4, 3, 5));
    }

    @Test
    void emptyIsUndefined() {
        assertThat(Quantiles.of(new int[0])).isNull();
        assertThat(Quantiles.of(new double[0])).isNull();
    }

    @Test
    void leavesTheInputUntouched() {
        double[] values = {3, 1, 2};
        Quantiles.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void countedValuesGiveTheQuartilesOfTheExpandedOnes() {
        // 8, 8, 10, 13, 13, 13 (n = 6): q1 h = 2.25 → 8 + 0.25 × 2 = 8.5; median h = 3.5 → 11.5; q3 h = 4.75 → 13.
        assertThat(Quantiles.ofCounted(new TreeMap<>(Map.of(8.0, 2L, 10.0, 1L, 13.0, 3L))))
                .isEqualTo(Quantiles.of(new double[] {13, 8, 10, 13, 8, 13}))
                .isEqualTo(new Quantiles(11.5, 8.5, 13));
        assertThat(Quantiles.ofCounted(new TreeMap<>(Map.of(4.0, 0L, 9.0, 0L)))).isNull();
    }

    @Test
    void countedValuesAgreeWithPercentileBitForBit() {
        Random random = new Random(19);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(300);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // Whole scores and decimal ones (a researcher's mean-item instrument), many ties.
                values[i] = trial % 2 == 0 ? random.nextInt(40) : Math.round(random.nextGaussian() * 30) / 7.0;
            }
            TreeMap<Double, Long> counts = new TreeMap<>();
            Arrays.stream(values).forEach(value -> counts.merge(value, 1L, Long::sum));

            Quantiles counted = Quantiles.ofCounted(counts);
            Quantiles expanded = Quantiles.of(values);

            assertThat(Double.doubleToLongBits(counted.median())).isEqualTo(Double.doubleToLongBits(expanded.median()));
            assertThat(Double.doubleToLongBits(counted.q1())).isEqualTo(Double.doubleToLongBits(expanded.q1()));
            assertThat(Double.doubleToLongBits(counted.q3())).isEqualTo(Double.doubleToLongBits(expanded.q3()));
        }
    }
}
