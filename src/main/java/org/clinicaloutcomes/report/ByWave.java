package org.clinicaloutcomes.report;

import java.util.Set;

import org.clinicaloutcomes.analysis.TableSchemas;

/**
 * What the workbook leaves out of an analysis by wave (RESEARCH.md, "What a wave-based analysis
 * computes"): everything that needs dates, sessions or discharges. Their CSV columns stay, empty;
 * the sheets do not show them ({@link SheetTable}), nor the codebook of the About sheet.
 */
final class ByWave {

    /**
     * The columns of the tables that need dates, sessions or discharge reasons: empty (or, as
     * {@code n_open}, {@code n_dropout} and the dropout funnel, without meaning) in an analysis by
     * wave, in whichever table has them.
     */
    static final Set<String> EMPTY_COLUMNS = Set.of(
            // episode_outcomes.csv
            "baseline_date", "final_date", "intake_date", "discharge_date", "discharge_reason", "attended_sessions",
            // outcomes_by_approach.csv
            "sessions_median", "sessions_q1", "sessions_q3", "dropout_pct",
            // clinicians.csv
            "n_open", "n_dropout", "dropout_band", "measured_pct", "practice_dropout_pct", "dropout_funnel_95_low",
            "dropout_funnel_95_high", "dropout_funnel_998_low", "dropout_funnel_998_high");

    private ByWave() {
    }

    /** Whether a sheet of this run shows a column of its tables. */
    static boolean shows(RunDescription run, String column) {
        return !run.byWave() || !EMPTY_COLUMNS.contains(column);
    }

    /** The episode table of the run: with the baseline's and final score's waves by wave. */
    static org.clinicaloutcomes.analysis.TableSchema<org.clinicaloutcomes.analysis.OutcomeTables.EpisodeRow>
            episodes(RunDescription run) {
        return run.byWave() ? TableSchemas.EPISODE_OUTCOMES_BY_WAVE : TableSchemas.EPISODE_OUTCOMES;
    }

    /** The trajectory table of the run: with each wave's label by wave. */
    static org.clinicaloutcomes.analysis.TableSchema<org.clinicaloutcomes.analysis.OutcomeTables.TrajectoryRow>
            trajectories(RunDescription run) {
        return run.byWave() ? TableSchemas.TRAJECTORIES_BY_WAVE : TableSchemas.TRAJECTORIES;
    }
}
