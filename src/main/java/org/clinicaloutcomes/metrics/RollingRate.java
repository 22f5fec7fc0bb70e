package org.clinicaloutcomes.metrics;

import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;

/**
 * The rolling 12-month rate of the monthly series (MONITORING.md, "The monthly series", and its
 * reading 12): for month {@code m}, the pooled rate over the episodes discharged in the 12
 * calendar months {@code m − 11 … m},
 * <pre>
 *   rate_12m(m) = 100.0 × Σ k / Σ n   over the months m − 11 … m
 * </pre>
 * (for example {@code Σ n_reliable_improvement / Σ n_paired} for {@code reliable_improvement_pct_12m},
 * {@code Σ n_recovered / Σ n_cases} for {@code recovery_pct_12m}). It is a pooled rate, not the
 * mean of the monthly rates: a month with more episodes weighs more, and a month with
 * {@code n = 0} (or no entry at all) adds nothing. The window reaches back before the series and
 * the reporting window, so the caller passes the counts of every month it has. Not defined
 * ({@code null}) when the pool is empty; no interval (reading 12).
 *
 * <p>Reference: MONITORING.md, reading 12 (the pooled rate is the contract); percent as
 * METRICS.md ({@link Statistics#percent(long, long)}).
 */
public final class RollingRate {

    /** Calendar months in the pool, the month itself included. */
    public static final int MONTHS = 12;

    private RollingRate() {
    }

    /**
     * The pooled counts of the 12 calendar months ending with {@code month}; a month missing from
     * {@code countsByMonth} counts as {@link Proportion#EMPTY}.
     */
    public static Proportion pooled(YearMonth month, Map<YearMonth, Proportion> countsByMonth) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(countsByMonth, "countsByMonth");
        Proportion pool = Proportion.EMPTY;
        for (int back = MONTHS - 1; back >= 0; back--) {
            Proportion counts = countsByMonth.get(month.minusMonths(back));
            if (counts != null) {
                pool = pool.plus(counts);
            }
        }
        return pool;
    }

    /**
     * {@code 100.0 × Σ k / Σ n} over the 12 calendar months ending with {@code month};
     * {@code null} when the pool is empty ({@code Σ n = 0}).
     */
    public static Double pooledPercent(YearMonth month, Map<YearMonth, Proportion> countsByMonth) {
        return pooled(month, countsByMonth).percent();
    }
}
