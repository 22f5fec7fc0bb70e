package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.EpisodeOutcome;

/**
 * {@code episode_outcomes.csv}: one row per closed episode of the window × instrument with paired
 * scores ({@link EpisodeOutcome#of}), by approach (configured order), instrument, client id.
 */
final class EpisodeOutcomesTable implements TableAccumulator<List<OutcomeTables.EpisodeRow>> {

    private final CohortLayout layout;
    private final DayDates dates;
    private final List<List<List<Indexed>>> rows; // [approach][instrument]
    /** The clinical-significance categories; null when none are computed. */
    private EpisodeCategories categories;
    /** Per instrument, the rows added so far: a row's position among its instrument's paired episodes. */
    private final int[] pairsSeen;

    /** A row and its position among its instrument's paired episodes, by which its categories are found. */
    private record Indexed(OutcomeTables.EpisodeRow row, int position) {
    }

    EpisodeOutcomesTable(CohortLayout layout, DayDates dates) {
        this.layout = layout;
        this.dates = dates;
        this.rows = new ArrayList<>(layout.approachCount);
        this.pairsSeen = new int[layout.instrumentCount];
        for (int a = 0; a < layout.approachCount; a++) {
            List<List<Indexed>> perInstrument = new ArrayList<>(layout.instrumentCount);
            for (int i = 0; i < layout.instrumentCount; i++) {
                perInstrument.add(new ArrayList<>());
            }
            rows.add(perInstrument);
        }
    }

    @Override
    public void add(ScoredEpisode episode) {
        if (!episode.closedInWindow) {
            return;
        }
        EpisodeScores scores = episode.scores();
        IntakeRecord intake = episode.intake;
        for (int i = 0; i < layout.instrumentCount; i++) {
            EpisodeOutcome outcome = scores.outcomes[i];
            if (outcome == null) {
                continue;
            }
            if (layout.byWave()) {
                // Dates, discharge and sessions stay empty: a wave-based analysis has none (RESEARCH.md).
                rows.get(episode.approach).get(i).add(new Indexed(new OutcomeTables.EpisodeRow(intake.clientId(),
                        intake.approach(), intake.clinicianId(), layout.instruments.get(i).key(), outcome, null, null,
                        null, null, null, null, layout.waves.label(scores.firstDay[i]),
                        layout.waves.label(scores.lastDay[i])), pairsSeen[i]++));
                continue;
            }
            rows.get(episode.approach).get(i).add(new Indexed(new OutcomeTables.EpisodeRow(intake.clientId(),
                    intake.approach(), intake.clinicianId(), layout.instruments.get(i).key(), outcome,
                    dates.of(intake.intakeDay()), dates.of(intake.dischargeDay()), intake.dischargeReason(),
                    dates.of(scores.firstDay[i]), dates.of(scores.lastDay[i]), scores.attendedSessions), pairsSeen[i]++));
        }
    }

    /**
     * The clinical-significance categories the rows carry, from {@link ClinicalSignificanceTable},
     * which sees the paired episodes in the same order; call before {@link #result()}.
     */
    void categories(EpisodeCategories labels) {
        this.categories = labels;
    }

    @Override
    public List<OutcomeTables.EpisodeRow> result() {
        List<OutcomeTables.EpisodeRow> table = new ArrayList<>();
        for (List<List<Indexed>> perInstrument : rows) {
            for (int i = 0; i < perInstrument.size(); i++) {
                List<Indexed> group = new ArrayList<>(perInstrument.get(i));
                group.sort(Comparator.comparing(indexed -> indexed.row().clientId()));
                for (Indexed indexed : group) {
                    table.add(categories == null ? indexed.row()
                            : indexed.row().withCategories(categories.of(i, indexed.position())));
                }
            }
        }
        return table;
    }
}
