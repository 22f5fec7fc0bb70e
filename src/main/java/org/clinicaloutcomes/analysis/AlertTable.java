package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.DeteriorationAlert;

/**
 * {@code alerts.csv} (monthly runs): one row per episode × instrument that {@link DeteriorationAlert}
 * flags at the end of the report month, by approach, instrument, client id. The scores up to the
 * month's end are those of the attended sessions that carry the instrument, in score order
 * ({@link MonthEndScores}).
 */
final class AlertTable implements TableAccumulator<AlertTable, List<OutcomeTables.AlertRow>> {

    private final CohortLayout layout;
    private final DayDates dates = new DayDates();
    private final int monthEndDay;
    private final List<OutcomeTables.AlertRow> alerts = new ArrayList<>();

    /** Alerts at the end of epoch day {@code monthEndDay}, the last day of the report month. */
    AlertTable(CohortLayout layout, int monthEndDay) {
        this.layout = layout;
        this.monthEndDay = monthEndDay;
    }

    @Override
    public void add(ScoredEpisode episode) {
        IntakeRecord intake = episode.intake;
        if (!DeteriorationAlert.isOpenAt(monthEndDay, intake.intakeDay(), intake.isClosed(), intake.dischargeDay())) {
            return;
        }
        MonthEndScores scores = episode.monthEnd(monthEndDay);
        for (int i = 0; i < layout.instrumentCount; i++) {
            int n = scores.count[i];
            if (DeteriorationAlert.isAlert(layout.instruments.get(i), n, scores.baseline[i], scores.latest[i])) {
                alerts.add(new OutcomeTables.AlertRow(intake.clientId(), intake.approach(), intake.clinicianId(),
                        layout.instruments.get(i).key(), scores.baseline[i], scores.latest[i],
                        scores.latest[i] - scores.baseline[i], dates.of(scores.latestDay[i]),
                        dates.of(scores.baselineDay[i]), n, dates.of(intake.intakeDay())));
            }
        }
    }

    /** The rows are sorted by approach, instrument and client id (one row each): any order merges. */
    @Override
    public void merge(AlertTable other) {
        alerts.addAll(other.alerts);
    }

    @Override
    public List<OutcomeTables.AlertRow> result() {
        Map<String, Integer> instrumentIndex = new HashMap<>();
        for (int i = 0; i < layout.instrumentCount; i++) {
            instrumentIndex.put(layout.instruments.get(i).key(), i);
        }
        List<OutcomeTables.AlertRow> rows = new ArrayList<>(alerts);
        rows.sort(Comparator.<OutcomeTables.AlertRow>comparingInt(r -> layout.approachIndex(r.approach()))
                .thenComparingInt(r -> instrumentIndex.get(r.instrument()))
                .thenComparing(OutcomeTables.AlertRow::clientId));
        return rows;
    }
}
