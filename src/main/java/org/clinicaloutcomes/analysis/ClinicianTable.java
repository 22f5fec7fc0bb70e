package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.DeteriorationAlert;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.ExactMoments;
import org.clinicaloutcomes.metrics.FunnelBand;
import org.clinicaloutcomes.metrics.FunnelLimits;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.Interval;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * {@code clinicians.csv} (primary instrument; METRICS.md "Clinicians", MONITORING.md "Clinicians,
 * fuller view" and its readings H): one row per clinician with a closed episode in the window or
 * an episode open at its end, by clinician id.
 * <ul>
 *   <li>Outcomes of the clinician's closed episodes, as METRICS.md: paired, mean change, RI,
 *       recovery, and reliable deterioration over the paired; dropout over the closed.</li>
 *   <li>{@code n_open}: episodes open at the window's last day ({@link DeteriorationAlert#isOpenAt}:
 *       intake on or before it, no discharge or one after it).</li>
 *   <li>{@code measured_pct}: of the attended sessions dated in the window of all the clinician's
 *       episodes (closed in the window or open at its end: an episode with a session in the window
 *       is one or the other), those with a primary score. A PCL-5 total derived from its items
 *       counts: ingest writes the item sum into the score. Empty without an attended session.</li>
 *   <li>Funnel limits ({@link FunnelLimits}) for RI around the practice proportion {@code RI /
 *       paired} at the clinician's paired count, and for dropout around {@code dropouts / closed}
 *       (every closed episode of the window) at the clinician's closed count; none when that count
 *       is 0 or the practice has no paired (closed) episode. Each rate's {@link FunnelBand}.</li>
 * </ul>
 * A clinician with only open episodes has every outcome count 0 and every rate, limit and band
 * empty; their {@code measured_pct} is defined when their open episodes have attended sessions
 * in the window.
 *
 * <p>Cost: one pass over the sessions of the episodes that make a row, with primitive counters
 * per clinician (no allocation per session).
 */
final class ClinicianTable implements TableAccumulator<ClinicianTable, List<OutcomeTables.ClinicianRow>> {

    private final Instrument instrument;
    private final int primary;
    private final int fromDay;
    private final int toDay;
    /** By wave there are no discharge reasons or sessions: dropout and measured rates are not defined. */
    private final boolean byWave;
    private final TreeMap<String, Clinician> clinicians = new TreeMap<>();
    private int practicePaired;
    private int practiceReliableImprovement;
    private int practiceClosed;
    private int practiceDropout;

    /** The clinicians of the window {@code [fromDay, toDay]} (epoch days). */
    ClinicianTable(CohortLayout layout, int fromDay, int toDay) {
        this.instrument = layout.instruments.get(layout.primary);
        this.primary = layout.primary;
        this.byWave = layout.byWave();
        this.fromDay = fromDay;
        this.toDay = toDay;
    }

    @Override
    public void add(ScoredEpisode episode) {
        IntakeRecord intake = episode.intake;
        boolean closed = episode.closedInWindow;
        if (!closed && !DeteriorationAlert.isOpenAt(toDay, intake.intakeDay(), intake.isClosed(), intake.dischargeDay())) {
            return;
        }
        Clinician c = clinicians.computeIfAbsent(intake.clinicianId(), id -> new Clinician());
        c.sessions(episode.sessions, primary, fromDay, toDay);
        if (!closed) {
            c.open++;
            return;
        }
        EpisodeOutcome outcome = episode.scores().outcomes[primary];
        boolean dropout = intake.droppedOut();
        c.closed(outcome, dropout);
        practiceClosed++;
        practiceDropout += dropout ? 1 : 0;
        if (outcome != null) {
            practicePaired++;
            practiceReliableImprovement += outcome.reliableImprovement() ? 1 : 0;
        }
    }

    @Override
    public void merge(ClinicianTable other) {
        other.clinicians.forEach((id, clinician) -> clinicians.computeIfAbsent(id, key -> new Clinician()).merge(clinician));
        practicePaired += other.practicePaired;
        practiceReliableImprovement += other.practiceReliableImprovement;
        practiceClosed += other.practiceClosed;
        practiceDropout += other.practiceDropout;
    }

