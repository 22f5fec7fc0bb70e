package org.clinicaloutcomes.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Waiting times of the episodes that start treatment in a month (MONITORING.md, "The monthly
 * series", and its reading 13), over the waits in days of the episodes whose first attended
 * session lies in the month and that have a {@code referral_date}:
 * <ul>
 *   <li>{@code n_started_with_referral} = the number of waits;</li>
 *   <li>{@code wait_days_median}: the type 7 median ({@link Quantiles}), which may end in .5;</li>
 *   <li>{@code wait_within_6_weeks_pct} = {@code 100.0 × #(wait ≤ 42) / n} and
 *       {@code wait_within_18_weeks_pct} = {@code 100.0 × #(wait ≤ 126) / n}, both bounds
 *       inclusive (6 × 7 and 18 × 7 days, the marks of the NHS Talking Therapies waiting-time
 *       standards: 75 % start treatment within 6 weeks of referral, 95 % within 18).</li>
 * </ul>
 * Over no wait the count is {@code 0} and the median and both rates are not defined
 * ({@code null}), as every rate over an empty group (METRICS.md).
 *
 * <p>The wait of one episode is {@link #waitDays(LocalDate, LocalDate)}.
 *
 * @param n                      {@code n_started_with_referral}
 * @param medianDays             {@code wait_days_median}, {@code null} when {@code n = 0}
 * @param within6WeeksPct        {@code wait_within_6_weeks_pct}, {@code null} when {@code n = 0}
 * @param within18WeeksPct       {@code wait_within_18_weeks_pct}, {@code null} when {@code n = 0}
 */
public record WaitingTimes(int n, Double medianDays, Double within6WeeksPct, Double within18WeeksPct) {

    /** Six weeks in days: a wait of at most this many days is within 6 weeks. */
    public static final int SIX_WEEKS_DAYS = 42;
    /** Eighteen weeks in days: a wait of at most this many days is within 18 weeks. */
    public static final int EIGHTEEN_WEEKS_DAYS = 126;

    /** No episode started with a referral date: {@code n = 0}, the rest not defined. */
    public static final WaitingTimes EMPTY = new WaitingTimes(0, null, null, null);

    /**
     * The waiting times over {@code waitDays} (the waits of the month's episodes, in any order).
     *
     * @throws IllegalArgumentException when a wait is negative (see
     *                                  {@link #waitDays(LocalDate, LocalDate)}: such an episode
     *                                  has no wait and is not passed)
     */
    public static WaitingTimes of(int[] waitDays) {
        IntegerHistogram.Builder waits = IntegerHistogram.builder();
        for (int wait : waitDays) {
            waits.add(wait);
        }
        return of(waits.build());
    }

    /**
     * The waiting times over the waits counted in {@code waitDays} (issue 19: exact and mergeable;
     * the same figures as over the waits themselves).
     *
     * @throws IllegalArgumentException when a wait is negative
     */
    public static WaitingTimes of(IntegerHistogram waitDays) {
        long n = waitDays.n();
        if (n == 0) {
            return EMPTY;
        }
        if (waitDays.min() < 0) {
            throw new IllegalArgumentException("a wait is a number of days >= 0, got " + waitDays.min());
        }
        return new WaitingTimes(Math.toIntExact(n), waitDays.quantile(0.5),
                Statistics.percent(waitDays.countAtMost(SIX_WEEKS_DAYS), n),
                Statistics.percent(waitDays.countAtMost(EIGHTEEN_WEEKS_DAYS), n));
    }

    /**
     * The wait of one episode: the days from its {@code referral_date} to its first attended
     * session (the earliest attended one; missed sessions do not start treatment), an integer
     * {@code ≥ 0}; a first session on the referral day is a wait of 0.
     *
     * <p>{@code null} (the episode has no wait and does not count in
     * {@code n_started_with_referral}) when the episode has no referral date, has no attended
     * session, or its first attended session lies before the referral. That last case cannot
     * reach here from accepted data: DATA.md rejects a referral after the intake date
     * ({@code referral after intake}, strictly after, so a referral on the intake day is valid,
     * MONITORING.md reading 2) and a session before the intake date ({@code session before
     * intake}), so referral ≤ intake ≤ first session. The specification has no reading for it;
     * a negative wait is not a waiting time, so it is left out rather than counted as 0 or
     * refused.
     */
    public static Integer waitDays(LocalDate referralDate, LocalDate firstAttendedSession) {
        if (referralDate == null || firstAttendedSession == null || firstAttendedSession.isBefore(referralDate)) {
            return null;
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(referralDate, firstAttendedSession));
    }
}
