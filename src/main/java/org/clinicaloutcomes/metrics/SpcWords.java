package org.clinicaloutcomes.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A month's p-chart signals in words, for the workbook and the summary page (MONITORING.md,
 * "Signals", "In words", and "Month at a glance"): no signal is {@value #NO_SIGNAL}; each signal
 * is named plainly, in this order and joined with {@code ", "}:
 * <ul>
 *   <li>{@code above_limit}: {@value #ABOVE_LIMIT}; {@code below_limit}: {@value #BELOW_LIMIT};</li>
 *   <li>{@code run_above}: "<i>L</i> months in a row above the average"; {@code run_below}:
 *       "<i>L</i> months in a row below the average";</li>
 *   <li>{@code trend_up}: "rising for <i>L</i> months"; {@code trend_down}: "falling for <i>L</i>
 *       months" (a month at the turn of a rise into a fall has both).</li>
 * </ul>
 * <i>L</i> is the length of the run or trend the month belongs to, in live months
 * ({@link SpcMonth#runLength()}, {@link SpcMonth#trendUpLength()},
 * {@link SpcMonth#trendDownLength()}): 7 at the least, so a run of exactly 7 reads "7 months in
 * a row above the average" as the specification writes it, and a longer one its real length
 * ("9 months in a row …"), which says more. It is the whole run as the series shows it, so every
 * month of a run reads alike; for the last month of the series (the report month) that is the
 * run so far. A month with {@code n_paired = 0} has no signal to read ({@code null}, an empty
 * cell), nor has any month of a series without a paired episode. The words never call a month
 * better or worse.
 */
public final class SpcWords {

    /** The words of a live month without a signal. */
    public static final String NO_SIGNAL = "within the usual variation";
    /** The words of {@code above_limit}. */
    public static final String ABOVE_LIMIT = "unusually high";
    /** The words of {@code below_limit}. */
    public static final String BELOW_LIMIT = "unusually low";

    private SpcWords() {
    }

    /** The month's signals in words; {@code null} for a month whose signals are empty. */
    public static String of(SpcMonth month) {
        if (month == null || !month.live()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        if (month.aboveLimit()) {
            words.add(ABOVE_LIMIT);
        }
        if (month.belowLimit()) {
            words.add(BELOW_LIMIT);
        }
        if (month.runAbove()) {
            words.add(monthsInARow(month.runLength(), "above"));
        }
        if (month.runBelow()) {
            words.add(monthsInARow(month.runLength(), "below"));
        }
        if (month.trendUp()) {
            words.add("rising for " + month.trendUpLength() + " months");
        }
        if (month.trendDown()) {
            words.add("falling for " + month.trendDownLength() + " months");
        }
        return words.isEmpty() ? NO_SIGNAL : String.join(", ", words);
    }

    private static String monthsInARow(int length, String side) {
        return length + " months in a row " + side + " the average";
    }
}
