package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.OutcomeTables.AttentionRow;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * {@code Attention} (monthly runs only; MONITORING.md, "Attention list"): the clients still in
 * treatment at the end of the report month who need a look, one row each, grouped by clinician
 * (by id) and most urgent first within a clinician, with the reasons in words and the latest
 * score of the main questionnaire against the expected score and the not-on-track line; then how
 * well the flag predicts on this practice's own data ({@code expected_recovery_check}), and the
 * expected-recovery chart. The rows are episode-level: not listed with suppression on (the
 * Summary's counts per clinician still are), nor when there are too many.
 */
final class AttentionSheet implements WorkbookSheet {

    @Override
    public String name() {
        return OutcomesWorkbook.ATTENTION;
    }

    @Override
    public boolean monthlyOnly() {
        return true;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        String month = WorkbookContent.monthName(c.run().window().reportMonth());
        Instrument primary = c.primary();
        int contactDays = c.run().contactDays();
        s.styled(0, 0, "Clients who need a look at the end of " + month, c.styles().title, false);
        s.styled(1, 0, "Clients still in treatment, grouped by clinician, most urgent first. Reliably worse: than "
                + "at the start. Not on track: worse than about 9 in 10 similar clients of this practice.",
                c.styles().subtitle, false);
        s.styled(2, 0, "No session: none attended in the last " + contactDays + " days. Not measured: seen "
                + AttentionReason.MEASURED_FROM_SESSIONS + "+ times with fewer than " + AttentionReason.MEASURED_SCORES
                + " " + primary.name() + " scores.", c.styles().subtitle, false);
        List<AttentionRow> all = c.tables().attention();
        boolean tooMany = all.size() > OutcomesWorkbook.MAX_LISTED_ROWS;
        List<AttentionRow> rows = c.suppression() || tooMany ? List.of() : all;
        int row = SheetTable.someColumnsOf(TableSchemas.ATTENTION, rows)
                .rowsAt(byClinician(rows))
                .columns("clinician_id", "client_id")
                .extra("Why (on which questionnaires)", Kind.TEXT, (r, i) -> why(c, r, contactDays))
                .extra("Intake", Kind.DATE, (r, i) -> r.intakeDate())
                .extra("Last seen", Kind.DATE, (r, i) -> r.lastAttended())
                .extra("Sessions", Kind.COUNT, (r, i) -> r.attendedSessions())
                .extra("First " + primary.name(), Kind.SCORE, (r, i) -> r.primaryBaseline())
                .extra("Latest " + primary.name(), Kind.SCORE, (r, i) -> r.primaryLatest())
                .extra("Expected", Kind.DECIMAL, (r, i) -> r.primaryExpected())
                .extra(primary.higherIsBetter() ? "Off track below" : "Off track above", Kind.DECIMAL,
                        (r, i) -> r.primaryThreshold())
                .main(2)
                .write(s, c, 4);
        if (c.suppression()) {
            row = s.note(row, "Not listed: suppression is on, so episode-level rows are not shown. The Summary "
                    + "gives the counts per clinician.");
        } else if (tooMany) {
            row = s.note(row, "The " + all.size() + " clients are too many to list here: see csv/attention.csv.");
        } else if (rows.isEmpty()) {
            row = s.note(row, "No client still in treatment needs a look for any of these reasons.");
        }
        row = s.note(row, "Expected: the " + primary.name() + " score that this practice's discharged clients "
                + "with the same first score had after as many " + primary.name() + " scores; off track "
                + (primary.higherIsBetter() ? "below" : "above") + ": the not-on-track line.");
        row = s.note(row, "Both empty with fewer than 2 scores, or when too few discharged clients reached that "
                + "point. Sessions: attended up to the month's end.");
        row = flagCheck(s, c, row + 1);
        SheetCharts.below(s, charts(c), row + 1, 1);
    }

    /** The indices of the rows grouped by clinician id, keeping the list's order (most urgent first) within. */
    private static List<Integer> byClinician(List<AttentionRow> rows) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            indices.add(i);
        }
        indices.sort(Comparator.comparing(i -> rows.get(i).clinicianId()));
        return indices;
    }

    /** The reasons in words, each with the questionnaires it was found on: "reliably worse (PCL-5); not on track (PCL-5, AAQ-II)". */
    private static String why(WorkbookContent c, AttentionRow r, int contactDays) {
        List<String> parts = new ArrayList<>();
        for (AttentionReason reason : r.reasons()) {
            List<String> on = switch (reason) {
                case DETERIORATED -> r.instrumentsDeteriorated();
                case NOT_ON_TRACK -> r.instrumentsNotOnTrack();
                case NO_RECENT_SESSION, NO_MEASURE -> List.of();
            };
            parts.add(PlainWords.reason(reason, contactDays, c.primary()) + (on.isEmpty() ? ""
                    : " (" + on.stream().map(c::instrumentName).collect(Collectors.joining(", ")) + ")"));
        }
        return String.join("; ", parts);
    }

    /**
     * How well the flag predicts, one sentence per questionnaire (main first); the figures are
     * those of {@code expected_recovery_check.csv}. Sentences, not a table: a table here would
     * share the list's columns and widen them.
     */
    private static int flagCheck(SheetWriter s, WorkbookContent c, int row) {
        row = s.section(row, "How well the flag predicts, on this practice's own discharged clients");
        List<OutcomeTables.FlagCheckRow> check = c.tables().expectedRecoveryCheck();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < check.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> !check.get(i).instrument().equals(c.primary().key())));
        for (int i : order) {
            List<String> sentences = PlainWords.flagCheck(check.get(i), c.run().instrument(check.get(i).instrument()),
                    shownJudged(c, check, i));
            for (int line = 0; line < sentences.size(); line++) {
                s.styled(row, 0, (line == 0 ? "" : "    ") + sentences.get(line), c.styles().sentence, false);
                row++;
            }
        }
        row = s.note(row, "Each half of the discharged clients (split by a code of the client ID) is checked at its "
                + "third score against the curves of the other half; its outcome is the change from the first to "
                + "the last score.");
        return s.note(row, "The larger the gap between flagged and not flagged, the more the flag is worth acting "
                + "on. All figures: csv/expected_recovery_check.csv.");
    }

    /** The number of clients checked as shown ({@code <11} when suppression hides it). */
    static String shownJudged(WorkbookContent c, List<OutcomeTables.FlagCheckRow> check, int index) {
        String hidden = c.hidden(TableSchemas.EXPECTED_RECOVERY_CHECK.file(), index, "n_judged");
        return hidden != null ? hidden : Long.toString(check.get(index).nJudged());
    }

    private static List<RenderedChart> charts(WorkbookContent c) {
        List<RenderedChart> charts = new ArrayList<>();
        RenderedChart chart = c.chart(ReportCharts.expectedRecoveryFile(c.primary().key()));
        if (chart != null) {
            charts.add(chart);
        }
        return charts;
    }
}
