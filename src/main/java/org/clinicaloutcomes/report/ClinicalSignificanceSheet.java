package org.clinicaloutcomes.report;

import java.util.List;

import org.clinicaloutcomes.analysis.ClinicalSignificance;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;

/**
 * {@code Clinical significance} (research runs; SIGNIFICANCE.md, section 11): what the table is,
 * the rows of clinical_significance.csv, the chart of each instrument (one bar per method), what
 * distinguishes the methods the run asked for, in plain words, and the warning lines of the
 * methods an instrument could not run. Left out of a monthly workbook and of a run without
 * clinical-significance rows.
 */
final class ClinicalSignificanceSheet implements WorkbookSheet {

    static final String TITLE = "Clinical significance: the methods side by side";
    /**
     * What the table is, in lines short enough to print across the page (a note runs on past its
     * cell, and a printed page cuts it).
     */
    static final List<String> INTRODUCTION = List.of(
            "How many clients each method counts as improved, unchanged or deteriorated from their baseline to "
                    + "their final score.",
            "With the questionnaire's cut-off, the combined approach gives five categories: recovered, improved, "
                    + "unchanged, deteriorated, harmed.",
            "Recovered: improved and moved from the clinical into the functional range. Harmed: deteriorated and "
                    + "moved the other way.",
            "Statistics (means, SDs, reliability, cut-off, the HLM fit) are pooled over all approaches; the counts "
                    + "are per approach and ALL.");
    static final String EMPTY_CELLS = "Empty cells: the method is not defined for these data (a warning below says "
            + "why), or it has no five categories.";
    static final String METHODS_SECTION = "What distinguishes the methods";
    static final String CRITICAL_VALUES = "The reliable-change methods and HLM count a change beyond z = 1.96 "
            + "(two-sided); HA beyond z = 1.645 (one-sided).";
    /** How the five-way categories are cut. */
    static final String CUTOFFS = "The five categories use the Cut-off column: Jacobson & Truax's (type a, b or c) "
            + "on observed scores; HA's on true scores; HLM's from its first scores.";
    static final String WARNINGS_SECTION = "Methods left out or not defined";

    @Override
    public String name() {
        return OutcomesWorkbook.CLINICAL_SIGNIFICANCE;
    }

    @Override
    public boolean researchOnly() {
        return true;
    }

    @Override
    public boolean present(WorkbookContent content) {
        return !content.run().monthly() && !content.tables().clinicalSignificance().isEmpty();
    }

    @Override
    public void write(SheetWriter s, WorkbookContent c) {
        s.styled(0, 0, TITLE, c.styles().title, false);
        int row = 1;
        for (String line : INTRODUCTION) {
            s.styled(row++, 0, c.run().words(line), c.styles().subtitle, false);
        }
        int top = row + 1;
        SheetTable<OutcomeTables.SignificanceRow> table = SheetTable.of(TableSchemas.CLINICAL_SIGNIFICANCE,
                        c.tables().clinicalSignificance())
                .shown("instrument", r -> c.instrumentName(r.instrument()))
                // Three decimals, as the plain words below write them (1.960, 1.645); the CSV has every digit.
                .shown("critical_value", r -> r.criticalValue() == null ? null
                        : String.format(java.util.Locale.ROOT, "%.3f", r.criticalValue()))
                // A row without counts (the method undefined here) is not a small group.
                .smallGroupsBy(r -> r.n() == null ? Integer.MAX_VALUE : r.n())
                .main(3);
        row = table.write(s, c, top);
        row = s.note(row, c.run().words(EMPTY_CELLS));
        row = SheetCharts.besideTable(s, c.chartsOf(name()), top, row, table.width(), 1);

        ClinicalSignificance results = c.tables().significance();
        row += 1;
        row = s.section(row, METHODS_SECTION);
        for (SignificanceMethod method : results.methods()) {
            row = s.note(row, c.run().words(describe(method)));
        }
        if (results.methods().stream().anyMatch(m -> m.rci() != null || m == SignificanceMethod.HLM)) {
            row = s.note(row, CRITICAL_VALUES);
        }
        if (results.methods().stream().anyMatch(SignificanceMethod::hasCombinedApproach)) {
            row = s.note(row, CUTOFFS);
        }
        List<String> warnings = results.warnings();
        if (!warnings.isEmpty()) {
            row += 1;
            row = s.section(row, WARNINGS_SECTION);
            int shown = Math.min(warnings.size(), OutcomesWorkbook.MAX_LISTED_ITEMS);
            for (int i = 0; i < shown; i++) {
                row = s.note(row, warnings.get(i));
            }
            if (warnings.size() > shown) {
                s.note(row, OutcomesWorkbook.andMore(warnings.size() - shown));
            }
        }
    }

    /**
     * What distinguishes a method, in plain words (SIGNIFICANCE.md, sections 2 to 5), one line
     * short enough to print.
     */
    static String describe(SignificanceMethod method) {
        return switch (method) {
            case JT -> "JT (Jacobson & Truax): the change against the measurement error of a difference of two "
                    + "scores, from the baseline SD and the reliability.";
            case GLN -> "GLN (Gulliksen, Lord & Novick): corrects for regression to the mean: the final score "
                    + "against the one expected from the baseline score.";
            case HLL -> "HLL (Hsu, Linn & Lord): regression to the mean and the change of the mean: improving less "
                    + "than average can count as deteriorated.";
            case EN -> "EN (Edwards & Nunnally): a true-score estimate of the baseline score, and a confidence "
                    + "interval around it that the final score must leave.";
            case NK -> "NK (Nunnally & Kotsch): as EN, with the reliabilities at baseline and at the final score "
                    + "(reliability_post, else the same).";
            case HA -> "HA (Hageman & Arrindell): true scores and a one-sided criterion, z = 1.645; its five "
                    + "categories use a true-score cut-off of its own.";
            case HLM -> "HLM: each person's slope over every score (3 or more) against the average slope: "
                    + "\"improved\" means improving more than the average person.";
            case PERCENTAGE -> "percentage: the change as a share of the baseline score against pct_improvement and "
                    + "pct_deterioration, inclusive; three categories only.";
            case ANCHOR -> "anchor: the change in points against the minimal important difference (mid_improvement "
                    + "and mid_deterioration), inclusive.";
        };
    }
}
