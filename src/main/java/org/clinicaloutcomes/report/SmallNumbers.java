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

    /**
     * Markers for a total and the counts that add up to it, for tables outside OutcomeTables
     * (the data-quality counts): every count from 1 to 10 is {@code <11}; while exactly one part
     * is hidden, the next smallest non-zero part (or else the total) is hidden too, as {@code >10}
     * (true of it, since it is above 10). Index {@code parts.length} is the total's marker.
     *
     * @return one marker per part and one for the total; null where the count is shown
     */
    public static String[] hide(long total, long[] parts) {
        String[] markers = new String[parts.length + 1];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] >= 1 && parts[i] <= MAX_SMALL_N) {
                markers[i] = LESS_THAN_11;
            }
        }
        if (total >= 1 && total <= MAX_SMALL_N) {
            markers[parts.length] = LESS_THAN_11;
        }
        while (markers[parts.length] == null && hiddenCount(markers, parts.length) == 1) {
            int next = -1;
            for (int i = 0; i < parts.length; i++) {
                if (markers[i] == null && parts[i] > 0 && (next < 0 || parts[i] < parts[next])) {
                    next = i;
                }
            }
            markers[next < 0 ? parts.length : next] = MORE_THAN_10;
        }
        return markers;
    }

    private static int hiddenCount(String[] markers, int parts) {
        int hidden = 0;
        for (int i = 0; i < parts; i++) {
            if (markers[i] != null) {
                hidden++;
            }
        }
        return hidden;
    }

    static final String LESS_THAN_11 = "<11";
    static final String MORE_THAN_10 = ">10";

    /** Whether a chart must leave out a group of {@code n} episodes under the run's suppression setting. */
    public static boolean suppressed(boolean suppression, long n) {
        return suppression && n >= 1 && n <= MAX_SMALL_N;
    }
}
