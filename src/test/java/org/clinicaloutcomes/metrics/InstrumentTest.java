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
}
