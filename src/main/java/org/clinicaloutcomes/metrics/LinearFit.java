package org.clinicaloutcomes.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * An immutable, mergeable accumulator for the ordinary least squares fit of {@code y} on
 * {@code x} (MONITORING.md, "Expected recovery": the model at assessment {@code k} regresses the
 * {@code k}-th score on the baseline). It keeps sufficient statistics, never the points:
 * <pre>
 *   n, mean_x, mean_y, Sxx = Σ (x − mean_x)², Sxy = Σ (x − mean_x)(y − mean_y), Syy = Σ (y − mean_y)²,
 *   min_x, max_x
 * </pre>
 * <ul>
 *   <li>{@link #add(double, double)} (and {@link Builder#add}, the same without an object per
 *       point): Welford's running update (Welford 1962; the co-moment form
 *       of Pébay 2008): {@code n' = n + 1}, {@code dx = x − mean_x}, {@code dy = y − mean_y},
 *       {@code mean_x' = mean_x + dx / n'}, {@code mean_y' = mean_y + dy / n'},
 *       {@code Sxx' = Sxx + dx (x − mean_x')}, {@code Sxy' = Sxy + dx (y − mean_y')},
 *       {@code Syy' = Syy + dy (y − mean_y')}.</li>
 *   <li>{@link #plus(LinearFit)}: the pairwise combination of Chan, Golub &amp; LeVeque (1979):
 *       {@code n = n_a + n_b}, {@code δx = mean_xb − mean_xa}, {@code δy = mean_yb − mean_ya},
 *       {@code mean_x = (n_a mean_xa + n_b mean_xb) / n} (likewise {@code mean_y}),
 *       {@code Sxx = Sxx_a + Sxx_b + δx² n_a n_b / n}, {@code Sxy = Sxy_a + Sxy_b + δx δy n_a n_b / n},
 *       {@code Syy = Syy_a + Syy_b + δy² n_a n_b / n}. Written this way it is commutative bit for
 *       bit ({@code a.plus(b)} equals {@code b.plus(a)}); a fixed merge order gives a fixed
 *       result.</li>
 *   <li>{@link #model(int)}: slope {@code b = Sxy / Sxx}, intercept {@code a = mean_y − b mean_x},
 *       residual sum of squares {@code SSE = Syy − Sxy² / Sxx} (clamped to 0 against rounding, and
 *       exactly 0 when every point lies on one line, which is tracked exactly),
 *       residual SD {@code s = sqrt(SSE / (n − 2))} — the same as
 *       {@code sqrt(Σ (y − a − b x)² / (n − 2))} of a two-pass computation, to about 1e-9
 *       relative.</li>
 * </ul>
 * A model exists only when {@code n ≥ max(minN, 3)} (the residual SD divides by {@code n − 2};
 * MONITORING.md reading 23) and the baselines are not all equal, tested exactly as
 * {@code min_x < max_x} (reading 24), not on the floating-point {@code Sxx}.
 *
 * <p>References: B. P. Welford (1962), Note on a method for calculating corrected sums of squares
 * and products. Technometrics 4(3), 419–420. T. F. Chan, G. H. Golub &amp; R. J. LeVeque (1979),
 * Updating formulae and a pairwise algorithm for computing sample variances. Stanford report
 * STAN-CS-79-773. P. Pébay (2008), Formulas for robust, one-pass parallel computation of
 * covariances and arbitrary-order statistical moments. Sandia report SAND2008-6212.
 */
public final class LinearFit {

    /** No point. */
    public static final LinearFit EMPTY = new LinearFit(0, 0.0, 0.0, 0.0, 0.0, 0.0, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Line.NONE);

    private final long n;
    private final double meanX;
    private final double meanY;
    private final double sxx;
    private final double sxy;
    private final double syy;
    private final double minX;
    private final double maxX;
    private final Line line;

    /**
     * Whether every point so far lies exactly on one line, and two points that define it: a
     * perfect fit is recognised as such, not from {@code SSE = Syy − Sxy² / Sxx}, which leaves a
     * rounding remainder (about 1e-15 of Syy) where it should be 0 (reading 24: a perfect fit
     * has {@code s = 0}). The test is {@code (y − y0)(x1 − x0) = (y1 − y0)(x − x0)} on the scores
     * as decimals ({@link #decimal}: a score read as {@code 31.2} is the decimal 31.2, not its
     * binary neighbour), done only for points within {@link #ON_LINE_TOLERANCE} of the line in
     * binary, so it costs nothing once a point is off the line.
     *
     * @param points    how many distinct defining points are known: 0, 1 (all x so far equal
     *                  to x0 and all y to y0) or 2 (x1 ≠ x0)
     * @param collinear all points so far on the line (with one point or one x: all the same point)
     */
    private record Line(int points, double x0, double y0, double x1, double y1, boolean collinear) {
        static final Line NONE = new Line(0, 0.0, 0.0, 0.0, 0.0, true);
        /**
         * Relative difference of the two products in binary beyond which a point is certainly off
         * the line (decimal scores such as 31.2 are not exact in binary); within it the decimal
         * test decides.
         */
        static final double ON_LINE_TOLERANCE = 1e-9;

        boolean holds(double x, double y) {
            return switch (points) {
                case 0 -> true;
                case 1 -> x != x0 || y == y0;
                default -> {
                    double left = (y - y0) * (x1 - x0);
                    double right = (y1 - y0) * (x - x0);
                    // Near the line in binary: then decide in decimal, on the scores as written.
                    yield Math.abs(left - right) <= ON_LINE_TOLERANCE * (Math.abs(left) + Math.abs(right))
                            && decimal(y).subtract(decimal(y0)).multiply(decimal(x1).subtract(decimal(x0)))
                            .compareTo(decimal(y1).subtract(decimal(y0)).multiply(decimal(x).subtract(decimal(x0)))) == 0;
                }
            };
        }

        Line with(double x, double y) {
            if (!collinear) {
                return this;
            }
            if (points == 0) {
                return new Line(1, x, y, 0.0, 0.0, true);
            }
            if (points == 1 && x != x0) {
                return new Line(2, x0, y0, x, y, true);
            }
            return holds(x, y) ? this : new Line(points, x0, y0, x1, y1, false);
        }

        Line with(Line other) {
            if (!other.collinear) {
                return other;
            }
            Line merged = this;
            if (other.points >= 1) {
                merged = merged.with(other.x0, other.y0);
            }
            if (other.points == 2) {
                merged = merged.with(other.x1, other.y1);
            }
            return merged;
        }
    }

    private LinearFit(long n, double meanX, double meanY, double sxx, double sxy, double syy,
                      double minX, double maxX, Line line) {
        this.n = n;
        this.meanX = meanX;
        this.meanY = meanY;
        this.sxx = sxx;
        this.sxy = sxy;
        this.syy = syy;
        this.minX = minX;
        this.maxX = maxX;
        this.line = line;
    }

    /**
     * The fitted line of {@code y} on {@code x}: {@code ŷ = intercept + slope × x}.
     *
     * @param intercept  {@code a = mean_y − b mean_x}
     * @param slope      {@code b = Sxy / Sxx}
     * @param residualSd {@code s = sqrt(SSE / (n − 2))}, {@code ≥ 0} (0 for a perfect fit)
     * @param n          the number of points, {@code ≥ 3}
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
         * {@code intercept + slope × x}; for a perfect fit the line through its two points,
         * computed in decimal ({@link Through#at}), so that a score exactly on the line is exactly
         * the prediction (reading 24: with {@code s = 0} only a score strictly worse is flagged).
         */
        public double predict(double x) {
            return exactLine != null ? exactLine.at(x) : intercept + slope * x;
        }
    }

    /**
     * The line through two points with {@code x0 ≠ x1}, for a perfect fit:
     * {@code y(x) = y0 + (y1 − y0)(x − x0) / (x1 − x0)}, in decimal on the scores as written
     * (34 significant digits), then the nearest double.
     */
    public record Through(double x0, double y0, double x1, double y1) {

        public double at(double x) {
            BigDecimal rise = decimal(y1).subtract(decimal(y0)).multiply(decimal(x).subtract(decimal(x0)));
            return decimal(y0).add(rise.divide(decimal(x1).subtract(decimal(x0)), MathContext.DECIMAL128))
                    .doubleValue();
        }
    }

    /** A score as the decimal it was written as: the shortest decimal that reads back as this double. */
    static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    /**
     * This accumulator with the point {@code (x, y)} added (Welford's update).
     *
     * @throws IllegalArgumentException when {@code x} or {@code y} is not finite
     */
    public LinearFit add(double x, double y) {
        return new Builder(this).add(x, y).build();
    }

    /**
     * A mutable accumulator with the same update as {@link #add}, for adding millions of points
     * without making an object per point; {@link #build} gives the immutable accumulator. Not
     * thread-safe.
     */
    public static final class Builder {
        private long n;
        private double meanX;
        private double meanY;
        private double sxx;
        private double sxy;
        private double syy;
        private double minX;
        private double maxX;
        private Line line;

        /** An empty builder. */
        public Builder() {
            this(EMPTY);
        }

        /** A builder that starts from the points of {@code fit}. */
        public Builder(LinearFit fit) {
            n = fit.n;
            meanX = fit.meanX;
            meanY = fit.meanY;
            sxx = fit.sxx;
            sxy = fit.sxy;
            syy = fit.syy;
            minX = fit.minX;
            maxX = fit.maxX;
            line = fit.line;
        }

        /**
         * Adds the point {@code (x, y)} (Welford's update).
         *
         * @throws IllegalArgumentException when {@code x} or {@code y} is not finite
         */
        public Builder add(double x, double y) {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("points must be finite: (" + x + ", " + y + ")");
            }
            long n1 = Math.addExact(n, 1);
            double dx = x - meanX;
            double dy = y - meanY;
            double meanX1 = meanX + dx / n1;
            double meanY1 = meanY + dy / n1;
            sxx += dx * (x - meanX1);
            sxy += dx * (y - meanY1);
            syy += dy * (y - meanY1);
            n = n1;
            meanX = meanX1;
            meanY = meanY1;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            line = line.with(x, y);
            return this;
        }

        /** The immutable accumulator of the points added so far. */
        public LinearFit build() {
            return new LinearFit(n, meanX, meanY, sxx, sxy, syy, minX, maxX, line);
        }
    }

    /** The accumulator of the points of both (Chan, Golub &amp; LeVeque's pairwise combination). */
    public LinearFit plus(LinearFit other) {
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            return other;
        }
        long total = Math.addExact(n, other.n);
        double na = n;
        double nb = other.n;
        double nt = total;
        double deltaX = other.meanX - meanX;
        double deltaY = other.meanY - meanY;
        double weight = na * nb / nt;
        return new LinearFit(total,
                (na * meanX + nb * other.meanX) / nt,
                (na * meanY + nb * other.meanY) / nt,
                sxx + other.sxx + deltaX * deltaX * weight,
                sxy + other.sxy + deltaX * deltaY * weight,
                syy + other.syy + deltaY * deltaY * weight,
                Math.min(minX, other.minX), Math.max(maxX, other.maxX), line.with(other.line));
    }

    /**
     * The least squares line, when there are at least {@code max(minN, 3)} points and their
     * {@code x} are not all exactly equal; otherwise empty. ({@code Sxx > 0} is also required,
     * a guard only: distinct {@code x} give a positive {@code Sxx}.)
     */
    public Optional<Model> model(int minN) {
        if (n < Math.max(minN, 3) || !(minX < maxX) || !(sxx > 0.0)) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = line.collinear() ? 0.0 : Math.max(0.0, syy - sxy * sxy / sxx);
        double residualSd = Math.sqrt(sse / (n - 2));
        Through exact = line.collinear() && line.points() == 2 ? new Through(line.x0(), line.y0(), line.x1(), line.y1())
                : null;
        return Optional.of(new Model(intercept, slope, residualSd, n, exact));
    }

    /** Whether every point lies exactly on one line (see {@link Line}): then the residual SD is 0. */
    public boolean exactLine() {
        return line.collinear();
    }

    /** The number of points. */
    public long n() {
        return n;
    }

    /** {@code mean_x}; 0 when empty. */
    public double meanX() {
        return meanX;
    }

    /** {@code mean_y}; 0 when empty. */
    public double meanY() {
        return meanY;
    }

    /** {@code Sxx = Σ (x − mean_x)²}. */
    public double sxx() {
        return sxx;
    }

    /** {@code Sxy = Σ (x − mean_x)(y − mean_y)}. */
    public double sxy() {
        return sxy;
    }

    /** {@code Syy = Σ (y − mean_y)²}. */
    public double syy() {
        return syy;
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
        return "LinearFit[n=" + n + ", meanX=" + meanX + ", meanY=" + meanY + ", sxx=" + sxx + ", sxy=" + sxy
                + ", syy=" + syy + ", minX=" + minX + ", maxX=" + maxX + "]";
    }
}