    @Override
    public List<OutcomeTables.ClinicianRow> result() {
        Double practiceRiPct = Statistics.percent(practiceReliableImprovement, practicePaired);
        Double riProportion = proportion(practiceReliableImprovement, practicePaired);
        Double practiceDropoutPct = byWave ? null : Statistics.percent(practiceDropout, practiceClosed);
        Double dropoutProportion = byWave ? null : proportion(practiceDropout, practiceClosed);
        boolean caseness = instrument.hasCutoff();
        List<OutcomeTables.ClinicianRow> rows = new ArrayList<>();
        for (Map.Entry<String, Clinician> entry : clinicians.entrySet()) {
            Clinician c = entry.getValue();
            ExactMoments changes = c.changes.build();
            int n = Math.toIntExact(changes.n());
            Double riPct = Statistics.percent(c.reliableImprovement, n);
            Double dropoutPct = byWave ? null : Statistics.percent(c.dropout, c.closed);
            FunnelLimits ri = riProportion == null ? null : FunnelLimits.of(riProportion, n);
            FunnelLimits dropout = dropoutProportion == null ? null : FunnelLimits.of(dropoutProportion, c.closed);
            rows.add(new OutcomeTables.ClinicianRow(entry.getKey(), instrument.key(), c.closed, n,
                    changes.mean(), c.reliableImprovement, riPct,
                    caseness ? c.cases : null, caseness ? c.recovered : null,
                    caseness ? Statistics.percent(c.recovered, c.cases) : null,
                    practiceRiPct,
                    Interval.lowOf(inner(ri)), Interval.highOf(inner(ri)), Interval.lowOf(outer(ri)), Interval.highOf(outer(ri)),
                    c.open, c.dropout, dropoutPct,
                    c.reliableDeterioration, Statistics.percent(c.reliableDeterioration, n),
                    byWave ? null : Statistics.percent(c.measuredSessions, c.attendedSessions),
                    practiceDropoutPct,
                    Interval.lowOf(inner(dropout)), Interval.highOf(inner(dropout)), Interval.lowOf(outer(dropout)), Interval.highOf(outer(dropout)),
                    FunnelBand.of(riPct, ri), FunnelBand.of(dropoutPct, dropout),
                    c.attendedSessions, c.measuredSessions, c.sessionEpisodes));
        }
        return rows;
    }

    /** {@code k / n} as a fraction; {@code null} when {@code n = 0}. */
    private static Double proportion(int k, int n) {
        return n == 0 ? null : (double) k / n;
    }

    private static Interval inner(FunnelLimits limits) {
        return limits == null ? null : limits.inner95();
    }

    private static Interval outer(FunnelLimits limits) {
        return limits == null ? null : limits.outer998();
    }

    private static final class Clinician implements Serializable {
        int closed;
        int open;
        int dropout;
        final ExactMoments.Builder changes = ExactMoments.builder();
        int reliableImprovement;
        int reliableDeterioration;
        int cases;
        int recovered;
        long attendedSessions;
        long measuredSessions;
        int sessionEpisodes;

        /** A closed episode; {@code outcome} null when it has no paired scores. */
        void closed(EpisodeOutcome outcome, boolean isDropout) {
            closed++;
            dropout += isDropout ? 1 : 0;
            if (outcome == null) {
                return;
            }
            changes.add(outcome.change());
            reliableImprovement += outcome.reliableImprovement() ? 1 : 0;
            reliableDeterioration += outcome.reliableDeterioration() ? 1 : 0;
            cases += Boolean.TRUE.equals(outcome.caseAtBaseline()) ? 1 : 0;
            recovered += Boolean.TRUE.equals(outcome.recovered()) ? 1 : 0;
        }

        void merge(Clinician other) {
            closed += other.closed;
            open += other.open;
            dropout += other.dropout;
            changes.merge(other.changes);
            reliableImprovement += other.reliableImprovement;
            reliableDeterioration += other.reliableDeterioration;
            cases += other.cases;
            recovered += other.recovered;
            attendedSessions += other.attendedSessions;
            measuredSessions += other.measuredSessions;
            sessionEpisodes += other.sessionEpisodes;
        }

        /** The attended sessions of an episode dated in {@code [fromDay, toDay]}, and those with a primary score. */
        void sessions(List<SessionRecord> sessions, int primary, int fromDay, int toDay) {
            long attended = 0;
            long measured = 0;
            for (SessionRecord session : sessions) {
                int day = session.day();
                if (day > toDay) {
                    break; // score order: every later session is later still
                }
                if (day < fromDay || !session.attended()) {
                    continue;
                }
                attended++;
                measured += Double.isNaN(session.scores()[primary]) ? 0 : 1;
            }
            attendedSessions += attended;
            measuredSessions += measured;
            sessionEpisodes += attended > 0 ? 1 : 0;
        }
    }
}
