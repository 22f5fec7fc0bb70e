package org.clinicaloutcomes.metrics;

/**
 * The p-chart of one month of the monthly series for one group (an approach, or ALL), as
 * {@link SpcSignals#of(java.util.List)} computes it (MONITORING.md, "Signals"). Columns
 * {@code spc_centre_pct, spc_lower_pct, spc_upper_pct, above_limit, below_limit, run_above,
 * run_below, trend_up, trend_down}, then the lengths the words use ({@link SpcWords}).
 *
 * <p>Everything is {@code null} when no month of the series has a paired episode; otherwise the
 * centre is written in every month, and the limits, the signals and the lengths are {@code null}
 * in a month with {@code n_paired = 0}.
 *
 * @param centrePct       {@code spc_centre_pct = 100 p}, the same in every month of the series
 * @param lowerPct        {@code spc_lower_pct}, clamped to [0, 100]
 * @param upperPct        {@code spc_upper_pct}, clamped to [0, 100]
 * @param aboveLimit      the month's rate is strictly above {@code upperPct}
 * @param belowLimit      the month's rate is strictly below {@code lowerPct}
 * @param runAbove        the month belongs to at least 7 consecutive live months strictly above the centre
 * @param runBelow        the month belongs to at least 7 consecutive live months strictly below the centre
 * @param trendUp         the month belongs to at least 7 consecutive live months rising strictly
 * @param trendDown       the month belongs to at least 7 consecutive live months falling strictly
 * @param runLength       the number of live months of the run the month belongs to when
 *                        {@code runAbove} or {@code runBelow}, else {@code null}
 * @param trendUpLength   the number of live months of the rising trend when {@code trendUp}, else {@code null}
 * @param trendDownLength the number of live months of the falling trend when {@code trendDown}, else {@code null}
 */
public record SpcMonth(Double centrePct, Double lowerPct, Double upperPct,
                       Boolean aboveLimit, Boolean belowLimit,
                       Boolean runAbove, Boolean runBelow,
                       Boolean trendUp, Boolean trendDown,
                       Integer runLength, Integer trendUpLength, Integer trendDownLength) {

    /** A month of a series without any paired episode: everything empty. */
    public static final SpcMonth EMPTY =
            new SpcMonth(null, null, null, null, null, null, null, null, null, null, null, null);

    /** Whether the month is live ({@code n_paired > 0} in a series with a centre line). */
    public boolean live() {
        return aboveLimit != null;
    }

    /** Whether any of the six signals is true. */
    public boolean anySignal() {
        return Boolean.TRUE.equals(aboveLimit) || Boolean.TRUE.equals(belowLimit)
                || Boolean.TRUE.equals(runAbove) || Boolean.TRUE.equals(runBelow)
                || Boolean.TRUE.equals(trendUp) || Boolean.TRUE.equals(trendDown);
    }
}
