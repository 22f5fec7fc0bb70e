package org.clinicaloutcomes.analysis;

import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.ExpectedRecovery;

/**
 * The settings of a monthly run's monitoring tables (MONITORING.md): the months of the monthly
 * series ({@code --series-months}), the minimum n of an expected-recovery model
 * ({@code --expected-min-n}) and the contact days of the attention list ({@code --contact-days}).
 *
 * @param seriesMonths months of the monthly series ending with the report month, at least 1
 * @param expectedMinN episodes a model needs, {@value ExpectedRecovery#MIN_N_LOWEST}–{@value ExpectedRecovery#MIN_N_HIGHEST}
 * @param contactDays  days without an attended session that put an open client on the list,
 *                     {@value AttentionReason#MIN_CONTACT_DAYS}–{@value AttentionReason#MAX_CONTACT_DAYS}
 */
public record MonitoringSettings(int seriesMonths, int expectedMinN, int contactDays) {

    /** The defaults of the command line. */
    public static final MonitoringSettings DEFAULT = new MonitoringSettings(CohortAnalysis.DEFAULT_SERIES_MONTHS,
            ExpectedRecovery.DEFAULT_MIN_N, AttentionReason.DEFAULT_CONTACT_DAYS);

    public MonitoringSettings {
        if (seriesMonths < 1) {
            throw new IllegalArgumentException("a series needs at least one month: " + seriesMonths);
        }
        if (!ExpectedRecovery.isValidMinN(expectedMinN)) {
            throw new IllegalArgumentException("expected-min-n out of range: " + expectedMinN);
        }
        if (!AttentionReason.isValidContactDays(contactDays)) {
            throw new IllegalArgumentException("contact-days out of range: " + contactDays);
        }
    }

    /** The defaults with {@code seriesMonths} months of series. */
    public static MonitoringSettings withSeriesMonths(int seriesMonths) {
        return new MonitoringSettings(seriesMonths, DEFAULT.expectedMinN, DEFAULT.contactDays);
    }
}
