package org.clinicaloutcomes.analysis;

import java.util.List;
import java.util.Objects;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;

/**
 * One accepted episode with its accepted sessions, as {@link CohortAnalysis#add(EpisodeData)}
 * takes it.
 *
 * @param index    the episode's index in the episode registry (the order of acceptance);
 *                 episodes are added in increasing index order
 * @param intake   the accepted intake row
 * @param sessions the episode's accepted sessions, attended or not, after deduplication, in
 *                 score order (date, then number with blank first, then line); every session's
 *                 {@link SessionRecord#episode()} is {@code index}. The list is read, not kept.
 */
public record EpisodeData(int index, IntakeRecord intake, List<SessionRecord> sessions) {

    public EpisodeData {
        Objects.requireNonNull(intake, "intake");
        sessions = sessions == null ? List.of() : sessions;
    }
}
