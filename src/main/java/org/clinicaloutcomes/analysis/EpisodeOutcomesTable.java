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
    private final List<List<List<OutcomeTables.EpisodeRow>>> rows; // [approach][instrument]
    /** Per row of {@link #rows}, its position among its instrument's paired episodes (its categories' index). */
    private final List<List<IntList>> positions; // [approach][instrument]
    /** The clinical-significance categories; null when none are computed. */
    private EpisodeCategories categories;
    /** Per instrument, the rows added so far: a row's position among its instrument's paired episodes. */
    private final int[] pairsSeen;

    /**
     * A row and its position among its instrument's paired episodes, by which its categories are
     * found; made only when the rows are sorted with their categories, not kept per row.
     */
    private record Indexed(OutcomeTables.EpisodeRow row, int position) {
    }

    EpisodeOutcomesTable(CohortLayout layout, DayDates dates) {
        this.layout = layout;
        this.dates = dates;
        this.rows = new ArrayList<>(layout.approachCount);
        this.positions = new ArrayList<>(layout.approachCount);
        this.pairsSeen = new int[layout.instrumentCount];
        for (int a = 0; a < layout.approachCount; a++) {
            List<List<OutcomeTables.EpisodeRow>> perInstrument = new ArrayList<>(layout.instrumentCount);
            List<IntList> positionsPerInstrument = new ArrayList<>(layout.instrumentCount);
            for (int i = 0; i < layout.instrumentCount; i++) {
                perInstrument.add(new ArrayList<>());
                positionsPerInstrument.add(new IntList());
            }
            rows.add(perInstrument);
            positions.add(positionsPerInstrument);
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
                add(episode.approach, i, new OutcomeTables.EpisodeRow(intake.clientId(),
                        intake.approach(), intake.clinicianId(), layout.instruments.get(i).key(), outcome, null, null,
                        null, null, null, null, layout.waves.label(scores.firstDay[i]),
                        layout.waves.label(scores.lastDay[i])));
                continue;
            }
            add(episode.approach, i, new OutcomeTables.EpisodeRow(intake.clientId(),
                    intake.approach(), intake.clinicianId(), layout.instruments.get(i).key(), outcome,
                    dates.of(intake.intakeDay()), dates.of(intake.dischargeDay()), intake.dischargeReason(),
                    dates.of(scores.firstDay[i]), dates.of(scores.lastDay[i]), scores.attendedSessions));
        }
    }

    private void add(int approach, int instrument, OutcomeTables.EpisodeRow row) {
        rows.get(approach).get(instrument).add(row);
        positions.get(approach).get(instrument).add(pairsSeen[instrument]++);
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
        for (int a = 0; a < rows.size(); a++) {
            for (int i = 0; i < rows.get(a).size(); i++) {
                if (categories == null) {
                    // A stable sort: rows of one client id keep the order they came in.
                    List<OutcomeTables.EpisodeRow> group = new ArrayList<>(rows.get(a).get(i));
                    group.sort(Comparator.comparing(OutcomeTables.EpisodeRow::clientId));
                    table.addAll(group);
                    continue;
                }
                List<OutcomeTables.EpisodeRow> added = rows.get(a).get(i);
                int[] position = positions.get(a).get(i).toArray();
                List<Indexed> group = new ArrayList<>(added.size());
                for (int r = 0; r < added.size(); r++) {
                    group.add(new Indexed(added.get(r), position[r]));
                }
                group.sort(Comparator.comparing(indexed -> indexed.row().clientId()));
                for (Indexed indexed : group) {
                    table.add(indexed.row().withCategories(categories.of(i, indexed.position())));
                }
            }
        }
        return table;
    }
}
