package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.Test;

class IntegerHistogramTest {

    @Test
    void theQuartilesAreTheSameBitsAsQuantilesOfTheValuesThemselves() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(trial < 100 ? 12 : 3_000);
            long[] data = new long[n];
            int[] asInts = new int[n];
            for (int i = 0; i < n; i++) {
                asInts[i] = random.nextInt(40) - 5;
                data[i] = asInts[i];
            }

            assertThat(IntegerHistogram.of(data).quartiles()).as("n = %d", n).isEqualTo(Quantiles.of(asInts));
        }
        assertThat(IntegerHistogram.empty().quartiles()).isNull();
    }

    @Test
    void partsMergedInAnyOrderGiveTheHistogramOfTheWhole() {
        Random random = new Random(19);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            values.add((long) random.nextInt(161) - 80);
        }
        IntegerHistogram whole = IntegerHistogram.of(values.stream().mapToLong(Long::longValue).toArray());
        for (int trial = 0; trial < 5; trial++) {
            Collections.shuffle(values, random);
            // a partition of the shuffled values into 2 to 8 parts at random cuts
            List<Integer> cuts = new ArrayList<>(List.of(0, values.size()));
            for (int c = 0; c < 1 + random.nextInt(7); c++) {
                cuts.add(1 + random.nextInt(values.size() - 1));
            }
            Collections.sort(cuts);
            List<IntegerHistogram> parts = new ArrayList<>();
            for (int c = 0; c + 1 < cuts.size(); c++) {
                parts.add(IntegerHistogram.of(values.subList(cuts.get(c), cuts.get(c + 1)).stream()
                        .mapToLong(Long::longValue).toArray()));
            }
            Collections.shuffle(parts, random);

            IntegerHistogram merged = IntegerHistogram.empty();
            for (IntegerHistogram part : parts) {
                merged = part.merge(merged);
            }
            assertThat(merged).isEqualTo(whole);
            assertThat(merged.quartiles()).isEqualTo(whole.quartiles());
        }
    }

    @Test
    void midRanksAndTheTieSumAreThoseOfAverageRanking() {
        double[] data = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
        long[] asLongs = new long[data.length];
        for (int i = 0; i < data.length; i++) {
            asLongs[i] = (long) data[i];
        }
        IntegerHistogram histogram = IntegerHistogram.of(asLongs);
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(data);

        for (int i = 0; i < data.length; i++) {
            assertThat(histogram.doubledMidRank(asLongs[i]) / 2.0).isEqualTo(ranks[i]);
        }
        // ties: 1 ×2, 3 ×2, 5 ×3 → (8 − 2) + (8 − 2) + (27 − 3)
        assertThat(histogram.tieSum()).isEqualTo(36);
        assertThat(histogram.count(5)).isEqualTo(3);
        assertThat(histogram.count(7)).isZero();
        assertThatThrownBy(() -> histogram.doubledMidRank(7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderCountsSmallAndLargeAndNegativeValuesAsOfDoes() {
        Random random = new Random(3);
        long[] data = new long[5_000];
        IntegerHistogram.Builder builder = IntegerHistogram.builder();
        for (int i = 0; i < data.length; i++) {
            int kind = random.nextInt(4);
            data[i] = kind == 0 ? -random.nextInt(1_000) : kind == 1 ? 70_000L + random.nextInt(50) : random.nextInt(60);
            builder.add(data[i]);
        }

        assertThat(builder.build()).isEqualTo(IntegerHistogram.of(data));
        assertThat(IntegerHistogram.builder().build()).isEqualTo(IntegerHistogram.empty());
    }

    @Test
    void countsAtMostABoundAndTheSmallestValue() {
        IntegerHistogram histogram = IntegerHistogram.of(42, 43, 0, 126, 127, 42);

        assertThat(histogram.countAtMost(42)).isEqualTo(3);
        assertThat(histogram.countAtMost(126)).isEqualTo(5);
        assertThat(histogram.countAtMost(-1)).isZero();
        assertThat(histogram.min()).isZero();
        assertThat(IntegerHistogram.empty().min()).isNull();
    }

    @Test
    void orderStatisticsOutsideOneToNAreRefused() {
        IntegerHistogram histogram = IntegerHistogram.of(4, 4, 8);

        assertThat(histogram.orderStatistic(1)).isEqualTo(4);
        assertThat(histogram.orderStatistic(3)).isEqualTo(8);
        assertThatThrownBy(() -> histogram.orderStatistic(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> histogram.orderStatistic(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
