package org.clinicaloutcomes.metrics.significance;

import java.util.Objects;

/**
 * A reliable change index fitted to one sample (SIGNIFICANCE.md, section 2): the method's
 * constants from the sample statistics and the reliability, then one RCI and one category per
 * person. Immutable. With {@code SE = SD_pre × sqrt(1 − r)} and
 * {@code SE_pred = SD_pre × sqrt(1 − r²)}:
 * <pre>
 *   JT   S_diff   = sqrt(2 × SE²)
 *        RCI      = (post − pre) / S_diff
 *   GLN  RCI      = ((post − M_pre) − r × (pre − M_pre)) / SE_pred
 *   HLL  RCI      = ((post − M_post) − r × (pre − M_pre)) / SE_pred
 *   EN   pre_true = r × (pre − M_pre) + M_pre
 *        RCI      = (post − pre_true) / SE
 *   NK   den      = sqrt(r² × SD_pre² × (1 − r) + SD_pre² × (1 − r_post))     r_post defaults to r
 *        RCI      = (post − pre_true) / den
 *   HA   r_xx1    = (SD_pre² − SE²) / SD_pre²
 *        r_xx2    = (SD_post² − SE²) / SD_post²
 *        r_dd     = (SD_pre² r_xx1 + SD_post² r_xx2 − 2 SD_pre SD_post r12)
 *                   / (SD_pre² + SD_post² − 2 SD_pre SD_post r12)
 *        RCI      = ((post − pre) × r_dd + (M_post − M_pre) × (1 − r_dd)) / (sqrt(r_dd) × sqrt(2 × SE²))
 * </pre>
 * Classification (ties go to unchanged):
 * <pre>
 *   improved      iff  d × RCI &gt;  crit
 *   deteriorated  iff  d × RCI &lt; −crit
 *   unchanged     otherwise
 * </pre>
 * with {@code crit = z2 = z(1 − alpha/2)} for every method but HA, and {@code crit = z1 = z(1 −
 * alpha)} for HA (its published results need the one-sided value).
 *
 * <p>Undefined (section 2.7), rejected with an {@link IllegalArgumentException}: {@code n < 2};
 * {@code SD_pre = 0}; {@code r = 1} for JT, GLN, HLL, EN and HA; NK with a denominator of 0; HA
 * with {@code SD_post = 0} or {@code r_dd ≤ 0} (or {@code r_dd} not a number, which happens only
 * when its denominator is 0 — identical SDs and {@code r12 = 1}). R computes on with ±Inf / NaN.
 *
 * <p>References: N. S. Jacobson &amp; P. Truax (1991), JCCP 59(1), 12–19 (JT); L. M. Hsu (1989),
 * Behav. Assess. 11, 459–467 (GLN, HLL) and (1995), JCCP 63(1), 141–144 (GLN); D. C. Speer
 * (1992), JCCP 60(3), 402–408 (EN; the literature's band of ±2 SE, here ±z2 SE as in R);
 * J. C. Nunnally &amp; W. E. Kotsch (1983), Br. J. Clin. Psychol. 22(2), 83–93 (NK);
 * W. J. Hageman &amp; W. A. Arrindell (1999), Behav. Res. Ther. 37(12), 1169–1193 (HA);
 * Claus, Wager &amp; Bonnet (2024), J. Stat. Softw. 111(1) (the R package's formulas).
 */
public final class ReliableChange implements IndividualMethod {

    private final RciMethod method;
    private final PairedSample sample;
    private final Direction direction;
    private final double r;
    private final double rPost;
    private final double criticalValue;
    private final double se;
    private final double denominator;
    private final double rdd;

    private ReliableChange(RciMethod method, PairedSample sample, Direction direction, double r, double rPost,
            double criticalValue, double se, double denominator, double rdd) {
        this.method = method;
        this.sample = sample;
        this.direction = direction;
        this.r = r;
        this.rPost = rPost;
        this.criticalValue = criticalValue;
        this.se = se;
        this.denominator = denominator;
        this.rdd = rdd;
    }

    /** The method at {@code alpha = 0.05}, with {@code r_post = r} for NK. */
    public static ReliableChange of(RciMethod method, PairedSample sample, Direction direction, double r) {
        return of(method, sample, direction, r, null, CriticalValues.DEFAULT_ALPHA);
    }

