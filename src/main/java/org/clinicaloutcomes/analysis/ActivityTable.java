package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.ingest.Codes;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * The activity rows, per approach and ALL, over all episodes: intakes, discharges (total and per
 * reason), caseload (episodes with an attended session in the period: a client id has one
 * episode), attended and missed sessions, and the missed rate {@code 100 × missed / (attended +
 * missed)} (empty without scheduled sessions). Two periods in the same pass over the sessions:
 * <ul>
 *   <li>{@code activity.csv}: the window's activity period {@code periodStart()..periodEnd()}
 *       (the report month; for a research run the window);</li>
 *   <li>window activity: the whole window {@code [from, to]}, period {@code <from>_<to>}, for the
 *       workbook's Summary (its window column).</li>
 * </ul>
 * In a monthly run an intake, discharge or session before the report month but inside the window
 * counts in the second and not in the first; in a research run both are the same period and the
 * same counts (computed twice, not shared).
 */
final class ActivityTable implements TableAccumulator<ActivityTable, ActivityTable.Rows> {

    /**
     * @param activity       the rows of the activity period
     * @param windowActivity the rows of the whole window
     */
    record Rows(List<OutcomeTables.ActivityRow> activity, List<OutcomeTables.ActivityRow> windowActivity) {
    }

    private final CohortLayout layout;
    private final ReportWindow window;
    private final int periodStartDay;
    private final int periodEndDay;
    private final int fromDay;
    private final int toDay;
    private final Counts[] period;
    private final Counts[] whole;

    ActivityTable(CohortLayout layout, ReportWindow window) {
        this.layout = layout;
        this.window = window;
        this.periodStartDay = (int) window.periodStart().toEpochDay();
        this.periodEndDay = (int) window.periodEnd().toEpochDay();
        this.fromDay = (int) window.from().toEpochDay();
        this.toDay = (int) window.to().toEpochDay();
        this.period = counts(layout.groups());
        this.whole = counts(layout.groups());
    }

    @Override
    public void add(ScoredEpisode episode) {
        IntakeRecord intake = episode.intake;
        boolean discharged = intake.isClosed();
        int reason = -1;
        if (discharged && (inPeriod(intake.dischargeDay()) || inWindow(intake.dischargeDay()))) {
            reason = Codes.DISCHARGE_REASONS.indexOf(intake.dischargeReason());
            if (reason < 0) {
                throw new IllegalArgumentException("unknown discharge reason on intake line " + intake.line());
            }
        }
        long periodAttended = 0;
        long periodMissed = 0;
        long windowAttended = 0;
        long windowMissed = 0;
        for (SessionRecord session : episode.sessions) {
            int day = session.day();
            if (inPeriod(day)) {
                if (session.attended()) {
                    periodAttended++;
                } else {
                    periodMissed++;
                }
            }
            if (inWindow(day)) {
                if (session.attended()) {
                    windowAttended++;
                } else {
                    windowMissed++;
                }
            }
        }
        int periodReason = discharged && inPeriod(intake.dischargeDay()) ? reason : -1;
        int windowReason = discharged && inWindow(intake.dischargeDay()) ? reason : -1;
        for (int g : new int[] {episode.approach, layout.all}) {
            period[g].add(inPeriod(intake.intakeDay()), periodReason, periodAttended, periodMissed);
            whole[g].add(inWindow(intake.intakeDay()), windowReason, windowAttended, windowMissed);
        }
    }

    @Override
    public void merge(ActivityTable other) {
        for (int g = 0; g < period.length; g++) {
            period[g].merge(other.period[g]);
            whole[g].merge(other.whole[g]);
        }
    }

    @Override
    public Rows result() {
        return new Rows(rows(window.periodLabel(), period), rows(window.from() + "_" + window.to(), whole));
    }

    private List<OutcomeTables.ActivityRow> rows(String label, Counts[] groups) {
        List<OutcomeTables.ActivityRow> rows = new ArrayList<>();
        for (int g = 0; g <= layout.all; g++) {
            Counts group = groups[g];
            int[] d = group.discharges;
            rows.add(new OutcomeTables.ActivityRow(label, layout.groupName(g), group.intakes, d[0] + d[1] + d[2] + d[3],
                    d[0], d[1], d[2], d[3], group.caseload, group.attended, group.missed,
                    Statistics.percent(group.missed, group.attended + group.missed)));
        }
        return rows;
    }

    private boolean inPeriod(int day) {
        return day >= periodStartDay && day <= periodEndDay;
    }

    private boolean inWindow(int day) {
        return day >= fromDay && day <= toDay;
    }

    private static Counts[] counts(int groups) {
        Counts[] counts = new Counts[groups];
        for (int g = 0; g < groups; g++) {
            counts[g] = new Counts();
        }
        return counts;
    }

    private static final class Counts implements Serializable {
        int intakes;
        final int[] discharges = new int[Codes.DISCHARGE_REASONS.size()];
        int caseload;
        long attended;
        long missed;

        /** One episode's counts in the period; {@code reason} -1 without a discharge in it. */
        void add(boolean intake, int reason, long attendedSessions, long missedSessions) {
            intakes += intake ? 1 : 0;
            if (reason >= 0) {
                discharges[reason]++;
            }
            caseload += attendedSessions > 0 ? 1 : 0;
            attended += attendedSessions;
            missed += missedSessions;
        }

        void merge(Counts other) {
            intakes += other.intakes;
            for (int r = 0; r < discharges.length; r++) {
                discharges[r] += other.discharges[r];
            }
            caseload += other.caseload;
            attended += other.attended;
            missed += other.missed;
        }
    }
}
