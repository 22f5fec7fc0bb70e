package org.clinicaloutcomes.metrics;

import java.util.List;

/**
 * Why an open episode is on the attention list (MONITORING.md, "Attention list", readings
 * 36–40), in order of urgency: the enum's order is the rank ({@link #rank()}, 1 the most urgent),
 * which orders the {@code reasons} cell and sorts the rows.
 * <pre>
 *   deteriorated       on some instrument, n ≥ 2 scores up to L and the latest a reliable
 *                      deterioration from the first ({@link DeteriorationAlert#isAlert})
 *   not_on_track       not on track on some instrument ({@link ExpectedRecovery#notOnTrack})
 *   no_recent_session  intake ≤ L − C and no attended session dated L − C + 1 … L
 *   no_measure         at least 3 attended sessions up to L and fewer than 2 primary scores
 * </pre>
 * with {@code L} the last day of the report month and {@code C} the contact days
 * ({@code --contact-days}, {@value #DEFAULT_CONTACT_DAYS} by default, {@value #MIN_CONTACT_DAYS}–
 * {@value #MAX_CONTACT_DAYS}). Days are epoch days.
 *
 * <p>Where the spec is silent: MONITORING.md writes "intake at least 30 days before L" beside
 * "the 30 days ending with L" and puts {@code --contact-days} after both, so both 30s are
 * {@code C}: a client is missed only once the whole contact window lies after the intake (with
 * the default, exactly reading 36).
 *
 * <p>Reference: the "not on track" feedback of M. J. Lambert et al. (2001), Psychotherapy
 * Research 11(1), 49–68; contact and measurement gaps as in routine outcome monitoring audits
 * (e.g. NHS Talking Therapies' data-completeness measures).
 */
public enum AttentionReason {
    DETERIORATED("deteriorated"),
    NOT_ON_TRACK("not_on_track"),
    NO_RECENT_SESSION("no_recent_session"),
    NO_MEASURE("no_measure");

    /** Default of {@code --contact-days}. */
    public static final int DEFAULT_CONTACT_DAYS = 30;
    /** Lowest valid {@code --contact-days}. */
    public static final int MIN_CONTACT_DAYS = 1;
    /** Highest valid {@code --contact-days}. */
    public static final int MAX_CONTACT_DAYS = 365;
    /** Attended sessions from which an episode is expected to be measured. */
    public static final int MEASURED_FROM_SESSIONS = 3;
    /** Primary scores an episode needs to count as measured (a baseline and one more). */
    public static final int MEASURED_SCORES = 2;

    /** The reasons in rank order. */
    public static final List<AttentionReason> IN_RANK_ORDER = List.of(values());

    private final String code;

    AttentionReason(String code) {
        this.code = code;
    }

    /** The value in {@code attention.csv}'s {@code reasons} cell. */
    public String code() {
        return code;
    }

    /** 1 for the most urgent reason, 4 for the least. */
    public int rank() {
        return ordinal() + 1;
    }

    /** Whether {@code days} is a valid {@code --contact-days}. */
    public static boolean isValidContactDays(int days) {
        return days >= MIN_CONTACT_DAYS && days <= MAX_CONTACT_DAYS;
    }

    /**
     * {@code no_recent_session}: the intake on or before {@code L − C} and no attended session
     * dated {@code L − C + 1 … L}; an episode with no attended session at all qualifies once its
     * intake is old enough.
     *
     * @param lastAttendedDay the latest attended session dated on or before {@code L}, or
     *                        {@code null} without one
     */
    public static boolean noRecentSession(long intakeDay, Long lastAttendedDay, long lastDay, int contactDays) {
        if (intakeDay > lastDay - contactDays) {
            return false;
        }
        return lastAttendedDay == null || lastAttendedDay <= lastDay - contactDays;
    }

    /**
     * {@code no_measure}: at least {@value #MEASURED_FROM_SESSIONS} attended sessions up to
     * {@code L} and fewer than {@value #MEASURED_SCORES} scores on the primary instrument.
     */
    public static boolean noMeasure(int attendedSessions, int primaryScores) {
        return attendedSessions >= MEASURED_FROM_SESSIONS && primaryScores < MEASURED_SCORES;
    }
}
