package org.clinicaloutcomes.metrics.significance;

import java.util.Objects;

/**
 * The anchor-based method at the individual level (SIGNIFICANCE.md, section 5.1): the change in
 * score points against a fixed minimal important difference (MID), inclusive.
 * <pre>
 *   change = post − pre
 *   improved      iff change ≠ 0 and d × change ≥  MID_imp
 *   deteriorated  iff change ≠ 0 and d × change ≤ −MID_det
 *   unchanged     otherwise
 * </pre>
 * Both thresholds are inclusive (12 published results depend on it, e.g. claus_2020 BDI with an
 * MID of 7 gives 25 / 11 / 4). The {@code change ≠ 0} guard is the contract's: R has none, so an
 * MID of 0 flags a zero change twice (section 9, row 4). This is also the change criterion of
 * the package's "CWB" combined approach (Claus, Wager &amp; Bonnet 2024).
 *
 * <p>Reference: Claus, Wager &amp; Bonnet (2024), J. Stat. Softw. 111(1), the R package's
 * {@code cs_anchor} (no formula reference in the package).
 *
 * @param direction        the direction of benefit
 * @param midImprovement   {@code MID_imp}, points, {@code >= 0}
 * @param midDeterioration {@code MID_det}, points, {@code >= 0}
 */
public record AnchorChange(Direction direction, double midImprovement, double midDeterioration)
        implements IndividualMethod {

    /** @throws IllegalArgumentException unless both MIDs are finite and {@code >= 0} (section 8) */
    public AnchorChange {
        Objects.requireNonNull(direction, "direction");
        Checks.nonNegative("mid_improvement", midImprovement);
        Checks.nonNegative("mid_deterioration", midDeterioration);
    }

    /** {@code MID_det} defaulting to {@code MID_imp}. */
    public static AnchorChange of(Direction direction, double mid) {
        return new AnchorChange(direction, mid, mid);
    }

    /** The person's category. */
    @Override
    public Category classify(double pre, double post) {
        double change = post - pre;
        if (change != 0) {
            if (direction.d() * change >= midImprovement) {
                return Category.IMPROVED;
            }
            if (direction.d() * change <= -midDeterioration) {
                return Category.DETERIORATED;
            }
        }
        return Category.UNCHANGED;
    }

}
