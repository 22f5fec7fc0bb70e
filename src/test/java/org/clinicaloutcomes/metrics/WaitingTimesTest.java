package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WaitingTimesTest {

    @Test
    void boundsOf42And126DaysAreInclusive() {
        // Waits 42, 43, 126, 127: within 6 weeks (≤ 42) only 42 → 100.0 × 1 / 4 = 25.0;
        // within 18 weeks (≤ 126): 42, 43, 126 → 100.0 × 3 / 4 = 75.0.
        // Type 7 median of 42 43 126 127: h = (4 − 1) × 0.5 + 1 = 2.5 → 43 + 0.5 × (126 − 43) = 84.5.
        WaitingTimes waits = WaitingTimes.of(new int[] {126, 42, 127, 43});
        assertThat(waits).isEqualTo(new WaitingTimes(4, 84.5, 25.0, 75.0));
    }

    @Test
    void medianMayEndInAHalf() {
        // 0, 10, 11, 30: h = 2.5 → 10 + 0.5 × (11 − 10) = 10.5. All ≤ 42: 100 %, 100 %.
        assertThat(WaitingTimes.of(new int[] {30, 0, 11, 10})).isEqualTo(new WaitingTimes(4, 10.5, 100.0, 100.0));
    }

    @Test
    void oddCountAndSevenths() {
        // 5, 41, 43, 126, 200, 300, 7: sorted 5 7 41 43 126 200 300, h = 6 × 0.5 + 1 = 4 → 43.
        // ≤ 42: 5, 7, 41 → 100.0 × 3 / 7 = 42.857142857142854; ≤ 126: five → 100.0 × 5 / 7 = 71.42857142857143.
        WaitingTimes waits = WaitingTimes.of(new int[] {5, 41, 43, 126, 200, 300, 7});
        assertThat(waits.n()).isEqualTo(7);
        assertThat(waits.medianDays()).isEqualTo(43.0);
        assertThat(waits.within6WeeksPct()).isEqualTo(42.857142857142854);
        assertThat(waits.within18WeeksPct()).isEqualTo(71.42857142857143);
    }

    @Test
    void noWaitIsCountZeroAndTheRestEmpty() {
        assertThat(WaitingTimes.of(new int[0])).isEqualTo(new WaitingTimes(0, null, null, null));
        assertThat(WaitingTimes.of(new int[0])).isSameAs(WaitingTimes.EMPTY);
    }

    @Test
    void negativeWaitIsRefused() {
        assertThatThrownBy(() -> WaitingTimes.of(new int[] {3, -1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitOfOneEpisode() {
        LocalDate referral = LocalDate.of(2024, 1, 1);
        // Same day: 0. Six weeks later, 2024-02-12: Jan 1 → Feb 1 is 31 days, + 11 = 42.
        assertThat(WaitingTimes.waitDays(referral, referral)).isEqualTo(0);
        assertThat(WaitingTimes.waitDays(referral, LocalDate.of(2024, 2, 12))).isEqualTo(42);
        // 2024 is a leap year: Jan 1 → May 6 = 31 + 29 + 31 + 30 + 5 = 126 days.
        assertThat(WaitingTimes.waitDays(referral, LocalDate.of(2024, 5, 6))).isEqualTo(126);
        // No referral date, no attended session, first session before the referral: no wait.
        assertThat(WaitingTimes.waitDays(null, referral)).isNull();
        assertThat(WaitingTimes.waitDays(referral, null)).isNull();
        assertThat(WaitingTimes.waitDays(referral, LocalDate.of(2023, 12, 31))).isNull();
    }
}
