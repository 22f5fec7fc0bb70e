package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.ingest.Codes;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * Activity rows of one period {@code [fromDay, toDay]}, per approach and ALL, over all episodes:
 * intakes, discharges (total and per reason), caseload (episodes with an attended session in the
 * period: a client id has one episode), attended and missed sessions, and the missed rate
 * {@code 100 × missed / (attended + missed)} (empty without scheduled sessions).
 *
 * <p>Two of them: {@code activity.csv} over the window's activity period (the report month; for
 * a research run the window), and the window activity of the workbook's Summary over the whole
 * window, period {@code <from>_<to>}. In a monthly run an intake, discharge or session before the
 * report month but inside the window counts in the second and not in the first; in a research run
 * both are the same period and the same counts (computed twice, not shared).
 */
final class ActivityTable implements TableAccumulator<List<OutcomeTables.ActivityRow>> {

    private final CohortLayout layout;
    private final String period;
    private final int fromDay;
    private final int toDay;
    private final Counts[] groups;

    /** The activity of days {@code fromDay..toDay} (epoch days), labelled {@code period}. */
    ActivityTable(CohortLayout layout, String period, int fromDay, int toDay) {
        this.layout = layout;
        this.period = period;
        this.fromDay = fromDay;
        this.toDay = toDay;
        this.groups = new Counts[layout.groups()];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new Counts();
        }
    }

    @Override
    public void add(ScoredEpisode episode) {
        IntakeRecord intake = episode.intake;
        int reason = -1;
        if (intake.isClosed() && inPeriod(intake.dischargeDay())) {
            reason = Codes.DISCHARGE_REASONS.indexOf(intake.dischargeReason());
            if (reason < 0) {
                throw new IllegalArgumentException("unknown discharge reason on intake line " + intake.line());
            }
        }
        long attended = 0;
        long missed = 0;
        for (SessionRecord session : episode.sessions) {
            if (inPeriod(session.day())) {
                if (session.attended()) {
                    attended++;
                } else {
                    missed++;
                }
            }
        }
        boolean intakeInPeriod = inPeriod(intake.intakeDay());
        groups[episode.approach].add(intakeInPeriod, reason, attended, missed);
        groups[layout.all].add(intakeInPeriod, reason, attended, missed);
    }

    @Override
    public List<OutcomeTables.ActivityRow> result() {
        List<OutcomeTables.ActivityRow> rows = new ArrayList<>();
        for (int g = 0; g <= layout.all; g++) {
            Counts group = groups[g];
            int[] d = group.discharges;
            rows.add(new OutcomeTables.ActivityRow(period, layout.groupName(g), group.intakes, d[0] + d[1] + d[2] + d[3],
                    d[0], d[1], d[2], d[3], group.caseload, group.attended, group.missed,
                    Statistics.percent(group.missed, group.attended + group.missed)));
        }
        return rows;
    }

    private boolean inPeriod(int day) {
        return day >= fromDay && day <= toDay;
    }

    private static final class Counts {
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
    }
}
