package org.clinicaloutcomes.report;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;

/**
 * {@code By approach}: the table of outcomes_by_approach, then approach_comparison, with the
 * recovery, effect-size and change charts below (the table is wide).
 */
final class ByApproachSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.BY_APPROACH;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        SheetTable<OutcomeTables.ApproachRow> outcomes = outcomes(c);
        int row = outcomes.write(s, c, 0);
        row += 1;
        row = s.section(row, "Comparing the approaches on each questionnaire (approaches with at least 2 clients). "
                + "Clients were not randomised: differences are associations, not causal effects.");
        row = SheetTable.of(TableSchemas.APPROACH_COMPARISON.file(), c.tables().approachComparison())
                .text("instrument", r -> c.instrumentName(r.instrument()))
                .decimal("anova_f", r -> r.result().anovaF())
                .count("anova_df_between", r -> r.result().anovaDfBetween())
                .count("anova_df_within", r -> r.result().anovaDfWithin())
                .pValue("anova_p", r -> r.result().anovaP())
                .decimal("kruskal_h", r -> r.result().kruskalH())
                .count("kruskal_df", r -> r.result().kruskalDf())
                .pValue("kruskal_p", r -> r.result().kruskalP())
                .decimal("chi2", r -> r.result().chi2())
                .count("chi2_df", r -> r.result().chi2Df())
                .pValue("chi2_p", r -> r.result().chi2P())
                .count("n_approaches", OutcomeTables.ComparisonRow::nApproaches)
                .count("n_paired", OutcomeTables.ComparisonRow::nPaired)
                .write(s, c, row);
        row = s.note(row, "Empty cells: not defined (for example a rate over no clients, an SD of fewer than 2 "
                + "values, or a test with fewer than two approaches).");
        SheetCharts.besideTable(s, c.chartsOf(name()), 0, row + 1, outcomes.width(), 2);
    }

    private static SheetTable<OutcomeTables.ApproachRow> outcomes(WorkbookContent c) {
        return SheetTable.of(TableSchemas.OUTCOMES_BY_APPROACH.file(), c.tables().outcomesByApproach())
                .text("approach", OutcomeTables.ApproachRow::approach)
                .text("instrument", r -> c.instrumentName(r.instrument()))
                .count("n_closed", r -> r.outcomes().nClosed())
                .count("n_paired", r -> r.outcomes().nPaired())
                .percent("completeness_pct", r -> r.outcomes().completenessPct())
                .decimal("baseline_mean", r -> r.outcomes().baselineMean())
                .decimal("baseline_sd", r -> r.outcomes().baselineSd())
                .decimal("final_mean", r -> r.outcomes().finalMean())
                .decimal("final_sd", r -> r.outcomes().finalSd())
                .decimal("change_mean", r -> r.outcomes().changeMean())
                .decimal("change_sd", r -> r.outcomes().changeSd())
                .decimal("change_ci_low", r -> r.outcomes().changeCiLow())
                .decimal("change_ci_high", r -> r.outcomes().changeCiHigh())
                .decimal("d", r -> r.outcomes().d())
                .decimal("g", r -> r.outcomes().g())
                .decimal("g_ci_low", r -> r.outcomes().gCiLow())
                .decimal("g_ci_high", r -> r.outcomes().gCiHigh())
                .decimal("dz", r -> r.outcomes().dz())
                .count("n_reliable_improvement", r -> r.outcomes().nReliableImprovement())
                .percent("reliable_improvement_pct", r -> r.outcomes().reliableImprovementPct())
                .percent("reliable_improvement_ci_low", r -> r.outcomes().reliableImprovementCiLow())
                .percent("reliable_improvement_ci_high", r -> r.outcomes().reliableImprovementCiHigh())
                .count("n_reliable_deterioration", r -> r.outcomes().nReliableDeterioration())
                .percent("reliable_deterioration_pct", r -> r.outcomes().reliableDeteriorationPct())
                .count("n_cases", r -> r.outcomes().nCases())
                .count("n_recovered", r -> r.outcomes().nRecovered())
                .percent("recovery_pct", r -> r.outcomes().recoveryPct())
                .percent("recovery_ci_low", r -> r.outcomes().recoveryCiLow())
                .percent("recovery_ci_high", r -> r.outcomes().recoveryCiHigh())
                .count("n_reliable_recovery", r -> r.outcomes().nReliableRecovery())
                .percent("reliable_recovery_pct", r -> r.outcomes().reliableRecoveryPct())
                .count("n_response", r -> r.outcomes().nResponse())
                .percent("response_pct", r -> r.outcomes().responsePct())
                .decimal("sessions_median", r -> r.outcomes().sessionsMedian())
                .decimal("sessions_q1", r -> r.outcomes().sessionsQ1())
                .decimal("sessions_q3", r -> r.outcomes().sessionsQ3())
                .percent("dropout_pct", r -> r.outcomes().dropoutPct())
                .smallGroupsBy(r -> r.outcomes().nPaired())
                .main(2);
    }
}
