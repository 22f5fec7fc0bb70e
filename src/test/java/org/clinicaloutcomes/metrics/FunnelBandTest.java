package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunnelBandTest {

    // p = 0.3, n = 50 (FunnelLimitsTest): 95% 17.2977 .. 42.7023; 99.8% 9.9745 .. 50.0255.
    private static final FunnelLimits LIMITS = FunnelLimits.of(0.3, 50);

    @Test
    void eachBandOfAWorkedExample() {
        // 26 of 50 = 52 % > 50.0255: above the 99.8% limit.
        assertThat(FunnelBand.of(52.0, LIMITS)).isEqualTo(FunnelBand.ABOVE_998);
        // 23 of 50 = 46 %: above 42.7023, below 50.0255.
        assertThat(FunnelBand.of(46.0, LIMITS)).isEqualTo(FunnelBand.ABOVE_95);
        // 15 of 50 = 30 %: the practice rate itself.
        assertThat(FunnelBand.of(30.0, LIMITS)).isEqualTo(FunnelBand.WITHIN);
        // 8 of 50 = 16 %: below 17.2977, above 9.9745.
        assertThat(FunnelBand.of(16.0, LIMITS)).isEqualTo(FunnelBand.BELOW_95);
        // 4 of 50 = 8 % < 9.9745.
        assertThat(FunnelBand.of(8.0, LIMITS)).isEqualTo(FunnelBand.BELOW_998);
    }

    @Test
    void aRateOnALimitIsWithinThatLimit() {
        // p = 0.5, n = 100: 95% limits 40.2 .. 59.8 (FunnelLimitsTest); compare with the limits as computed.
        FunnelLimits limits = FunnelLimits.of(0.5, 100);
        assertThat(FunnelBand.of(limits.inner95().high(), limits)).isEqualTo(FunnelBand.WITHIN);
        assertThat(FunnelBand.of(limits.inner95().low(), limits)).isEqualTo(FunnelBand.WITHIN);
        assertThat(FunnelBand.of(limits.outer998().high(), limits)).isEqualTo(FunnelBand.ABOVE_95);
        assertThat(FunnelBand.of(limits.outer998().low(), limits)).isEqualTo(FunnelBand.BELOW_95);
    }

    @Test
    void clampedLimitsAreComparedAsClamped() {
        // p = 0: every limit is 0; a rate of 0 is within, any rate above 0 is above 99.8%.
        FunnelLimits zero = FunnelLimits.of(0.0, 20);
        assertThat(FunnelBand.of(0.0, zero)).isEqualTo(FunnelBand.WITHIN);
        assertThat(FunnelBand.of(5.0, zero)).isEqualTo(FunnelBand.ABOVE_998);
        // p = 0.3, n = 10: the 99.8% low is clamped to 0, so 0 % is below 95% (1.5969) only.
        assertThat(FunnelBand.of(0.0, FunnelLimits.of(0.3, 10))).isEqualTo(FunnelBand.BELOW_95);
        // p = 1: limits 100 .. 100; 100 % is within.
        assertThat(FunnelBand.of(100.0, FunnelLimits.of(1.0, 7))).isEqualTo(FunnelBand.WITHIN);
    }

    @Test
    void noBandWithoutARateOrLimits() {
        assertThat(FunnelBand.of(null, LIMITS)).isNull();
        assertThat(FunnelBand.of(40.0, null)).isNull();
        assertThat(FunnelBand.codeOf(null)).isNull();
    }

    @Test
    void theCodesOfTheSpecification() {
        assertThat(FunnelBand.values()).extracting(FunnelBand::code)
                .containsExactly("above_99.8", "above_95", "within", "below_95", "below_99.8");
    }
}
