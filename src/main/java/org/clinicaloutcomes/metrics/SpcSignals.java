package org.clinicaloutcomes.metrics;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistical process control of the monthly series: a p-chart of reliable improvement with
 * NHS England's "Making Data Count" shift and trend rules (MONITORING.md, "Signals", and its
 * readings 14–20). Input: one group's months of the series in order, each
 * {@code n_reliable_improvement} of {@code n_paired} ({@link Proportion} {@code k} of
 * {@code n}); a month with {@code n > 0} is <em>live</em>.
 *
 * <ul>
 *   <li>Centre line: {@code p = K / N} with {@code K = Σ k}, {@code N = Σ n} over the months of
 *       the series only (reading 15); {@code spc_centre_pct = 100.0 × K / N} (METRICS.md's order
 *       of operations), written in every month (reading 14).</li>
 *   <li>Limits of a live month: {@code 100 × (p ± 3 × sqrt(p (1 − p) / n))}, clamped to
 *       [0, 100], the binomial p-chart (Shewhart's 3-sigma limits), computed by
 *       {@link FunnelLimits#limits(double, int, double)} with {@code z = 3}; at {@code p = 0}
 *       or {@code 1} they equal the centre line (reading 16).</li>
 *   <li>{@code above_limit} / {@code below_limit}: the month's rate {@code 100.0 × k / n} is
 *       strictly above / below the clamped limit, compared in percent (readings 16, 17).</li>
 *   <li>{@code run_above} / {@code run_below} (shift rule): the month belongs to at least
 *       {@value #RUN_MONTHS} consecutive live months strictly above / below the centre line;
 *       above means {@code k · N > K · n}, below {@code k · N < K · n}, exactly, and a month on
 *       the line ({@code k · N = K · n}) ends a run (reading 17).</li>
 *   <li>{@code trend_up} / {@code trend_down} (trend rule): the month belongs to
 *       {@value #TREND_MONTHS} consecutive live months with {@value #TREND_MONTHS} − 1 successive
 *       strict rises / falls, month {@code i} higher than the live month before it when
 *       {@code kᵢ · nᵢ₋₁ > kᵢ₋₁ · nᵢ}; all of them belong, the first included; a tie ends a
 *       trend; the last month of a rise can be the first of a fall, and then both flags are true
 *       (reading 18). A longer stretch of rises (8 months with 7 rises, …) is one trend: every
 *       month of it belongs to some 7 consecutive months with 6 rises, so all are flagged.</li>
 *   <li>A month with {@code n = 0} is left out of the sequence: it neither counts nor ends a run
 *       or trend, and the next live month is compared with the previous live one (reading 19);
 *       its limits and signals are empty. The rules see the series only (reading 20).</li>
 *   <li>No live month ({@code N = 0}): everything is empty in every month (reading 14).</li>
 * </ul>
 *
 * <p>The comparisons are exact integer arithmetic on the counts: products such as {@code k · N}
 * are computed with {@link Math#multiplyExact(long, long)} and, should one overflow a
 * {@code long} (beyond 9.2 × 10¹⁸; counts of about 10⁷ give products of about 10¹⁴, far below),
 * again with {@link BigInteger}, so no count is too large. Sums use {@link Math#addExact(long, long)}.
 *
 * <p>References: W. A. Shewhart (1931), Economic control of quality of manufactured product
 * (3-sigma limits); D. C. Montgomery, Introduction to statistical quality control, the p chart
 * with variable sample size; NHS England / NHS Improvement (2019), Making Data Count:
 * strengthening your decisions (a shift is 7 or more consecutive points above or below the
 * centre line, a trend 7 or more consecutive points rising or falling), as the NHS-R
 * community's NHSRplotthedots computes it.
 */
public final class SpcSignals {

    /** Months of a shift: at least this many consecutive live months on one side of the centre. */
    public static final int RUN_MONTHS = 7;
    /** Months of a trend: this many consecutive live months, with one rise or fall fewer. */
    public static final int TREND_MONTHS = 7;
    /** Sigma multiple of the limits. */
    public static final double SIGMA = 3.0;

    private SpcSignals() {
    }

    /**
     * The p-chart of one group's series.
     *
     * @param months the months of the series in order: {@code k} = {@code n_reliable_improvement},
     *               {@code n} = {@code n_paired}
     * @return one {@link SpcMonth} per month, in the same order
     * @throws ArithmeticException when a month's {@code n} exceeds {@link Integer#MAX_VALUE} (the
     *                             limits go through {@link FunnelLimits}) or a sum overflows a long
     */
    public static List<SpcMonth> of(List<Proportion> months) {
        int size = months.size();
        Proportion total = Proportion.EMPTY;
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Proportion month = months.get(i);
            total = total.plus(month);
            if (month.n() > 0) {
                live.add(i);
            }
        }
        List<SpcMonth> result = new ArrayList<>(size);
        if (total.n() == 0) {
            for (int i = 0; i < size; i++) {
                result.add(SpcMonth.EMPTY);
            }
            return List.copyOf(result);
        }
        long bigK = total.k();
        long bigN = total.n();
        double p = (double) bigK / bigN;
        Double centre = Statistics.percent(bigK, bigN);

        // Per live position j (month live.get(j)): its side of the centre line and, from j = 1,
        // the direction from the previous live month.
        int liveCount = live.size();
        int[] side = new int[liveCount];
        int[] step = new int[liveCount];
        for (int j = 0; j < liveCount; j++) {
            Proportion month = months.get(live.get(j));
            side[j] = compareProducts(month.k(), bigN, bigK, month.n());
            if (j > 0) {
                Proportion before = months.get(live.get(j - 1));
                step[j] = compareProducts(month.k(), before.n(), before.k(), month.n());
            }
        }
        int[] runLength = runLengths(side);
        int[] upLength = trendLengths(step, 1);
        int[] downLength = trendLengths(step, -1);

        SpcMonth[] byMonth = new SpcMonth[size];
        for (int j = 0; j < liveCount; j++) {
            int i = live.get(j);
            Proportion month = months.get(i);
            Interval limits = FunnelLimits.limits(p, Math.toIntExact(month.n()), SIGMA);
            double rate = Statistics.percent(month.k(), month.n());
            Integer run = runLength[j] >= RUN_MONTHS ? runLength[j] : null;
            Integer up = upLength[j] >= TREND_MONTHS ? upLength[j] : null;
            Integer down = downLength[j] >= TREND_MONTHS ? downLength[j] : null;
            byMonth[i] = new SpcMonth(centre, limits.low(), limits.high(),
                    rate > limits.high(), rate < limits.low(),
                    run != null && side[j] > 0, run != null && side[j] < 0,
                    up != null, down != null,
                    run, up, down);
        }
        SpcMonth skipped = new SpcMonth(centre, null, null, null, null, null, null, null, null, null, null, null);
        for (int i = 0; i < size; i++) {
            result.add(byMonth[i] != null ? byMonth[i] : skipped);
        }
        return List.copyOf(result);
    }

    /**
     * For each live position, the length of the maximal stretch of consecutive positions on the
     * same side ({@code side ≠ 0}) it belongs to; 0 for a position on the line.
     */
    private static int[] runLengths(int[] side) {
        int[] length = new int[side.length];
        int start = 0;
        while (start < side.length) {
            int end = start + 1;
            while (end < side.length && side[end] == side[start]) {
                end++;
            }
            int value = side[start] == 0 ? 0 : end - start;
            for (int j = start; j < end; j++) {
                length[j] = value;
            }
            start = end;
        }
        return length;
    }

    /**
     * For each live position, the number of months of the maximal stretch of successive steps in
     * {@code direction} it belongs to: steps {@code a+1 … b} all in that direction make the
     * months {@code a … b} a stretch of {@code b − a + 1} months (the month before the first
     * step included); 0 for a position in no such stretch. A position can be the last month of
     * a rising stretch and the first of a falling one.
     */
    private static int[] trendLengths(int[] step, int direction) {
        int[] length = new int[step.length];
        int j = 1;
        while (j < step.length) {
            if (step[j] != direction) {
                j++;
                continue;
            }
            int first = j - 1;
            int last = j;
            while (last + 1 < step.length && step[last + 1] == direction) {
                last++;
            }
            for (int m = first; m <= last; m++) {
                length[m] = last - first + 1;
            }
            j = last + 1;
        }
        return length;
    }

    /**
     * {@code signum(a · b − c · d)}, exact: {@code long} products, {@link BigInteger} when one
     * would overflow.
     */
    static int compareProducts(long a, long b, long c, long d) {
        try {
            return Long.compare(Math.multiplyExact(a, b), Math.multiplyExact(c, d));
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                    .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
        }
    }
}
