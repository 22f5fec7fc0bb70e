package org.clinicaloutcomes.analysis;

import java.util.List;

import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.EpisodeOutcome;

/**
 * What the outcome tables read of a closed episode's attended sessions, scanned once: per
 * instrument the scores of all its attended sessions that carry the instrument, inside the window
 * or not, in the sessions' (score) order; baseline = first, final = last; paired = at least two
 * scores, with one {@link EpisodeOutcome#of} that every table shares.
 */
final class EpisodeScores {

    /** All attended sessions of the episode. */
    final int attendedSessions;
    /** Per instrument: the number of scores. */
    final int[] count;
    /** Per instrument: its first {@link CohortAnalysis#MAX_K} scores; by wave, its score at each wave. */
    final double[][] firstScores;
    /** Per instrument: the days of its first and last score; by wave, the positions of its baseline and final waves. */
    final int[] firstDay;
    final int[] lastDay;
    /** The sessions of the first and last PCL-5 score; null without PCL-5 scores. */
    final SessionRecord pcl5First;
    final SessionRecord pcl5Last;
    /** Per instrument: the outcome, null when the scores are not paired. */
    final EpisodeOutcome[] outcomes;

    private EpisodeScores(int attendedSessions, int[] count, double[][] firstScores, int[] firstDay, int[] lastDay,
                          SessionRecord pcl5First, SessionRecord pcl5Last, EpisodeOutcome[] outcomes) {
        this.attendedSessions = attendedSessions;
        this.count = count;
        this.firstScores = firstScores;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.pcl5First = pcl5First;
        this.pcl5Last = pcl5Last;
        this.outcomes = outcomes;
    }

    /**
     * The outcome on instrument {@code i} alone, as {@link #of} computes it (first and last score
     * of the attended sessions), without keeping the other instruments' scores.
     */
    static EpisodeOutcome outcome(CohortLayout layout, int i, List<SessionRecord> sessions) {
        int count = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        for (SessionRecord session : sessions) {
            if (!session.attended()) {
                continue;
            }
            double score = session.scores()[i];
            if (Double.isNaN(score)) {
                continue;
            }
            if (count == 0) {
                first = score;
            }
            last = score;
            count++;
        }
        return count >= 2 ? EpisodeOutcome.of(layout.instruments.get(i), first, last, count) : null;
    }

    /** The scores of {@code sessions} (every session of the episode, in score order). */
    static EpisodeScores of(CohortLayout layout, List<SessionRecord> sessions) {
        if (layout.byWave()) {
            return ofWaves(layout, sessions);
        }
        int instrumentCount = layout.instrumentCount;
        int pcl5 = layout.pcl5;
        int attended = 0;
        int[] count = new int[instrumentCount];
        double[][] first = new double[instrumentCount][CohortAnalysis.MAX_K];
        double[] last = new double[instrumentCount];
        int[] firstDay = new int[instrumentCount];
        int[] lastDay = new int[instrumentCount];
        SessionRecord pcl5First = null;
        SessionRecord pcl5Last = null;
        for (SessionRecord session : sessions) {
            if (!session.attended()) {
                continue;
            }
            attended++;
            double[] scores = session.scores();
            for (int i = 0; i < instrumentCount; i++) {
                double score = scores[i];
                if (Double.isNaN(score)) {
                    continue;
                }
                if (count[i] == 0) {
                    firstDay[i] = session.day();
                    if (i == pcl5) {
                        pcl5First = session;
                    }
                }
                if (count[i] < CohortAnalysis.MAX_K) {
                    first[i][count[i]] = score;
                }
                last[i] = score;
                lastDay[i] = session.day();
                if (i == pcl5) {
                    pcl5Last = session;
                }
                count[i]++;
            }
        }
        EpisodeOutcome[] outcomes = new EpisodeOutcome[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            if (count[i] >= 2) {
                outcomes[i] = EpisodeOutcome.of(layout.instruments.get(i), first[i][0], last[i], count[i]);
            }
        }
        return new EpisodeScores(attended, count, first, firstDay, lastDay, pcl5First, pcl5Last, outcomes);
    }

    /**
     * The scores of a participant of an analysis by wave (RESEARCH.md): a session's day is its
     * wave's position; {@link #firstScores} holds each instrument's score at every wave (NaN
     * where none), {@link #firstDay} and {@link #lastDay} the positions of the baseline and final
     * waves. Baseline is the score at the baseline wave (default: the first wave with a score),
     * final the score at the final wave (default: the last wave with a score after the
     * baseline's); without both, at different waves with the baseline first, the episode has no
     * paired scores on the instrument. The count is of all its scores.
     */
    private static EpisodeScores ofWaves(CohortLayout layout, List<SessionRecord> sessions) {
        WaveDesign design = layout.waves;
        int instrumentCount = layout.instrumentCount;
        int waves = design.count();
        int[] count = new int[instrumentCount];
        double[][] atWave = new double[instrumentCount][waves];
        for (double[] scores : atWave) {
            java.util.Arrays.fill(scores, Double.NaN);
        }
        SessionRecord[] pcl5At = new SessionRecord[waves];
        for (SessionRecord session : sessions) {
            int wave = session.day();
            double[] scores = session.scores();
            for (int i = 0; i < instrumentCount; i++) {
                if (!Double.isNaN(scores[i])) {
                    atWave[i][wave] = scores[i];
                    count[i]++;
                    if (i == layout.pcl5) {
                        pcl5At[wave] = session;
                    }
                }
            }
        }
        int[] baselineWave = new int[instrumentCount];
        int[] finalWave = new int[instrumentCount];
        EpisodeOutcome[] outcomes = new EpisodeOutcome[instrumentCount];
        SessionRecord pcl5First = null;
        SessionRecord pcl5Last = null;
        for (int i = 0; i < instrumentCount; i++) {
            double[] scores = atWave[i];
            int baseline = design.baseline();
            if (baseline == WaveDesign.FIRST_SCORED) {
                baseline = 0;
                while (baseline < waves && Double.isNaN(scores[baseline])) {
                    baseline++;
                }
            }
            int last = design.finalWave();
            if (last == WaveDesign.LAST_SCORED) {
                last = waves - 1;
                while (last > baseline && Double.isNaN(scores[last])) {
                    last--;
                }
            }
            if (baseline >= waves || Double.isNaN(scores[baseline]) || last <= baseline || Double.isNaN(scores[last])) {
                continue;
            }
            baselineWave[i] = baseline;
            finalWave[i] = last;
            outcomes[i] = EpisodeOutcome.of(layout.instruments.get(i), scores[baseline], scores[last], count[i]);
            if (i == layout.pcl5) {
                pcl5First = pcl5At[baseline];
                pcl5Last = pcl5At[last];
            }
        }
        return new EpisodeScores(0, count, atWave, baselineWave, finalWave, pcl5First, pcl5Last, outcomes);
    }
}
