package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.ingest.Codes;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.ExactMoments;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * {@code subgroups.csv} (primary instrument): per approach and ALL, index_event (each code of
 * DATA.md, then {@code unknown}) and each flag ({@code Y}, {@code N}, {@code unknown}): closed
 * episodes of the window and paired ones, mean and SD of change, RI count and %. Every subgroup is
 * listed, also with no episode, so that the table has the same shape on any data.
 */
final class SubgroupTable implements TableAccumulator<SubgroupTable, List<OutcomeTables.SubgroupRow>> {

    private final CohortLayout layout;
    private final String instrument;
    /** Per slot (a row of a group): its variable and value, in row order. */
    private final String[] variables;
    private final String[] values;
    private final Subgroup[][] subgroups; // [group][slot]

    SubgroupTable(CohortLayout layout) {
        this.layout = layout;
        this.instrument = layout.instruments.get(layout.primary).key();
        List<String> variableList = new ArrayList<>();
        List<String> valueList = new ArrayList<>();
        String indexEvent = CohortAnalysis.SUBGROUP_VARIABLES.get(0);
        for (String event : Codes.INDEX_EVENTS) {
            variableList.add(indexEvent);
            valueList.add(event);
        }
        variableList.add(indexEvent);
        valueList.add(CohortAnalysis.UNKNOWN);
        for (String flag : CohortAnalysis.SUBGROUP_VARIABLES.subList(1, CohortAnalysis.SUBGROUP_VARIABLES.size())) {
            for (String value : CohortAnalysis.FLAG_VALUES) {
                variableList.add(flag);
                valueList.add(value);
            }
        }
        this.variables = variableList.toArray(new String[0]);
        this.values = valueList.toArray(new String[0]);
        this.subgroups = new Subgroup[layout.groups()][values.length];
        for (Subgroup[] group : subgroups) {
            for (int s = 0; s < group.length; s++) {
                group[s] = new Subgroup();
            }
        }
    }

    @Override
    public void add(ScoredEpisode episode) {
        if (!episode.closedInWindow) {
            return;
        }
        EpisodeScores scores = episode.scores();
        EpisodeOutcome outcome = scores.outcomes[layout.primary];
        for (int slot : slots(episode.intake)) {
            subgroups[episode.approach][slot].add(outcome);
            subgroups[layout.all][slot].add(outcome);
        }
    }

    @Override
    public void merge(SubgroupTable other) {
        for (int g = 0; g < subgroups.length; g++) {
            for (int s = 0; s < subgroups[g].length; s++) {
                subgroups[g][s].merge(other.subgroups[g][s]);
            }
        }
    }

    @Override
    public List<OutcomeTables.SubgroupRow> result() {
        List<OutcomeTables.SubgroupRow> rows = new ArrayList<>();
        for (int g = 0; g <= layout.all; g++) {
            for (int s = 0; s < values.length; s++) {
                Subgroup group = subgroups[g][s];
                ExactMoments changes = group.changes.build();
                int paired = Math.toIntExact(changes.n());
                rows.add(new OutcomeTables.SubgroupRow(layout.groupName(g), instrument, variables[s], values[s],
                        group.closed, paired, changes.mean(), changes.sampleSd(),
                        group.reliableImprovement, Statistics.percent(group.reliableImprovement, paired)));
            }
        }
        return rows;
    }

    /** The episode's slot of each subgroup variable. */
    private int[] slots(IntakeRecord intake) {
        int events = Codes.INDEX_EVENTS.size() + 1;
        int eventSlot = intake.indexEvent() == null ? events - 1 : Codes.INDEX_EVENTS.indexOf(intake.indexEvent());
        if (eventSlot < 0) {
            throw new IllegalArgumentException("unknown index event on intake line " + intake.line());
        }
        Boolean[] flags = {intake.chronicIllness(), intake.priorTrauma(), intake.childhoodMedical(), intake.marginalized()};
        int[] slots = new int[1 + flags.length];
        slots[0] = eventSlot;
        for (int f = 0; f < flags.length; f++) {
            int value = flags[f] == null ? 2 : flags[f] ? 0 : 1;
            slots[f + 1] = events + f * CohortAnalysis.FLAG_VALUES.size() + value;
        }
        return slots;
    }

    private static final class Subgroup implements Serializable {
        int closed;
        final ExactMoments.Builder changes = ExactMoments.builder();
        int reliableImprovement;

        /** A closed episode; {@code outcome} null when it has no paired scores. */
        void add(EpisodeOutcome outcome) {
            closed++;
            if (outcome != null) {
                changes.add(outcome.change());
                reliableImprovement += outcome.reliableImprovement() ? 1 : 0;
            }
        }

        void merge(Subgroup other) {
            closed += other.closed;
            changes.merge(other.changes);
            reliableImprovement += other.reliableImprovement;
        }
    }
}
