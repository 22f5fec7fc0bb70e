package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.metrics.ApproachComparison;
import org.clinicaloutcomes.metrics.EpisodeOutcome;

/**
 * {@code approach_comparison.csv}: {@link ApproachComparison#compare} per instrument over the
 * paired outcomes of the configured approaches (ALL is not a group), with the number of
 * approaches large enough to take part and their paired episodes.
 */
final class ComparisonTable implements TableAccumulator<ComparisonTable, List<OutcomeTables.ComparisonRow>> {

    private final CohortLayout layout;
    private final List<List<IndexedValues<EpisodeOutcome>>> paired; // [instrument][approach]

    ComparisonTable(CohortLayout layout) {
        this.layout = layout;
        this.paired = new ArrayList<>(layout.instrumentCount);
        for (int i = 0; i < layout.instrumentCount; i++) {
            List<IndexedValues<EpisodeOutcome>> perApproach = new ArrayList<>(layout.approachCount);
            for (int a = 0; a < layout.approachCount; a++) {
                perApproach.add(new IndexedValues<>());
            }
            paired.add(perApproach);
        }
    }

    @Override
    public void add(ScoredEpisode episode) {
        if (!episode.closedInWindow) {
            return;
        }
        EpisodeScores scores = episode.scores();
        for (int i = 0; i < layout.instrumentCount; i++) {
            if (scores.outcomes[i] != null) {
                paired.get(i).get(episode.approach).add(episode.index, scores.outcomes[i]);
            }
        }
    }

    @Override
    public void merge(ComparisonTable other) {
        for (int i = 0; i < paired.size(); i++) {
            for (int a = 0; a < paired.get(i).size(); a++) {
                paired.get(i).get(a).merge(other.paired.get(i).get(a));
            }
        }
    }

    @Override
    public List<OutcomeTables.ComparisonRow> result() {
        List<OutcomeTables.ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < layout.instrumentCount; i++) {
            List<List<EpisodeOutcome>> groups = new ArrayList<>();
            for (IndexedValues<EpisodeOutcome> group : paired.get(i)) {
                groups.add(group.values());
            }
            int nApproaches = 0;
            int nPaired = 0;
            for (List<EpisodeOutcome> group : groups) {
                if (group.size() >= ApproachComparison.MIN_GROUP_SIZE) {
                    nApproaches++;
                    nPaired += group.size();
                }
            }
            rows.add(new OutcomeTables.ComparisonRow(layout.instruments.get(i).key(), ApproachComparison.compare(groups),
                    nApproaches, nPaired));
        }
        return rows;
    }
}
