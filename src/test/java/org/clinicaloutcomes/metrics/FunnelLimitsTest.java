package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FunnelLimitsTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void workedExample() {
        // p = 0.3, n = 10: SE = sqrt(0.3 × 0.7 / 10) = sqrt(0.021) = 0.1449138.
        // 95%: 100 × (0.3 ∓ 1.96 × 0.1449138) = 1.5969016 .. 58.4030984.
        // 99.8%: 100 × (0.3 ∓ 3.09 × 0.1449138) = −14.778 → clamped to 0 .. 74.7783541.
        FunnelLimits limits = FunnelLimits.of(0.3, 10);
        assertThat(limits.inner95().low()).isCloseTo(1.5969015774687012, within(TOLERANCE));
        assertThat(limits.inner95().high()).isCloseTo(58.40309842253129, within(TOLERANCE));
        assertThat(limits.outer998().low()).isEqualTo(0.0);
        assertThat(limits.outer998().high()).isCloseTo(74.77835414572536, within(TOLERANCE));
    }

    @Test
    void limitsNarrowWithN() {
        // n = 50: SE = sqrt(0.21 / 50) = 0.0648074; 95% 17.2977482 .. 42.7022518; 99.8% 9.9745112 .. 50.0254888.
        FunnelLimits limits = FunnelLimits.of(0.3, 50);
        assertThat(limits.inner95().low()).isCloseTo(17.297748231120593, within(TOLERANCE));
        assertThat(limits.inner95().high()).isCloseTo(42.70225176887941, within(TOLERANCE));
        assertThat(limits.outer998().low()).isCloseTo(9.974511241919714, within(TOLERANCE));
        assertThat(limits.outer998().high()).isCloseTo(50.025488758080286, within(TOLERANCE));
    }

    @Test
    void usesTheLiteralZ() {
        Interval limits = FunnelLimits.limits(0.5, 100, FunnelLimits.Z_95);
        // 100 × (0.5 ± 1.96 × 0.05) = 40.2 .. 59.8.
        assertThat(limits.low()).isCloseTo(40.2, within(TOLERANCE));
        assertThat(limits.high()).isCloseTo(59.8, within(TOLERANCE));
    }

    @Test
    void extremeProportionsCollapseAndClamp() {
        assertThat(FunnelLimits.of(1.0, 5).inner95()).isEqualTo(new Interval(100, 100));
        assertThat(FunnelLimits.of(0.0, 5).outer998()).isEqualTo(new Interval(0, 0));
        assertThat(FunnelLimits.of(0.95, 2).outer998().high()).isEqualTo(100.0);
    }

    @Test
    void undefinedWithoutEpisodesOrAProportion() {
        assertThat(FunnelLimits.of(0.3, 0)).isNull();
        assertThat(FunnelLimits.of(Double.NaN, 10)).isNull();
        assertThat(FunnelLimits.of(1.2, 10)).isNull();
    }
}
