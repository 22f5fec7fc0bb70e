package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.clinicaloutcomes.ingest.SessionRecord;

/**
 * What the monthly tables of open episodes read of an episode's sessions dated on or before the
 * last day {@code L} of the report month (MONITORING.md, reading 37: "up to the end of M" for
 * every column), scanned once: the attended sessions and the latest of them, and per instrument
 * the number of scores of attended sessions, the first (baseline) and the last (latest) with
 * their days. Sessions after {@code L} are never looked at.
 */
final class MonthEndScores implements Serializable {

    /** The day {@code L} the scores are taken up to (epoch day). */
    final int lastDay;
    /** Attended sessions dated on or before {@code L}. */
    final int attendedSessions;
    /** The day of the latest of them; meaningless when {@link #attendedSessions} is 0. */
    final int lastAttendedDay;
    /** Per instrument: scores up to {@code L}. */
    final int[] count;
    /** Per instrument: the first and the last of them (NaN without scores). */
    final double[] baseline;
    final double[] latest;
    /** Per instrument: the days of the first and last of them. */
    final int[] baselineDay;
    final int[] latestDay;

    private MonthEndScores(int lastDay, int attendedSessions, int lastAttendedDay, int[] count, double[] baseline,
                           double[] latest, int[] baselineDay, int[] latestDay) {
        this.lastDay = lastDay;
        this.attendedSessions = attendedSessions;
        this.lastAttendedDay = lastAttendedDay;
        this.count = count;
        this.baseline = baseline;
        this.latest = latest;
        this.baselineDay = baselineDay;
        this.latestDay = latestDay;
    }

    /** The scores up to epoch day {@code lastDay} of {@code sessions} (in score order). */
    static MonthEndScores of(CohortLayout layout, List<SessionRecord> sessions, int lastDay) {
        int instruments = layout.instrumentCount;
        int attended = 0;
        int lastAttended = 0;
        int[] count = new int[instruments];
        double[] baseline = new double[instruments];
        double[] latest = new double[instruments];
        int[] baselineDay = new int[instruments];
        int[] latestDay = new int[instruments];
        Arrays.fill(baseline, Double.NaN);
        Arrays.fill(latest, Double.NaN);
        for (SessionRecord session : sessions) {
            if (session.day() > lastDay) {
                break; // score order: every later session is later still
            }
            if (!session.attended()) {
                continue;
            }
            attended++;
            lastAttended = session.day();
            double[] scores = session.scores();
            for (int i = 0; i < instruments; i++) {
                double score = scores[i];
                if (Double.isNaN(score)) {
                    continue;
                }
                if (count[i] == 0) {
                    baseline[i] = score;
                    baselineDay[i] = session.day();
                }
                latest[i] = score;
                latestDay[i] = session.day();
                count[i]++;
            }
        }
        return new MonthEndScores(lastDay, attended, lastAttended, count, baseline, latest, baselineDay, latestDay);
    }
}
