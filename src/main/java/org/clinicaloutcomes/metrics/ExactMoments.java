package org.clinicaloutcomes.metrics;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The count, sum and sum of squares of scores, kept exactly, so that aggregates of parts merge in
 * any order to the same value (issue 19: a partitioned analysis). Each score is taken as the
 * decimal it was written as ({@link BigDecimal#valueOf(double)}: 31.2 is the decimal 31.2): whole
 * scores (every built-in instrument's) are summed in {@code long}s and carried into the exact
 * totals before they could overflow, other scores go straight into the exact totals. The
 * statistics are computed once, at the end, from the exact totals:
 * <pre>
 *   mean      = S1 / n
 *   variance  = (n·S2 − S1²) / (n·(n − 1))        (sample variance, divisor n − 1)
 *   sd        = √variance
 * </pre>
 * with {@code S1 = Σx}, {@code S2 = Σx²}. Each quotient and root is taken to {@value #DIGITS}
 * significant digits, then to the nearest double: the result depends on the values only, never on
 * the order they were added or merged in. The mean of identical values is exactly that value and
 * their SD exactly 0.
 *
 * <p>Reference: the textbook computational formula of the sample variance (e.g. Chan, Golub &amp;
 * LeVeque 1983, "Algorithms for computing the sample variance", The American Statistician 37(3),
 * eq. 1.2), which loses precision in floating point but is exact in exact arithmetic.
 *
 * <p>Immutable; {@link Builder} collects values without an object per value.
 */
public final class ExactMoments {

    /** Significant digits of the quotients and the root before the final rounding to a double. */
    public static final int DIGITS = 40;
    private static final MathContext CONTEXT = new MathContext(DIGITS);

    /** No values. */
    public static final ExactMoments EMPTY = new ExactMoments(0, BigDecimal.ZERO, BigDecimal.ZERO);

    private final long n;
    private final BigDecimal sum;
    private final BigDecimal sumOfSquares;

    private ExactMoments(long n, BigDecimal sum, BigDecimal sumOfSquares) {
        this.n = n;
        this.sum = sum;
        this.sumOfSquares = sumOfSquares;
    }

    /** A builder with no values. */
    public static Builder builder() {
        return EMPTY.toBuilder();
    }

    /** These values and {@code value}. */
    public ExactMoments plus(double value) {
        return toBuilder().add(value).build();
    }

    /** These values and {@code other}'s: the same whichever is merged into which. */
    public ExactMoments merge(ExactMoments other) {
        return new ExactMoments(Math.addExact(n, other.n), sum.add(other.sum), sumOfSquares.add(other.sumOfSquares));
    }

    /** A builder that starts from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public long n() {
        return n;
    }

    /** The exact sum of the values. */
    public BigDecimal sum() {
        return sum;
    }

    /** The mean, or {@code null} without values. */
    public Double mean() {
        if (n == 0) {
            return null;
        }
        return sum.divide(BigDecimal.valueOf(n), CONTEXT).doubleValue();
    }

    /** The sample variance (divisor {@code n − 1}), or {@code null} for fewer than 2 values. */
    public Double sampleVariance() {
        BigDecimal variance = exactVariance();
        return variance == null ? null : variance.doubleValue();
    }

    /** The sample standard deviation, or {@code null} for fewer than 2 values. */
    public Double sampleSd() {
        BigDecimal variance = exactVariance();
        return variance == null ? null : variance.sqrt(CONTEXT).doubleValue();
    }

    private BigDecimal exactVariance() {
        if (n < 2) {
            return null;
        }
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal numerator = count.multiply(sumOfSquares).subtract(sum.multiply(sum));
        return numerator.divide(count.multiply(BigDecimal.valueOf(n - 1)), CONTEXT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExactMoments that && n == that.n && sum.compareTo(that.sum) == 0
                && sumOfSquares.compareTo(that.sumOfSquares) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + sum.stripTrailingZeros().hashCode() * 17
                + sumOfSquares.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return "ExactMoments[n=" + n + ", sum=" + sum.toPlainString() + ", sumOfSquares="
                + sumOfSquares.toPlainString() + "]";
    }

    /**
     * Adds values one at a time, whole ones in {@code long} arithmetic, carried over into the exact
     * totals before a sum could overflow. Not thread-safe.
     */
    public static final class Builder implements Serializable {

        /** Whole scores up to this magnitude are summed in longs (their squares are exact). */
        private static final double WHOLE_LIMIT = 1 << 26;
        private static final long FLUSH_AT = Long.MAX_VALUE / 2;

        private long n;
        private BigDecimal sum;
        private BigDecimal sumOfSquares;
        private long pendingSum;
        private long pendingSquares;

        private Builder(ExactMoments start) {
            this.n = start.n;
            this.sum = start.sum;
            this.sumOfSquares = start.sumOfSquares;
        }

        /**
         * Adds one value.
         *
         * @throws IllegalArgumentException when it is not finite
         */
        public Builder add(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values must be finite, got " + value);
            }
            n = Math.addExact(n, 1);
            if (Math.abs(value) <= WHOLE_LIMIT && value == Math.rint(value)) {
                long whole = (long) value;
                long square = whole * whole;
                if (pendingSquares > FLUSH_AT - square || Math.abs(pendingSum) > FLUSH_AT - Math.abs(whole)) {
                    flush();
                }
                pendingSum += whole;
                pendingSquares += square;
            } else {
                BigDecimal decimal = BigDecimal.valueOf(value);
                sum = sum.add(decimal);
                sumOfSquares = sumOfSquares.add(decimal.multiply(decimal));
            }
            return this;
        }

        /** Adds the values of {@code other}. */
        public Builder merge(Builder other) {
            other.flush();
            flush();
            n = Math.addExact(n, other.n);
            sum = sum.add(other.sum);
            sumOfSquares = sumOfSquares.add(other.sumOfSquares);
            return this;
        }

        /** How many values were added. */
        public long n() {
            return n;
        }

        private void flush() {
            if (pendingSum != 0 || pendingSquares != 0) {
                sum = sum.add(BigDecimal.valueOf(pendingSum));
                sumOfSquares = sumOfSquares.add(BigDecimal.valueOf(pendingSquares));
                pendingSum = 0;
                pendingSquares = 0;
            }
        }

        /** The values added so far. */
        public ExactMoments build() {
            flush();
            return new ExactMoments(n, sum, sumOfSquares);
        }
    }
}
