package org.clinicaloutcomes.ingest;

import java.util.Comparator;

/**
 * The order in which METRICS.md scores the sessions of an episode, which is also the key of the
 * duplicate rule of DATA.md: by episode, then date, then session number by value (blank first),
 * and, among sessions with the same key, by line (file order, so the earlier row comes first).
 *
 * <p>Defined on sessions by position in some store ({@link Keys}), so that the deduplication can
 * sort staged bytes without decoding them into records; {@link #RECORDS} and
 * {@link #RECORD_KEYS} are the same on records.
 */
public final class SessionOrder {

    /** The keys of the sessions in a store, by position. */
    public interface Keys {

        int episode(int session);

        int day(int session);

        /** {@link SessionRecord#number()}: blank is the smallest long, a number beyond a long the largest. */
        long number(int session);

        long line(int session);

        /** Digits of a number beyond a long ({@link SessionRecord#BIG_NUMBER}), without leading zeros. */
        int digitCount(int session);

        /** Two numbers beyond a long with as many digits, digit by digit. */
        int compareDigits(int a, int b);
    }

    /** {@link #compare} on records. */
    public static final Comparator<SessionRecord> RECORDS = (a, b) -> compare(new Two(a, b), 0, 1);
    /** {@link #compareKey} on records. */
    public static final Comparator<SessionRecord> RECORD_KEYS = (a, b) -> compareKey(new Two(a, b), 0, 1);

    private SessionOrder() {
    }

    public static int compare(Keys keys, int a, int b) {
        int c = compareKey(keys, a, b);
        return c != 0 ? c : Long.compare(keys.line(a), keys.line(b));
    }

    /** The order without the line: 0 when the two sessions have the same key (one duplicates the other). */
    public static int compareKey(Keys keys, int a, int b) {
        int c = Integer.compare(keys.episode(a), keys.episode(b));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(keys.day(a), keys.day(b));
        if (c != 0) {
            return c;
        }
        long numberA = keys.number(a);
        c = Long.compare(numberA, keys.number(b));
        if (c != 0 || numberA != SessionRecord.BIG_NUMBER) {
            return c;
        }
        // Without leading zeros, the number with more digits is the larger.
        c = Integer.compare(keys.digitCount(a), keys.digitCount(b));
        return c != 0 ? c : keys.compareDigits(a, b);
    }

    /** Two records as a store of two sessions, 0 and 1. */
    private record Two(SessionRecord a, SessionRecord b) implements Keys {

        private SessionRecord at(int session) {
            return session == 0 ? a : b;
        }

        @Override
        public int episode(int session) {
            return at(session).episode();
        }

        @Override
        public int day(int session) {
            return at(session).day();
        }

        @Override
        public long number(int session) {
            return at(session).number();
        }

        @Override
        public long line(int session) {
            return at(session).line();
        }

        @Override
        public int digitCount(int session) {
            return at(session).bigNumber().length();
        }

        @Override
        public int compareDigits(int first, int second) {
            return at(first).bigNumber().compareTo(at(second).bigNumber()); // ASCII digits
        }
    }
}
