package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.IntegerHistogram;

/**
 * {@code outcomes_by_approach.csv}: {@link GroupOutcomes#of} per approach × instrument, then ALL,
 * over the closed episodes of the window. n_closed, the attended sessions of each closed episode
 * (all of them) and the dropouts (discharge reason {@code dropout}) do not depend on the
 * instrument.
 */
final class ApproachOutcomesTable implements TableAccumulator<ApproachOutcomesTable, List<OutcomeTables.ApproachRow>> {

    private final CohortLayout layout;
    private final int[] closed;
    private final int[] dropouts;
    /** Per group, how many closed episodes attended each number of sessions (their quartiles). */
    private final IntegerHistogram.Builder[] attendedPerClosed;
    private final List<List<IndexedValues<EpisodeOutcome>>> paired; // [group][instrument]

    ApproachOutcomesTable(CohortLayout layout) {
        this.layout = layout;
        int groups = layout.groups();
        this.closed = new int[groups];
        this.dropouts = new int[groups];
        this.attendedPerClosed = new IntegerHistogram.Builder[groups];
        this.paired = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            attendedPerClosed[g] = IntegerHistogram.builder();
            List<IndexedValues<EpisodeOutcome>> perInstrument = new ArrayList<>(layout.instrumentCount);
            for (int i = 0; i < layout.instrumentCount; i++) {
                perInstrument.add(new IndexedValues<>());
            }
            paired.add(perInstrument);
        }
    }

    @Override
    public void add(ScoredEpisode episode) {
        if (!episode.closedInWindow) {
            return;
        }
        EpisodeScores scores = episode.scores();
        boolean dropout = episode.intake.droppedOut();
        for (int g : new int[] {episode.approach, layout.all}) {
            closed[g]++;
            attendedPerClosed[g].add(scores.attendedSessions);
            dropouts[g] += dropout ? 1 : 0;
            for (int i = 0; i < layout.instrumentCount; i++) {
                if (scores.outcomes[i] != null) {
                    paired.get(g).get(i).add(episode.index, scores.outcomes[i]);
                }
            }
        }
    }

    @Override
    public void merge(ApproachOutcomesTable other) {
        for (int g = 0; g < closed.length; g++) {
            closed[g] += other.closed[g];
            dropouts[g] += other.dropouts[g];
            attendedPerClosed[g].merge(other.attendedPerClosed[g]);
            for (int i = 0; i < layout.instrumentCount; i++) {
                paired.get(g).get(i).merge(other.paired.get(g).get(i));
            }
        }
    }

    @Override
    public List<OutcomeTables.ApproachRow> result() {
        List<OutcomeTables.ApproachRow> rows = new ArrayList<>();
        for (int g = 0; g <= layout.all; g++) {
            IntegerHistogram sessions = attendedPerClosed[g].build();
            for (int i = 0; i < layout.instrumentCount; i++) {
                Instrument instrument = layout.instruments.get(i);
                GroupOutcomes outcomes = GroupOutcomes.of(instrument, paired.get(g).get(i).values(), closed[g], sessions,
                        dropouts[g]);
                rows.add(new OutcomeTables.ApproachRow(layout.groupName(g), instrument.key(),
                        layout.byWave() ? outcomes.withoutSessionsOrDropout() : outcomes));
            }
        }
        return rows;
    }
}
