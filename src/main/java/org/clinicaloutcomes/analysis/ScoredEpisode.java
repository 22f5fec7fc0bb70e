package org.clinicaloutcomes.analysis;

import java.util.List;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.EpisodeOutcome;

/**
 * One accepted episode as the tables read it, with its {@link EpisodeScores} when it is in the
 * outcome cohort (closed, with its discharge date in the window). The scores are computed at the
 * first {@link #scores()}, once for every table that reads them, and never for the tables that
 * only count sessions (activity, alerts), which therefore see the episode first.
 */
final class ScoredEpisode {

    /** The episode's index in the episode registry (the order of acceptance). */
    final int index;
    /** The episode's approach (its group index). */
    final int approach;
    final IntakeRecord intake;
    /** Every accepted session, attended or not, in score order. */
    final List<SessionRecord> sessions;
    /** In the outcome cohort. */
    final boolean closedInWindow;
    private final CohortLayout layout;
    private EpisodeScores scores;
    private MonthEndScores monthEnd;

    /**
     * The episode of approach index {@code approach}, in the outcome cohort when it is closed with
     * its discharge day in {@code [fromDay, toDay]} (epoch days).
     */
    ScoredEpisode(CohortLayout layout, int index, int approach, IntakeRecord intake, List<SessionRecord> sessions,
                  int fromDay, int toDay) {
        this.layout = layout;
        this.index = index;
        this.approach = approach;
        this.intake = intake;
        this.sessions = sessions;
        this.closedInWindow = intake.isClosed() && intake.dischargeDay() >= fromDay && intake.dischargeDay() <= toDay;
    }

    /**
     * The outcome on the primary instrument of a closed episode, inside the window or not (the
     * monthly series reaches before it); {@code null} without paired primary scores.
     */
    EpisodeOutcome primaryOutcome() {
        if (closedInWindow) {
            return scores().outcomes[layout.primary];
        }
        return EpisodeScores.outcome(layout, layout.primary, sessions);
    }

    /**
     * The scores up to epoch day {@code lastDay} (the end of the report month), computed once for
     * the tables of open episodes that read them (alerts, attention).
     *
     * @throws IllegalArgumentException when asked for another day than before
     */
    MonthEndScores monthEnd(int lastDay) {
        if (monthEnd == null) {
            monthEnd = MonthEndScores.of(layout, sessions, lastDay);
        } else if (monthEnd.lastDay != lastDay) {
            throw new IllegalArgumentException("the scores were taken up to another day");
        }
        return monthEnd;
    }

    /** The scores of an episode of the outcome cohort. */
    EpisodeScores scores() {
        if (!closedInWindow) {
            throw new IllegalStateException("only an episode of the outcome cohort is scored");
        }
        if (scores == null) {
            scores = EpisodeScores.of(layout, sessions);
        }
        return scores;
    }
}
