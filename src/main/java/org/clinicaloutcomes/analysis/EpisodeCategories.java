package org.clinicaloutcomes.analysis;

import java.util.Arrays;
import java.util.List;

import org.clinicaloutcomes.metrics.significance.CombinedCategory;

/**
 * The {@code category_<method>} cells of {@code episode_outcomes.csv}: per instrument, per method
 * and per paired episode, the label its method gave (SIGNIFICANCE.md, section 11). A paired episode
 * is addressed by its position among the instrument's paired episodes in episode index order (the
 * order of {@link ClinicalSignificanceTable}'s pairs, and how {@link EpisodeOutcomesTable} finds a row's). One
 * byte per cell, so that a large research run keeps no object per episode for them.
 */
final class EpisodeCategories {

    /** The labels, by code − 1: the five-way labels, whose improved, unchanged and deteriorated are also the three-way ones. */
    private static final String[] LABELS = Arrays.stream(CombinedCategory.values()).map(CombinedCategory::label)
            .toArray(String[]::new);

    private final byte[][][] codes; // [instrument][method][position], 0 = not classified

    EpisodeCategories(int[] pairsPerInstrument, int methods) {
        codes = new byte[pairsPerInstrument.length][methods][];
        for (int i = 0; i < pairsPerInstrument.length; i++) {
            for (int m = 0; m < methods; m++) {
                codes[i][m] = new byte[pairsPerInstrument[i]];
            }
        }
    }

    /** Records the label of the episode at {@code position} on instrument {@code i} by method {@code m}. */
    void set(int i, int m, int position, String label) {
        int index = Arrays.asList(LABELS).indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("not a category: " + label);
        }
        codes[i][m][position] = (byte) (index + 1);
    }

    /** The labels per method of the episode at {@code position} on instrument {@code i} ({@code null}: not classified). */
    List<String> of(int i, int position) {
        String[] labels = new String[codes[i].length];
        for (int m = 0; m < labels.length; m++) {
            byte code = codes[i][m][position];
            labels[m] = code == 0 ? null : LABELS[code - 1];
        }
        return Arrays.asList(labels);
    }
}
