package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

    private static final double Z2 = Statistics.Z_975 * Statistics.Z_975; // 3.841458820694124

    @Test
    void threeOfSevenAsInTheExample() {
        // p = 3/7 = 0.428571; z²/n = 0.548780; denominator 1.548780.
        // center = (0.428571 + 0.274390) / 1.548780 = 0.453881;
        // half = 1.959964 × sqrt(0.035015 + 0.019597) / 1.548780 = 0.295661;
        // 100 × (0.453881 ∓ 0.295661) = 15.821986 .. 74.954164 (outcomes_by_approach.csv, DBT pcl5).
        Interval ci = Wilson.percentInterval(3, 7);
        assertThat(ci.low()).isEqualTo(15.821985525146975);
        assertThat(ci.high()).isEqualTo(74.95416354723427);
    }

    @Test
    void zeroOfOne() {
        // p = 0: center = half = (z²/2) / (1 + z²), so the low end is exactly 0 here and the high
        // end 100 × z² / (1 + z²) = 100 × 3.841459 / 4.841459 = 79.345069.
        Interval ci = Wilson.percentInterval(0, 1);
        assertThat(ci.low()).isEqualTo(0.0);
        assertThat(ci.high()).isEqualTo(79.34506856227625);
        assertThat(ci.high()).isCloseTo(100 * Z2 / (1 + Z2), within(1e-12));
    }

    @Test
    void oneOfOne() {
        // p = 1: low = 100 × 1 / (1 + z²) = 20.654931; high = 100 (clamped from 100.000…).
        Interval ci = Wilson.percentInterval(1, 1);
        assertThat(ci.low()).isEqualTo(20.654931437723747);
        assertThat(ci.high()).isEqualTo(100.0);
    }

    @Test
    void zeroSuccessesKeepTheLiteralRoundingOfTheReference() {
        // The exact low end for k = 0 is 0; the literal formula leaves a rounding residue, which
        // the reference kept too (DBT ders16, PE ders16 and ALL ders16 rows of the example).
        assertThat(Wilson.percentInterval(0, 7).low()).isEqualTo(5.551115123125783e-15);
        assertThat(Wilson.percentInterval(0, 7).high()).isEqualTo(35.433043506668746);
        assertThat(Wilson.percentInterval(0, 3).low()).isEqualTo(5.551115123125783e-15);
        assertThat(Wilson.percentInterval(0, 3).high()).isEqualTo(56.14970317550454);
        assertThat(Wilson.percentInterval(0, 12).low()).isEqualTo(2.7755575615628914e-15);
        assertThat(Wilson.percentInterval(0, 2)).isEqualTo(new Interval(0.0, 65.76197724933469));
    }

    @Test
    void moreValuesFromTheExample() {
        assertThat(Wilson.percentInterval(23, 35)).isEqualTo(new Interval(49.151949513996264, 79.16830501295105));
        assertThat(Wilson.percentInterval(1, 6)).isEqualTo(new Interval(3.0053369748306635, 56.35028221864702));
        assertThat(Wilson.percentInterval(5, 7)).isEqualTo(new Interval(35.89344518326193, 91.77810759959432));
        assertThat(Wilson.percentInterval(1, 12)).isEqualTo(new Interval(1.4865094404917096, 35.38799111411169));
    }

    @Test
    void everyoneImprovedIsClampedAtOneHundred() {
        Interval ci = Wilson.percentInterval(12, 12);
        assertThat(ci.high()).isEqualTo(100.0);
        assertThat(ci.low()).isCloseTo(100 - Wilson.percentInterval(0, 12).high(), within(1e-12));
    }

    @Test
    void undefinedWithoutADenominator() {
        assertThat(Wilson.percentInterval(0, 0)).isNull();
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> Wilson.percentInterval(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wilson.percentInterval(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
