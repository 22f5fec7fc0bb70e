package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The waves of a researcher's export and the analysis by wave (RESEARCH.md, "What a wave-based
 * analysis computes"): a session's day is its wave's position in {@code labels}; baseline is the
 * score at {@code baseline} (default: the first wave with a score), final the score at
 * {@code finalWave} (default: the last wave with a score after the baseline's).
 *
 * @param labels    the wave labels in time order, as the job file writes them
 * @param baseline  the position of {@code baseline.wave}, or {@link #FIRST_SCORED}
 * @param finalWave the position of {@code final.wave}, or {@link #LAST_SCORED}
 */
public record WaveDesign(List<String> labels, int baseline, int finalWave) implements Serializable {

    public static final int FIRST_SCORED = -1;
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    public static final int LAST_SCORED = -1;

    public WaveDesign {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no waves");
        }
        if (baseline < FIRST_SCORED || baseline >= labels.size() || finalWave < LAST_SCORED
                || finalWave >= labels.size()) {
            throw new IllegalArgumentException("baseline or final wave not among the waves");
        }
        if (baseline >= 0 && finalWave >= 0 && finalWave <= baseline) {
            throw new IllegalArgumentException("the final wave must come after the baseline wave");
        }
    }

    /** The design of these labels with optional baseline and final labels (null: the defaults). */
    public static WaveDesign of(List<String> labels, String baselineLabel, String finalLabel) {
        return new WaveDesign(labels, baselineLabel == null ? FIRST_SCORED : labels.indexOf(baselineLabel),
                finalLabel == null ? LAST_SCORED : labels.indexOf(finalLabel));
    }

    public int count() {
        return labels.size();
    }

    /** The label of the wave at {@code position}. */
    public String label(int position) {
        return labels.get(position);
    }

    /**
     * The time of each wave for a model over the waves (SIGNIFICANCE.md, section 11: HLM): its label
     * as a number where every label is one, else its position from 1.
     */
    public double[] times() {
        double[] times = new double[labels.size()];
        boolean numeric = labels.stream().allMatch(label -> NUMBER.matcher(label.strip()).matches());
        for (int k = 0; k < times.length; k++) {
            times[k] = numeric ? Double.parseDouble(labels.get(k).strip()) : k + 1;
        }
        return times;
    }
}
