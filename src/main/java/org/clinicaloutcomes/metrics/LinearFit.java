package org.clinicaloutcomes.metrics;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * An immutable, mergeable accumulator for the ordinary least squares fit of {@code y} on
 * {@code x} (MONITORING.md, "Expected recovery": the model at assessment {@code k} regresses the
 * {@code k}-th score on the baseline). It keeps exact sums, never the points:
 * <pre>
 *   n, X = Σx, Y = Σy, XX = Σx², XY = Σxy, YY = Σy², min_x, max_x
 * </pre>
 * each score taken as the decimal it was written as ({@link #decimal}: 31.2 is the decimal 31.2,
 * not its binary neighbour). The sums of whole scores are kept in {@code long}s, the rest (and
 * anything that would overflow a {@code long}) in {@link BigDecimal}s, so two accumulators merge
 * ({@link #plus}) to exactly the sums of all their points, in any order (issue 19: a partitioned
 * analysis gives the same bits as one pass). From the sums, with
 * {@code Dxx = n·XX − X²}, {@code Dxy = n·XY − X·Y}, {@code Dyy = n·YY − Y²} (exact):
 * <pre>
 *   slope      b = Dxy / Dxx
 *   intercept  a = (Y·XX − X·XY) / Dxx                 (= mean_y − b·mean_x)
 *   SSE          = (Dxx·Dyy − Dxy²) / (n·Dxx)           (= Syy − Sxy² / Sxx)
 *   residual SD s = sqrt(SSE / (n − 2))
 * </pre>
 * each quotient and root taken to {@value #DIGITS} significant digits, then to the nearest double.
 * A perfect fit is recognised exactly ({@code Dxx·Dyy = Dxy²}: reading 24, {@code s = 0}), and
 * its {@link Model#predict} is the exact line's.
 *
 * <p>A model exists only when {@code n ≥ max(minN, 3)} (the residual SD divides by {@code n − 2};
 * MONITORING.md reading 23) and the baselines are not all equal, tested exactly as
 * {@code min_x < max_x} (reading 24).
 *
 * <p>Reference: the normal equations of simple linear regression in their computational (raw
 * sums) form, e.g. N. R. Draper &amp; H. Smith (1998), Applied Regression Analysis, 3rd ed.,
 * section 1.2, which loses precision in floating point but is exact in exact arithmetic.
 * Before issue 19 the same statistics came from Welford's running update (Welford 1962), whose
 * last bits depend on the order of the points.
 */
public final class LinearFit {

    /** Significant digits of the quotients and the root before the final rounding to a double. */
    public static final int DIGITS = 40;
    private static final MathContext CONTEXT = new MathContext(DIGITS);
    /** Whole scores up to this magnitude go into the {@code long} sums (their squares are exact). */
    private static final double WHOLE_LIMIT = 1 << 26;

    /** No point. */
    public static final LinearFit EMPTY = new LinearFit(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            new long[5], null);

    private static final int X = 0;
    private static final int Y = 1;
    private static final int XX = 2;
    private static final int XY = 3;
    private static final int YY = 4;

    private final long n;
    private final double minX;
    private final double maxX;
    /** The sums X, Y, XX, XY, YY of the whole points, in units. */
    private final long[] whole;
    /** The sums of the other points and of what overflowed {@link #whole}; {@code null}: none. */
    private final BigDecimal[] rest;

    private LinearFit(long n, double minX, double maxX, long[] whole, BigDecimal[] rest) {
        this.n = n;
        this.minX = minX;
        this.maxX = maxX;
        this.whole = whole;
        this.rest = rest;
    }

    /**
     * The fitted line of {@code y} on {@code x}: {@code ŷ = intercept + slope × x}.
     *
     * @param intercept  {@code a}
     * @param slope      {@code b}
     * @param residualSd {@code s = sqrt(SSE / (n − 2))}, {@code ≥ 0} (0 for a perfect fit)
     * @param n          the number of points, {@code ≥ 3}
     * @param exactLine  for a perfect fit, the exact line; otherwise {@code null}
     */
    public record Model(double intercept, double slope, double residualSd, long n, Through exactLine) {

        public Model {
            if (!Double.isFinite(intercept) || !Double.isFinite(slope) || !Double.isFinite(residualSd)
                    || residualSd < 0 || n < 3) {
                throw new IllegalArgumentException("not a model: a=" + intercept + ", b=" + slope
                        + ", s=" + residualSd + ", n=" + n);
            }
        }

        /** A model that is not a perfect fit. */
        public Model(double intercept, double slope, double residualSd, long n) {
            this(intercept, slope, residualSd, n, null);
        }

        /**
         * {@code intercept + slope × x}; for a perfect fit the exact line ({@link Through#at}), so
         * that a score exactly on the line is exactly the prediction (reading 24: with {@code s = 0}
         * only a score strictly worse is flagged).
         */
        public double predict(double x) {
            return exactLine != null ? exactLine.at(x) : intercept + slope * x;
        }
    }

    /**
     * The exact line of a perfect fit, {@code y(x) = (A + B·x) / D} with {@code A = Y·XX − X·XY},
     * {@code B = Dxy}, {@code D = Dxx}, evaluated in decimal on the score as written (34
     * significant digits), then the nearest double.
     */
    public record Through(BigDecimal interceptTimesD, BigDecimal slopeTimesD, BigDecimal d) {

        public double at(double x) {
            return interceptTimesD.add(slopeTimesD.multiply(decimal(x)))
                    .divide(d, MathContext.DECIMAL128).doubleValue();
        }
    }

    /** A score as the decimal it was written as: the shortest decimal that reads back as this double. */
    static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    /**
     * This accumulator with the point {@code (x, y)} added.
     *
     * @throws IllegalArgumentException when {@code x} or {@code y} is not finite
     */
    public LinearFit add(double x, double y) {
        return new Builder(this).add(x, y).build();
    }

    /**
     * A mutable accumulator with the same sums as {@link #add}, for adding millions of points
     * without making an object per point; {@link #build} gives the immutable accumulator. Not
     * thread-safe.
     */
    public static final class Builder implements Serializable {
        private long n;
        private double minX;
        private double maxX;
        private final long[] whole;
        private BigDecimal[] rest;

        /** An empty builder. */
        public Builder() {
            this(EMPTY);
        }

        /** A builder that starts from the points of {@code fit}. */
        public Builder(LinearFit fit) {
            n = fit.n;
            minX = fit.minX;
            maxX = fit.maxX;
            whole = fit.whole.clone();
            rest = fit.rest == null ? null : fit.rest.clone();
        }

        /**
         * Adds the point {@code (x, y)}.
         *
         * @throws IllegalArgumentException when {@code x} or {@code y} is not finite
         */
        public Builder add(double x, double y) {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("points must be finite: (" + x + ", " + y + ")");
            }
            n = Math.addExact(n, 1);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            if (isWhole(x) && isWhole(y)) {
                long lx = (long) x;
                long ly = (long) y;
                try {
                    long sx = Math.addExact(whole[X], lx);
                    long sy = Math.addExact(whole[Y], ly);
                    long sxx = Math.addExact(whole[XX], lx * lx);
                    long sxy = Math.addExact(whole[XY], lx * ly);
                    long syy = Math.addExact(whole[YY], ly * ly);
                    whole[X] = sx;
                    whole[Y] = sy;
                    whole[XX] = sxx;
                    whole[XY] = sxy;
                    whole[YY] = syy;
                    return this;
                } catch (ArithmeticException overflow) {
                    // Rare: these sums go on in the decimal part.
                }
            }
            BigDecimal dx = decimal(x);
            BigDecimal dy = decimal(y);
            rest = sum(rest, new BigDecimal[] {dx, dy, dx.multiply(dx), dx.multiply(dy), dy.multiply(dy)});
            return this;
        }

        /** Adds the points of {@code other}. */
        public Builder merge(Builder other) {
            n = Math.addExact(n, other.n);
            minX = Math.min(minX, other.minX);
            maxX = Math.max(maxX, other.maxX);
            BigDecimal[] overflowed = null;
            for (int s = 0; s < whole.length; s++) {
                try {
                    whole[s] = Math.addExact(whole[s], other.whole[s]);
                } catch (ArithmeticException overflow) {
                    overflowed = overflowed == null ? zeros() : overflowed;
                    overflowed[s] = BigDecimal.valueOf(other.whole[s]);
                }
            }
            rest = sum(sum(rest, other.rest), overflowed);
            return this;
        }

        /** The immutable accumulator of the points added so far. */
        public LinearFit build() {
            return new LinearFit(n, minX, maxX, whole.clone(), rest == null ? null : rest.clone());
        }

        private static boolean isWhole(double value) {
            return Math.abs(value) <= WHOLE_LIMIT && value == Math.rint(value);
        }
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[5];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static BigDecimal[] sum(BigDecimal[] a, BigDecimal[] b) {
        if (b == null) {
            return a;
        }
        if (a == null) {
            return b.clone();
        }
        BigDecimal[] total = new BigDecimal[a.length];
        for (int s = 0; s < a.length; s++) {
            total[s] = a[s].add(b[s]);
        }
        return total;
    }

    /** The accumulator of the points of both: the same sums whichever is merged into which. */
    public LinearFit plus(LinearFit other) {
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            return other;
        }
        return new Builder(this).merge(new Builder(other)).build();
    }

    /** The exact sum {@code s} ({@link #X} … {@link #YY}). */
    private BigDecimal exact(int s) {
        BigDecimal value = BigDecimal.valueOf(whole[s]);
        return rest == null ? value : value.add(rest[s]);
    }

    private BigDecimal dxx() {
        return BigDecimal.valueOf(n).multiply(exact(XX)).subtract(exact(X).pow(2));
    }

    private BigDecimal dxy() {
        return BigDecimal.valueOf(n).multiply(exact(XY)).subtract(exact(X).multiply(exact(Y)));
    }

    private BigDecimal dyy() {
        return BigDecimal.valueOf(n).multiply(exact(YY)).subtract(exact(Y).pow(2));
    }

    /**
     * The least squares line, when there are at least {@code max(minN, 3)} points and their
     * {@code x} are not all exactly equal; otherwise empty.
     */
    public Optional<Model> model(int minN) {
        if (n < Math.max(minN, 3) || !(minX < maxX)) {
            return Optional.empty();
        }
        BigDecimal dxx = dxx();
        BigDecimal dxy = dxy();
        BigDecimal sseTimesNDxx = dxx.multiply(dyy()).subtract(dxy.pow(2));
        BigDecimal interceptTimesD = exact(Y).multiply(exact(XX)).subtract(exact(X).multiply(exact(XY)));
        double slope = dxy.divide(dxx, CONTEXT).doubleValue();
        double intercept = interceptTimesD.divide(dxx, CONTEXT).doubleValue();
        boolean perfect = sseTimesNDxx.signum() == 0;
        double residualSd = perfect ? 0.0
                : sseTimesNDxx.divide(BigDecimal.valueOf(n).multiply(dxx).multiply(BigDecimal.valueOf(n - 2)), CONTEXT)
                        .sqrt(CONTEXT).doubleValue();
        return Optional.of(new Model(intercept, slope, residualSd, n,
                perfect ? new Through(interceptTimesD, dxy, dxx) : null));
    }

    /**
     * Whether every point lies exactly on one line (one point, or distinct {@code x} with
     * {@code Dxx·Dyy = Dxy²}): then the residual SD is 0. Points of one {@code x} but two
     * {@code y} are no line.
     */
    public boolean exactLine() {
        BigDecimal dxx = dxx();
        return dxx.signum() == 0 ? dyy().signum() == 0 : dxx.multiply(dyy()).subtract(dxy().pow(2)).signum() == 0;
    }

    /** The number of points. */
    public long n() {
        return n;
    }

    /** {@code mean_x = X / n}; 0 when empty. */
    public double meanX() {
        return n == 0 ? 0.0 : exact(X).divide(BigDecimal.valueOf(n), CONTEXT).doubleValue();
    }

    /** {@code mean_y = Y / n}; 0 when empty. */
    public double meanY() {
        return n == 0 ? 0.0 : exact(Y).divide(BigDecimal.valueOf(n), CONTEXT).doubleValue();
    }

    /** {@code Sxx = Σ (x − mean_x)² = Dxx / n}. */
    public double sxx() {
        return centred(dxx());
    }

    /** {@code Sxy = Σ (x − mean_x)(y − mean_y) = Dxy / n}. */
    public double sxy() {
        return centred(dxy());
    }

    /** {@code Syy = Σ (y − mean_y)² = Dyy / n}. */
    public double syy() {
        return centred(dyy());
    }

    private double centred(BigDecimal timesN) {
        return n == 0 ? 0.0 : timesN.divide(BigDecimal.valueOf(n), CONTEXT).doubleValue();
    }

    /** The smallest {@code x}; {@code +∞} when empty. */
    public double minX() {
        return minX;
    }

    /** The largest {@code x}; {@code −∞} when empty. */
    public double maxX() {
        return maxX;
    }

    @Override
    public String toString() {
        return "LinearFit[n=" + n + ", meanX=" + meanX() + ", meanY=" + meanY() + ", sxx=" + sxx() + ", sxy=" + sxy()
                + ", syy=" + syy() + ", minX=" + minX + ", maxX=" + maxX + "]";
    }
}
