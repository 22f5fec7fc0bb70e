package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicaloutcomes.analysis.CohortFixture.NA;

import org.junit.jupiter.api.Test;

/**
 * The outcome cohort's membership and the one scan of an episode's scores that every outcome
 * table reads ({@link ScoredEpisode}, {@link EpisodeScores}); the tables themselves are checked
 * through {@link CohortAnalysis} in {@link CohortAnalysisTest}.
 */
class ScoredEpisodeTest {

    private static final CohortLayout LAYOUT =
            new CohortLayout(CohortFixture.INSTRUMENTS, CohortFixture.APPROACHES, "pcl5");
    private static final int FROM = CohortFixture.day("2026-01-01");
    private static final int TO = CohortFixture.day("2026-06-30");

    private static ScoredEpisode scored(CohortFixture.Builder builder) {
        EpisodeData data = builder.data();
        return new ScoredEpisode(LAYOUT, 0, 0, data.intake(), data.sessions(), FROM, TO);
    }

    @Test
    void theCohortIsTheEpisodesDischargedInTheWindowIncludingItsEdges() {
        assertThat(scored(episode().discharged("2026-01-01", "completed")).closedInWindow).isTrue();
        assertThat(scored(episode().discharged("2026-06-30", "completed")).closedInWindow).isTrue();
        assertThat(scored(episode().discharged("2025-12-31", "completed")).closedInWindow).isFalse();
        assertThat(scored(episode().discharged("2026-07-01", "completed")).closedInWindow).isFalse();
        assertThat(scored(episode()).closedInWindow).isFalse();
    }

    @Test
    void onlyAnEpisodeOfTheCohortIsScored() {
        ScoredEpisode open = scored(episode().attended("2026-02-01", 40, NA, NA, NA));
        assertThatThrownBy(open::scores).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theScoresAreScannedOnceForEveryTable() {
        ScoredEpisode closed = scored(episode().discharged("2026-03-01", "completed")
                .attended("2026-01-10", 40, 12, NA, NA).attended("2026-02-10", 30, NA, NA, NA));
        assertThat(closed.scores()).isSameAs(closed.scores());
    }

    @Test
    void scoresOfAttendedSessionsInScoreOrder() {
        CohortFixture.Builder builder = episode().discharged("2026-06-30", "completed")
                .attended("2025-12-01", 50, 15, NA, NA)   // before the window: counts
                .missed("2026-01-10")
                .attended("2026-02-10", NA, 12, NA, NA)
                .attended("2026-03-10", 30, NA, NA, NA)
                .attended("2026-04-10", NA, NA, NA, NA);  // attended, no score
        EpisodeScores scores = scored(builder).scores();
        assertThat(scores.attendedSessions).isEqualTo(4);
        assertThat(scores.count).containsExactly(2, 2, 0, 0);
        assertThat(scores.firstScores[0][0]).isEqualTo(50.0);
        assertThat(scores.firstScores[0][1]).isEqualTo(30.0);
        assertThat(scores.firstDay[1]).isEqualTo(CohortFixture.day("2025-12-01"));
        assertThat(scores.lastDay[1]).isEqualTo(CohortFixture.day("2026-02-10"));
        // Paired = at least two scores; the outcome is final − baseline of the first and last.
        assertThat(scores.outcomes[0].change()).isEqualTo(-20.0);
        assertThat(scores.outcomes[1].change()).isEqualTo(-3.0);
        assertThat(scores.outcomes[2]).isNull();
        assertThat(scores.outcomes[3]).isNull();
        // The sessions of the first and last PCL-5 score (the cluster table reads their items).
        assertThat(scores.pcl5First.day()).isEqualTo(CohortFixture.day("2025-12-01"));
        assertThat(scores.pcl5Last.day()).isEqualTo(CohortFixture.day("2026-03-10"));
    }

    @Test
    void theFirstTwentyScoresAreKeptAndEveryScoreCounted() {
        CohortFixture.Builder builder = episode().discharged("2026-06-30", "completed");
        for (int s = 0; s < 25; s++) {
            builder.attended(String.format("2026-02-%02d", s + 1), s, NA, NA, NA);
        }
        EpisodeScores scores = scored(builder).scores();
        assertThat(scores.count[0]).isEqualTo(25);
        assertThat(scores.firstScores[0]).hasSize(CohortAnalysis.MAX_K);
        assertThat(scores.firstScores[0][CohortAnalysis.MAX_K - 1]).isEqualTo(19.0);
        // The final score is the last of all 25, not of the 20 kept.
        assertThat(scores.outcomes[0].finalScore()).isEqualTo(24.0);
    }

    private static CohortFixture.Builder episode() {
        return new CohortFixture.Builder(0, "E0", "DBT", "CL1", "2025-11-01");
    }
}
