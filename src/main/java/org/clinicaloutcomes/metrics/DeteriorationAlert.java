package org.clinicaloutcomes.metrics;

/**
 * The alert rule of the monthly report (METRICS.md, "Alerts"): an episode open at the end of the
 * report month M whose latest score on an instrument up to the end of M is a reliable
 * deterioration from its first score.
 *
 * <pre>
 *   open at the end of M = intake ≤ L and (no discharge or discharge &gt; L)     L = last day of M
 *   alert                = open at the end of M and n ≥ 2 and −reduction(baseline, latest) ≥ RC
 * </pre>
 * with {@code n}, {@code baseline} and {@code latest} the number, first and last of the
 * episode's scores on the instrument dated on or before L (later scores are not looked at), and
 * reliable deterioration as in {@link EpisodeOutcome} (compared exactly, no tolerance). Days are
 * epoch days ({@link java.time.LocalDate#toEpochDay()}).
 *
 * <p>References: MONITORING.md, decisions 27 ("open at the end of M", also for the attention
 * list) and 38 (two scores needed); N. S. Jacobson &amp; P. Truax (1991), Clinical significance: a
 * statistical approach to defining meaningful change in psychotherapy research. J. Consult. Clin.
 * Psychol. 59(1), 12–19.
 */
public final class DeteriorationAlert {

    private DeteriorationAlert() {
    }

    /**
     * Whether an episode is open at the end of day {@code lastDay}: its intake on or before it,
     * and no discharge or one after it (an episode whose intake is later is not open yet).
     */
    public static boolean isOpenAt(long lastDay, long intakeDay, boolean discharged, long dischargeDay) {
        return intakeDay <= lastDay && (!discharged || dischargeDay > lastDay);
    }

    /**
     * Whether the scores of an open episode up to the end of the month raise an alert: at least
     * two, and the latest a reliable deterioration from the first.
     *
     * @param nScores  the episode's scores on {@code instrument} up to the end of the month
     * @param baseline the first of them (ignored when {@code nScores < 2})
     * @param latest   the last of them (ignored when {@code nScores < 2})
     * @throws IllegalArgumentException when {@code nScores ≥ 2} and a score is not finite
     */
    public static boolean isAlert(Instrument instrument, int nScores, double baseline, double latest) {
        return nScores >= 2 && EpisodeOutcome.of(instrument, baseline, latest, nScores).reliableDeterioration();
    }
}
