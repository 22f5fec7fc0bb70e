package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EffectSizesTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void workedExampleOfThreeEpisodes() {
        // baseline 10, 20, 30 (mean 20, SD 10); final 6, 14, 25; reduction 4, 6, 5 (mean 5, SD 1).
        // d = 5 / 10 = 0.5; dz = 5 / 1 = 5.
        // J = 1 − 3 / (4 × 2 − 1) = 4/7; g = 0.5 × 4/7 = 2/7 = 0.2857142857142857.
        // r: baseline deviations −10, 0, 10; final mean 15, deviations −9, −1, 10;
        //    r = (90 + 0 + 100) / sqrt(200 × 182) = 190 / 190.7878403 = 0.9958705948858224.
        // half = 1.959964 × sqrt(2 × 0.0041294 / 3 + 0.0816327 / 6) = 1.959964 × 0.1282393 = 0.2506791
        // CI = 0.0350351 .. 0.5363934.
        EffectSizes effects = EffectSizes.of(new double[] {10, 20, 30}, new double[] {6, 14, 25}, new double[] {4, 6, 5});
        assertThat(effects.d()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(effects.dz()).isCloseTo(5.0, within(TOLERANCE));
        assertThat(effects.g()).isCloseTo(2.0 / 7.0, within(TOLERANCE));
        assertThat(effects.gCiLow()).isCloseTo(0.03503513023228594, within(TOLERANCE));
        assertThat(effects.gCiHigh()).isCloseTo(0.5363934411962854, within(TOLERANCE));
    }

    @Test
    void hedgesCorrectionNeedsThreeEpisodes() {
        assertThat(EffectSizes.hedgesJ(2)).isNull();
        assertThat(EffectSizes.hedgesJ(3)).isEqualTo(1.0 - 3.0 / 7.0);
        // n = 7: J = 1 − 3 / 23 = 0.8695652173913043.
        assertThat(EffectSizes.hedgesJ(7)).isCloseTo(20.0 / 23.0, within(1e-15));
    }

    @Test
    void twoEpisodesHaveDAndDzButNoG() {
        // ACT ders16 of the example: baseline 40, 46 (SD 3√2); final 32, 42; reduction 8, 4
        // (mean 6, SD 2√2). d = 6 / 4.2426 = √2 = 1.4142135623730951; dz = 6 / 2.8284 = 2.1213.
        EffectSizes effects = EffectSizes.of(new double[] {40, 46}, new double[] {32, 42}, new double[] {8, 4});
        assertThat(effects.d()).isCloseTo(1.4142135623730951, within(TOLERANCE));
        assertThat(effects.dz()).isCloseTo(2.1213203435596424, within(TOLERANCE));
        assertThat(effects.g()).isNull();
        assertThat(effects.gCiLow()).isNull();
        assertThat(effects.gCiHigh()).isNull();
    }

    @Test
    void oneOrNoEpisodeHasNothing() {
        assertThat(EffectSizes.of(new double[] {13}, new double[] {13}, new double[] {0})).isEqualTo(EffectSizes.UNDEFINED);
        assertThat(EffectSizes.of(new double[0], new double[0], new double[0])).isEqualTo(EffectSizes.UNDEFINED);
    }

    @Test
    void baselineSdOfZeroLeavesDAndGUndefined() {
        EffectSizes effects = EffectSizes.of(new double[] {40, 40, 40}, new double[] {30, 35, 20}, new double[] {10, 5, 20});
        assertThat(effects.d()).isNull();
        assertThat(effects.g()).isNull();
        assertThat(effects.gCiLow()).isNull();
        assertThat(effects.dz()).isNotNull();
    }

    @Test
    void everyoneImprovingByTheSameAmountLeavesDzUndefined() {
        // reduction 5, 5, 5: SD(reduction) = 0, so dz = 5 / 0 is undefined; d and g are defined,
        // and r = 1 (final = baseline − 5), so the CI half-width is z × sqrt(g² / 6).
        EffectSizes effects = EffectSizes.of(new double[] {10, 20, 30}, new double[] {5, 15, 25}, new double[] {5, 5, 5});
        assertThat(effects.dz()).isNull();
        assertThat(effects.d()).isCloseTo(0.5, within(TOLERANCE));
        double g = 0.5 * 4.0 / 7.0;
        double half = Statistics.Z_975 * Math.sqrt(g * g / 6.0);
        assertThat(effects.gCiLow()).isCloseTo(g - half, within(TOLERANCE));
        assertThat(effects.gCiHigh()).isCloseTo(g + half, within(TOLERANCE));
    }

    @Test
    void finalSdOfZeroLeavesTheCorrelationAndTheCiUndefined() {
        EffectSizes effects = EffectSizes.of(new double[] {30, 40, 50}, new double[] {20, 20, 20}, new double[] {10, 20, 30});
        assertThat(effects.g()).isNotNull();
        assertThat(effects.gCiLow()).isNull();
        assertThat(effects.gCiHigh()).isNull();
    }

    @Test
    void gIntervalReproducesTheExampleFromItsSummaryStatistics() {
        // DBT pcl5 (n = 7): SD baseline 12.313368654395418, final 16.70186758875728,
        // change 13.569924728710072. r follows from Var(change) = Var(b) + Var(f) − 2 r SD(b) SD(f):
        // r = (151.619 + 278.952 − 184.143) / (2 × 12.3134 × 16.7019) = 0.59921.
        double sb = 12.313368654395418;
        double sf = 16.70186758875728;
        double sc = 13.569924728710072;
        double r = (sb * sb + sf * sf - sc * sc) / (2 * sb * sf);
        Interval ci = EffectSizes.gInterval(0.22194732663046138, r, 7);
        assertThat(ci.low()).isCloseTo(-0.45147547309985614, within(1e-9 * 0.45));
        assertThat(ci.high()).isCloseTo(0.8953701263607788, within(1e-9 * 0.9));
        assertThat(EffectSizes.gInterval(0.2, null, 7)).isNull();
    }

    @Test
    void rejectsArraysOfDifferentLengths() {
        assertThatThrownBy(() -> EffectSizes.of(new double[] {1, 2}, new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
