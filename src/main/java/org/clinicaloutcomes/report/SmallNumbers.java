package org.clinicaloutcomes.report;

import org.clinicaloutcomes.metrics.SmallNumberRule;

/**
 * How the workbook and the charts show METRICS.md's small-number rule ({@link SmallNumberRule}): a
 * small group is flagged with {@link #FLAG} (and drawn lighter and hatched); with suppression on, a
 * chart leaves out groups of 1 to {@value SmallNumberRule#MAX_SMALL}. Which counts are hidden is
 * decided by the suppression (analysis/SmallNumberSuppression, analysis/CountSuppression), never here.
 */
public final class SmallNumbers {

    /** The flag shown beside small groups. */
    public static final String FLAG = "small n (n \u2264 " + SmallNumberRule.MAX_SMALL + ")";

    private SmallNumbers() {
    }

    /** Whether a group of {@code n} episodes is small ({@code n ≤ 10}, including empty groups). */
    public static boolean isSmall(long n) {
        return SmallNumberRule.isSmallGroup(n);
    }

    /** Whether a chart must leave out a group of {@code n} episodes under the run's suppression setting. */
    public static boolean suppressed(boolean suppression, long n) {
        return suppression && SmallNumberRule.isSmallCount(n);
    }
}