    /**
     * The method fitted to {@code sample}.
     *
     * @param rPost the reliability at post, used by NK only; {@code null} for {@code r} (the
     *              contract's default everywhere)
     * @throws IllegalArgumentException for a parameter out of range (section 8) or an undefined
     *                                  case (section 2.7); the message names the method and why
     */
    public static ReliableChange of(RciMethod method, PairedSample sample, Direction direction, double r,
            Double rPost, double alpha) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(direction, "direction");
        Checks.reliability("reliability", r);
        double reliabilityPost = rPost == null ? r : Checks.reliability("reliability_post", rPost);
        double crit = method == RciMethod.HA ? CriticalValues.oneSided(alpha) : CriticalValues.twoSided(alpha);
        if (sample.n() < 2) {
            throw undefined(method, "fewer than 2 complete pairs (n = " + sample.n() + ")");
        }
        double sdPre = sample.sdPre();
        if (!(sdPre > 0)) {
            throw undefined(method, "the SD of the pre scores is 0");
        }
        if (r == 1 && method != RciMethod.NK) {
            throw undefined(method, "reliability 1 gives a standard error of 0");
        }
        double se = sdPre * Math.sqrt(1 - r);
        double denominator;
        double rdd = Double.NaN;
        switch (method) {
            case JT -> denominator = Math.sqrt(2 * (se * se));
            case GLN, HLL -> denominator = sdPre * Math.sqrt(1 - r * r);
            case EN -> denominator = se;
            case NK -> {
                denominator = Math.sqrt(r * r * (sdPre * sdPre) * (1 - r) + sdPre * sdPre * (1 - reliabilityPost));
                if (denominator == 0) {
                    throw undefined(method, "the denominator is 0 (reliability " + r + ", reliability_post "
                            + reliabilityPost + ")");
                }
            }
            case HA -> {
                double sdPost = sample.sdPost();
                if (!(sdPost > 0)) {
                    throw undefined(method, "the SD of the post scores is 0");
                }
                double sdPre2 = sdPre * sdPre;
                double sdPost2 = sdPost * sdPost;
                double se2 = se * se;
                double rxx1 = (sdPre2 - se2) / sdPre2;
                double rxx2 = (sdPost2 - se2) / sdPost2;
                double r12 = sample.r12();
                rdd = (sdPre2 * rxx1 + sdPost2 * rxx2 - 2 * sdPre * sdPost * r12)
                        / (sdPre2 + sdPost2 - 2 * sdPre * sdPost * r12);
                if (!(rdd > 0)) {
                    throw undefined(method, "the reliability of the difference r_dd is " + rdd
                            + " (must be > 0)");
                }
                denominator = Math.sqrt(rdd) * Math.sqrt(2 * se2);
            }
            default -> throw new IllegalStateException("unknown method " + method);
        }
        return new ReliableChange(method, sample, direction, r, reliabilityPost, crit, se, denominator, rdd);
    }

    private static IllegalArgumentException undefined(RciMethod method, String reason) {
        return new IllegalArgumentException(method + " reliable change index is undefined: " + reason);
    }

    /** The person's RCI, by the method's formula. */
    public double rci(double pre, double post) {
        double mPre = sample.mPre();
        return switch (method) {
            case JT -> (post - pre) / denominator;
            case GLN -> ((post - mPre) - r * (pre - mPre)) / denominator;
            case HLL -> ((post - sample.mPost()) - r * (pre - mPre)) / denominator;
            case EN, NK -> (post - (r * (pre - mPre) + mPre)) / denominator;
            case HA -> ((post - pre) * rdd + (sample.mPost() - mPre) * (1 - rdd)) / denominator;
        };
    }

    /** The person's category: strict comparisons with the critical value, ties unchanged. */
    @Override
    public Category classify(double pre, double post) {
        return categoryOf(rci(pre, post));
    }

    /** The category of an RCI: {@code d × RCI} against {@code ±crit}, strictly, ties unchanged. */
    public Category categoryOf(double rci) {
        double directed = direction.d() * rci;
        if (directed > criticalValue) {
            return Category.IMPROVED;
        }
        if (directed < -criticalValue) {
            return Category.DETERIORATED;
        }
        return Category.UNCHANGED;
    }

    static void checkLengths(double[] pre, double[] post) {
        if (pre.length != post.length) {
            throw new IllegalArgumentException("pre and post differ in length: " + pre.length + " and "
                    + post.length);
        }
    }

    public RciMethod method() {
        return method;
    }

    public PairedSample sample() {
        return sample;
    }

    public Direction direction() {
        return direction;
    }

    /** The reliability {@code r}. */
    public double reliability() {
        return r;
    }

    /** The reliability at post (NK; equals {@code r} unless given). */
    public double reliabilityPost() {
        return rPost;
    }

    /** {@code z2}, or {@code z1} for HA. */
    public double criticalValue() {
        return criticalValue;
    }

    /** {@code SE = SD_pre × sqrt(1 − r)}. */
    public double standardError() {
        return se;
    }

    /**
     * The RCI's denominator: {@code S_diff} (JT), {@code SE_pred} (GLN, HLL), {@code SE} (EN),
     * {@code den} (NK), {@code sqrt(r_dd) × sqrt(2 SE²)} (HA).
     */
    public double denominator() {
        return denominator;
    }

    /** HA's reliability of the difference {@code r_dd}; {@code NaN} for the other methods. */
    public double rdd() {
        return rdd;
    }
}
