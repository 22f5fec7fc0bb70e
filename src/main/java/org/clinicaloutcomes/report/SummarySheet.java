package org.clinicaloutcomes.report;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * {@code Summary}: a one-screen dashboard: activity (caseload, intakes, discharges, dropouts,
 * sessions) of the report month ({@link OutcomeTables#activity()}) and of the window ({@link
 * OutcomeTables#windowActivity()}), with the suppression markers ({@link SummaryGlance}); per
 * approach on the primary instrument the reliable improvement, recovery, reliable deterioration
 * and dropout rates and g (small groups in grey with a "small n" note), one plain-language
 * sentence per approach, and the trajectory and reliable-change charts of the primary instrument
 * beside the table.
 */
final class SummarySheet implements WorkbookSheet {

    static final String[] OUTCOME_HEADERS = {"Approach", "Closed episodes",
        "With before-and-after scores (n)", "Reliable improvement %", "Recovery %", "Reliable deterioration %",
        "Dropout %", "Effect size g", SheetTable.NOTE_HEADER};

    @Override
    public String name() {
        return OutcomesWorkbook.SUMMARY;
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        heading(s, c);
        int row = c.run().monthly() ? new MonthAtAGlance(s, c).write(3) : new SummaryGlance(s, c).write(3);
        row++;
        if (c.run().monthly()) {
            row = attention(s, c, row) + 1;
        }
        row = s.section(row, outcomesHeading(c.run(), c.primary()));
        s.headers(row, outcomeHeaders(c.run()));
        row++;
        List<Integer> indices = rows(c.tables(), c.primary().key());
        row = outcomes(s, c, row, indices);
        row++;
        row = s.section(row, "In plain words");
        row = sentences(s, c, row, indices);
        row++;
        row = notes(s, c, row);
        // Below the tables, not beside them: on a laptop screen the first block and the first
        // chart are then visible without scrolling sideways. A monthly report's first chart is
        // the month against the usual (the p-chart of the Over time sheet).
        List<RenderedChart> charts = new ArrayList<>();
        for (String file : List.of(ReportCharts.monthlyImprovementFile(c.primary().key()),
                ReportCharts.reliableChangeFile(c.primary().key()),
                ReportCharts.trajectoryFile(c.primary().key()))) {
            RenderedChart chart = c.chart(file);
            if (chart != null) {
                charts.add(chart);
            }
        }
        SheetCharts.below(s, charts, row, 1);
    }

    /**
     * The attention list's counts per clinician, then all clinicians (MONITORING.md: "the Summary
     * shows the counts per reason and per clinician"); a client meeting two reasons counts under
     * both. The counts obey small-number suppression; the list itself is on the Attention sheet.
     */
    private static int attention(SheetWriter s, WorkbookContent c, int row) {
        row = s.section(row, attentionHeading(c.run(), "listed on the Attention sheet"));
        List<OutcomeTables.AttentionCountRow> counts = c.tables().attentionCounts();
        row = SheetTable.of(TableSchemas.ATTENTION_COUNTS, counts)
                // The last row is all clinicians (a clinician may be called ALL too).
                .shown("clinician_id", r -> r == counts.get(counts.size() - 1) ? "All clinicians" : r.clinicianId())
                .write(s, c, row);
        for (String note : attentionNotes(c.run())) {
            row = s.note(row, note);
        }
        return row;
    }

    /** The heading of the attention counts, for the month of the run; {@code where}: where the list is. */
    static String attentionHeading(RunDescription run, String where) {
        return "Open clients who need a look at the end of " + WorkbookContent.monthName(run.window().reportMonth())
                + " (" + where + ")";
    }

    /** The notes below the attention counts: what the reasons mean. */
    static List<String> attentionNotes(RunDescription run) {
        return List.of("A client may have more than one reason. Not on track: the latest score is worse than "
                + "about 9 in 10 similar clients of this practice had at that point.",
                "No recent session: none attended in the last " + run.contactDays() + " days. Not measured: "
                + AttentionReason.MEASURED_FROM_SESSIONS + "+ sessions, fewer than " + AttentionReason.MEASURED_SCORES
                + " " + run.primary().name() + " scores.");
    }

    /** The heading of the outcomes of an instrument by approach. */
    static String outcomesHeading(RunDescription run, Instrument instrument) {
        return "Outcomes by approach on " + instrument.name() + run.words(" (clients discharged in the window)");
    }

    /** The outcome table's headers: without dropout in an analysis by wave (no discharge reasons). */
    private static String[] outcomeHeaders(RunDescription run) {
        if (!run.byWave()) {
            return OUTCOME_HEADERS;
        }
        return java.util.Arrays.stream(OUTCOME_HEADERS).filter(h -> !h.equals("Dropout %")).map(run::words)
                .toArray(String[]::new);
    }

    private static void heading(SheetWriter s, WorkbookContent c) {
        RunDescription run = c.run();
        s.styled(0, 0, c.reportTitle(), c.styles().title, false);
        s.styled(1, 0, who(run) + ". Main questionnaire: " + c.primary().name()
                + ". Definitions: see the About sheet.", c.styles().subtitle, false);
        s.freeze(0, 2);
    }

    /** Whose outcomes the report gives, and over which period: the first words of the subtitle. */
    static String who(RunDescription run) {
        return run.byWave() ? "Outcomes of the participants in the analysis, " + run.span()
                : run.words("Outcomes of clients discharged ") + run.window().from() + " to " + run.window().to()
                        + windowLength(run);
    }

    /** One row per approach (then ALL) of the primary instrument; returns the row after them. */
    private static int outcomes(SheetWriter s, WorkbookContent c, int row, List<Integer> indices) {
        String file = TableSchemas.OUTCOMES_BY_APPROACH.file();
        for (int index : indices) {
            OutcomeTables.ApproachRow r = c.tables().outcomesByApproach().get(index);
            GroupOutcomes g = r.outcomes();
            boolean small = SmallNumbers.isSmall(g.nPaired());
            s.value(row, 0, r.approach(), Kind.TEXT, small);
            count(s, row, 1, g.nClosed(), c.hidden(file, index, "n_closed"), small);
            count(s, row, 2, g.nPaired(), c.hidden(file, index, "n_paired"), small);
            s.value(row, 3, g.reliableImprovementPct(), Kind.PERCENT, small);
            s.value(row, 4, g.recoveryPct(), Kind.PERCENT, small);
            s.value(row, 5, g.reliableDeteriorationPct(), Kind.PERCENT, small);
            int column = 6;
            if (!c.run().byWave()) { // an analysis by wave has no discharge reasons
                s.value(row, column++, g.dropoutPct(), Kind.PERCENT, small);
            }
            s.value(row, column++, g.g(), Kind.DECIMAL, small);
            s.value(row, column, small ? SmallNumbers.FLAG : null, Kind.TEXT, small);
            row++;
        }
        return row;
    }

    private static int sentences(SheetWriter s, WorkbookContent c, int row, List<Integer> indices) {
        for (int index : indices) {
            OutcomeTables.ApproachRow r = c.tables().outcomesByApproach().get(index);
            String n = c.hidden(TableSchemas.OUTCOMES_BY_APPROACH.file(), index, "n_paired");
            s.styled(row, 0, PlainWords.headline(r.approach(), r.outcomes(), c.primary(),
                    n != null ? n : Integer.toString(r.outcomes().nPaired()), c.run().wording()),
                    c.styles().sentence, false);
            row++;
        }
        return row;
    }

    private static int notes(SheetWriter s, WorkbookContent c, int row) {
        for (String note : notes(c)) {
            row = s.note(row, note);
        }
        return row;
    }

    /** The notes below the outcomes: what the rates are of, the study design, small groups, suppression. */
    static List<String> notes(WorkbookContent c) {
        List<String> notes = new ArrayList<>();
        notes.add(c.run().words("Rates are shares of clients with before-and-after scores; recovery is among "
                + "those who started in the clinical range") + cutoffText(c.primary()) + ".");
        notes.add(c.run().design().sentence());
        notes.add(c.run().words("Grey rows marked 'small n' have 10 clients or fewer: too few to draw "
                + "conclusions."));
        if (c.suppression()) {
            notes.addAll(SheetTable.SUPPRESSION_NOTE);
        }
        return notes;
    }

    /** Indices in outcomes_by_approach of an instrument's rows (approaches, then ALL). */
    static List<Integer> rows(OutcomeTables tables, String instrument) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < tables.outcomesByApproach().size(); i++) {
            if (tables.outcomesByApproach().get(i).instrument().equals(instrument)) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** Index in outcomes_by_approach of a group on an instrument, or -1. */
    static int groupIndex(OutcomeTables tables, String approach, String instrument) {
        for (int i : rows(tables, instrument)) {
            if (tables.outcomesByApproach().get(i).approach().equals(approach)) {
                return i;
            }
        }
        return -1;
    }

    private static void count(SheetWriter s, int row, int column, Number value, String hidden, boolean light) {
        s.value(row, column, hidden != null ? hidden : value, Kind.COUNT, light);
    }

    /** The window's length for a heading: {@code " (12 months)"}. */
    static String windowLength(RunDescription run) {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(run.window().from()), YearMonth.from(run.window().to()))
                + 1;
        return " (" + months + (months == 1 ? " month)" : " months)");
    }

    private static String cutoffText(Instrument instrument) {
        if (!instrument.hasCutoff()) {
            return "";
        }
        return " (" + instrument.name() + (instrument.higherIsBetter() ? " \u2264 " : " \u2265 ")
                + ReportCharts.number(instrument.cutoff()) + ")";
    }
}
