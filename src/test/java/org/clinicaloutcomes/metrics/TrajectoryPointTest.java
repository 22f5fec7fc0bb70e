package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrajectoryPointTest {

    @Test
    void workedExample() {
        // 27, 35, 29: mean 91 / 3 = 30.333; deviations −3.333, 4.667, −1.333: SS = 11.111 + 21.778
        // + 1.778 = 34.667, SD = sqrt(17.333) = 4.163332; t(0.975, 2) = 4.302653:
        // half = 4.302653 × 4.163332 / sqrt 3 = 10.342224; CI 19.991109 .. 40.675558.
        TrajectoryPoint point = TrajectoryPoint.of(new double[] {27, 35, 29});
        assertThat(point.n()).isEqualTo(3);
        assertThat(point.mean()).isCloseTo(91.0 / 3, within(1e-12));
        assertThat(point.sd()).isCloseTo(Math.sqrt(52.0 / 3), within(1e-12));
        double half = 4.302652729749464 * Math.sqrt(52.0 / 3) / Math.sqrt(3);
        assertThat(point.ciLow()).isCloseTo(91.0 / 3 - half, within(1e-11));
        assertThat(point.ciHigh()).isCloseTo(91.0 / 3 + half, within(1e-11));
    }

    @Test
    void oneScoreHasOnlyAMean() {
        // trajectories.csv DBT,pcl5,k=18: n 1, mean 21, the rest empty.
        assertThat(TrajectoryPoint.of(new double[] {21})).isEqualTo(new TrajectoryPoint(1, 21.0, null, null, null));
    }

    @Test
    void noScoreHasNothing() {
        assertThat(TrajectoryPoint.of(new double[0])).isEqualTo(new TrajectoryPoint(0, null, null, null, null));
    }

    @Test
    void twoScoresAsInTheExample() {
        // 23 and 58 have the mean (40.5) and SD (35 / √2 = 24.748737) of DBT,pcl5,k=16 of the example.
        TrajectoryPoint point = TrajectoryPoint.of(new double[] {23, 58});
        assertThat(point.mean()).isEqualTo(40.5);
        assertThat(point.sd()).isCloseTo(24.748737341529164, within(1e-12));
        assertThat(point.ciLow()).isCloseTo(-181.8585828830571, within(1e-9 * 181.86));
        assertThat(point.ciHigh()).isCloseTo(262.8585828830571, within(1e-9 * 262.86));
    }

    @Test
    void identicalScoresHaveAPointInterval() {
        assertThat(TrajectoryPoint.of(new double[] {9, 9, 9})).isEqualTo(new TrajectoryPoint(3, 9.0, 0.0, 9.0, 9.0));
    }
}
