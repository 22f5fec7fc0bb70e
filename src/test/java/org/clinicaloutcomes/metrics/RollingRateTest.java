package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingRateTest {

    private static final YearMonth JAN_2024 = YearMonth.of(2024, 1);

    @Test
    void poolsTheTwelveCalendarMonthsEndingWithTheMonth() {
        // Month m = 2024-03, pool 2023-04 … 2024-03.
        //   2023-03: 9 of 9  (13 months back: outside the pool)
        //   2023-04: 1 of 4  (the first month of the pool, before a series starting in 2024-01)
        //   2023-10: 2 of 2
        //   2024-01: 0 of 0  (adds nothing)
        //   2024-03: 3 of 6
        //   2024-04: 5 of 5  (after m: outside)
        // Σ k = 1 + 2 + 3 = 6, Σ n = 4 + 2 + 6 = 12 → 100.0 × 6 / 12 = 50.0
        // (not the mean of the monthly rates, (25 + 100 + 50) / 3 = 58.33…).
        Map<YearMonth, Proportion> counts = new HashMap<>();
        counts.put(YearMonth.of(2023, 3), new Proportion(9, 9));
        counts.put(YearMonth.of(2023, 4), new Proportion(1, 4));
        counts.put(YearMonth.of(2023, 10), new Proportion(2, 2));
        counts.put(JAN_2024, Proportion.EMPTY);
        counts.put(YearMonth.of(2024, 3), new Proportion(3, 6));
        counts.put(YearMonth.of(2024, 4), new Proportion(5, 5));

        assertThat(RollingRate.pooled(YearMonth.of(2024, 3), counts)).isEqualTo(new Proportion(6, 12));
        assertThat(RollingRate.pooledPercent(YearMonth.of(2024, 3), counts)).isEqualTo(50.0);
    }

    @Test
    void reachesBackBeforeTheSeriesAcrossTheYear() {
        // A series starting in 2024-01: its first month's pool is 2023-02 … 2024-01, all of it
        // before the series except the month itself. 2023-02: 1 of 3; 2024-01: 1 of 4.
        // Σ 2 / Σ 7 → 100.0 × 2 / 7 = 28.571428571428573. 2023-01 (13th month back) is left out.
        Map<YearMonth, Proportion> counts = Map.of(
                YearMonth.of(2023, 1), new Proportion(7, 7),
                YearMonth.of(2023, 2), new Proportion(1, 3),
                JAN_2024, new Proportion(1, 4));
        assertThat(RollingRate.pooled(JAN_2024, counts)).isEqualTo(new Proportion(2, 7));
        assertThat(RollingRate.pooledPercent(JAN_2024, counts)).isEqualTo(100.0 * 2 / 7);
    }

    @Test
    void emptyPoolIsNotDefined() {
        // Only months outside m − 11 … m carry episodes, and m itself has 0 of 0: Σ n = 0 → null.
        Map<YearMonth, Proportion> counts = Map.of(
                YearMonth.of(2022, 12), new Proportion(1, 2),
                JAN_2024, Proportion.EMPTY,
                YearMonth.of(2024, 2), new Proportion(1, 1));
        assertThat(RollingRate.pooled(JAN_2024, counts)).isEqualTo(Proportion.EMPTY);
        assertThat(RollingRate.pooledPercent(JAN_2024, counts)).isNull();
        assertThat(RollingRate.pooledPercent(JAN_2024, Map.of())).isNull();
    }

    @Test
    void zeroOfSomeIsZeroNotEmpty() {
        // 0 of 5 in the pool is a rate of 0 %, defined.
        assertThat(RollingRate.pooledPercent(JAN_2024, Map.of(YearMonth.of(2023, 6), new Proportion(0, 5))))
                .isEqualTo(0.0);
    }

    @Test
    void proportionChecksItsCounts() {
        assertThatThrownBy(() -> new Proportion(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Proportion(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Proportion(1, 3).plus(new Proportion(2, 5))).isEqualTo(new Proportion(3, 8));
        assertThat(Proportion.EMPTY.percent()).isNull();
    }
}
