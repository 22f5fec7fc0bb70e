package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void meanAndSampleSdOfAWorkedExample() {
        // x = 2, 4, 4, 4, 5, 5, 7, 9: Σx = 40, mean = 40 / 8 = 5.
        // Deviations −3, −1, −1, −1, 0, 0, 2, 4; squares 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32.
        // Sample variance 32 / 7, SD = sqrt(32 / 7) = 2.1380899352993950.
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(Statistics.mean(x)).isEqualTo(5.0);
        assertThat(Statistics.sampleSd(x)).isCloseTo(Math.sqrt(32.0 / 7.0), within(1e-15));
    }

    @Test
    void meanNeedsOneValueAndSdTwo() {
        assertThat(Statistics.mean(new double[0])).isNull();
        assertThat(Statistics.sampleSd(new double[0])).isNull();
        assertThat(Statistics.mean(new double[] {13})).isEqualTo(13.0);
        assertThat(Statistics.sampleSd(new double[] {13})).isNull();
        // n = 2: 40 and 46, mean 43, SD = sqrt((9 + 9) / 1) = 3 sqrt 2.
        assertThat(Statistics.sampleSd(new double[] {40, 46})).isCloseTo(3 * Math.sqrt(2), within(1e-14));
    }

    @Test
    void sdOfIdenticalValuesIsExactlyZero() {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004, / 3 = 0.10000000000000002: the naive mean is off
        // by an ulp and the naive SD is about 1e-17. The corrected mean is exactly 0.1.
        assertThat(Statistics.mean(new double[] {0.1, 0.1, 0.1})).isEqualTo(0.1);
        assertThat(Statistics.sampleSd(new double[] {0.1, 0.1, 0.1})).isEqualTo(0.0);
        assertThat(Statistics.sampleSd(new double[] {1e9 + 0.3, 1e9 + 0.3, 1e9 + 0.3, 1e9 + 0.3})).isEqualTo(0.0);
        assertThat(Statistics.sampleSd(new double[] {7, 7})).isEqualTo(0.0);
    }

    @Test
    void pearsonOfAWorkedExample() {
        // x = 1..5 (mean 3), y = 2, 4, 5, 4, 5 (mean 4).
        // dx = −2, −1, 0, 1, 2; dy = −2, 0, 1, 0, 1.
        // Σdx dy = 4 + 0 + 0 + 0 + 2 = 6; Σdx² = 10; Σdy² = 4 + 0 + 1 + 0 + 1 = 6.
        // r = 6 / sqrt(60) = 0.7745966692414834.
        assertThat(Statistics.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}))
                .isCloseTo(6 / Math.sqrt(60), within(1e-15));
    }

    @Test
    void pearsonUndefinedForAnSdOfZeroOrFewerThanTwoPairs() {
        assertThat(Statistics.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4})).isNull();
        assertThat(Statistics.pearson(new double[] {5, 5}, new double[] {1, 2})).isNull();
        assertThat(Statistics.pearson(new double[] {1}, new double[] {2})).isNull();
        assertThat(Statistics.pearson(new double[0], new double[0])).isNull();
        // Two distinct pairs always lie on a line.
        assertThat(Statistics.pearson(new double[] {1, 2}, new double[] {9, 3})).isEqualTo(-1.0);
        assertThatThrownBy(() -> Statistics.pearson(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentUsesTheReferenceOrderOfOperations() {
        // 100.0 * 3 / 7 = 300 / 7 = 42.857142857142854; 100 * (3 / 7.0) would be 42.85714285714286.
        assertThat(Statistics.percent(3, 7)).isEqualTo(42.857142857142854);
        assertThat(Statistics.percent(2, 7)).isEqualTo(28.571428571428573);
        assertThat(Statistics.percent(1, 6)).isEqualTo(16.666666666666668);
        assertThat(Statistics.percent(0, 1)).isEqualTo(0.0);
        assertThat(Statistics.percent(0, 0)).isNull();
    }

    @Test
    void tQuantilesAreExact() {
        // With 1 df the t distribution is Cauchy: t(0.975) = tan(0.475 π) = 12.706204736174693...
        assertThat(Statistics.tQuantile975(1)).isCloseTo(12.706204736174693, within(1e-12));
        // R: qt(0.975, 6) = 2.446911851144970; qt(0.975, 30) = 2.042272456301238.
        assertThat(Statistics.tQuantile975(6)).isCloseTo(2.446911851144970, within(1e-12));
        assertThat(Statistics.tQuantile975(30)).isCloseTo(2.042272456301238, within(1e-12));
        assertThatThrownBy(() -> Statistics.tQuantile975(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zIsTheExactNormalQuantile() {
        assertThat(Statistics.Z_975).isCloseTo(1.959963984540054, within(1e-15));
    }

    @Test
    void nonFiniteBecomesNull() {
        assertThat(Statistics.finiteOrNull(Double.NaN)).isNull();
        assertThat(Statistics.finiteOrNull(Double.POSITIVE_INFINITY)).isNull();
        assertThat(Statistics.finiteOrNull(1.5)).isEqualTo(1.5);
    }
}
