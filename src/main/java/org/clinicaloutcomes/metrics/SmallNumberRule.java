package org.clinicaloutcomes.metrics;

/**
 * The small-number rule of METRICS.md ("Small numbers and suppression"), the one place its
 * threshold and its two texts are written: a group of at most {@value #MAX_SMALL} episodes is
 * "small n" (flagged in the workbook and on charts); with suppression on (the CMS cell-size rule,
 * "no value from 1 to 10 shown or derivable") a count from 1 to {@value #MAX_SMALL} is shown as
 * {@link #SMALL_TEXT}, and a larger count hidden so that a small one cannot be worked out from a
 * total as {@link #COMPLEMENTARY_TEXT} (true of it, where {@code <11} would not be).
 *
 * <p>Reference: Centers for Medicare &amp; Medicaid Services, "CMS cell size suppression policy"
 * (2020): no cell of 1 to 10 beneficiaries, nor one from which such a cell can be derived.
 */
public final class SmallNumberRule {

    /** The largest small count: groups up to it are small, counts from 1 to it are hidden. */
    public static final int MAX_SMALL = 10;

    /** What a count from 1 to {@value #MAX_SMALL} is shown as with suppression on: {@code <11}. */
    public static final String SMALL_TEXT = "<" + (MAX_SMALL + 1);

    /** What a count above {@value #MAX_SMALL} hidden to protect a small one is shown as: {@code >10}. */
    public static final String COMPLEMENTARY_TEXT = ">" + MAX_SMALL;

    private SmallNumberRule() {
    }

    /** Whether a group of {@code n} episodes is small ({@code n ≤ 10}, an empty group included). */
    public static boolean isSmallGroup(long n) {
        return n <= MAX_SMALL;
    }

    /** Whether suppression hides this count for its own sake (1 to 10; zero is always shown). */
    public static boolean isSmallCount(long count) {
        return count >= 1 && count <= MAX_SMALL;
    }
}
