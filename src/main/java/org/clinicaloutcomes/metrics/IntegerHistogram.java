package org.clinicaloutcomes.metrics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How many times each integer value occurs (sessions per episode, a change on an integer
 * instrument): the whole distribution in a size that grows with the number of distinct values, not
 * of values, and that merges exactly and in any order (issue 19: a partitioned analysis). What needs
 * the distribution is computed from it at the end:
 * <ul>
 *   <li>type 7 quantiles (Hyndman &amp; Fan 1996, as {@link Quantiles}): for {@code h = (n − 1)p + 1},
 *       {@code Q(p) = x(⌊h⌋) + (h − ⌊h⌋)(x(⌊h⌋+1) − x(⌊h⌋))}, the order statistics read off the
 *       cumulative counts;</li>
 *   <li>mid-ranks (ties given the mean of the ranks they span, as Commons Math's
 *       {@code NaturalRanking} with {@code TiesStrategy.AVERAGE}): a value with {@code c} occurrences
 *       after {@code b} smaller ones has rank {@code b + (c + 1) / 2}, kept doubled so that it is an
 *       integer; and the tie term {@code Σ (t³ − t)} of the Kruskal–Wallis correction (Kruskal &amp;
 *       Wallis 1952, eq. 1.2 with the correction of section 1.3).</li>
 * </ul>
 * Immutable.
 */
public final class IntegerHistogram {

    private static final IntegerHistogram EMPTY = new IntegerHistogram(new long[0], new long[0], 0);

    /** Distinct values, ascending, and how many times each occurs. */
    private final long[] values;
    private final long[] counts;
    private final long n;

    private IntegerHistogram(long[] values, long[] counts, long n) {
        this.values = values;
        this.counts = counts;
        this.n = n;
    }

    public static IntegerHistogram empty() {
        return EMPTY;
    }

