package org.clinicaloutcomes.sample;

/**
 * The kinds of deliberately bad rows the generator mixes in (DATA.md, "Rejects"), each tied to
 * the reject reason a correct pipeline gives it. Intake kinds also make the episode's sessions
 * {@code unknown client} rejects, as DATA.md prescribes.
 */
enum BadRow {
    /** intake: an approach that is not configured, such as {@code CBT-X}. */
    UNKNOWN_APPROACH(true),
    /** intake: an intake date that is not in the calendar, such as {@code 2025-02-30}. */
    BAD_DATE(true),
    /** intake: a discharge date before the intake date. */
    DISCHARGE_BEFORE_INTAKE(true),
    /** intake: a discharge reason with a blank discharge date. */
    REASON_WITHOUT_DISCHARGE(true),
    /**
     * intake: a bad referral_date, in turn one after the intake date ({@code referral after intake})
     * and one that is no ISO date ({@code bad date}).
     */
    BAD_REFERRAL(true),
    /** intake: a second, later row (a re-referral) with the same client_id. */
    DUPLICATE_CLIENT_ID(true),
    /** intake: an e-mail address in the gender column ({@code possible identifier}). */
    INTAKE_IDENTIFIER(true),
    /** sessions: a score outside its instrument's range. */
    OUT_OF_RANGE(false),
    /** sessions: a score such as {@code 12.5}. */
    NON_INTEGER(false),
    /** sessions: some but not all of the 20 PCL-5 items. */
    INCOMPLETE_ITEMS(false),
    /** sessions: a pcl5 total that differs from the sum of its items. */
    ITEM_SUM_MISMATCH(false),
    /** sessions: a client_id with no intake row (a typo). */
    UNKNOWN_CLIENT(false),
    /** sessions: a session dated before the intake. */
    SESSION_BEFORE_INTAKE(false),
    /** sessions: attended = N with scores. */
    SCORES_ON_MISSED(false),
    /** sessions: the same row twice. */
    EXACT_DUPLICATE(false),
    /** sessions: client, date and number repeated with a different score. */
    CONFLICTING_DUPLICATE(false),
    /** sessions: a row with one field too few or too many. */
    WRONG_FIELD_COUNT(false),
    /** sessions: a phone number in the session_number column ({@code possible identifier}). */
    SESSION_IDENTIFIER(false);

    final boolean intake;

    BadRow(boolean intake) {
        this.intake = intake;
    }

    /**
     * Rows of each kind in a file of {@code episodes} episodes: one per 250 episodes, at least one
     * (2 in 500 episodes, 3,600 in 900,000: about 0.6 % of all rows together); none below
     * {@link #MIN_EPISODES} episodes.
     */
    static int perKind(int episodes) {
        return episodes < MIN_EPISODES ? 0 : Math.max(1, (episodes + 249) / 250);
    }

    /** Files with fewer episodes get no bad rows. */
    static final int MIN_EPISODES = 40;
}
