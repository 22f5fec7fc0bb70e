package org.clinicaloutcomes.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * The count, sum and sum of squares of values that are whole multiples of {@code 10^-scale}
 * (scale 0: integer scores, as every built-in instrument's; a decimal instrument's scale is its
 * number of decimals), kept exactly, so that aggregates of parts merge in any order to the same
 * value (issue 19: a partitioned analysis). The statistics are computed once, at the end, from
 * the exact totals:
 * <pre>
 *   mean      = S1 / n
 *   variance  = (n·S2 − S1²) / (n·(n − 1))        (sample variance, divisor n − 1)
 *   sd        = √variance
 * </pre>
 * with {@code S1 = Σx}, {@code S2 = Σx²} in units of {@code 10^-scale}. Each quotient and root is
 * taken to {@value #DIGITS} significant digits, then to the nearest double: the result depends on
 * the values only, never on the order they were added or merged in.
 *
 * <p>Reference: the textbook computational formula of the sample variance (e.g. Chan, Golub &amp;
 * LeVeque 1983, "Algorithms for computing the sample variance", The American Statistician 37(3),
 * eq. 1.2), which loses precision in floating point but is exact in integers.
 *
 * <p>Immutable; {@link Builder} collects values without an object per value.
 */
public final class ExactMoments {

    /** Significant digits of the quotients and the root before the final rounding to a double. */
    public static final int DIGITS = 40;
    private static final MathContext CONTEXT = new MathContext(DIGITS);

    private final int scale;
    private final long n;
    private final BigInteger sum;
    private final BigInteger sumOfSquares;

    private ExactMoments(int scale, long n, BigInteger sum, BigInteger sumOfSquares) {
        this.scale = scale;
        this.n = n;
        this.sum = sum;
        this.sumOfSquares = sumOfSquares;
    }

    /** No values, of values with {@code scale} decimals. */
    public static ExactMoments empty(int scale) {
        if (scale < 0 || scale > 9) {
            throw new IllegalArgumentException("scale must be 0 to 9, got " + scale);
        }
        return new ExactMoments(scale, 0, BigInteger.ZERO, BigInteger.ZERO);
    }

    /** These values and {@code value}. */
    public ExactMoments plus(double value) {
        return builder().add(value).build();
    }

    /**
     * These values and {@code other}'s: the same whichever is merged into which.
     *
     * @throws IllegalArgumentException when the scales differ
     */
    public ExactMoments merge(ExactMoments other) {
        if (other.scale != scale) {
            throw new IllegalArgumentException("cannot merge values of scale " + other.scale + " into scale " + scale);
        }
        return new ExactMoments(scale, Math.addExact(n, other.n), sum.add(other.sum),
                sumOfSquares.add(other.sumOfSquares));
    }

    /** A builder that starts from these values. */
    public Builder builder() {
        return new Builder(this);
    }

    public int scale() {
        return scale;
    }

    public long n() {
        return n;
    }

    /** The mean, or {@code null} without values. */
    public Double mean() {
        if (n == 0) {
            return null;
        }
        return new BigDecimal(sum, scale).divide(BigDecimal.valueOf(n), CONTEXT).doubleValue();
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
        BigInteger count = BigInteger.valueOf(n);
        BigInteger numerator = count.multiply(sumOfSquares).subtract(sum.multiply(sum));
        BigInteger denominator = count.multiply(count.subtract(BigInteger.ONE));
        return new BigDecimal(numerator, 2 * scale).divide(new BigDecimal(denominator), CONTEXT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExactMoments that && scale == that.scale && n == that.n && sum.equals(that.sum)
                && sumOfSquares.equals(that.sumOfSquares);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, n, sum, sumOfSquares);
    }

    @Override
    public String toString() {
        return "ExactMoments[scale=" + scale + ", n=" + n + ", sum=" + sum + ", sumOfSquares=" + sumOfSquares + "]";
    }

    /**
     * Adds values one at a time in {@code long} arithmetic, carried over into the exact totals
     * before a sum could overflow. Not thread-safe.
     */
    public static final class Builder {

        /** The largest magnitude in units whose square, added to a sum below the limit, cannot overflow. */
        private static final long MAX_UNITS = 3_037_000_499L;
        private static final long FLUSH_AT = Long.MAX_VALUE / 2;

        private final int scale;
        private final double unitsPerValue;
        private long n;
        private BigInteger sum;
        private BigInteger sumOfSquares;
        private long pendingSum;
        private long pendingSquares;

        private Builder(ExactMoments start) {
            this.scale = start.scale;
            this.unitsPerValue = Math.pow(10, start.scale);
            this.n = start.n;
            this.sum = start.sum;
            this.sumOfSquares = start.sumOfSquares;
        }

        /**
         * Adds one value.
         *
         * @throws IllegalArgumentException when it is not finite or not a whole number of
         *                                  {@code 10^-scale} (after rounding to the nearest unit, it
         *                                  must convert back to the same double)
         */
        public Builder add(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values must be finite, got " + value);
            }
            double scaled = value * unitsPerValue;
            long units = Math.round(scaled);
            if (Math.abs(units) > MAX_UNITS || units / unitsPerValue != value) {
                throw new IllegalArgumentException(value + " is not a whole multiple of 1e-" + scale
                        + " within ±" + MAX_UNITS + " units");
            }
            return addUnits(units);
        }

        /** Adds one value given in units of {@code 10^-scale}. */
        public Builder addUnits(long units) {
            if (Math.abs(units) > MAX_UNITS) {
                throw new IllegalArgumentException("at most ±" + MAX_UNITS + " units, got " + units);
            }
            long square = units * units;
            if (pendingSquares > FLUSH_AT - square || Math.abs(pendingSum) > FLUSH_AT - Math.abs(units)) {
                flush();
            }
            n = Math.addExact(n, 1);
            pendingSum += units;
            pendingSquares += square;
            return this;
        }

        private void flush() {
            sum = sum.add(BigInteger.valueOf(pendingSum));
            sumOfSquares = sumOfSquares.add(BigInteger.valueOf(pendingSquares));
            pendingSum = 0;
            pendingSquares = 0;
        }

        /** The values added so far. */
        public ExactMoments build() {
            flush();
            return new ExactMoments(scale, n, sum, sumOfSquares);
        }
    }
}
