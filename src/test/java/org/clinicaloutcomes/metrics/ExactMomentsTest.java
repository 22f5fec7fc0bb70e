package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactMomentsTest {

    @Test
    void theMeanAndSampleSdOfIntegerScoresAreThoseOfTheDefinitions() {
        // PCL-5 totals: mean 41, sample variance ((33-41)² + (45-41)² + (45-41)²) / 2 = 48
        ExactMoments moments = ExactMoments.builder().add(33).add(45).add(45).build();

        assertThat(moments.n()).isEqualTo(3);
        assertThat(moments.mean()).isEqualTo(41.0);
        assertThat(moments.sampleVariance()).isEqualTo(48.0);
        assertThat(moments.sampleSd()).isEqualTo(Math.sqrt(48.0));
    }

    @Test
    void withTooFewValuesTheStatisticsAreUndefined() {
        ExactMoments none = ExactMoments.EMPTY;
        ExactMoments one = none.plus(7);

        assertThat(none.mean()).isNull();
        assertThat(none.sampleSd()).isNull();
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.sampleVariance()).isNull();
        assertThat(one.sampleSd()).isNull();
    }

    @Test
    void anyPartitionMergedInAnyOrderGivesTheSameTotalsAndTheSameBits() {
        Random random = new Random(19);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            values.add((double) (random.nextInt(161) - 80));
        }
        ExactMoments whole = add(ExactMoments.EMPTY, values);

        for (int trial = 0; trial < 5; trial++) {
            List<Double> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, random);
            int parts = 2 + random.nextInt(7);
            List<ExactMoments> partials = new ArrayList<>();
            int size = shuffled.size() / parts;
            for (int p = 0; p < parts; p++) {
                int to = p == parts - 1 ? shuffled.size() : (p + 1) * size;
                partials.add(add(ExactMoments.EMPTY, shuffled.subList(p * size, to)));
            }
            Collections.shuffle(partials, random);
            ExactMoments merged = ExactMoments.EMPTY;
            for (ExactMoments partial : partials) {
                merged = partial.merge(merged);
            }

            assertThat(merged).isEqualTo(whole);
            assertThat(merged.mean()).isEqualTo(whole.mean());
            assertThat(merged.sampleSd()).isEqualTo(whole.sampleSd());
        }
    }

    @Test
    void theStatisticsAgreeWithCommonsMathsTwoPassFigures() {
        Random random = new Random(2026);
        SummaryStatistics reference = new SummaryStatistics();
        ExactMoments.Builder builder = ExactMoments.builder();
        for (int i = 0; i < 100_000; i++) {
            // A decimal instrument with two decimals, values 0.00 to 7.00.
            double value = random.nextInt(701) / 100.0;
            reference.addValue(value);
            builder.add(value);
        }
        ExactMoments moments = builder.build();

        assertThat(moments.mean()).isCloseTo(reference.getMean(), within(1e-12));
        assertThat(moments.sampleVariance()).isCloseTo(reference.getVariance(), within(1e-10));
        assertThat(moments.sampleSd()).isCloseTo(reference.getStandardDeviation(), within(1e-11));
    }

    @Test
    void sumsBeyondTheRangeOfALongStayExact() {
        // Three million values of ±3e7 (whole, in longs) and of ±3e9 (beyond the whole range, in
        // decimal): S2 is about 2.7e25, far beyond a long.
        ExactMoments.Builder builder = ExactMoments.builder();
        for (int i = 0; i < 3_000_000; i++) {
            builder.add(i % 2 == 0 ? 3e9 : -3e9);
        }
        ExactMoments moments = builder.build();

        assertThat(moments.mean()).isEqualTo(0.0);
        // n·S2 − S1² over n(n − 1), with S1 = 0: 9e18 · n / (n − 1)
        assertThat(moments.sampleVariance()).isEqualTo(9e18 * 3_000_000 / 2_999_999);
    }

    @Test
    void decimalScoresAreTheDecimalsAsWrittenAndIdenticalValuesHaveSdZero() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; as decimals the mean of 0.1, 0.2 is 0.15.
        assertThat(ExactMoments.EMPTY.plus(0.1).plus(0.2).mean()).isEqualTo(0.15);
        ExactMoments.Builder same = ExactMoments.builder();
        ExactMoments.Builder sameWhole = ExactMoments.builder();
        for (int i = 0; i < 1000; i++) {
            same.add(31.2);
            sameWhole.add(45);
        }
        assertThat(same.build().mean()).isEqualTo(31.2);
        assertThat(same.build().sampleSd()).isZero();
        assertThat(sameWhole.build().sampleSd()).isZero();
        // whole and decimal values in one set, builders merged
        ExactMoments.Builder left = ExactMoments.builder().add(1).add(2.5);
        ExactMoments.Builder right = ExactMoments.builder().add(-3.25).add(4);
        assertThat(left.merge(right).build()).isEqualTo(ExactMoments.builder().add(4).add(-3.25).add(2.5).add(1).build());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aValueThatIsNotFiniteIsRefused(double value) {
        ExactMoments.Builder builder = ExactMoments.builder();

        assertThatThrownBy(() -> builder.add(value)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ExactMoments add(ExactMoments start, List<Double> values) {
        ExactMoments.Builder builder = start.toBuilder();
        values.forEach(builder::add);
        return builder.build();
    }
}
