package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void tIntervalOfAWorkedExample() {
        // Changes −20, −5, −18: mean −43 / 3 = −14.333…, SD = sqrt(132.667 / 2) = 8.144527815247077.
        // t(0.975, 2) = 4.302652729749462; half = 4.302652729749462 × 8.144527815247077 / sqrt 3
        // = 20.23212869025479; CI = −34.565462023588125 .. 5.898795356921456.
        Interval ci = Interval.tMean(new double[] {-20, -5, -18});
        assertThat(ci.low()).isCloseTo(-34.565462023588125, within(1e-11));
        assertThat(ci.high()).isCloseTo(5.898795356921456, within(1e-11));
    }

    @Test
    void tIntervalMatchesTheExampleTrajectoryWithTwoValues() {
        // trajectories.csv DBT,pcl5,k=16: n 2, mean 40.5, SD 24.748737341529164,
        // CI −181.8585828830571 .. 262.8585828830571: half = 12.7062047361747 × 24.7487 / sqrt 2.
        Interval ci = Interval.tMean(40.5, 24.748737341529164, 2);
        assertThat(ci.low()).isCloseTo(-181.8585828830571, within(1e-9 * 181.86));
        assertThat(ci.high()).isCloseTo(262.8585828830571, within(1e-9 * 262.86));
    }

    @Test
    void tIntervalNeedsTwoValues() {
        assertThat(Interval.tMean(new double[0])).isNull();
        assertThat(Interval.tMean(new double[] {13})).isNull();
        assertThat(Interval.tMean(13.0, 0.0, 1)).isNull();
    }

    @Test
    void tIntervalOfIdenticalValuesIsAPoint() {
        Interval ci = Interval.tMean(new double[] {4, 4, 4});
        assertThat(ci).isEqualTo(new Interval(4, 4));
    }

    @Test
    void rejectsNonFiniteOrReversedEnds() {
        assertThatThrownBy(() -> new Interval(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clamps() {
        assertThat(new Interval(-5, 120).clamp(0, 100)).isEqualTo(new Interval(0, 100));
        assertThat(new Interval(5, 20).clamp(0, 100)).isEqualTo(new Interval(5, 20));
    }
}
