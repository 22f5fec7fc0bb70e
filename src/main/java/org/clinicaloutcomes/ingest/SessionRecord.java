package org.clinicaloutcomes.ingest;

import java.util.Objects;

/**
 * A session row that passed every row rule (duplicates are settled later, per episode).
 *
 * <p>A session number is any integer ≥ 1 (DATA.md): one of up to {@value #MAX_SMALL_DIGITS}
 * digits is held in {@code number} as it is; a larger one has {@code number} =
 * {@link #BIG_NUMBER}, which is above every small number, and its digits in {@code bigNumber}
 * (no leading zeros, so a longer one is a larger one). Numbers compare by value
 * ({@link SessionOrder}).
 *
 * @param episode     index of the episode in the {@link EpisodeRegistry}
 * @param day         session date as epoch day
 * @param number      session number, {@link #NO_NUMBER} when blank (it sorts first), or
 *                    {@link #BIG_NUMBER} for a number of more than {@value #MAX_SMALL_DIGITS} digits
 * @param bigNumber   the digits of a {@link #BIG_NUMBER} without leading zeros; null otherwise
 * @param attended    false for a no-show or late cancellation
 * @param scores      one score per configured instrument, in configuration order; NaN when absent
 * @param items       the 20 PCL-5 items, or null when the row has none
 * @param line        physical line of the record in {@code sessions.csv}
 * @param contentHash 128-bit hash of every trimmed field, to tell exact from conflicting duplicates
 * @param contentHash2 the second half of that hash
 */
public record SessionRecord(int episode, int day, long number, String bigNumber, boolean attended, double[] scores,
                            byte[] items, long line, long contentHash, long contentHash2) {

    public static final long NO_NUMBER = Long.MIN_VALUE;
    /** Numbers of up to this many digits (below 10^18) are held in {@code number}. */
    public static final int MAX_SMALL_DIGITS = 18;
    /** Marks a number of more than {@value #MAX_SMALL_DIGITS} digits, held in {@code bigNumber}. */
    public static final long BIG_NUMBER = Long.MAX_VALUE;

    /** A session whose number, if any, has at most {@value #MAX_SMALL_DIGITS} digits. */
    public SessionRecord(int episode, int day, long number, boolean attended, double[] scores, byte[] items,
                         long line, long contentHash, long contentHash2) {
        this(episode, day, number, null, attended, scores, items, line, contentHash, contentHash2);
    }

    public boolean hasItems() {
        return items != null;
    }

    @Override
    public String toString() {
        return "SessionRecord[line=" + line + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionRecord s && s.line == line && s.episode == episode
                && s.day == day && s.number == number && Objects.equals(s.bigNumber, bigNumber)
                && s.attended == attended
                && java.util.Arrays.equals(s.scores, scores) && java.util.Arrays.equals(s.items, items)
                && s.contentHash == contentHash && s.contentHash2 == contentHash2;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(line) * 31 + episode;
    }
}
