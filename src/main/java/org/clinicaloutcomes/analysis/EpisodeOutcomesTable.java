package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.EpisodeOutcome;

/**
 * {@code episode_outcomes.csv}: one row per closed episode of the window × instrument with paired
 * scores ({@link EpisodeOutcome#of}), by approach (configured order), instrument, client id.
 */
final class EpisodeOutcomesTable implements TableAccumulator<EpisodeOutcomesTable, List<OutcomeTables.EpisodeRow>> {

    private final CohortLayout layout;
    private final DayDates dates;
    private final List<List<List<OutcomeTables.EpisodeRow>>> rows; // [approach][instrument]
    /** Per row of {@link #rows}, the index of its episode. */
    private final List<List<IntList>> episodes; // [approach][instrument]
    /** The clinical-significance categories; null when none are computed. */
    private EpisodeCategories categories;

    /**
     * A row and the index of its episode, by which rows of one client id keep a fixed order and
     * its categories are found; made only when the rows are sorted, not kept per row.
     */
    private record Indexed(OutcomeTables.EpisodeRow row, int episode) {
    }

    EpisodeOutcomesTable(CohortLayout layout, DayDates dates) {
        this.layout = layout;
        this.dates = dates;
        this.rows = new ArrayList<>(layout.approachCount);
        this.episodes = new ArrayList<>(layout.approachCount);
        for (int a = 0; a < layout.approachCount; a++) {
            List<List<OutcomeTables.EpisodeRow>> perInstrument = new ArrayList<>(layout.instrumentCount);
            List<IntList> episodesPerInstrument = new ArrayList<>(layout.instrumentCount);
            for (int i = 0; i < layout.instrumentCount; i++) {
                perInstrument.add(new ArrayList<>());
                episodesPerInstrument.add(new IntList());
            }
            rows.add(perInstrument);
            episodes.add(episodesPerInstrument);
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
                add(episode.index, episode.approach, i, new OutcomeTables.EpisodeRow(intake.clientId(),
                        intake.approach(), intake.clinicianId(), layout.instruments.get(i).key(), outcome, null, null,
                        null, null, null, null, layout.waves.label(scores.firstDay[i]),
                        layout.waves.label(scores.lastDay[i])));
                continue;
            }
            add(episode.index, episode.approach, i, new OutcomeTables.EpisodeRow(intake.clientId(),
                    intake.approach(), intake.clinicianId(), layout.instruments.get(i).key(), outcome,
                    dates.of(intake.intakeDay()), dates.of(intake.dischargeDay()), intake.dischargeReason(),
                    dates.of(scores.firstDay[i]), dates.of(scores.lastDay[i]), scores.attendedSessions));
        }
    }

    private void add(int episode, int approach, int instrument, OutcomeTables.EpisodeRow row) {
        rows.get(approach).get(instrument).add(row);
        episodes.get(approach).get(instrument).add(episode);
    }

    /** The rows are sorted by client id, then episode index: any order merges. */
    @Override
    public void merge(EpisodeOutcomesTable other) {
        for (int a = 0; a < rows.size(); a++) {
            for (int i = 0; i < rows.get(a).size(); i++) {
                rows.get(a).get(i).addAll(other.rows.get(a).get(i));
                int[] otherEpisodes = other.episodes.get(a).get(i).toArray();
                for (int episode : otherEpisodes) {
                    episodes.get(a).get(i).add(episode);
                }
            }
        }
    }

    /**
     * The clinical-significance categories the rows carry, from {@link ClinicalSignificanceTable},
     * which addresses an instrument's paired episodes by their position in episode index order;
     * call before {@link #result()}.
     */
    void categories(EpisodeCategories labels) {
        this.categories = labels;
    }

    @Override
    public List<OutcomeTables.EpisodeRow> result() {
        // Per instrument, its paired episodes in index order: a row's position among them
        // addresses its categories.
        int[][] pairedEpisodes = new int[layout.instrumentCount][];
        for (int i = 0; i < layout.instrumentCount && categories != null; i++) {
            int[] all = new int[0];
            for (List<IntList> perInstrument : episodes) {
                int[] more = perInstrument.get(i).toArray();
                int at = all.length;
                all = Arrays.copyOf(all, at + more.length);
                System.arraycopy(more, 0, all, at, more.length);
            }
            Arrays.sort(all);
            pairedEpisodes[i] = all;
        }
        int total = 0;
        for (List<List<OutcomeTables.EpisodeRow>> perInstrument : rows) {
            for (List<OutcomeTables.EpisodeRow> added : perInstrument) {
                total = Math.addExact(total, added.size());
            }
        }
        // Sized once: millions of rows in a large run, where growing would copy the array again and again.
        List<OutcomeTables.EpisodeRow> table = new ArrayList<>(total);
        for (int a = 0; a < rows.size(); a++) {
            for (int i = 0; i < rows.get(a).size(); i++) {
                List<OutcomeTables.EpisodeRow> added = rows.get(a).get(i);
                int[] episode = episodes.get(a).get(i).toArray();
                List<Indexed> group = new ArrayList<>(added.size());
                for (int r = 0; r < added.size(); r++) {
                    group.add(new Indexed(added.get(r), episode[r]));
                }
                group.sort(Comparator.comparing((Indexed indexed) -> indexed.row().clientId())
                        .thenComparingInt(Indexed::episode));
                for (Indexed indexed : group) {
                    table.add(categories == null ? indexed.row() : indexed.row().withCategories(
                            categories.of(i, Arrays.binarySearch(pairedEpisodes[i], indexed.episode()))));
                }
            }
        }
        return table;
    }
}
