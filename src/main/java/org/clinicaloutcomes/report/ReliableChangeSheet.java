package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.GroupOutcomes;

/**
 * {@code Reliable change}: reliable improvement / no change / deterioration by approach and
 * instrument (the rows of outcomes_by_approach, with the no-change columns that no CSV holds),
 * then the rows of episode_outcomes unless suppression is on or they are too many.
 */
final class ReliableChangeSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.RELIABLE_CHANGE;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        List<OutcomeTables.ApproachRow> approachRows = c.tables().outcomesByApproach();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < approachRows.size(); i++) {
            indices.add(i);
        }
        Function<Integer, GroupOutcomes> g = i -> approachRows.get(i).outcomes();
        SheetTable<Integer> byApproach = SheetTable.someColumnsOf(TableSchemas.OUTCOMES_BY_APPROACH.file(), indices)
                .text("approach", i -> approachRows.get(i).approach())
                .text("instrument", i -> c.instrumentName(approachRows.get(i).instrument()))
                .count("n_paired", i -> g.apply(i).nPaired())
                .count("n_reliable_improvement", i -> g.apply(i).nReliableImprovement())
                .percent("reliable_improvement_pct", i -> g.apply(i).reliableImprovementPct())
                .percent("reliable_improvement_ci_low", i -> g.apply(i).reliableImprovementCiLow())
                .percent("reliable_improvement_ci_high", i -> g.apply(i).reliableImprovementCiHigh())
                .count("No reliable change (n)", i -> noChange(c, i))
                .percent("No reliable change %", i -> noChangePct(c, i))
                .count("n_reliable_deterioration", i -> g.apply(i).nReliableDeterioration())
                .percent("reliable_deterioration_pct", i -> g.apply(i).reliableDeteriorationPct())
                .smallGroupsBy(i -> g.apply(i).nPaired())
                .main(2);
        int row = byApproach.write(s, c, 0);
        row = SheetCharts.besideTable(s, c.chartsOf(name()), 0, row, byApproach.width(), 1);

        row += 1;
        row = s.section(row, "Every closed episode with before-and-after scores, by questionnaire (the rows of "
                + "episode_outcomes.csv)");
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
        return SheetTable.of(TableSchemas.EPISODE_OUTCOMES.file(), episodes)
                .text("client_id", OutcomeTables.EpisodeRow::clientId)
                .text("approach", OutcomeTables.EpisodeRow::approach)
                .text("clinician_id", OutcomeTables.EpisodeRow::clinicianId)
                .text("instrument", r -> c.instrumentName(r.instrument()))
                .score("baseline", r -> r.outcome().baseline())
                .score("final", r -> r.outcome().finalScore())
                .score("change", r -> r.outcome().change())
                .count("n_scores", r -> r.outcome().nScores())
                .text("reliable_improvement", r -> r.outcome().reliableImprovement())
                .text("reliable_deterioration", r -> r.outcome().reliableDeterioration())
                .text("case_at_baseline", r -> r.outcome().caseAtBaseline())
                .text("recovered", r -> r.outcome().recovered())
                .text("reliable_recovery", r -> r.outcome().reliableRecovery())
                .text("response", r -> r.outcome().response())
                .score("reduction", r -> r.outcome().reduction())
                .date("baseline_date", OutcomeTables.EpisodeRow::baselineDate)
                .date("final_date", OutcomeTables.EpisodeRow::finalDate)
                .date("intake_date", OutcomeTables.EpisodeRow::intakeDate)
                .date("discharge_date", OutcomeTables.EpisodeRow::dischargeDate)
                .text("discharge_reason", OutcomeTables.EpisodeRow::dischargeReason)
                .count("attended_sessions", OutcomeTables.EpisodeRow::attendedSessions);
    }

    /**
     * Paired episodes with neither reliable improvement nor deterioration (row {@code i} of
     * outcomes_by_approach); hidden when one of the counts it is made of is hidden.
     */
    private static Object noChange(WorkbookContent c, int i) {
        GroupOutcomes g = c.tables().outcomesByApproach().get(i).outcomes();
        int count = g.nNoReliableChange();
        if (noChangeHidden(c, i)) {
            return count >= 1 && count <= SmallNumbers.MAX_SMALL_N ? "<11" : ">10";
        }
        return count;
    }

    private static Double noChangePct(WorkbookContent c, int i) {
        GroupOutcomes g = c.tables().outcomesByApproach().get(i).outcomes();
        if (g.nPaired() == 0 || noChangeHidden(c, i) || g.reliableImprovementPct() == null
                || g.reliableDeteriorationPct() == null) {
            return null;
        }
        return g.noReliableChangePct();
    }

    private static boolean noChangeHidden(WorkbookContent c, int i) {
        String file = TableSchemas.OUTCOMES_BY_APPROACH.file();
        return c.hidden(file, i, "n_paired") != null || c.hidden(file, i, "n_reliable_improvement") != null
                || c.hidden(file, i, "n_reliable_deterioration") != null
                || c.hidden(TableSchemas.RELIABLE_CHANGE.file(), i, TableSchemas.NO_RELIABLE_CHANGE) != null;
    }
}
