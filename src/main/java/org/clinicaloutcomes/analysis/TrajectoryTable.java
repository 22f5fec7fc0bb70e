package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.metrics.ExactMoments;
import org.clinicaloutcomes.metrics.TrajectoryPoint;

/**
 * {@code trajectories.csv}: per approach × instrument and k = 1..{@link CohortAnalysis#MAX_K},
 * {@link TrajectoryPoint#of} the k-th scores of the closed episodes of the window with paired
 * scores; rows with n = 0 are left out. By wave (RESEARCH.md): k = the wave's position in
 * {@code waves}, over the paired episodes' scores at that wave, with the wave's label.
 */
final class TrajectoryTable implements TableAccumulator<TrajectoryTable, List<OutcomeTables.TrajectoryRow>> {

    private final CohortLayout layout;
    private final ExactMoments.Builder[][][] kthScores; // [approach][instrument][k - 1]

    TrajectoryTable(CohortLayout layout) {
        this.layout = layout;
        this.kthScores = new ExactMoments.Builder[layout.approachCount][layout.instrumentCount][points(layout)];
        for (ExactMoments.Builder[][] perInstrument : kthScores) {
            for (ExactMoments.Builder[] perK : perInstrument) {
                for (int k = 0; k < perK.length; k++) {
                    perK[k] = ExactMoments.builder();
                }
            }
        }
    }

    /** Assessment indexes: 1 to {@link CohortAnalysis#MAX_K}, or by wave every listed wave. */
    private static int points(CohortLayout layout) {
        return layout.byWave() ? layout.waves.count() : CohortAnalysis.MAX_K;
    }

    @Override
    public void add(ScoredEpisode episode) {
        if (!episode.closedInWindow) {
            return;
        }
        EpisodeScores scores = episode.scores();
        for (int i = 0; i < layout.instrumentCount; i++) {
            if (scores.outcomes[i] == null) {
                continue;
            }
            if (layout.byWave()) {
                // k is the wave's position, over every listed wave (RESEARCH.md).
                for (int k = 0; k < layout.waves.count(); k++) {
                    double score = scores.firstScores[i][k];
                    if (!Double.isNaN(score)) {
                        kthScores[episode.approach][i][k].add(score);
                    }
                }
                continue;
            }
            int scoresKept = Math.min(scores.count[i], CohortAnalysis.MAX_K);
            for (int k = 0; k < scoresKept; k++) {
                kthScores[episode.approach][i][k].add(scores.firstScores[i][k]);
            }
        }
    }

    @Override
    public void merge(TrajectoryTable other) {
        for (int a = 0; a < kthScores.length; a++) {
            for (int i = 0; i < kthScores[a].length; i++) {
                for (int k = 0; k < kthScores[a][i].length; k++) {
                    kthScores[a][i][k].merge(other.kthScores[a][i][k]);
                }
            }
        }
    }

    @Override
    public List<OutcomeTables.TrajectoryRow> result() {
        List<OutcomeTables.TrajectoryRow> rows = new ArrayList<>();
        for (int a = 0; a < layout.approachCount; a++) {
            for (int i = 0; i < layout.instrumentCount; i++) {
                for (int k = 0; k < kthScores[a][i].length; k++) {
                    ExactMoments.Builder scores = kthScores[a][i][k];
                    if (scores.n() > 0) {
                        rows.add(new OutcomeTables.TrajectoryRow(layout.approaches.get(a),
                                layout.instruments.get(i).key(), k + 1, TrajectoryPoint.of(scores.build()),
                                layout.byWave() ? layout.waves.label(k) : null));
                    }
                }
            }
        }
        return rows;
    }
}
