package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliableChangeTest {

    // pre 10, 20, 30; post 14, 4, 30: M_pre 20, M_post 16, SD_pre 10, SD_post sqrt(172) = 13.114877,
    // r12 = 160 / sqrt(200 × 344) = 0.609994. With r = 0.75: SE = 10 × sqrt(0.25) = 5,
    // S_diff = sqrt(50) = 7.071068, SE_pred = 10 × sqrt(1 − 0.5625) = 6.614378.
    private static final double[] PRE = {10, 20, 30};
    private static final double[] POST = {14, 4, 30};
    private static final PairedSample SAMPLE = PairedSample.of(PRE, POST);
    private static final Direction LOWER = Direction.LOWER_IS_BETTER;
    private static final Direction HIGHER = Direction.HIGHER_IS_BETTER;

    private static ReliableChange fit(RciMethod method) {
        return ReliableChange.of(method, SAMPLE, LOWER, 0.75);
    }

    @Test
    void sampleStatistics() {
        assertThat(SAMPLE.n()).isEqualTo(3);
        assertThat(SAMPLE.mPre()).isEqualTo(20.0);
        assertThat(SAMPLE.mPost()).isEqualTo(16.0);
        assertThat(SAMPLE.sdPre()).isEqualTo(10.0);
        assertThat(SAMPLE.sdPost()).isCloseTo(Math.sqrt(172), within(1e-12));
        assertThat(SAMPLE.r12()).isCloseTo(160 / Math.sqrt(200 * 344), within(1e-12));
    }

    @Test
    void criticalValuesAreTheExactQuantiles() {
        assertThat(CriticalValues.Z2).isEqualTo(1.959963984540054);
        assertThat(CriticalValues.Z1).isEqualTo(1.6448536269514722);
        // Commons Math's own quantile of 0.95 is one ulp higher (see CriticalValues).
        assertThat(new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(0.95)).isEqualTo(Math.nextUp(CriticalValues.Z1));
        assertThat(CriticalValues.twoSided(0.10)).isEqualTo(CriticalValues.Z1);
        assertThat(CriticalValues.twoSided(0.01)).isEqualTo(2.5758293035489004);
        assertThat(fit(RciMethod.JT).criticalValue()).isEqualTo(1.959963984540054);
        assertThat(fit(RciMethod.HA).criticalValue()).isEqualTo(1.6448536269514722);
        assertThat(ReliableChange.of(RciMethod.JT, SAMPLE, LOWER, 0.75, null, 0.10).criticalValue())
                .isEqualTo(CriticalValues.Z1);
    }

    @Test
    void jacobsonTruax() {
        ReliableChange jt = fit(RciMethod.JT);
        assertThat(jt.standardError()).isEqualTo(5.0);
        assertThat(jt.denominator()).isEqualTo(Math.sqrt(50));
        // (14 − 10) / 7.071068 = 0.565685; (4 − 20) / 7.071068 = −2.262742; 0.
        assertThat(jt.rci(10, 14)).isCloseTo(0.565685424949238, within(1e-12));
        assertThat(jt.rci(20, 4)).isCloseTo(-2.262741699796952, within(1e-12));
        assertThat(jt.rci(30, 30)).isEqualTo(0.0);
        // lower is better: d × RCI = 2.26 > 1.96 is improved.
        assertThat(jt.classify(PRE, POST))
                .containsExactly(Category.UNCHANGED, Category.IMPROVED, Category.UNCHANGED);
    }

    @Test
    void higherIsBetterTurnsTheSameIndexAround() {
        ReliableChange jt = ReliableChange.of(RciMethod.JT, SAMPLE, HIGHER, 0.75);
        assertThat(jt.classify(PRE, POST))
                .containsExactly(Category.UNCHANGED, Category.DETERIORATED, Category.UNCHANGED);
        assertThat(jt.classify(4, 20)).isEqualTo(Category.IMPROVED);
    }

    @Test
    void gulliksenLordNovick() {
        ReliableChange gln = fit(RciMethod.GLN);
        assertThat(gln.denominator()).isCloseTo(6.614378277661476, within(1e-12));
        // ((14 − 20) − 0.75 × (10 − 20)) / 6.614378 = 1.5 / 6.614378 = 0.226779
        assertThat(gln.rci(10, 14)).isCloseTo(0.22677868380553634, within(1e-12));
        // ((4 − 20) − 0) / 6.614378 = −2.418973; (10 − 7.5) / 6.614378 = 0.377964
        assertThat(gln.rci(20, 4)).isCloseTo(-2.418972627259054, within(1e-12));
        assertThat(gln.rci(30, 30)).isCloseTo(0.37796447300922725, within(1e-12));
        assertThat(gln.classify(PRE, POST))
                .containsExactly(Category.UNCHANGED, Category.IMPROVED, Category.UNCHANGED);
    }

    @Test
    void hsuLinnLordRemovesTheMeanChange() {
        ReliableChange hll = fit(RciMethod.HLL);
        // ((14 − 16) + 7.5) / 6.614378 = 0.831522; ((4 − 16) − 0) / 6.614378 = −1.814229;
        // ((30 − 16) − 7.5) / 6.614378 = 0.982708
        assertThat(hll.rci(10, 14)).isCloseTo(0.8315218406202999, within(1e-12));
        assertThat(hll.rci(20, 4)).isCloseTo(-1.8142294704442907, within(1e-12));
        assertThat(hll.rci(30, 30)).isCloseTo(0.9827076298239908, within(1e-12));
        // 16 points better, but only 12 better than the mean change: not reliable.
        assertThat(hll.classify(PRE, POST)).containsOnly(Category.UNCHANGED);
    }

    @Test
    void edwardsNunnally() {
        ReliableChange en = fit(RciMethod.EN);
        assertThat(en.denominator()).isEqualTo(5.0);
        // pre_true = 0.75 × (10 − 20) + 20 = 12.5: (14 − 12.5) / 5 = 0.3; pre_true(20) = 20:
        // (4 − 20) / 5 = −3.2; pre_true(30) = 27.5: 2.5 / 5 = 0.5
        assertThat(en.rci(10, 14)).isCloseTo(0.3, within(1e-12));
        assertThat(en.rci(20, 4)).isEqualTo(-3.2);
        assertThat(en.rci(30, 30)).isEqualTo(0.5);
        assertThat(en.classify(PRE, POST))
                .containsExactly(Category.UNCHANGED, Category.IMPROVED, Category.UNCHANGED);
    }

    @Test
    void nunnallyKotschWithReliabilityPostMissingUsesR() {
        ReliableChange nk = fit(RciMethod.NK);
        // den = sqrt(0.5625 × 100 × 0.25 + 100 × 0.25) = sqrt(39.0625) = 6.25
        assertThat(nk.reliabilityPost()).isEqualTo(0.75);
        assertThat(nk.denominator()).isEqualTo(6.25);
        assertThat(nk.rci(10, 14)).isCloseTo(0.24, within(1e-12));
        assertThat(nk.rci(20, 4)).isEqualTo(-2.56);
        assertThat(nk.rci(30, 30)).isEqualTo(0.4);
        assertThat(ReliableChange.of(RciMethod.NK, SAMPLE, LOWER, 0.75, null, 0.05).denominator())
                .isEqualTo(6.25);
    }

    @Test
    void nunnallyKotschWithReliabilityPost() {
        ReliableChange nk = ReliableChange.of(RciMethod.NK, SAMPLE, LOWER, 0.75, 0.5, 0.05);
        // den = sqrt(14.0625 + 100 × 0.5) = sqrt(64.0625) = 8.003905; (4 − 20) / 8.003905 = −1.999024
        assertThat(nk.denominator()).isCloseTo(8.00390529679106, within(1e-12));
        assertThat(nk.rci(20, 4)).isCloseTo(-1.9990241521741576, within(1e-12));
        assertThat(nk.classify(20, 4)).isEqualTo(Category.IMPROVED);
        // r = 1 is defined for NK while r_post < 1: den = sqrt(0 + 100 × 0.5)
        ReliableChange exact = ReliableChange.of(RciMethod.NK, SAMPLE, LOWER, 1.0, 0.5, 0.05);
        assertThat(exact.denominator()).isEqualTo(Math.sqrt(50));
    }

    @Test
    void hagemanArrindellIsOneSided() {
        ReliableChange ha = fit(RciMethod.HA);
        // r_xx2 = (172 − 25) / 172 = 0.854651; r_dd = (75 + 147 − 160) / (100 + 172 − 160) = 62 / 112
        assertThat(ha.rdd()).isCloseTo(62.0 / 112.0, within(1e-12));
        // (−16 × 0.553571 + (16 − 20) × 0.446429) / (sqrt(0.553571) × sqrt(50)) = −10.642857 / 5.261043
        assertThat(ha.rci(20, 4)).isCloseTo(-2.0229558152403495, within(1e-12));
        assertThat(ha.rci(10, 14)).isCloseTo(0.08146130799625526, within(1e-12));
        assertThat(ha.rci(30, 30)).isCloseTo(-0.3394221166510657, within(1e-12));
        // 20 → 5.5: (−14.5 × 0.553571 − 1.785714) / 5.261043 = −1.865 — between z1 and z2:
        // improved for HA only.
        assertThat(ha.rci(20, 5.5)).isBetween(-CriticalValues.Z2, -CriticalValues.Z1);
        assertThat(ha.classify(20, 5.5)).isEqualTo(Category.IMPROVED);
        assertThat(ha.categoryOf(-1.7)).isEqualTo(Category.IMPROVED);
        assertThat(fit(RciMethod.JT).categoryOf(-1.7)).isEqualTo(Category.UNCHANGED);
    }

    @Test
    void tiesAtTheCriticalValueAreUnchangedForEveryMethod() {
        for (RciMethod method : RciMethod.values()) {
            for (Direction direction : Direction.values()) {
                ReliableChange rc = ReliableChange.of(method, SAMPLE, direction, 0.75);
                double crit = rc.criticalValue();
                double better = direction.d() * crit; // d × RCI = crit
                assertThat(rc.categoryOf(better)).as(method + " " + direction).isEqualTo(Category.UNCHANGED);
                assertThat(rc.categoryOf(-better)).as(method + " " + direction).isEqualTo(Category.UNCHANGED);
                double beyond = direction.d() * Math.nextUp(crit);
                assertThat(rc.categoryOf(beyond)).as(method + " " + direction).isEqualTo(Category.IMPROVED);
                assertThat(rc.categoryOf(-beyond)).as(method + " " + direction).isEqualTo(Category.DETERIORATED);
            }
        }
    }

    @Test
    void aPersonWhoseIndexIsExactlyTheCriticalValueIsUnchanged() {
        // Search a (pre, post) whose computed RCI is exactly −crit (lower is better: a tie on the
        // improvement side); for most pre scores no double post gives exactly −crit (the index
        // steps over it), and the searches below record which methods have one on this sample.
        java.util.Set<RciMethod> tiesFound = java.util.EnumSet.noneOf(RciMethod.class);
        for (RciMethod method : RciMethod.values()) {
            ReliableChange rc = fit(method);
            double crit = rc.criticalValue();
            for (double pre = 0; pre <= 100; pre += 0.25) {
                double post = postAt(rc, pre, -crit);
                if (rc.rci(pre, post) == -crit) {
                    assertThat(rc.classify(pre, post)).as(method.name()).isEqualTo(Category.UNCHANGED);
                    assertThat(rc.classify(pre, Math.nextDown(post))).as(method.name())
                            .isEqualTo(Category.IMPROVED);
                    tiesFound.add(method);
                    break;
                }
            }
        }
        assertThat(tiesFound).contains(RciMethod.JT);
    }

    /** The least post score whose RCI is at least {@code target} (the index rises with post). */
    private static double postAt(ReliableChange rc, double pre, double target) {
        double low = -1e3;
        double high = 1e3;
        while (true) {
            double mid = low + (high - low) / 2;
            if (mid == low || mid == high) {
                return high;
            }
            if (rc.rci(pre, mid) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
    }

    @Test
    void reliabilityOneIsUndefinedButForNk() {
        for (RciMethod method : new RciMethod[] {RciMethod.JT, RciMethod.GLN, RciMethod.HLL, RciMethod.EN,
                RciMethod.HA}) {
            assertThatThrownBy(() -> ReliableChange.of(method, SAMPLE, LOWER, 1.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(method + " reliable change index is undefined: reliability 1 gives a standard "
                            + "error of 0");
        }
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.NK, SAMPLE, LOWER, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NK reliable change index is undefined: the denominator is 0");
        // r = 0 is allowed (R accepts both ends).
        assertThat(ReliableChange.of(RciMethod.JT, SAMPLE, LOWER, 0.0).denominator()).isEqualTo(Math.sqrt(200));
    }

    @Test
    void sdZeroAndTooFewPairsAreUndefined() {
        PairedSample flatPre = PairedSample.of(new double[] {5, 5, 5}, new double[] {1, 2, 3});
        for (RciMethod method : RciMethod.values()) {
            assertThatThrownBy(() -> ReliableChange.of(method, flatPre, LOWER, 0.8))
                    .hasMessage(method + " reliable change index is undefined: the SD of the pre scores is 0");
        }
        PairedSample one = PairedSample.of(new double[] {5}, new double[] {1});
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.JT, one, LOWER, 0.8))
                .hasMessage("JT reliable change index is undefined: fewer than 2 complete pairs (n = 1)");
        PairedSample flatPost = PairedSample.of(new double[] {1, 2, 3}, new double[] {5, 5, 5});
        assertThat(ReliableChange.of(RciMethod.JT, flatPost, LOWER, 0.8).classify(1, 5))
                .isEqualTo(Category.DETERIORATED);
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.HA, flatPost, LOWER, 0.8))
                .hasMessage("HA reliable change index is undefined: the SD of the post scores is 0");
    }

    @Test
    void haWithANonPositiveReliabilityOfTheDifferenceIsUndefined() {
        // post 4, 14, 30: r12 = 260 / sqrt(200 × 344) = 0.991241, r_dd = (75 + 147 − 260) / (272 − 260) < 0
        PairedSample close = PairedSample.of(PRE, new double[] {4, 14, 30});
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.HA, close, LOWER, 0.75))
                .hasMessageStartingWith("HA reliable change index is undefined: the reliability of the "
                        + "difference r_dd is -3.16");
        // post = pre + 10: r12 = 1 and equal SDs: r_dd = 0/0
        PairedSample shifted = PairedSample.of(PRE, new double[] {20, 30, 40});
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.HA, shifted, LOWER, 0.75))
                .hasMessageContaining("the reliability of the difference r_dd is");
    }

    @Test
    void parametersOutOfRange() {
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.JT, SAMPLE, LOWER, 1.2))
                .hasMessage("reliability must lie in [0, 1], got 1.2");
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.JT, SAMPLE, LOWER, Double.NaN))
                .hasMessage("reliability must lie in [0, 1], got NaN");
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.NK, SAMPLE, LOWER, 0.8, -0.1, 0.05))
                .hasMessage("reliability_post must lie in [0, 1], got -0.1");
        assertThatThrownBy(() -> ReliableChange.of(RciMethod.JT, SAMPLE, LOWER, 0.8, null, 1.0))
                .hasMessage("alpha must lie in (0, 1), got 1.0");
        assertThatThrownBy(() -> Direction.ofBetterIs("smaller"))
                .hasMessage("better_is must be \"lower\" or \"higher\", got \"smaller\"");
        assertThat(Direction.ofBetterIs("higher")).isEqualTo(HIGHER);
        assertThatThrownBy(() -> RciMethod.ofName("RC"))
                .hasMessage("unknown reliable change method \"RC\"; expected one of JT, GLN, HLL, EN, NK, HA");
    }
}
