package org.clinicaloutcomes.report;

import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/**
 * {@code Reliable change}: reliable improvement / no change / deterioration by approach and
 * instrument (the rows of outcomes_by_approach),
 * then the rows of episode_outcomes unless suppression is on or they are too many.
 */
final class ReliableChangeSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.RELIABLE_CHANGE;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        SheetTable<OutcomeTables.ApproachRow> byApproach = SheetTable.someColumnsOf(
                        TableSchemas.OUTCOMES_BY_APPROACH, c.tables().outcomesByApproach())
                .columns("approach", "instrument", "n_paired", "n_reliable_improvement", "reliable_improvement_pct",
                        "reliable_improvement_ci_low", "reliable_improvement_ci_high",
                        TableSchemas.NO_RELIABLE_CHANGE, "no_reliable_change_pct",
                        "n_reliable_deterioration", "reliable_deterioration_pct")
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                .smallGroupsBy(r -> r.outcomes().nPaired())
                .main(2);
        int row = byApproach.write(s, c, 0);
        row = SheetCharts.besideTable(s, c.chartsOf(name()), 0, row, byApproach.width(), 1);

        row += 1;
        row = s.section(row, c.run().words("Every closed episode with before-and-after scores, by questionnaire (the "
                + "rows of episode_outcomes.csv)"));
        if (c.suppression()) {
            s.note(row, "Not shown: suppression is on, so episode-level rows are not written.");
            return;
        }
        List<OutcomeTables.EpisodeRow> episodes = c.tables().episodeOutcomes();
        if (episodes.size() > OutcomesWorkbook.MAX_LISTED_ROWS) {
            s.note(row, "The " + episodes.size() + " rows are too many to read here (and may not fit a "
                    + "sheet): see csv/episode_outcomes.csv.");
            return;
        }
        episodeTable(c, episodes).write(s, c, row);
    }

    private static SheetTable<OutcomeTables.EpisodeRow> episodeTable(WorkbookContent c,
                                                                     List<OutcomeTables.EpisodeRow> episodes) {
        return SheetTable.of(ByWave.episodes(c.run()), episodes)
                .shown("instrument", r -> c.instrumentName(r.instrument()));
    }
}
