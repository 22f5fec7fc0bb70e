package org.clinicaloutcomes.metrics;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The reporting window {@code [from, to]} of a run (METRICS.md, "Cohort"), its label and the
 * activity period.
 *
 * @param from        first day of the window
 * @param to          last day of the window
 * @param reportMonth the monthly report's month, or null for a research run
 * @param label       {@code YYYY-MM} for a monthly run, {@code <from>_<to>} for a research run
 */
public record ReportWindow(LocalDate from, LocalDate to, YearMonth reportMonth, String label)
        implements Serializable {

    public ReportWindow {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    /** The monthly window: the {@code months} calendar months ending with the report month. */
    public static ReportWindow monthly(YearMonth reportMonth, int months) {
        LocalDate from = reportMonth.minusMonths(months - 1L).atDay(1);
        return new ReportWindow(from, reportMonth.atEndOfMonth(), reportMonth, reportMonth.toString());
    }

    /** The research window: the given dates, open ends filled from the data. */
    public static ReportWindow research(LocalDate from, LocalDate to, LocalDate earliestIntake, LocalDate latestSession) {
        LocalDate start = from != null ? from : earliestIntake;
        LocalDate end = to != null ? to : latestSession;
        return new ReportWindow(start, end, null, start + "_" + end);
    }

    /** The label of the window of an analysis by wave, which has no dates. */
    public static final String BY_WAVE_LABEL = "all-waves";

    /**
     * The window of an analysis by wave (RESEARCH.md: the window is all the data): a session's
     * day is its wave's position, so the window is the epoch days 0 to {@code waves − 1}.
     */
    public static ReportWindow byWave(int waves) {
        return new ReportWindow(LocalDate.ofEpochDay(0), LocalDate.ofEpochDay(Math.max(0, waves - 1)), null,
                BY_WAVE_LABEL);
    }

    /** Whether this is the window of an analysis by wave, whose days are wave positions, not dates. */
    public boolean byWave() {
        return BY_WAVE_LABEL.equals(label);
    }

    /** The window in words: {@code 2025-01-01 to 2025-12-31}, or {@code all waves}. */
    public String span() {
        return span(null);
    }

    /**
     * The window in words, as every report gives it: {@code 2025-01-01 to 2025-12-31}, or for an
     * analysis by wave {@code all waves (0, 1, 3, 6)}, with the waves' labels in order
     * ({@code waveLabels}; {@code all waves} without them). A window by wave has no dates, so none is ever shown for it.
     */
    public String span(java.util.List<String> waveLabels) {
        if (!byWave()) {
            return from + " to " + to;
        }
        return waveLabels.isEmpty() ? "all waves" : "all waves (" + String.join(", ", waveLabels) + ")";
    }

    /**
     * The default report month: the month of the latest accepted session, or the month before it
     * when that is still the current calendar month (a report covers complete months).
     */
    public static YearMonth defaultMonth(LocalDate latestSession, LocalDate today) {
        YearMonth latest = YearMonth.from(latestSession);
        return latest.equals(YearMonth.from(today)) || latest.isAfter(YearMonth.from(today))
                ? YearMonth.from(today).minusMonths(1) : latest;
    }

    /** The activity period: the report month, or for a research run the window. */
    public LocalDate periodStart() {
        return reportMonth != null ? reportMonth.atDay(1) : from;
    }

    public LocalDate periodEnd() {
        return reportMonth != null ? reportMonth.atEndOfMonth() : to;
    }

    /** The activity period's name in {@code activity.csv}: {@code YYYY-MM}, or {@code <from>_<to>}. */
    public String periodLabel() {
        return reportMonth != null ? reportMonth.toString() : from + "_" + to;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
