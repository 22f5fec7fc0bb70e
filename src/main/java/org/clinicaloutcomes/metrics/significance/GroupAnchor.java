package org.clinicaloutcomes.metrics.significance;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * The anchor-based approach at the group level, frequentist (SIGNIFICANCE.md, section 5.2; R's
 * {@code cs_anchor(target = "group", bayesian = FALSE)}): a t interval of a mean difference
 * against the threshold {@code thr = d × MID}.
 * <ul>
 *   <li><b>Within</b> ({@link #within}): the paired t interval of {@code mean(post − pre)},
 *       {@code df = n − 1}.</li>
 *   <li><b>Between</b> ({@link #between}): the Welch interval of
 *       {@code mean(x_cmp) − mean(x_ref)} with Welch–Satterthwaite df, on the scores at one
 *       occasion (post), not the change scores (only that reproduces the published numbers:
 *       antidepressants, Wait List vs Inactive Placebo, −11.81 [−13.44, −10.18]).</li>
 * </ul>
 * As R's {@code t.test}: {@code SE = sqrt(var/n)} (Welch: {@code sqrt(SE_x² + SE_y²)},
 * {@code df = SE⁴ / (SE_x⁴/(n_x − 1) + SE_y⁴/(n_y − 1))}), {@code t = diff / SE},
 * {@code [lower, upper] = (t ∓ q) × SE} with {@code q} the {@code 1 − (1 − ci)/2} quantile of t
 * (Commons Math, accuracy 1e-14).
 *
 * <p>Category, lower is better ({@code d = −1}), the first rule that matches:
 * <ol>
 *   <li>{@code sign(lower) ≠ sign(upper)}: statistically not significant;</li>
 *   <li>{@code lower > thr}: statistically significant but not clinically relevant;</li>
 *   <li>{@code upper > thr, diff > thr, lower < thr}: not significantly less than the threshold;</li>
 *   <li>{@code upper > thr, diff < thr, lower < thr}: probably clinically significant effect;</li>
 *   <li>{@code upper < thr}: large clinically significant effect;</li>
 *   <li>otherwise unclassified (only on exact ties with {@code thr}).</li>
 * </ol>
 * Higher is better: the same rules on {@code (−diff, −upper, −lower, −thr)}, and the third label
 * reads "greater than" (the contract's mirror; R has no "not significant" rule there, section 9,
 * row 7). The Bayesian variant, R's default, is out of scope.
 *
 * <p>Reference: L. Hespanhol et al. (2019), Understanding and interpreting confidence and
 * credible intervals around effect estimates. Braz. J. Phys. Ther. 23(4), 290–301 (the
 * categories); Claus, Wager &amp; Bonnet (2024), J. Stat. Softw. 111(1).
 *
 * @param difference the mean difference ({@code post − pre}, or comparison − reference)
 * @param lower      the interval's lower end
 * @param upper      the interval's upper end
 * @param df         the t distribution's degrees of freedom
 * @param category   the category against the threshold
 */
public record GroupAnchor(double difference, double lower, double upper, double df, GroupCategory category) {

    /** The default confidence level. */
    public static final double DEFAULT_CI = 0.95;

    /** The group-level categories, in the rules' order. */
    public enum GroupCategory {
        NOT_SIGNIFICANT("Statistically not significant"),
        SIGNIFICANT_NOT_RELEVANT("Statistically significant but not clinically relevant"),
        NOT_SIGNIFICANTLY_BEYOND_THRESHOLD("Not significantly less than the threshold"),
        PROBABLY_CLINICALLY_SIGNIFICANT("Probably clinically significant effect"),
        LARGE_CLINICALLY_SIGNIFICANT("Large clinically significant effect"),
        UNCLASSIFIED("Unclassified");

        private final String label;

        GroupCategory(String label) {
            this.label = label;
        }

        /** The package's words for the category; "greater than" when higher is better. */
        public String label(Direction direction) {
            return this == NOT_SIGNIFICANTLY_BEYOND_THRESHOLD && direction == Direction.HIGHER_IS_BETTER
                    ? "Not significantly greater than the threshold" : label;
        }
    }

    /**
     * The within-group result: the paired t interval of {@code mean(post − pre)}.
     *
     * @throws IllegalArgumentException with fewer than 2 pairs, changes of SD 0, a MID below 0
     *                                  or a level outside (0, 1)
     */
    public static GroupAnchor within(double[] pre, double[] post, Direction direction, double mid, double ci) {
        Objects.requireNonNull(direction, "direction");
        Checks.nonNegative("mid_improvement", mid);
        Checks.level("ci", ci);
        double[] change = PairedSample.changes(pre, post);
        int n = change.length;
        if (n < 2) {
            throw new IllegalArgumentException("group anchor is undefined: fewer than 2 pairs (n = " + n + ")");
        }
        double sd = Statistics.sampleSd(change);
        if (sd == 0) {
            throw new IllegalArgumentException("group anchor is undefined: the SD of the changes is 0");
        }
        double stderr = Math.sqrt(sd * sd / n);
        return interval(Statistics.mean(change), stderr, n - 1, direction, mid, ci);
    }

    /**
     * The between-group result: the Welch interval of {@code mean(comparison) − mean(reference)},
     * the scores at one occasion (post).
     *
     * @throws IllegalArgumentException with fewer than 2 scores in a group, both SDs 0, a MID
     *                                  below 0 or a level outside (0, 1)
     */
    public static GroupAnchor between(double[] reference, double[] comparison, Direction direction, double mid,
            double ci) {
        Objects.requireNonNull(direction, "direction");
        Checks.nonNegative("mid_improvement", mid);
        Checks.level("ci", ci);
        int ny = reference.length;
        int nx = comparison.length;
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("group anchor is undefined: fewer than 2 scores in a group ("
                    + ny + " reference, " + nx + " comparison)");
        }
        double sdx = Statistics.sampleSd(comparison);
        double sdy = Statistics.sampleSd(reference);
        double stderrx = Math.sqrt(sdx * sdx / nx);
        double stderry = Math.sqrt(sdy * sdy / ny);
        double stderr = Math.sqrt(stderrx * stderrx + stderry * stderry);
        if (stderr == 0) {
            throw new IllegalArgumentException("group anchor is undefined: the SD of both groups is 0");
        }
        double df = Math.pow(stderr, 4) / (Math.pow(stderrx, 4) / (nx - 1) + Math.pow(stderry, 4) / (ny - 1));
        double difference = Statistics.mean(comparison) - Statistics.mean(reference);
        return interval(difference, stderr, df, direction, mid, ci);
    }

    private static GroupAnchor interval(double difference, double stderr, double df, Direction direction,
            double mid, double ci) {
        double q = new TDistribution(null, df, 1e-14).inverseCumulativeProbability(1 - (1 - ci) / 2);
        double t = difference / stderr;
        double lower = (t - q) * stderr;
        double upper = (t + q) * stderr;
        double thr = direction.d() * mid;
        GroupCategory category = direction == Direction.LOWER_IS_BETTER
                ? categoryOf(difference, lower, upper, thr)
                : categoryOf(-difference, -upper, -lower, -thr);
        return new GroupAnchor(difference, lower, upper, df, category);
    }

    /** The rules for lower is better, the first that matches. */
    static GroupCategory categoryOf(double diff, double lower, double upper, double thr) {
        if (Math.signum(lower) != Math.signum(upper)) {
            return GroupCategory.NOT_SIGNIFICANT;
        }
        if (lower > thr) {
            return GroupCategory.SIGNIFICANT_NOT_RELEVANT;
        }
        if (upper > thr && diff > thr && lower < thr) {
            return GroupCategory.NOT_SIGNIFICANTLY_BEYOND_THRESHOLD;
        }
        if (upper > thr && diff < thr && lower < thr) {
            return GroupCategory.PROBABLY_CLINICALLY_SIGNIFICANT;
        }
        if (upper < thr) {
            return GroupCategory.LARGE_CLINICALLY_SIGNIFICANT;
        }
        return GroupCategory.UNCLASSIFIED;
    }
}
