package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpcSignalsTest {

    private static final double TOLERANCE = 1e-12;

    /** Months from pairs {@code k, n, k, n, …}. */
    private static List<Proportion> months(long... kn) {
        List<Proportion> months = new ArrayList<>();
        for (int i = 0; i < kn.length; i += 2) {
            months.add(new Proportion(kn[i], kn[i + 1]));
        }
        return months;
    }

    /** Months of {@code n} paired episodes each, with these numbers of reliable improvements. */
    private static List<Proportion> ofTen(long... k) {
        List<Proportion> months = new ArrayList<>();
        for (long each : k) {
            months.add(new Proportion(each, 10));
        }
        return months;
    }

    private static List<Boolean> runAbove(List<SpcMonth> chart) {
        return chart.stream().map(SpcMonth::runAbove).toList();
    }

    private static List<Boolean> runBelow(List<SpcMonth> chart) {
        return chart.stream().map(SpcMonth::runBelow).toList();
    }

    private static List<Boolean> trendUp(List<SpcMonth> chart) {
        return chart.stream().map(SpcMonth::trendUp).toList();
    }

    private static List<Boolean> trendDown(List<SpcMonth> chart) {
        return chart.stream().map(SpcMonth::trendDown).toList();
    }

    private static List<Boolean> repeat(Boolean value, int times) {
        List<Boolean> values = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            values.add(value);
        }
        return values;
    }

    @SafeVarargs
    private static List<Boolean> concat(List<Boolean>... parts) {
        List<Boolean> all = new ArrayList<>();
        for (List<Boolean> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    @Test
    void limitsWithNOf0And1And40() {
        // Months: 0 of 0, 1 of 1, 19 of 40, 0 of 39. K = 20, N = 80, p = 0.25, centre 25.0 in every month.
        // p (1 − p) = 0.1875.
        // n = 1:  3 × sqrt(0.1875) = 1.2990381; 100 × (0.25 ∓ 1.2990381) = −104.90 .. 154.90 → clamped 0 .. 100.
        //         Rate 100: not above 100 (strictly), not below 0.
        // n = 40: 3 × sqrt(0.1875 / 40) = 0.2053960 → 4.4604041 .. 45.5395959. Rate 47.5 > 45.54: above.
        // n = 39: 3 × sqrt(0.1875 / 39) = 0.2080126 → 4.1987426 .. 45.8012574. Rate 0 < 4.20: below.
        // n = 0:  no limits, no signals, the centre still written.
        List<SpcMonth> chart = SpcSignals.of(months(0, 0, 1, 1, 19, 40, 0, 39));
        assertThat(chart).hasSize(4);
        assertThat(chart).extracting(SpcMonth::centrePct).containsOnly(25.0);

        assertThat(chart.get(0)).isEqualTo(new SpcMonth(25.0, null, null, null, null, null, null, null, null,
                null, null, null));
        assertThat(chart.get(0).live()).isFalse();

        SpcMonth one = chart.get(1);
        assertThat(one.lowerPct()).isEqualTo(0.0);
        assertThat(one.upperPct()).isEqualTo(100.0);
        assertThat(one.aboveLimit()).isFalse();
        assertThat(one.belowLimit()).isFalse();

        SpcMonth forty = chart.get(2);
        assertThat(forty.lowerPct()).isCloseTo(4.4604040935562725, within(TOLERANCE));
        assertThat(forty.upperPct()).isCloseTo(45.53959590644373, within(TOLERANCE));
        assertThat(forty.aboveLimit()).isTrue();
        assertThat(forty.belowLimit()).isFalse();

        SpcMonth thirtyNine = chart.get(3);
        assertThat(thirtyNine.lowerPct()).isCloseTo(4.198742641553907, within(TOLERANCE));
        assertThat(thirtyNine.upperPct()).isCloseTo(45.801257358446094, within(TOLERANCE));
        assertThat(thirtyNine.aboveLimit()).isFalse();
        assertThat(thirtyNine.belowLimit()).isTrue();

        // Three live months: no run, no trend (false, not empty).
        for (SpcMonth month : chart.subList(1, 4)) {
            assertThat(month.runAbove()).isFalse();
            assertThat(month.runBelow()).isFalse();
            assertThat(month.trendUp()).isFalse();
            assertThat(month.trendDown()).isFalse();
            assertThat(month.runLength()).isNull();
        }
    }

    @Test
    void limitsAtPOfZeroEqualTheCentre() {
        // 0 of 3, 0 of 5, 0 of 0: K = 0, p = 0 → sqrt(0) = 0, limits 0 .. 0 = centre 0.
        // Every rate is 0: on the line, not outside the limits; equal months: no trend.
        List<SpcMonth> chart = SpcSignals.of(months(0, 3, 0, 5, 0, 0));
        SpcMonth noSignal = new SpcMonth(0.0, 0.0, 0.0, false, false, false, false, false, false, null, null, null);
        assertThat(chart.get(0)).isEqualTo(noSignal);
        assertThat(chart.get(1)).isEqualTo(noSignal);
        assertThat(chart.get(2)).isEqualTo(new SpcMonth(0.0, null, null, null, null, null, null, null, null,
                null, null, null));
    }

    @Test
    void limitsAtPOfOneEqualTheCentre() {
        // 3 of 3, 5 of 5: p = 1, limits 100 .. 100; a rate of 100 is not strictly above 100.
        List<SpcMonth> chart = SpcSignals.of(months(3, 3, 5, 5));
        SpcMonth noSignal = new SpcMonth(100.0, 100.0, 100.0, false, false, false, false, false, false,
                null, null, null);
        assertThat(chart).containsExactly(noSignal, noSignal);
    }

    @Test
    void everythingEmptyWithoutAPairedEpisode() {
        List<SpcMonth> chart = SpcSignals.of(months(0, 0, 0, 0, 0, 0));
        assertThat(chart).containsExactly(SpcMonth.EMPTY, SpcMonth.EMPTY, SpcMonth.EMPTY);
        assertThat(SpcSignals.of(List.of())).isEmpty();
    }

    @Test
    void runOfSixIsNoSignal() {
        // 6 × (1 of 1), then 6 × (0 of 1): K = 6, N = 12, p = 0.5. Above: 1 × 12 > 6 × 1; below: 0 < 6.
        // Runs of 6 above and 6 below: no shift. Limits at n = 1: 100 × (0.5 ∓ 1.5) → 0 .. 100, none outside.
        // Steps: ties, one fall (month 6 → 7): no trend.
        List<SpcMonth> chart = SpcSignals.of(months(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1));
        assertThat(runAbove(chart)).containsOnly(false);
        assertThat(runBelow(chart)).containsOnly(false);
        assertThat(chart).noneMatch(SpcMonth::anySignal);
    }

    @Test
    void runOfSevenAboveAndBelow() {
        // 7 × (1 of 1), then 7 × (0 of 1): K = 7, N = 14, p = 0.5: a run of 7 above from the first
        // month of the series (reading 20: it counts from there), then a run of 7 below.
        List<SpcMonth> chart = SpcSignals.of(months(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1));
        assertThat(runAbove(chart)).isEqualTo(concat(repeat(true, 7), repeat(false, 7)));
        assertThat(runBelow(chart)).isEqualTo(concat(repeat(false, 7), repeat(true, 7)));
        assertThat(chart).extracting(SpcMonth::runLength).containsOnly(7);
        assertThat(trendUp(chart)).containsOnly(false);
        assertThat(trendDown(chart)).containsOnly(false);
    }

    @Test
    void aMonthOnTheLineEndsARun() {
        // A = 1 of 1, L = 1 of 2, then 0 of 2 three times and 0 of 1:
        // K = 7 + 1 = 8, N = 7 + 2 + 6 + 1 = 16, p = 1/2. L: 1 × 16 = 8 × 2, on the line.
        // Months: A A A A L A A A, B B B B → above: 4, (line), 3; below: 4 → no run anywhere,
        // though the seven A months would be a run without L between them.
        List<SpcMonth> chart = SpcSignals.of(months(1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1,
                0, 2, 0, 2, 0, 2, 0, 1));
        assertThat(chart.get(4).centrePct()).isEqualTo(50.0);
        assertThat(runAbove(chart)).containsOnly(false);
        assertThat(runBelow(chart)).containsOnly(false);
        assertThat(chart.get(4).live()).isTrue();
    }

    @Test
    void aSkippedMonthInsideARunNeitherCountsNorEndsIt() {
        // As above with 0 of 0 in place of L: K = 7, N = 14, p = 1/2. A A A A (skip) A A A is a
        // run of 7 live months over 8 calendar months: all seven flagged, length 7; the skipped
        // month is empty. The 4 months below: no run.
        List<SpcMonth> chart = SpcSignals.of(months(1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1,
                0, 2, 0, 2, 0, 2, 0, 1));
        List<Boolean> expected = concat(repeat(true, 4), repeat(null, 1), repeat(true, 3), repeat(false, 4));
        assertThat(runAbove(chart)).isEqualTo(expected);
        assertThat(chart.get(4)).isEqualTo(new SpcMonth(50.0, null, null, null, null, null, null, null, null,
                null, null, null));
        assertThat(chart.get(7).runLength()).isEqualTo(7);
        assertThat(runBelow(chart)).isEqualTo(concat(repeat(false, 4), repeat(null, 1), repeat(false, 7)));
    }

    @Test
    void runLongerThanSevenCarriesItsLength() {
        // 9 × (1 of 1), then 9 × (0 of 1): p = 1/2, runs of 9 live months: every month flagged, length 9.
        List<Proportion> series = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            series.add(new Proportion(1, 1));
        }
        for (int i = 0; i < 9; i++) {
            series.add(new Proportion(0, 1));
        }
        List<SpcMonth> chart = SpcSignals.of(series);
        assertThat(runAbove(chart)).isEqualTo(concat(repeat(true, 9), repeat(false, 9)));
        assertThat(runBelow(chart)).isEqualTo(concat(repeat(false, 9), repeat(true, 9)));
        assertThat(chart).extracting(SpcMonth::runLength).containsOnly(9);
    }

    @Test
    void trendOfSevenMonthsWithSixRises() {
        // k = 1 … 7 of 10: 6 strict rises, 7 months, all flagged, the first included.
        // K = 28, N = 70, p = 0.4. Above (k > 4): 3 months, below (k < 4): 3, k = 4 on the line: no run.
        // Limits: 3 × sqrt(0.024) = 0.4647580 → 100 × (0.4 ∓ 0.4647580) → 0 .. 86.4758002; rates 10 … 70 inside.
        List<SpcMonth> chart = SpcSignals.of(ofTen(1, 2, 3, 4, 5, 6, 7));
        assertThat(trendUp(chart)).containsOnly(true);
        assertThat(trendDown(chart)).containsOnly(false);
        assertThat(chart).extracting(SpcMonth::trendUpLength).containsOnly(7);
        assertThat(chart).extracting(SpcMonth::trendDownLength).containsOnly((Integer) null);
        assertThat(runAbove(chart)).containsOnly(false);
        assertThat(runBelow(chart)).containsOnly(false);
        assertThat(chart.get(0).upperPct()).isCloseTo(86.47580015448901, within(TOLERANCE));
        assertThat(chart.get(0).lowerPct()).isEqualTo(0.0);
        assertThat(chart.get(0).centrePct()).isEqualTo(40.0);
    }

    @Test
    void sixMonthsWithFiveRisesAreNoTrend() {
        // k = 1 … 6 of 10: 5 rises → no trend.
        assertThat(trendUp(SpcSignals.of(ofTen(1, 2, 3, 4, 5, 6)))).containsOnly(false);
        // k = 3, 1, 2, 3, 4, 5, 6, 2: a fall, 5 rises, a fall → no trend either way.
        List<SpcMonth> chart = SpcSignals.of(ofTen(3, 1, 2, 3, 4, 5, 6, 2));
        assertThat(trendUp(chart)).containsOnly(false);
        assertThat(trendDown(chart)).containsOnly(false);
        // k = 6 … 1 of 10: 5 falls → no trend; k = 7 … 1: 6 falls → all 7 months trend down.
        assertThat(trendDown(SpcSignals.of(ofTen(6, 5, 4, 3, 2, 1)))).containsOnly(false);
        assertThat(trendDown(SpcSignals.of(ofTen(7, 6, 5, 4, 3, 2, 1)))).containsOnly(true);
    }

    @Test
    void aTieEndsATrend() {
        // 1/10, 2/10, 3/10, 6/20, 4/10, 5/10, 6/10, 7/10. 6/20 against 3/10: 6 × 10 = 3 × 20, a tie
        // (compared as fractions). Rises: 2, tie, then 6/20 → 4/10 … 7/10: 4 (4 × 20 > 6 × 10 …).
        // Were the tie a rise (7 rises) or left out (1 … 7: 6 rises) this would be a trend; it is not.
        List<SpcMonth> chart = SpcSignals.of(months(1, 10, 2, 10, 3, 10, 6, 20, 4, 10, 5, 10, 6, 10, 7, 10));
        assertThat(trendUp(chart)).containsOnly(false);
        assertThat(trendDown(chart)).containsOnly(false);
    }

    @Test
    void aTiedMonthCanStartTheNextTrend() {
        // k = 5 5 6 7 8 9 10 10 of 10: month 1 ties month 0, months 1 … 6 rise 5 times (5 → 10),
        // month 7 ties: 6 months with 5 rises, no trend.
        // k = 4 4 5 6 7 8 9 10: months 1 … 7 rise 6 times, a trend of 7 months that starts with the
        // tied month; month 0 (before the tie) is not in it.
        assertThat(trendUp(SpcSignals.of(ofTen(5, 5, 6, 7, 8, 9, 10, 10)))).containsOnly(false);
        List<SpcMonth> chart = SpcSignals.of(ofTen(4, 4, 5, 6, 7, 8, 9, 10));
        assertThat(trendUp(chart)).isEqualTo(concat(repeat(false, 1), repeat(true, 7)));
    }

    @Test
    void aRiseFollowedDirectlyByAFallShareTheirMonth() {
        // k = 1 2 3 4 5 6 7 6 5 4 3 2 1 of 10: months 0 … 6 rise 6 times, months 6 … 12 fall 6 times:
        // month 6 (7 of 10) is the last of the rise and the first of the fall, both flags true.
        // K = 28 + 21 = 49, N = 130, p = 0.3769231. Above the line when k × 130 > 49 × 10, k ≥ 4:
        // months 3 … 9 (4 5 6 7 6 5 4), a run of 7. Below (k ≤ 3): 3 and 3 months, no run.
        // Limits: 3 × sqrt(p (1 − p) / 10) = 0.4597468 → 0 .. 83.6669598; rates 10 … 70 inside.
        List<SpcMonth> chart = SpcSignals.of(ofTen(1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1));
        assertThat(trendUp(chart)).isEqualTo(concat(repeat(true, 7), repeat(false, 6)));
        assertThat(trendDown(chart)).isEqualTo(concat(repeat(false, 6), repeat(true, 7)));
        assertThat(chart.get(6).trendUpLength()).isEqualTo(7);
        assertThat(chart.get(6).trendDownLength()).isEqualTo(7);
        assertThat(runAbove(chart)).isEqualTo(concat(repeat(false, 3), repeat(true, 7), repeat(false, 3)));
        assertThat(runBelow(chart)).containsOnly(false);
        assertThat(chart.get(0).centrePct()).isEqualTo(100.0 * 49 / 130);
        assertThat(chart.get(0).upperPct()).isCloseTo(83.66695982860183, within(TOLERANCE));
        assertThat(chart).noneMatch(month -> month.aboveLimit() || month.belowLimit());
    }

    @Test
    void aTrendLongerThanSevenIsOneTrendWithItsLength() {
        // k = 1 … 8 of 10: 7 rises, 8 months: every month belongs to 7 months with 6 rises.
        List<SpcMonth> chart = SpcSignals.of(ofTen(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(trendUp(chart)).containsOnly(true);
        assertThat(chart).extracting(SpcMonth::trendUpLength).containsOnly(8);
    }

    @Test
    void aSkippedMonthInsideATrend() {
        // 1 2 3 (0 of 0) 4 5 6 7 of 10: 4/10 is compared with 3/10, the previous live month: 6 rises
        // over 7 live months; the skipped month is empty.
        List<SpcMonth> chart = SpcSignals.of(months(1, 10, 2, 10, 3, 10, 0, 0, 4, 10, 5, 10, 6, 10, 7, 10));
        assertThat(trendUp(chart)).isEqualTo(concat(repeat(true, 3), repeat(null, 1), repeat(true, 4)));
        assertThat(chart.get(3).centrePct()).isEqualTo(40.0);
        assertThat(chart.get(3).upperPct()).isNull();
    }

    @Test
    void comparesExactlyBeyondLong() {
        // 2^62 × 4 = 2^64 and 3 × 2^61 × 2 = 0.75 × 2^64 both overflow a long; BigInteger: 2^64 is larger.
        long big = 1L << 62;
        assertThat(SpcSignals.compareProducts(big, 4, 3 * (big / 2), 2)).isEqualTo(1);
        assertThat(SpcSignals.compareProducts(big, 4, big, 4)).isEqualTo(0);
        assertThat(SpcSignals.compareProducts(3, 7, 4, 5)).isEqualTo(1);
        // 10^7 counts: 10^7 × 10^9 = 10^16 fits a long.
        assertThat(SpcSignals.compareProducts(10_000_000L, 1_000_000_000L, 10_000_001L, 999_999_999L))
                .isEqualTo(-1);
    }
}
