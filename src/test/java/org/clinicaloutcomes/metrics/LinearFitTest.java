package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LinearFitTest {

    private static LinearFit fit(double[] x, double[] y) {
        LinearFit fit = LinearFit.EMPTY;
        for (int i = 0; i < x.length; i++) {
            fit = fit.add(x[i], y[i]);
        }
        return fit;
    }

    @Test
    void fivePointsByHand() {
        // x = 1..5, y = 2 4 5 4 5. mean_x = 3, mean_y = 20 / 5 = 4.
        // dx = −2 −1 0 1 2, dy = −2 0 1 0 1.
        // Sxx = 4 + 1 + 0 + 1 + 4 = 10; Sxy = 4 + 0 + 0 + 0 + 2 = 6; Syy = 4 + 0 + 1 + 0 + 1 = 6.
        // b = 6 / 10 = 0.6; a = 4 − 0.6 × 3 = 2.2.
        // Fitted 2.8 3.4 4.0 4.6 5.2; residuals −0.8 0.6 1.0 −0.6 −0.2;
        // SSE = 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4 (= Syy − Sxy² / Sxx = 6 − 3.6);
        // s = sqrt(2.4 / (5 − 2)) = sqrt(0.8) = 0.894427190999916.
        LinearFit fit = fit(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        assertThat(fit.n()).isEqualTo(5);
        assertThat(fit.sxx()).isCloseTo(10.0, within(1e-12));
        assertThat(fit.sxy()).isCloseTo(6.0, within(1e-12));
        assertThat(fit.syy()).isCloseTo(6.0, within(1e-12));
        LinearFit.Model model = fit.model(3).orElseThrow();
        assertThat(model.slope()).isCloseTo(0.6, within(1e-12));
        assertThat(model.intercept()).isCloseTo(2.2, within(1e-12));
        assertThat(model.residualSd()).isCloseTo(Math.sqrt(0.8), within(1e-12));
        assertThat(model.n()).isEqualTo(5);
        assertThat(model.predict(3)).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void otherOrderAndMergedHalvesGiveTheSameModel() {
        LinearFit.Model inOrder = fit(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}).model(3).orElseThrow();
        // Same points, order 4 1 5 3 2.
        LinearFit.Model shuffled = fit(new double[] {4, 1, 5, 3, 2}, new double[] {4, 2, 5, 5, 4}).model(3).orElseThrow();
        // Halves {1, 2} and {3, 4, 5}, merged both ways.
        LinearFit first = fit(new double[] {1, 2}, new double[] {2, 4});
        LinearFit second = fit(new double[] {3, 4, 5}, new double[] {5, 4, 5});
        LinearFit.Model merged = first.plus(second).model(3).orElseThrow();
        for (LinearFit.Model other : new LinearFit.Model[] {shuffled, merged}) {
            // Exact sums: the same bits in any order and merged (issue 19).
            assertThat(other.slope()).isEqualTo(inOrder.slope());
            assertThat(other.intercept()).isEqualTo(inOrder.intercept());
            assertThat(other.residualSd()).isEqualTo(inOrder.residualSd());
            assertThat(other.n()).isEqualTo(5);
        }
        // The merge is commutative bit for bit.
        assertThat(second.plus(first).toString()).isEqualTo(first.plus(second).toString());
        // Merging with nothing changes nothing.
        assertThat(first.plus(LinearFit.EMPTY)).isSameAs(first);
        assertThat(LinearFit.EMPTY.plus(first)).isSameAs(first);
    }

    @Test
    void agreesWithTwoPassOnLargeOffsetScores() {
        // Baselines near 1e6 (a hard case for naive sums of squares): compare with a two-pass fit.
        Random random = new Random(14);
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1e6 + random.nextInt(60);
            y[i] = 0.7 * x[i] - 5e5 + random.nextGaussian() * 4;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - a - b * x[i];
            sse += r * r;
        }
        double s = Math.sqrt(sse / (n - 2));

        LinearFit whole = fit(x, y);
        LinearFit left = LinearFit.EMPTY;
        LinearFit right = LinearFit.EMPTY;
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                left = left.add(x[i], y[i]);
            } else {
                right = right.add(x[i], y[i]);
            }
        }
        for (LinearFit candidate : new LinearFit[] {whole, left.plus(right)}) {
            LinearFit.Model model = candidate.model(30).orElseThrow();
            assertThat(model.slope()).isCloseTo(b, within(Math.abs(b) * 1e-9));
            assertThat(model.intercept()).isCloseTo(a, within(Math.abs(a) * 1e-9));
            assertThat(model.residualSd()).isCloseTo(s, within(s * 1e-9));
        }
    }

    @Test
    void fewerThanTheMinimumNIsNoModel() {
        LinearFit fit = fit(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        assertThat(fit.model(6)).isEmpty();
        assertThat(fit.model(5)).isPresent();
        assertThat(LinearFit.EMPTY.model(3)).isEmpty();
    }

    @Test
    void twoPointsAreNoModelEvenWithMinimumTwo() {
        // n − 2 = 0: the residual SD is not defined; the minimum is max(minN, 3) = 3.
        LinearFit fit = fit(new double[] {1, 2}, new double[] {3, 5});
        assertThat(fit.model(2)).isEmpty();
        assertThat(fit.model(1)).isEmpty();
    }

    @Test
    void allBaselinesEqualIsNoModel() {
        LinearFit fit = fit(new double[] {20, 20, 20, 20}, new double[] {10, 12, 14, 18});
        assertThat(fit.minX()).isEqualTo(20.0);
        assertThat(fit.maxX()).isEqualTo(20.0);
        assertThat(fit.model(3)).isEmpty();
        // Also when merged from parts.
        assertThat(fit(new double[] {20, 20}, new double[] {1, 2}).plus(fit(new double[] {20}, new double[] {3}))
                .model(3)).isEmpty();
    }

    @Test
    void perfectFitIsAModelWithZeroSd() {
        // y = 1 + 2x exactly at x = 0, 1, 2: Sxx = 2, Sxy = 4, Syy = 8 → SSE = 8 − 16 / 2 = 0.
        LinearFit.Model model = fit(new double[] {0, 1, 2}, new double[] {1, 3, 5}).model(3).orElseThrow();
        assertThat(model.slope()).isEqualTo(2.0);
        assertThat(model.intercept()).isEqualTo(1.0);
        assertThat(model.residualSd()).isEqualTo(0.0);
    }

    @Test
    void aLongPerfectFitHasExactlyZeroSdInAnyOrderAndMerged() {
        // 23 points on y = 2 + 0.5x, x = 10, 11.5, ... 43: SSE = Syy − Sxy²/Sxx leaves a rounding
        // remainder (s ≈ 7e-8); the exact line test gives s = 0, so T = E (MONITORING.md, reading 24).
        LinearFit forward = LinearFit.EMPTY;
        LinearFit backward = LinearFit.EMPTY;
        LinearFit firstHalf = LinearFit.EMPTY;
        LinearFit secondHalf = LinearFit.EMPTY;
        for (int i = 0; i < 23; i++) {
            double x = 10 + 1.5 * i;
            double xBack = 10 + 1.5 * (22 - i);
            forward = forward.add(x, 2 + 0.5 * x);
            backward = backward.add(xBack, 2 + 0.5 * xBack);
            if (i % 2 == 0) {
                firstHalf = firstHalf.add(x, 2 + 0.5 * x);
            } else {
                secondHalf = secondHalf.add(x, 2 + 0.5 * x);
            }
        }
        for (LinearFit fit : List.of(forward, backward, firstHalf.plus(secondHalf), secondHalf.plus(firstHalf))) {
            assertThat(fit.exactLine()).isTrue();
            LinearFit.Model model = fit.model(3).orElseThrow();
            assertThat(model.residualSd()).isZero();
            assertThat(model.slope()).isCloseTo(0.5, within(1e-12));
            assertThat(model.intercept()).isCloseTo(2.0, within(1e-12));
        }
        // One point a quarter point off the line: no longer exact, and s > 0.
        LinearFit off = forward.add(20, 12.25);
        assertThat(off.exactLine()).isFalse();
        assertThat(off.model(3).orElseThrow().residualSd()).isPositive();
        assertThat(firstHalf.plus(LinearFit.EMPTY.add(20, 12.25)).exactLine()).isFalse();
        // Decimal scores that are not exact in binary (31.2 and 2 + 0.5 × 31.2 = 17.6) are on the line.
        LinearFit decimals = LinearFit.EMPTY;
        for (double x : new double[] {45.0, 31.2, 58.4, 26.8, 44.8, 42.3, 27.8, 56.8, 21.4, 40.9, 48.0}) {
            decimals = decimals.add(x, Double.parseDouble(new java.math.BigDecimal(Double.toString(x))
                    .multiply(new java.math.BigDecimal("0.5")).add(new java.math.BigDecimal("2")).toString()));
        }
        LinearFit.Model onTheLine = decimals.model(3).orElseThrow();
        assertThat(onTheLine.residualSd()).isZero();
        // and its prediction is the decimal line's: exactly 7 at x = 10 (a + b x in binary is not)
        assertThat(onTheLine.predict(10.0)).isEqualTo(7.0);
        assertThat(onTheLine.predict(31.2)).isEqualTo(17.6);
        assertThat(new ExpectedRecovery(onTheLine).notOnTrack(
                new Instrument("wb", "Wellbeing", 0, 100, true, false, 50.0, 5), 10.0, 7.0)).isFalse();
        // Two halves each on a line, but not the same line.
        assertThat(LinearFit.EMPTY.add(0, 0).add(1, 1).plus(LinearFit.EMPTY.add(0, 1).add(1, 2)).exactLine()).isFalse();
        // Points of one x but two y are no line either (and no model: the baselines are equal).
        assertThat(LinearFit.EMPTY.add(5, 1).add(5, 2).add(6, 3).exactLine()).isFalse();
    }

    @Test
    void randomSplitsOfDecimalAndWholeScoresGiveTheSameBits() {
        java.util.Random random = new java.util.Random(19);
        for (int trial = 0; trial < 50; trial++) {
            int n = 3 + random.nextInt(200);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                boolean decimals = trial % 2 == 1;
                x[i] = decimals ? Math.round(random.nextDouble() * 800) / 10.0 : random.nextInt(81);
                y[i] = decimals ? Math.round(random.nextDouble() * 800) / 10.0 : random.nextInt(81);
            }
            LinearFit whole = fit(x, y);
            LinearFit.Builder[] parts = {new LinearFit.Builder(), new LinearFit.Builder(), new LinearFit.Builder()};
            for (int i = n - 1; i >= 0; i--) {
                parts[random.nextInt(3)].add(x[i], y[i]);
            }
            LinearFit merged = parts[2].merge(parts[0]).merge(parts[1]).build();
            assertThat(merged.toString()).isEqualTo(whole.toString());
            assertThat(merged.model(3)).isEqualTo(whole.model(3));
        }
        // Sums beyond a long go on exactly in decimal.
        LinearFit big = LinearFit.EMPTY;
        for (int i = 0; i < 5; i++) {
            big = big.add(6.0e7 + i, 1.0e8 - 3 * i);
        }
        assertThat(big.model(3).orElseThrow().slope()).isEqualTo(-3.0);
        assertThat(big.model(3).orElseThrow().residualSd()).isZero();
    }

    @Test
    void rejectsNonFinitePoints() {
        assertThatThrownBy(() -> LinearFit.EMPTY.add(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearFit.EMPTY.add(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
