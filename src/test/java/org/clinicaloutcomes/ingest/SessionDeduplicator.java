package org.clinicaloutcomes.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The duplicate rule of DATA.md for sessions on records in memory, the plain way: sort, then
 * keep the first of each key. The oracle {@link StagedPartitionTest} holds the production rule,
 * {@link StagedPartition}, to; the analysis tests use it to deduplicate without staging files.
 *
 * <p>The survivors are in {@link SessionOrder}, the order METRICS.md scores them in.
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
