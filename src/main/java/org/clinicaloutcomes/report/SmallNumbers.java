package org.clinicaloutcomes.report;

/**
 * The small-number rule of METRICS.md ("Small numbers and suppression") as the workbook and the
 * charts apply it: a group of at most {@value #MAX_SMALL_N} episodes is "small n" (flagged, drawn
 * lighter and hatched); with suppression on, a chart leaves out groups of 1 to
 * {@value #MAX_SMALL_N}.
 */
public final class SmallNumbers {

    /** Largest group size that counts as small. */
    public static final int MAX_SMALL_N = 10;

    /** The flag shown beside small groups. */
    public static final String FLAG = "small n (n \u2264 10)";

    private SmallNumbers() {
    }

    /** Whether a group of {@code n} episodes is small ({@code n ≤ 10}, including empty groups). */
    public static boolean isSmall(long n) {
        return n <= MAX_SMALL_N;
    }

    /** Whether a chart must leave out a group of {@code n} episodes under the run's suppression setting. */
    public static boolean suppressed(boolean suppression, long n) {
        return suppression && n >= 1 && n <= MAX_SMALL_N;
    }
}
