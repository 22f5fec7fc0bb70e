package org.clinicaloutcomes.metrics.significance;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The HLM method of SIGNIFICANCE.md section 3 (Raudenbush &amp; Bryk 2002): the REML fit of the
 * random-intercept-and-slope model to long data with 3 or more occasions, and each person's
 * empirical-Bayes slope deviation, tested against {@code z2}.
 *
 * <p><b>Data</b> (3.1). Every occasion is used; an id is kept when it has at least 3 non-missing
 * scores ({@code NaN} is missing); {@code time} is the numeric occasion value as given. One row
 * per (id, time) (section 1.2). Person {@code i} has {@code n_i} scores {@code y_i},
 * {@code X_i = Z_i = [1, t_ij]}; {@code N = Σ n_i}, {@code p = 2}.
 *
 * <p><b>Model</b> (3.2):
 * <pre>
 *   y_ij = b0 + b1 t_ij + u0_i + u1_i t_ij + e_ij,   (u0_i, u1_i) ~ N(0, G),   e_ij ~ N(0, σ²)
 *   G = σ² L L',  L = [[θ1, 0], [θ2, θ3]],  θ1, θ3 ≥ 0                    (lme4's parameterisation)
 * </pre>
 * fitted by REML ({@code lmer(y ~ t + (t | id), REML = TRUE)}) with σ² profiled out: θ minimises
 * <pre>
 *   REML(θ) = log|V*| + log|X' V*⁻¹ X| + (N − p) (1 + log(2π rss / (N − p)))
 *   V* = blockdiag(Z_i L L' Z_i' + I),  b̂ = (X' V*⁻¹ X)⁻¹ X' V*⁻¹ y,  rss = (y − X b̂)' V*⁻¹ (y − X b̂)
 * </pre>
 * and then {@code σ² = rss / (N − p)}. Per person it is computed with the 2 × 2 matrix
 * {@code M_i = I + L' Z_i'Z_i L}: {@code |V*_i| = |M_i|} (Sylvester) and
 * {@code V*_i⁻¹ = I − Z_i L M_i⁻¹ L' Z_i'} (Woodbury), so that {@code X_i' V*_i⁻¹ X_i},
 * {@code X_i' V*_i⁻¹ y_i} and the residual form need only sums over the person's scores; the
 * residuals {@code y_i − X_i b̂} are formed from the scores themselves, not from sums of squares.
 *
 * <p><b>Optimiser.</b> Commons Math's {@link BOBYQAOptimizer} (Powell 2009; the optimiser lme4 uses)
 * within the bounds {@code θ1, θ3 ≥ 0}, from lme4's start {@code (1, 0, 1)} and two more starts.
 * The best is then polished by cycles of {@link BrentOptimizer} line searches along each
 * parameter, a BOBYQA restart, and a try of the bounds {@code θ1 = 0} and {@code θ3 = 0} (taken
 * when the criterion there is at most 1e-10 higher: it depends on θ3 through θ3² only, so it is
 * flat at that bound), until a cycle gains less than 1e-12. The point is accepted only when none
 * of the 26 points of the box {@code θ ± 1e-6} (clipped to the bounds) has a criterion lower by
 * more than 1e-11 (rounding); otherwise the cycle runs again from the lowest of them. So the
 * reported criterion is a minimum to well within the 1e-6 section 3.2 asks for, boundary fits
 * ({@code |corr| = 1}: {@code θ3 = 0}) included.
 *
 * <p><b>Empirical Bayes</b> (3.3), at the estimates, with {@code r_i = y_i − X_i b̂}:
 * <pre>
 *   û_i = G Z_i' V_i⁻¹ r_i = L M_i⁻¹ L' Z_i' r_i               (V_i = σ² V*_i; push-through identity)
 *   C_i = G − G Z_i' V_i⁻¹ Z_i G = σ² L M_i⁻¹ L'              (lme4's condVar; Woodbury)
 *   RCI_i = û1_i / sqrt(C_i[2,2])
 *   improved iff d RCI_i > z2,  deteriorated iff d RCI_i < −z2,  unchanged otherwise  (section 2)
 * </pre>
 * with {@code z2 = z(1 − α/2)} (section 0; 1.959963984540054 for α = 0.05). The RCI tests the
 * person's <em>deviation from the mean slope</em>, not whether the person changed (3.4): a person
 * who improves as much as the average is {@code unchanged}.
 *
 * <p><b>Undefined</b> ({@link HlmResult.Undefined}, not an exception; sections 2.7, 8 and 11):
 * fewer than 2 ids with 3 or more scores (lme4 refuses a grouping factor with one level; with at
 * least 3 scores per id, {@code N > 2 × ids} always holds); every kept id's scores exactly on a
 * straight line (then rss → 0 and the criterion has no minimum); and a fitted slope variance of 0,
 * where {@code RCI = 0/0} — taken to hold when the minimum over the face {@code θ2 = θ3 = 0}
 * is within 1e-9 of the overall minimum.
 *
 * <p>References: S. W. Raudenbush &amp; A. S. Bryk (2002), Hierarchical Linear Models:
 * Applications and Data Analysis Methods, 2nd ed., Sage (the model; empirical Bayes residuals,
 * ch. 3). D. Bates, M. Mächler, B. Bolker &amp; S. Walker (2015), Fitting linear mixed-effects
 * models using lme4, J. Stat. Softw. 67(1), eq. 42 (the profiled REML criterion).
 * M. J. D. Powell (2009), The BOBYQA algorithm for bound constrained optimization without
 * derivatives, Cambridge report NA2009/06. B. B. Claus, J. Wager &amp; U. Bonnet (2024),
 * clinicalsignificance, J. Stat. Softw. 111(1) (the HLM method).
 *
 * @param theta1          {@code L11 ≥ 0}
 * @param theta2          {@code L21}
 * @param theta3          {@code L22 ≥ 0}
 * @param intercept       fixed effect {@code b0}
 * @param slope           fixed effect {@code b1} (per unit of time)
 * @param residualSd      {@code σ}
 * @param interceptSd     {@code sqrt(G11) = σ θ1}
 * @param slopeSd         {@code sqrt(G22) = σ sqrt(θ2² + θ3²)}, {@code > 0}
 * @param correlation     {@code G12 / sqrt(G11 G22) = θ2 / sqrt(θ2² + θ3²)}; {@code null} when
 *                        the intercept variance is 0 ({@code θ1 = 0}; lme4 prints NaN)
 * @param remlCriterion   {@code REML(θ)} at the minimum (lme4's "REML criterion at convergence")
 * @param observations    {@code N}, the scores used
 * @param criticalValue   {@code z2}
 * @param direction       {@code d}: −1 when lower scores are better, +1 when higher
 * @param persons         the kept ids, in the order of their first row in the input
 */
public record HlmFit(double theta1, double theta2, double theta3, double intercept, double slope,
                     double residualSd, double interceptSd, double slopeSd, Double correlation,
                     double remlCriterion, int observations, double criticalValue, int direction,
                     List<Person> persons) implements HlmResult {

    /** Section 0's three-way categories, in their order. */
    /**
     * One long-data row: a score of an id at an occasion.
     *
     * @param id    the person (episode)
     * @param time  the occasion's numeric value, finite
     * @param score the score; {@code NaN} when missing
     */
    public record Score(String id, double time, double score) implements Serializable {
        public Score {
            Objects.requireNonNull(id, "id");
            if (!Double.isFinite(time)) {
                throw new IllegalArgumentException("time must be finite: " + time + " (id " + id + ")");
            }
            if (Double.isInfinite(score)) {
                throw new IllegalArgumentException("score must be finite or NaN (missing): " + score
                        + " (id " + id + ")");
            }
        }
    }

    /**
     * A kept id: its estimates and category.
     *
     * @param id             the id
     * @param scores         its non-missing scores, {@code ≥ 3}
     * @param pre            its first non-missing score in occasion order (3.6, for the combined approach)
     * @param post           its last non-missing score in occasion order (3.6)
     * @param interceptDeviation {@code û0_i}
     * @param slopeDeviation {@code û1_i}, the empirical-Bayes deviation from the mean slope
     * @param slopeVariance  {@code C_i[2,2]}, its conditional variance
     * @param rci            {@code û1_i / sqrt(C_i[2,2])}
     * @param category       by section 2's rule with {@code crit = z2}
     */
    public record Person(String id, int scores, double pre, double post, double interceptDeviation,
                         double slopeDeviation, double slopeVariance, double rci, Category category) {
    }

    /** Tolerance of the neighbourhood check: no point within this in each parameter is lower. */
    static final double NEIGHBOURHOOD = 1e-6;
    private static final double BOUND = 1e8;
    /** How much higher the criterion may be on a bound for the fit to be put on it (rounding only). */
    private static final double SNAP = 1e-10;
    /** A neighbour must be lower by more than this (rounding of the criterion) to move the fit. */
    private static final double GAIN = 1e-11;
    private static final double[][] STARTS = {{1.0, 0.0, 1.0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}};

    public HlmFit {
        persons = List.copyOf(persons);
    }

    /** The number of kept ids ({@code n} of section 11). */
    public int n() {
        return persons.size();
    }

    /** How many kept ids have the category. */
    public int count(Category category) {
        return (int) persons.stream().filter(p -> p.category() == category).count();
    }

    /**
     * Fits section 3's model to long data.
     *
     * @param scores    the rows, in data order (any order of occasions)
     * @param direction {@code d} of section 0: −1 when lower scores are better, +1 when higher
     * @param alpha     the two-sided level, in (0, 1); {@code z2 = z(1 − α/2)}
     * @return the fit, or {@link HlmResult.Undefined} with the reason
     * @throws IllegalArgumentException when {@code direction} is not ±1, {@code alpha} is not in
     *                                  (0, 1), or an (id, time) has two rows
     */
    public static HlmResult fit(Collection<Score> scores, Direction direction, double alpha) {
        return fit(scores, direction.d(), alpha);
    }

    /** As {@link #fit(Collection, Direction, double)}, with {@code d} as a number (−1 or +1). */
    public static HlmResult fit(Collection<Score> scores, int direction, double alpha) {
        if (direction != -1 && direction != 1) {
            throw new IllegalArgumentException("direction must be -1 (lower is better) or +1: " + direction);
        }
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1): " + alpha);
        }
        double crit = CriticalValues.twoSided(alpha);
        Prepared data = prepare(scores);
        if (data.ids().isEmpty()) {
            return new HlmResult.Undefined("no id with 3 or more scores");
        }
        if (data.ids().size() < 2) {
            return new HlmResult.Undefined("only 1 id with 3 or more scores; the model needs at least 2");
        }
        Criterion criterion = data.criterion();
        List<String> ids = data.ids();
        if (criterion.exactLines()) {
            return new HlmResult.Undefined("every id's scores lie on a straight line (no residual variance)");
        }
        double[] theta = minimise(criterion);
        double value = criterion.value(theta);
        if (slopeVarianceZero(criterion, value)) {
            return new HlmResult.Undefined("the fitted slope variance is 0 (the RCI would be 0/0)");
        }
        return criterion.result(theta, value, ids, direction, crit);
    }

    /**
     * {@code REML(θ)} of section 3.2 for the ids of {@code scores} that {@link #fit} keeps (for
     * checking a fit); {@code +∞} where it is not finite.
     *
     * @throws IllegalArgumentException when fewer than 2 ids have 3 or more scores, or as {@link #fit}
     */
    static double criterion(Collection<Score> scores, double theta1, double theta2, double theta3) {
        return prepare(scores).criterion().value(new double[] {theta1, theta2, theta3});
    }

    /** The kept ids in input order, each with its scores in occasion order. */
    private record Prepared(List<String> ids, double[][] times, double[][] ys) {
        Criterion criterion() {
            if (ids.size() < 2) {
                throw new IllegalArgumentException("fewer than 2 ids with 3 or more scores");
            }
            return new Criterion(times, ys);
        }
    }

    private static Prepared prepare(Collection<Score> scores) {
        Map<String, List<Score>> byId = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Score s : scores) {
            // -0.0 and 0.0 are one occasion
            if (!seen.add(s.id() + "\u0000" + Double.doubleToLongBits(s.time() + 0.0))) {
                throw new IllegalArgumentException("two rows for id " + s.id() + " at time " + s.time());
            }
            if (!Double.isNaN(s.score())) {
                byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s);
            }
        }
        List<String> ids = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Map.Entry<String, List<Score>> e : byId.entrySet()) {
            List<Score> rows = new ArrayList<>(e.getValue());
            if (rows.size() < 3) {
                continue;
            }
            rows.sort((a, b) -> Double.compare(a.time(), b.time()));
            ids.add(e.getKey());
            times.add(rows.stream().mapToDouble(Score::time).toArray());
            ys.add(rows.stream().mapToDouble(Score::score).toArray());
        }
        return new Prepared(List.copyOf(ids), times.toArray(double[][]::new), ys.toArray(double[][]::new));
    }

    /** BOBYQA from each start, then the polishing cycle (see the class comment). */
    static double[] minimise(Criterion f) {
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double[] start : STARTS) {
            double[] x = bobyqa(f, start, 0.5);
            double v = f.value(x);
            if (v < bestValue) {
                best = x;
                bestValue = v;
            }
        }
        return polish(f, best);
    }

    private static double[] bobyqa(Criterion f, double[] start, double radius) {
        double[] lower = {0.0, -BOUND, 0.0};
        double[] upper = {BOUND, BOUND, BOUND};
        double[] x = start.clone();
        for (int k = 0; k < 3; k++) {
            x[k] = Math.min(upper[k], Math.max(lower[k], x[k]));
        }
        try {
            PointValuePair p = new BOBYQAOptimizer(7, radius, 1e-10).optimize(new MaxEval(20_000),
                    new ObjectiveFunction((MultivariateFunction) f::value), GoalType.MINIMIZE,
                    new InitialGuess(x), new SimpleBounds(lower, upper));
            return p.getPoint();
        } catch (RuntimeException e) {
            // a failed run (too many evaluations, a trust region at a bound) leaves the start
            return x;
        }
    }

    private static double[] polish(Criterion f, double[] start) {
        double[] x = start.clone();
        double fx = f.value(x);
        for (int round = 0; round < 50; round++) {
            for (int cycle = 0; cycle < 200; cycle++) {
                double before = fx;
                for (int k = 0; k < 3; k++) {
                    fx = lineSearch(f, x, k, fx);
                }
                double[] y = bobyqa(f, x, 1e-3);
                double fy = f.value(y);
                if (fy < fx) {
                    x = y;
                    fx = fy;
                }
                for (int k : new int[] {0, 2}) {
                    if (x[k] != 0.0) {
                        double[] z = x.clone();
                        z[k] = 0.0;
                        double fz = f.value(z);
                        // within rounding: the criterion depends on θ3 only through θ3², so it is
                        // flat at θ3 = 0 and a minimum on the bound is otherwise left at about 1e-8
                        if (fz <= fx + SNAP) {
                            x = z;
                            fx = fz;
                        }
                    }
                }
                if (before - fx < 1e-12) {
                    break;
                }
            }
            double[] lower = lowestNeighbour(f, x, fx);
            if (lower == null) {
                return x;
            }
            x = lower;
            fx = f.value(x);
        }
        return x;
    }

    /** Minimises along parameter {@code k} in place; returns the new value. */
    private static double lineSearch(Criterion f, double[] x, int k, double fx) {
        double lowerBound = k == 1 ? -BOUND : 0.0;
        double step = Math.max(1e-3, 0.25 * Math.abs(x[k]));
        double lo = Math.max(lowerBound, x[k] - step);
        double hi = x[k] + step;
        double[] y = x.clone();
        UnivariateObjectiveFunction line = new UnivariateObjectiveFunction(t -> {
            y[k] = t;
            return f.value(y);
        });
        try {
            UnivariatePointValuePair p = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(500), line,
                    GoalType.MINIMIZE, new SearchInterval(lo, hi, x[k]));
            if (p.getValue() < fx) {
                x[k] = p.getPoint();
                return p.getValue();
            }
        } catch (RuntimeException e) {
            // keep x
        }
        return fx;
    }

    /**
     * The lowest of the 26 points {@code θ + δ}, {@code δ_k ∈ {−1e-6, 0, 1e-6}} (clipped to the
     * bounds), when it is lower than {@code fx} by more than 1e-11 (rounding); otherwise {@code null}.
     */
    static double[] lowestNeighbour(Criterion f, double[] x, double fx) {
        double[] best = null;
        double bestValue = fx;
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                for (int c = -1; c <= 1; c++) {
                    if (a == 0 && b == 0 && c == 0) {
                        continue;
                    }
                    double[] y = {Math.max(0.0, x[0] + a * NEIGHBOURHOOD), x[1] + b * NEIGHBOURHOOD,
                            Math.max(0.0, x[2] + c * NEIGHBOURHOOD)};
                    double fy = f.value(y);
                    if (fy < bestValue - GAIN) {
                        best = y;
                        bestValue = fy;
                    }
                }
            }
        }
        return best;
    }

    /** Whether the minimum with {@code θ2 = θ3 = 0} is within 1e-9 of {@code value}. */
    private static boolean slopeVarianceZero(Criterion f, double value) {
        BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
        double best = f.value(new double[] {0.0, 0.0, 0.0});
        double hi = 1.0;
        while (hi < BOUND && f.value(new double[] {2 * hi, 0.0, 0.0}) < f.value(new double[] {hi, 0.0, 0.0})) {
            hi *= 2;
        }
        UnivariatePointValuePair p = brent.optimize(new MaxEval(1000),
                new UnivariateObjectiveFunction(t -> f.value(new double[] {t, 0.0, 0.0})), GoalType.MINIMIZE,
                new SearchInterval(0.0, 2 * hi, Math.min(1.0, hi)));
        best = Math.min(best, p.getValue());
        return best <= value + 1e-9;
    }

    /** The profiled REML criterion of section 3.2 for the kept ids' scores. */
    static final class Criterion {
        private static final int P = 2;
        private final double[][] t;
        private final double[][] y;
        private final int n;
        /** Per person: Σ 1, Σ t, Σ t², Σ y, Σ t y. */
        private final double[][] sums;

        Criterion(double[][] t, double[][] y) {
            this.t = t;
            this.y = y;
            int total = 0;
            sums = new double[t.length][];
            for (int i = 0; i < t.length; i++) {
                double s1 = 0;
                double st = 0;
                double stt = 0;
                double sy = 0;
                double sty = 0;
                for (int j = 0; j < t[i].length; j++) {
                    s1 += 1;
                    st += t[i][j];
                    stt += t[i][j] * t[i][j];
                    sy += y[i][j];
                    sty += t[i][j] * y[i][j];
                }
                sums[i] = new double[] {s1, st, stt, sy, sty};
                total += t[i].length;
            }
            n = total;
        }

        int observations() {
            return n;
        }

        /**
         * Whether every person's scores lie on a straight line: the pooled within-person least
         * squares residual is at most 1e-24 of the sum of squared scores (residuals of about
         * 1e-12 of the scores, rounding only).
         */
        boolean exactLines() {
            double rss = 0;
            double yy = 0;
            for (int i = 0; i < t.length; i++) {
                double mt = sums[i][1] / sums[i][0];
                double my = sums[i][3] / sums[i][0];
                double sxx = 0;
                double sxy = 0;
                for (int j = 0; j < t[i].length; j++) {
                    sxx += (t[i][j] - mt) * (t[i][j] - mt);
                    sxy += (t[i][j] - mt) * (y[i][j] - my);
                }
                double b = sxy / sxx;
                for (int j = 0; j < t[i].length; j++) {
                    double r = y[i][j] - my - b * (t[i][j] - mt);
                    rss += r * r;
                    yy += y[i][j] * y[i][j];
                }
            }
            return rss <= 1e-24 * yy;
        }

        /** {@code REML(θ)}; {@code +∞} where it is not finite. */
        double value(double[] theta) {
            Evaluation e = evaluate(theta);
            double v = e.logDetV + Math.log(e.detA) + (n - P) * (1.0 + Math.log(2.0 * Math.PI * e.rss / (n - P)));
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }

        private record Evaluation(double logDetV, double detA, double b0, double b1, double rss) {
        }

        /**
         * For person {@code i}: {@code M⁻¹} of {@code M = I + L' S L}, {@code S = Z_i'Z_i}, as
         * {m11, m12, m22} and {@code |M|} in the fourth cell.
         */
        private double[] mInverse(int i, double l11, double l21, double l22) {
            return mInverse(sl(i, l11, l21, l22), l11, l21, l22);
        }

        /** {@code S L} of person {@code i}, as {w11, w12, w21, w22}. */
        private double[] sl(int i, double l11, double l21, double l22) {
            double s11 = sums[i][0];
            double s12 = sums[i][1];
            double s22 = sums[i][2];
            // S L = [[s11 l11 + s12 l21, s12 l22], [s12 l11 + s22 l21, s22 l22]]
            return new double[] {s11 * l11 + s12 * l21, s12 * l22, s12 * l11 + s22 * l21, s22 * l22};
        }

        /** {@code M⁻¹} and {@code |M|} from a person's {@code S L} ({@link #sl}). */
        private static double[] mInverse(double[] w, double l11, double l21, double l22) {
            double sl11 = w[0];
            double sl12 = w[1];
            double sl21 = w[2];
            double sl22 = w[3];
            // L' (S L), L' = [[l11, l21], [0, l22]]
            double m11 = 1.0 + l11 * sl11 + l21 * sl21;
            double m12 = l11 * sl12 + l21 * sl22;
            double m22 = 1.0 + l22 * sl22;
            double det = m11 * m22 - m12 * m12;
            return new double[] {m22 / det, -m12 / det, m11 / det, det};
        }

        private Evaluation evaluate(double[] theta) {
            double l11 = theta[0];
            double l21 = theta[1];
            double l22 = theta[2];
            double logDetV = 0;
            double a11 = 0;
            double a12 = 0;
            double a22 = 0;
            double c1 = 0;
            double c2 = 0;
            double[][] minv = new double[t.length][];
            for (int i = 0; i < t.length; i++) {
                // W = S L (2x2), X'V*^-1X = S - W M^-1 W'
                double[] w = sl(i, l11, l21, l22);
                double[] m = mInverse(w, l11, l21, l22);
                minv[i] = m;
                logDetV += Math.log(m[3]);
                double s11 = sums[i][0];
                double s12 = sums[i][1];
                double s22 = sums[i][2];
                double w11 = w[0];
                double w12 = w[1];
                double w21 = w[2];
                double w22 = w[3];
                double[] q = quadratic(m, w11, w12, w21, w22);
                a11 += s11 - q[0];
                a12 += s12 - q[1];
                a22 += s22 - q[2];
                // X'V*^-1 y = Z'y - W M^-1 L' Z'y
                double zy1 = sums[i][3];
                double zy2 = sums[i][4];
                double v1 = l11 * zy1 + l21 * zy2;
                double v2 = l22 * zy2;
                double mv1 = m[0] * v1 + m[1] * v2;
                double mv2 = m[1] * v1 + m[2] * v2;
                c1 += zy1 - (w11 * mv1 + w12 * mv2);
                c2 += zy2 - (w21 * mv1 + w22 * mv2);
            }
            double detA = a11 * a22 - a12 * a12;
            double b0 = (a22 * c1 - a12 * c2) / detA;
            double b1 = (a11 * c2 - a12 * c1) / detA;
            double rss = 0;
            for (int i = 0; i < t.length; i++) {
                double rr = 0;
                double zr1 = 0;
                double zr2 = 0;
                for (int j = 0; j < t[i].length; j++) {
                    double r = y[i][j] - b0 - b1 * t[i][j];
                    rr += r * r;
                    zr1 += r;
                    zr2 += t[i][j] * r;
                }
                double v1 = l11 * zr1 + l21 * zr2;
                double v2 = l22 * zr2;
                double[] m = minv[i];
                rss += rr - (v1 * (m[0] * v1 + m[1] * v2) + v2 * (m[1] * v1 + m[2] * v2));
            }
            return new Evaluation(logDetV, detA, b0, b1, rss);
        }

        /** {@code W M⁻¹ W'} as {q11, q12, q22}. */
        private static double[] quadratic(double[] m, double w11, double w12, double w21, double w22) {
            double r11 = m[0] * w11 + m[1] * w12;
            double r12 = m[1] * w11 + m[2] * w12;
            double r21 = m[0] * w21 + m[1] * w22;
            double r22 = m[1] * w21 + m[2] * w22;
            return new double[] {w11 * r11 + w12 * r12, w21 * r11 + w22 * r12, w21 * r21 + w22 * r22};
        }

        HlmFit result(double[] theta, double value, List<String> ids, int direction, double crit) {
            double l11 = theta[0];
            double l21 = theta[1];
            double l22 = theta[2];
            Evaluation e = evaluate(theta);
            double sigma2 = e.rss / (n - P);
            double sigma = Math.sqrt(sigma2);
            List<Person> persons = new ArrayList<>(t.length);
            for (int i = 0; i < t.length; i++) {
                double[] m = mInverse(i, l11, l21, l22);
                double zr1 = 0;
                double zr2 = 0;
                for (int j = 0; j < t[i].length; j++) {
                    double r = y[i][j] - e.b0 - e.b1 * t[i][j];
                    zr1 += r;
                    zr2 += t[i][j] * r;
                }
                // û = L M^-1 L' Z'r
                double v1 = l11 * zr1 + l21 * zr2;
                double v2 = l22 * zr2;
                double mv1 = m[0] * v1 + m[1] * v2;
                double mv2 = m[1] * v1 + m[2] * v2;
                double u0 = l11 * mv1;
                double u1 = l21 * mv1 + l22 * mv2;
                // C[2,2] = σ² (L M^-1 L')[2,2], row 2 of L = (l21, l22)
                double c22 = sigma2 * (l21 * (m[0] * l21 + m[1] * l22) + l22 * (m[1] * l21 + m[2] * l22));
                double rci = u1 / Math.sqrt(c22);
                double signed = direction * rci;
                Category category = signed > crit ? Category.IMPROVED
                        : signed < -crit ? Category.DETERIORATED : Category.UNCHANGED;
                int last = y[i].length - 1;
                persons.add(new Person(ids.get(i), y[i].length, y[i][0], y[i][last], u0, u1, c22, rci, category));
            }
            double slopeNorm = Math.hypot(l21, l22);
            Double corr = l11 > 0.0 ? l21 / slopeNorm : null;
            return new HlmFit(l11, l21, l22, e.b0, e.b1, sigma, sigma * l11, sigma * slopeNorm, corr, value, n,
                    crit, direction, persons);
        }
    }
}
