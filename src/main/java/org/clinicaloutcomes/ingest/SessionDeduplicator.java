package org.clinicaloutcomes.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The duplicate rule of DATA.md for sessions: among rows that passed every other check, a row
 * with the same client, date and number as an earlier one (in file order) is an exact duplicate
 * when every trimmed field equals the earlier row's, otherwise a conflicting duplicate. The
 * earlier row stands.
 *
 * <p>It also puts the surviving sessions in the order METRICS.md scores them: by episode, then
 * date, then number (blank first), then line.
 */
public final class SessionDeduplicator {

    /**
     * @param accepted   the surviving sessions, in {@link SessionOrder}
     * @param duplicates exact duplicates dropped (each counted, with a warning)
     * @param rejects    conflicting duplicates, in line order
     */
    public record Result(List<SessionRecord> accepted, long duplicates, List<Reject> rejects) {
    }

    private SessionDeduplicator() {
    }

    /** Deduplicates the sessions of a set of whole episodes (the list is sorted in place). */
    public static Result deduplicate(List<SessionRecord> sessions, String fileName) {
        sessions.sort(SessionOrder.RECORDS);
        List<SessionRecord> accepted = new ArrayList<>(sessions.size());
        List<Reject> rejects = new ArrayList<>();
        long duplicates = 0;
        SessionRecord standing = null;
        for (SessionRecord session : sessions) {
            if (standing != null && SessionOrder.RECORD_KEYS.compare(standing, session) == 0) {
                if (standing.contentHash() == session.contentHash() && standing.contentHash2() == session.contentHash2()) {
                    duplicates++;
                } else {
                    rejects.add(new Reject(fileName, session.line(), "", Reject.CONFLICTING_DUPLICATE));
                }
                continue;
            }
            standing = session;
            accepted.add(session);
        }
        rejects.sort(Comparator.comparingLong(Reject::line));
        return new Result(accepted, duplicates, rejects);
    }
}
