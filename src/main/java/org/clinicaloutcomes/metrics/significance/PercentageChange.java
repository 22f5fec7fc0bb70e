package org.clinicaloutcomes.metrics.significance;

import java.util.Objects;

/**
 * The percentage-change method (SIGNIFICANCE.md, section 4): the change relative to the baseline,
 * against inclusive thresholds.
 * <pre>
 *   pct = (post − pre) / pre                       exactly this expression, binary64
 *   improved      iff post ≠ pre and d × pct ≥  p_imp
 *   deteriorated  iff post ≠ pre and d × pct ≤ −p_det     (only if not improved)
 *   unchanged     otherwise (always when post = pre)
 * </pre>
 * Both thresholds are inclusive (published results depend on it: HAM-D 28 to 14 is exactly −50 %).
 * The expression is not rewritten as {@code post / pre − 1} or {@code change ≥ p × pre}, which
 * round differently at the threshold.
 *
 * <p>{@code pre = 0}: the change is infinite; improved when {@code d × (post − pre) > 0},
 * deteriorated when {@code d × (post − pre) < 0}, unchanged when {@code post = 0} (contract; R
 * flags {@code pre = 0, post > 0} improved and {@code post < 0} deteriorated whatever the
 * direction, so lower-is-better counts a person twice — SIGNIFICANCE.md section 9, rows 2 and 4).
 * {@code pre < 0} is undefined and rejected (R divides by the negative baseline).
 *
 * <p>Reference: none in the package for the formula; Claus, Wager &amp; Bonnet (2024), J. Stat.
 * Softw. 111(1), the R package's {@code cs_percentage}.
 *
 * @param direction     the direction of benefit
 * @param pImprovement  {@code p_imp}, a fraction in [0, 1]
 * @param pDeterioration {@code p_det}, a fraction in [0, 1]
 */
public record PercentageChange(Direction direction, double pImprovement, double pDeterioration)
        implements IndividualMethod {

    /** @throws IllegalArgumentException unless both fractions lie in [0, 1] (section 8) */
    public PercentageChange {
        Objects.requireNonNull(direction, "direction");
        Checks.fraction("pct_improvement", pImprovement);
        Checks.fraction("pct_deterioration", pDeterioration);
    }

    /** {@code p_det} defaulting to {@code p_imp}. */
    public static PercentageChange of(Direction direction, double pImprovement) {
        return new PercentageChange(direction, pImprovement, pImprovement);
    }

    /** {@code (post − pre) / pre}, the relative change (infinite or NaN for {@code pre = 0}). */
    public static double percentChange(double pre, double post) {
        return (post - pre) / pre;
    }

    /**
     * The person's category.
     *
     * @throws IllegalArgumentException when {@code pre < 0} (undefined) or a score is not finite
     */
    @Override
    public Category classify(double pre, double post) {
        Checks.finite("pre score", pre);
        Checks.finite("post score", post);
        if (pre < 0) {
            throw new IllegalArgumentException("percentage change is undefined for a negative pre score: " + pre);
        }
        int d = direction.d();
        if (pre == 0) {
            double directed = d * (post - pre);
            return directed > 0 ? Category.IMPROVED : directed < 0 ? Category.DETERIORATED : Category.UNCHANGED;
        }
        if (post == pre) {
            return Category.UNCHANGED;
        }
        double pct = percentChange(pre, post);
        if (d * pct >= pImprovement) {
            return Category.IMPROVED;
        }
        if (d * pct <= -pDeterioration) {
            return Category.DETERIORATED;
        }
        return Category.UNCHANGED;
    }

}