    /** The histogram of {@code data}. */
    public static IntegerHistogram of(long... data) {
        long[] sorted = data.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        long[] values = new long[sorted.length];
        long[] counts = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            if (distinct > 0 && values[distinct - 1] == sorted[i]) {
                counts[distinct - 1]++;
            } else {
                values[distinct] = sorted[i];
                counts[distinct++] = 1;
            }
        }
        return new IntegerHistogram(Arrays.copyOf(values, distinct), Arrays.copyOf(counts, distinct), sorted.length);
    }

    /** A builder of a histogram, value by value. */
    public static Builder builder() {
        return new Builder();
    }

    /** This histogram and {@code other}'s: the same whichever is merged into which. */
    public IntegerHistogram merge(IntegerHistogram other) {
        NavigableMap<Long, Long> merged = new TreeMap<>();
        for (IntegerHistogram histogram : new IntegerHistogram[] {this, other}) {
            for (int i = 0; i < histogram.values.length; i++) {
                merged.merge(histogram.values[i], histogram.counts[i], Math::addExact);
            }
        }
        long[] mergedValues = new long[merged.size()];
        long[] mergedCounts = new long[merged.size()];
        int i = 0;
        for (Map.Entry<Long, Long> entry : merged.entrySet()) {
            mergedValues[i] = entry.getKey();
            mergedCounts[i++] = entry.getValue();
        }
        return new IntegerHistogram(mergedValues, mergedCounts, Math.addExact(n, other.n));
    }

    public long n() {
        return n;
    }

    /** How many times {@code value} occurs. */
    public long count(long value) {
        int at = Arrays.binarySearch(values, value);
        return at < 0 ? 0 : counts[at];
    }

    /** How many values are at most {@code bound}. */
    public long countAtMost(long bound) {
        long count = 0;
        for (int i = 0; i < values.length && values[i] <= bound; i++) {
            count += counts[i];
        }
        return count;
    }

    /** The smallest value; {@code null} without values. */
    public Long min() {
        return n == 0 ? null : values[0];
    }

    /** The {@code k}-th smallest value, {@code 1 ≤ k ≤ n}. */
    public long orderStatistic(long k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be 1 to " + n + ", got " + k);
        }
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (seen >= k) {
                return values[i];
            }
        }
        throw new IllegalStateException("counts do not add up to n");
    }

    /** The type 7 quantile of probability {@code p} (0 to 1), or {@code null} without values. */
    public Double quantile(double p) {
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new IllegalArgumentException("p must be 0 to 1, got " + p);
        }
        if (n == 0) {
            return null;
        }
        return Quantiles.typeSeven(n, p, this::orderStatistic);
    }

    /** The median and quartiles ({@link Quantiles}), or {@code null} without values. */
    public Quantiles quartiles() {
        return n == 0 ? null : new Quantiles(quantile(0.5), quantile(0.25), quantile(0.75));
    }

    /**
     * Twice the mid-rank of {@code value} among all values (an integer: {@code 2b + c + 1}).
     *
     * @throws IllegalArgumentException when the value does not occur
     */
    public long doubledMidRank(long value) {
        long below = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return 2 * below + counts[i] + 1;
            }
            below += counts[i];
        }
        throw new IllegalArgumentException(value + " does not occur");
    }

    /** {@code Σ (t³ − t)} over the groups of tied values (the Kruskal–Wallis tie correction's sum). */
    public long tieSum() {
        long sum = 0;
        for (long t : counts) {
            sum = Math.addExact(sum, Math.subtractExact(Math.multiplyExact(Math.multiplyExact(t, t), t), t));
        }
        return sum;
    }

    /**
     * Counts values one at a time: small non-negative values (such as sessions per episode) in an
     * array indexed by the value, any other in a sorted map. Not thread-safe.
     */
    public static final class Builder implements Serializable {

        private static final int DENSE_LIMIT = 1 << 16;

        private long[] dense = new long[16];
        private final NavigableMap<Long, Long> sparse = new TreeMap<>();
        private long n;

        private Builder() {
        }

        public Builder add(long value) {
            if (value >= 0 && value < DENSE_LIMIT) {
                int index = (int) value;
                if (index >= dense.length) {
                    dense = Arrays.copyOf(dense, Math.max(index + 1, 2 * dense.length));
                }
                dense[index]++;
            } else {
                sparse.merge(value, 1L, Long::sum);
            }
            n++;
            return this;
        }

        /** Adds the values {@code other} counted (exactly: counts add up). */
        public Builder merge(Builder other) {
            if (other.dense.length > dense.length) {
                dense = Arrays.copyOf(dense, other.dense.length);
            }
            for (int value = 0; value < other.dense.length; value++) {
                dense[value] += other.dense[value];
            }
            other.sparse.forEach((value, count) -> sparse.merge(value, count, Long::sum));
            n = Math.addExact(n, other.n);
            return this;
        }

        /** The histogram of the values added so far. */
        public IntegerHistogram build() {
            int distinct = sparse.size();
            for (long count : dense) {
                distinct += count > 0 ? 1 : 0;
            }
            long[] values = new long[distinct];
            long[] counts = new long[distinct];
            int i = 0;
            for (Map.Entry<Long, Long> entry : sparse.headMap(0L, false).entrySet()) {
                values[i] = entry.getKey();
                counts[i++] = entry.getValue();
            }
            for (int value = 0; value < dense.length; value++) {
                if (dense[value] > 0) {
                    values[i] = value;
                    counts[i++] = dense[value];
                }
            }
            for (Map.Entry<Long, Long> entry : sparse.tailMap(0L, true).entrySet()) {
                values[i] = entry.getKey();
                counts[i++] = entry.getValue();
            }
            return new IntegerHistogram(values, counts, n);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntegerHistogram that && n == that.n && Arrays.equals(values, that.values)
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("IntegerHistogram[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]).append('×').append(counts[i]);
        }
        return text.append(']').toString();
    }
}
