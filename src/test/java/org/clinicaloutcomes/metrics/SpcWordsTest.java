package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpcWordsTest {

    private static List<Proportion> ofTen(long... k) {
        List<Proportion> months = new ArrayList<>();
        for (long each : k) {
            months.add(each < 0 ? Proportion.EMPTY : new Proportion(each, 10));
        }
        return months;
    }

    @Test
    void noSignalIsWithinTheUsualVariation() {
        // 1 of 10, 2 of 10: p = 0.15, limits 0 .. 48.87 at n = 10, no run, no trend.
        assertThat(SpcSignals.of(ofTen(1, 2))).extracting(SpcWords::of).containsOnly(SpcWords.NO_SIGNAL);
    }

    @Test
    void limitsInWords() {
        // 19 of 40 is above the upper limit, 0 of 39 below the lower (SpcSignalsTest, p = 0.25).
        List<SpcMonth> chart = SpcSignals.of(List.of(new Proportion(1, 1), new Proportion(19, 40),
                new Proportion(0, 39)));
        assertThat(chart).extracting(SpcWords::of)
                .containsExactly(SpcWords.NO_SIGNAL, "unusually high", "unusually low");
    }

    @Test
    void runsOfSevenAndLongerInWords() {
        // 7 × (10 of 10), 9 × (0 of 10): p = 70 / 160 = 0.4375. Limits at n = 10:
        // 3 × sqrt(0.4375 × 0.5625 / 10) = 0.4706 → 0 .. 90.81: 100 % is above, so those months
        // are also unusually high. Steps: one fall (month 6 → 7), no trend.
        List<Proportion> series = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            series.add(new Proportion(10, 10));
        }
        for (int i = 0; i < 9; i++) {
            series.add(new Proportion(0, 10));
        }
        List<String> words = SpcSignals.of(series).stream().map(SpcWords::of).toList();
        assertThat(words.subList(0, 7)).containsOnly("unusually high, 7 months in a row above the average");
        assertThat(words.subList(7, 16)).containsOnly("9 months in a row below the average");
    }

    @Test
    void trendsInWordsAndTheSharedMonth() {
        // 1 … 8 of 10 then 7 … 1: rising for 8 months (months 0 … 7), falling for 8 (months 7 … 14).
        // K = 36 + 28 = 64, N = 150, p = 0.4267: above when k × 150 > 640, k ≥ 5: months 4 … 10, a run of 7.
        // Limits at n = 10: 3 × sqrt(0.4267 × 0.5733 / 10) = 0.4692 → 0 .. 89.59, rates inside.
        List<String> words = SpcSignals.of(ofTen(1, 2, 3, 4, 5, 6, 7, 8, 7, 6, 5, 4, 3, 2, 1)).stream()
                .map(SpcWords::of).toList();
        assertThat(words.get(0)).isEqualTo("rising for 8 months");
        assertThat(words.get(4)).isEqualTo("7 months in a row above the average, rising for 8 months");
        assertThat(words.get(7))
                .isEqualTo("7 months in a row above the average, rising for 8 months, falling for 8 months");
        assertThat(words.get(14)).isEqualTo("falling for 8 months");
    }

    @Test
    void emptyMonthsHaveNoWords() {
        // A skipped month in a live series, and every month of a series without a paired episode.
        assertThat(SpcSignals.of(ofTen(1, -1, 2))).extracting(SpcWords::of)
                .containsExactly(SpcWords.NO_SIGNAL, null, SpcWords.NO_SIGNAL);
        assertThat(SpcWords.of(SpcMonth.EMPTY)).isNull();
        assertThat(SpcWords.of(null)).isNull();
    }
}
