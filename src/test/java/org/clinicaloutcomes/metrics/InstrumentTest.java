package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InstrumentTest {

    @Test
    void jacobsonTruaxThresholdOfDers16Defaults() {
        // 1.96 × 13.1 × sqrt(2 × (1 − 0.85)) = 25.676 × sqrt(0.3) = 25.676 × 0.5477226 = 14.06332...
        assertThat(Instrument.jacobsonTruax(13.1, 0.85)).isCloseTo(14.063325, within(1e-6));
    }

    @Test
    void clinicalRangeAndReductionFollowTheDirection() {
        Instrument pcl5 = new Instrument("pcl5", "PCL-5", 0, 80, false, true, 33.0, 10);
        Instrument wellbeing = new Instrument("wb", "Wellbeing", 0, 10, true, false, 4.0, 2);
        assertThat(pcl5.isClinical(33)).isTrue();
        assertThat(pcl5.isClinical(32)).isFalse();
        assertThat(pcl5.reduction(50, 30)).isEqualTo(20);
        assertThat(wellbeing.isClinical(4)).isTrue();
        assertThat(wellbeing.isClinical(4.5)).isFalse();
        assertThat(wellbeing.reduction(3, 7)).isEqualTo(4);
    }

    @Test
    void jacobsonTruaxThresholdsToFullPrecision() {
        // DERS-16: 1.96 × 13.1 × sqrt(2 × 0.15) = 25.676 × 0.5477226 = 14.0633244.
        assertThat(Instrument.jacobsonTruax(13.1, 0.85)).isCloseTo(14.063324386502646, within(1e-12));
        // AAQ-II: 1.96 × 9.9 × sqrt(2 × 0.19) = 19.404 × 0.6164414 = 11.9614289.
        assertThat(Instrument.jacobsonTruax(9.9, 0.81)).isCloseTo(11.961428931361, within(1e-12));
        // SD 25, r 0.5: 1.96 × 25 × sqrt(1) = 49, exactly representable (used for threshold ties).
        assertThat(Instrument.jacobsonTruax(25, 0.5)).isEqualTo(49.0);
    }

    @Test
    void noCutoffIsNeverClinical() {
        assertThat(TestInstruments.DERS16.hasCutoff()).isFalse();
        assertThat(TestInstruments.DERS16.isClinical(80)).isFalse();
        assertThat(TestInstruments.DAS.isClinical(105.0)).isTrue();
        assertThat(TestInstruments.DAS.isClinical(106.0)).isFalse();
    }
}
