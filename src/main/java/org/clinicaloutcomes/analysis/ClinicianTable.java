package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.FunnelLimits;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.Interval;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * {@code clinicians.csv} (primary instrument): every clinician with a closed episode in the
 * window, by clinician id; funnel limits ({@link FunnelLimits}) around the practice proportion
 * {@code p = RI / paired} of all closed episodes, at the clinician's paired count; no limits when
 * the clinician has no paired episode or the practice has none.
 */
final class ClinicianTable implements TableAccumulator<List<OutcomeTables.ClinicianRow>> {

    private final Instrument instrument;
    private final int primary;
    private final TreeMap<String, Clinician> clinicians = new TreeMap<>();
    private int practicePaired;
    private int practiceReliableImprovement;

    ClinicianTable(CohortLayout layout) {
        this.instrument = layout.instruments.get(layout.primary);
        this.primary = layout.primary;
    }

    @Override
    public void add(ScoredEpisode episode) {
        if (!episode.closedInWindow) {
            return;
        }
        EpisodeScores scores = episode.scores();
        EpisodeOutcome outcome = scores.outcomes[primary];
        clinicians.computeIfAbsent(episode.intake.clinicianId(), id -> new Clinician()).add(outcome);
        if (outcome != null) {
            practicePaired++;
            practiceReliableImprovement += outcome.reliableImprovement() ? 1 : 0;
        }
    }

    @Override
    public List<OutcomeTables.ClinicianRow> result() {
        Double practicePct = Statistics.percent(practiceReliableImprovement, practicePaired);
        Double proportion = practicePaired == 0 ? null : (double) practiceReliableImprovement / practicePaired;
        boolean caseness = instrument.hasCutoff();
        List<OutcomeTables.ClinicianRow> rows = new ArrayList<>();
        for (Map.Entry<String, Clinician> entry : clinicians.entrySet()) {
            Clinician c = entry.getValue();
            int n = c.changes.size();
            FunnelLimits limits = proportion == null ? null : FunnelLimits.of(proportion, n);
            Interval inner = limits == null ? null : limits.inner95();
            Interval outer = limits == null ? null : limits.outer998();
            rows.add(new OutcomeTables.ClinicianRow(entry.getKey(), instrument.key(), c.closed, n,
                    Statistics.mean(c.changes.toArray()), c.reliableImprovement,
                    Statistics.percent(c.reliableImprovement, n),
                    caseness ? c.cases : null, caseness ? c.recovered : null,
                    caseness ? Statistics.percent(c.recovered, c.cases) : null,
                    practicePct,
                    inner == null ? null : inner.low(), inner == null ? null : inner.high(),
                    outer == null ? null : outer.low(), outer == null ? null : outer.high()));
        }
        return rows;
    }

    private static final class Clinician {
        int closed;
        final DoubleList changes = new DoubleList();
        int reliableImprovement;
        int cases;
        int recovered;

        /** A closed episode; {@code outcome} null when it has no paired scores. */
        void add(EpisodeOutcome outcome) {
            closed++;
            if (outcome == null) {
                return;
            }
            changes.add(outcome.change());
            reliableImprovement += outcome.reliableImprovement() ? 1 : 0;
            cases += Boolean.TRUE.equals(outcome.caseAtBaseline()) ? 1 : 0;
            recovered += Boolean.TRUE.equals(outcome.recovered()) ? 1 : 0;
        }
    }
}
