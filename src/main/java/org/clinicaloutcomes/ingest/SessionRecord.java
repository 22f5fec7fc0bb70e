package org.clinicaloutcomes.ingest;

/**
 * A session row that passed every row rule (duplicates are settled later, per episode).
 *
 * @param episode     index of the episode in the {@link EpisodeRegistry}
 * @param day         session date as epoch day
 * @param number      session number, {@link #NO_NUMBER} when blank (it sorts first)
 * @param attended    false for a no-show or late cancellation
 * @param scores      one score per configured instrument, in configuration order; NaN when absent
 * @param items       the 20 PCL-5 items, or null when the row has none
 * @param line        physical line of the record in {@code sessions.csv}
 * @param contentHash 128-bit hash of every trimmed field, to tell exact from conflicting duplicates
 * @param contentHash2 the second half of that hash
 */
public record SessionRecord(int episode, int day, long number, boolean attended, double[] scores,
                            byte[] items, long line, long contentHash, long contentHash2) {

    public static final long NO_NUMBER = Long.MIN_VALUE;

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
                && s.day == day && s.number == number && s.attended == attended
                && java.util.Arrays.equals(s.scores, scores) && java.util.Arrays.equals(s.items, items)
                && s.contentHash == contentHash && s.contentHash2 == contentHash2;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(line) * 31 + episode;
    }
}
