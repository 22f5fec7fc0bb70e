package org.clinicaloutcomes.report;

import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * The "at a glance" block of a research run's {@code Summary} (a monthly run has
 * {@link MonthAtAGlance}): the ALL row of the window's activity and the outcome cohort's counts.
 * Each count shows as the CSV holds it: a number, or the text of a hidden count.
 */
final class SummaryGlance {

    private static final String ACTIVITY_FILE = TableSchemas.ACTIVITY.file();
    private static final String WINDOW_FILE = TableSchemas.WINDOW_ACTIVITY.file();
    private static final String GROUP_FILE = TableSchemas.OUTCOMES_BY_APPROACH.file();

    private final GlanceCells s;
    private final WorkbookContent c;
    private final int activityIndex;
    private final OutcomeTables.ActivityRow activity;
    private final int windowIndex;
    private final OutcomeTables.ActivityRow window;
    private final int allIndex;
    private final GroupOutcomes all;

    SummaryGlance(GlanceCells s, WorkbookContent c) {
        this.s = s;
        this.c = c;
        OutcomeTables tables = c.tables();
        activityIndex = allRow(tables.activity());
        activity = activityIndex < 0 ? null : tables.activity().get(activityIndex);
        windowIndex = allRow(tables.windowActivity());
        window = windowIndex < 0 ? null : tables.windowActivity().get(windowIndex);
        allIndex = SummarySheet.groupIndex(tables, OutcomeTables.ALL, c.primary().key());
        all = allIndex < 0 ? null : tables.outcomesByApproach().get(allIndex).outcomes();
    }

    /** Writes the block with its header at {@code row}; returns the row after it. */
    int write(int row) {
        if (c.run().byWave()) {
            return byWave(row);
        }
        s.header(row, 0, "At a glance");
        s.header(row, 1, "Window");
        row++;
        row = line(row, c.run().words("Clients seen (caseload)"), activity == null ? null
                : shown(ACTIVITY_FILE, activityIndex, "caseload", activity.caseload()), window == null ? null
                : shown(WINDOW_FILE, windowIndex, "caseload", window.caseload()));
        row = line(row, c.run().words("New clients (intakes)"), activity == null ? null
                : shown(ACTIVITY_FILE, activityIndex, "intakes", activity.intakes()), window == null ? null
                : shown(WINDOW_FILE, windowIndex, "intakes", window.intakes()));
        // Discharged in the window = the closed episodes of the outcome cohort.
        Object windowDischarges = window != null
                ? shown(WINDOW_FILE, windowIndex, "discharges", window.discharges())
                : all == null ? c.tables().closedInWindow() : shown(GROUP_FILE, allIndex, "n_closed", all.nClosed());
        row = line(row, c.run().words("Clients discharged"), activity == null ? null
                : shown(ACTIVITY_FILE, activityIndex, "discharges", activity.discharges()), windowDischarges);
        row = line(row, "  of which dropout", activity == null ? null
                : shown(ACTIVITY_FILE, activityIndex, "discharges_dropout", activity.dischargesDropout()),
                window == null ? null
                        : shown(WINDOW_FILE, windowIndex, "discharges_dropout", window.dischargesDropout()));
        row = line(row, "Sessions attended", activity == null ? null
                : shown(ACTIVITY_FILE, activityIndex, "attended_sessions", activity.attendedSessions()),
                window == null ? null
                        : shown(WINDOW_FILE, windowIndex, "attended_sessions", window.attendedSessions()));
        return line(row, "Discharged with before-and-after " + c.primary().name(), null,
                all == null ? null : shown(GROUP_FILE, allIndex, "n_paired", all.nPaired()));
    }

    /**
     * The block of an analysis by wave, which has no dates, sessions or discharges (RESEARCH.md):
     * the participants in the analysis (every participant with an accepted row) and those with
     * before-and-after scores on the main questionnaire.
     */
    private int byWave(int row) {
        s.header(row, 0, "At a glance");
        s.header(row, 1, "All waves");
        row++;
        row = line(row, "Participants in the analysis", null, all == null ? c.tables().closedInWindow()
                : shown(GROUP_FILE, allIndex, "n_closed", all.nClosed()));
        return line(row, "With before-and-after " + c.primary().name(), null,
                all == null ? null : shown(GROUP_FILE, allIndex, "n_paired", all.nPaired()));
    }

    /**
     * A line of the block: a count, the text of a hidden count, or empty (not counted): the window
     * value, else the activity period's (in a research run the same period).
     */
    private int line(int row, String label, Object period, Object windowValue) {
        s.text(row, 0, label);
        cell(row, 1, windowValue != null ? windowValue : period);
        return row + 1;
    }

    private void cell(int row, int column, Object value) {
        if (value != null) {
            s.value(row, column, value, Kind.COUNT, false);
        }
    }

    /** A count, or what suppression shows instead of it. */
    private Object shown(String csvFile, int row, String column, long value) {
        String hidden = c.hidden(csvFile, row, column);
        return hidden != null ? hidden : (Object) value;
    }

    /** The index of the ALL row of activity rows, or -1. */
    static int allRow(List<OutcomeTables.ActivityRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (OutcomeTables.ALL.equals(rows.get(i).approach())) {
                return i;
            }
        }
        return -1;
    }
}
