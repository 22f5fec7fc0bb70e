package org.clinicaloutcomes.report.chart;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.RunDescription;
import org.clinicaloutcomes.report.SmallNumbers;

/**
 * What every chart is drawn from, with the reading of it that the charts share: which rows of
 * {@code outcomesByApproach} belong to an instrument, which groups suppression leaves out, and the
 * window and suppression lines of the captions.
 */
public record ChartInput(OutcomeTables tables, RunDescription run) {

    List<String> approaches() {
        return run.approaches();
    }

    /** Indices in {@code outcomesByApproach} of an instrument's rows (approaches, then ALL). */
    List<Integer> rows(Instrument instrument) {
        List<Integer> indices = new ArrayList<>();
        for (int index = 0; index < tables.outcomesByApproach().size(); index++) {
            if (tables.outcomesByApproach().get(index).instrument().equals(instrument.key())) {
                indices.add(index);
            }
        }
        return indices;
    }

    /**
     * Whether a chart leaves out a group: its count cell is hidden by the tables' small-number
     * suppression, or suppression is on and the group has 1 to 10 episodes.
     */
    boolean hidden(String file, int row, String column, long n) {
        return SmallNumbers.suppressed(run.suppression(), n) || tables.suppressed().contains(file, row, column);
    }

    /** Whether the group of an approach (or ALL) on an instrument is left out. */
    boolean hiddenGroup(String group, Instrument instrument, long n) {
        for (int index : rows(instrument)) {
            if (tables.outcomesByApproach().get(index).approach().equals(group)) {
                return hidden(TableSchemas.OUTCOMES_BY_APPROACH.file(), index, "n_paired", n);
            }
        }
        return SmallNumbers.suppressed(run.suppression(), n);
    }

    /** The statement of the study design, one sentence, for the footnote of a chart comparing approaches. */
    String design() {
        return run.design().footnote();
    }

    /** A fixed text of the chart in the words for the run's data. */
    String words(String text) {
        return run.words(text);
    }

    String window() {
        return run.span();
    }

    /**
     * Who a chart's numbers are about, for its caption: {@code closedWords} (such as {@code
     * "Closed episodes with paired scores"}), {@code joiner} ({@code ", "} or {@code " "}),
     * {@code discharged 2024-01-01 to 2026-10-31}; in an
     * analysis by wave, which has no discharges, the same words for participants and {@code all
     * waves (1, 2, 3, 4)}.
     */
    String cohort(String closedWords, String joiner) {
        return run.byWave() ? words(closedWords) + ", " + window() : closedWords + joiner + "discharged " + window();
    }

    /** The caption line of a suppressed run, {@code null} (no line) otherwise. */
    String suppressionNote() {
        return run.suppression() ? words("Suppression is on: groups of 1\u201310 clients are left out.") : null;
    }
}
