package org.clinicaloutcomes.metrics.significance;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The standard-normal critical values of SIGNIFICANCE.md, section 0:
 * <pre>
 *   z2 = z(1 − alpha/2)      two-sided (all RCI methods but HA)
 *   z1 = z(1 − alpha)        one-sided (HA's RCI and CS_indiv)
 * </pre>
 * with {@code z} the standard-normal quantile of Commons Math ({@code NormalDistribution}); for the
 * default {@code alpha = 0.05}, {@code z2 = 1.959963984540054} (not 1.96) and
 * {@code z1 = 1.6448536269514722}, as R's {@code stats::qnorm}.
 *
 * <p>One exception: Commons Math's quantile of 0.95 is 1.6448536269514724, one ulp above the
 * double nearest the true quantile of the double 0.95, which R returns and the contract writes
 * (1.6448536269514722; the CDF of 1.6448536269514724 is 0.9500000000000002, of
 * 1.6448536269514722 exactly 0.95). So that the contract's {@code z1} and the {@code critical_value}
 * it prints are R's, the quantile of {@code p = 0.95} (z1 at alpha 0.05, z2 at alpha 0.10) is that
 * constant; every other {@code p} is Commons Math's, accurate to a few ulps.
 */
public final class CriticalValues {

    /** The default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0.0, 1.0);

    /** R's {@code qnorm(0.95)}: the double nearest the quantile of 0.95 (see the class comment). */
    static final double QUANTILE_095 = 1.6448536269514722;

    /** {@code z2} at {@code alpha = 0.05}: 1.959963984540054. */
    public static final double Z2 = twoSided(DEFAULT_ALPHA);
    /** {@code z1} at {@code alpha = 0.05}: 1.6448536269514722. */
    public static final double Z1 = oneSided(DEFAULT_ALPHA);

    private CriticalValues() {
    }

    /**
     * {@code z(1 − alpha/2)}.
     *
     * @throws IllegalArgumentException unless {@code 0 < alpha < 1} (section 8)
     */
    public static double twoSided(double alpha) {
        checkAlpha(alpha);
        return quantile(1 - alpha / 2);
    }

    /**
     * {@code z(1 − alpha)}.
     *
     * @throws IllegalArgumentException unless {@code 0 < alpha < 1} (section 8)
     */
    public static double oneSided(double alpha) {
        checkAlpha(alpha);
        return quantile(1 - alpha);
    }

    /** The standard-normal quantile {@code z(p)}. */
    static double quantile(double p) {
        return p == 0.95 ? QUANTILE_095 : STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** The standard-normal distribution function {@code Phi(x)}. */
    static double phi(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
        }
    }
}
