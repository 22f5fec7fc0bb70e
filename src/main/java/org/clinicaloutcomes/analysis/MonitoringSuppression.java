package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.ChartBaselines;
import org.clinicaloutcomes.metrics.FlagCheck;
import org.clinicaloutcomes.metrics.SmallNumberRule;

/**
 * Small-number suppression of the expected-recovery and attention tables of a monthly run
 * (MONITORING.md, reading 48), beside {@link SmallNumberSuppression}, with its own
 * {@link SuppressionSolver}: no count of these tables adds up to a count of the others.
 * <ul>
 *   <li>{@code attention.csv} is episode-level: its rows are emptied (and the file not written).</li>
 *   <li>{@code expected_recovery.csv}: a model resting on 1–10 episodes (possible only with
 *       {@code --expected-min-n} below 11) is left out, and the chart's baselines go with the
 *       primary instrument's model at {@code k = 2}, whose n is the number of its reference
 *       episodes. Every other model is shown.</li>
 *   <li>{@code expected_recovery_check.csv}: n_judged and n_flagged 1–10 are hidden; the
 *       episodes not flagged (n_judged = n_flagged + not flagged) are a quantity too, so a shown
 *       n_judged with one hidden part hides the other. A rate is shown only when its numerator and
 *       denominator (flagged ∧ ¬RI of flagged; ¬flagged ∧ ¬RI of ¬flagged; flagged ∧ ¬RI of
 *       ¬RI; ¬flagged ∧ RI of RI; flagged ∧ RD of RD) are both 0 or above 10 and not hidden.</li>
 *   <li>The Summary's attention counts ({@link TableSchemas#ATTENTION_COUNTS}): every count 1–10
 *       hidden, and per column the clinicians add up to ALL (complementary suppression).</li>
 * </ul>
 */
final class MonitoringSuppression {

    private final OutcomeTables t;
    /** The primary instrument, as {@link SmallNumberSuppression} reads it off the tables, or {@code null}. */
    private final String primary;
    private final SuppressionSolver solver = new SuppressionSolver();
    /** Per check row: judged, flagged, and the numerators and denominators of its five rates. */
    private final List<int[]> check = new ArrayList<>();

    MonitoringSuppression(OutcomeTables tables, String primaryInstrument) {
        this.t = tables;
        this.primary = primaryInstrument;
        checkQuantities();
        attentionCounts();
        solver.solve();
    }

    /** The count cells to hide. */
    Map<SuppressedCells.Cell, SuppressedCells.Kind> hiddenCells() {
        return new LinkedHashMap<>(solver.hiddenCells());
    }

    /** {@code tables} with the suppressed rows of these tables (the others as they are). */
    OutcomeTables suppressed(OutcomeTables tables) {
        List<OutcomeTables.ExpectedRecoveryRow> models = t.expectedRecovery().stream()
                .filter(row -> !SmallNumberRule.isSmallCount(row.model().model().n())).toList();
        ChartBaselines baselines = t.recoveryBaselines();
        boolean primaryShown = models.stream().anyMatch(row -> row.k() == 2 && row.instrument().equals(primary));
        return new OutcomeTables(tables.episodesAdded(), tables.closedInWindow(), tables.episodeOutcomes(),
                tables.outcomesByApproach(), tables.approachComparison(), tables.trajectories(), tables.pcl5Clusters(),
                tables.clinicians(), tables.subgroups(), tables.activity(), tables.windowActivity(), tables.alerts(),
                tables.suppressed(), tables.monthlySeries(), tables.monthsBeforeSeries(), models, checkRows(),
                List.of(), t.attentionCounts(), primaryShown ? baselines : null, tables.significance());
    }

    private void checkQuantities() {
        String file = TableSchemas.EXPECTED_RECOVERY_CHECK.file();
        List<OutcomeTables.FlagCheckRow> rows = t.expectedRecoveryCheck();
        for (int r = 0; r < rows.size(); r++) {
            FlagCheck c = rows.get(r).check();
            int judged = solver.cell(c.nJudged(), file, r, "n_judged");
            int flagged = solver.cell(c.nFlagged(), file, r, "n_flagged");
            int unflagged = solver.hiddenQuantity(c.nUnflagged());
            solver.sum(judged, List.of(flagged, unflagged));
            check.add(new int[] {
                    solver.hiddenQuantity(c.flaggedNoRi()), flagged,
                    solver.hiddenQuantity(c.unflaggedNoRi()), unflagged,
                    solver.hiddenQuantity(c.flaggedNoRi()), solver.hiddenQuantity(c.flaggedNoRi() + c.unflaggedNoRi()),
                    solver.hiddenQuantity(c.unflaggedRi()), solver.hiddenQuantity(c.flaggedRi() + c.unflaggedRi()),
                    solver.hiddenQuantity(c.flaggedRd()), solver.hiddenQuantity(c.flaggedRd() + c.unflaggedRd())});
        }
    }

    private List<OutcomeTables.FlagCheckRow> checkRows() {
        List<OutcomeTables.FlagCheckRow> out = new ArrayList<>();
        List<OutcomeTables.FlagCheckRow> rows = t.expectedRecoveryCheck();
        for (int r = 0; r < rows.size(); r++) {
            OutcomeTables.FlagCheckRow row = rows.get(r);
            int[] q = check.get(r);
            out.add(new OutcomeTables.FlagCheckRow(row.instrument(), row.nJudged(), row.nFlagged(),
                    shownRate(q[0], q[1], row.flaggedNoRiPct()), shownRate(q[2], q[3], row.unflaggedNoRiPct()),
                    shownRate(q[4], q[5], row.sensitivityNoRiPct()), shownRate(q[6], q[7], row.specificityNoRiPct()),
                    shownRate(q[8], q[9], row.deterioratedFlaggedPct()), row.check()));
        }
        return out;
    }

    private Double shownRate(int numerator, int denominator, Double rate) {
        return solver.hidden(numerator) || solver.hidden(denominator) ? null : rate;
    }

    private void attentionCounts() {
        String file = TableSchemas.ATTENTION_COUNTS.file();
        List<OutcomeTables.AttentionCountRow> rows = t.attentionCounts();
        int columns = 1 + AttentionReason.IN_RANK_ORDER.size();
        List<List<Integer>> parts = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            parts.add(new ArrayList<>());
        }
        int[] totals = new int[columns];
        Arrays.fill(totals, -1);
        for (int r = 0; r < rows.size(); r++) {
            OutcomeTables.AttentionCountRow row = rows.get(r);
            boolean all = row.clinicianId().equals(OutcomeTables.ALL) && r == rows.size() - 1;
            for (int c = 0; c < columns; c++) {
                int count = c == 0 ? row.clients() : row.byReason().get(c - 1);
                String column = TableSchemas.ATTENTION_COUNTS.columns().get(1 + c).name();
                int q = solver.cell(count, file, r, column);
                if (all) {
                    totals[c] = q;
                } else {
                    parts.get(c).add(q);
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            solver.sum(totals[c], parts.get(c));
        }
    }
}
