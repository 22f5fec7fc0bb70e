package org.clinicaloutcomes.metrics;

import java.io.Serializable;
import java.util.OptionalDouble;

/**
 * A questionnaire as configured in the instrument file (METRICS.md, "Instruments").
 *
 * @param key             lower-case key, also the score column of {@code sessions.csv}
 * @param name            display name, for example {@code PCL-5}
 * @param min             lowest valid score
 * @param max             highest valid score
 * @param higherIsBetter  {@code true} when a higher score means fewer symptoms
 * @param integer         {@code true} when only whole-number scores are valid
 * @param cutoff          caseness cut-off, or {@code null} when the instrument has none
 * @param reliableChange  reliable-change threshold in points (given, or derived with
 *                        {@link #jacobsonTruax(double, double)})
 */
public record Instrument(String key, String name, double min, double max, boolean higherIsBetter,
                         boolean integer, Double cutoff, double reliableChange) implements Serializable {

    /** The literal 1.96 of the Jacobson–Truax convention (Jacobson &amp; Truax 1991). */
    private static final double JT_Z = 1.96;

    /**
     * Jacobson–Truax reliable-change threshold {@code 1.96 × sd × sqrt(2 × (1 − reliability))}.
     */
    public static double jacobsonTruax(double sd, double reliability) {
        return JT_Z * sd * Math.sqrt(2.0 * (1.0 - reliability));
    }

    public boolean hasCutoff() {
        return cutoff != null;
    }

    public OptionalDouble cutoffValue() {
        return cutoff == null ? OptionalDouble.empty() : OptionalDouble.of(cutoff);
    }

    /** Whether a score lies in the clinical range (METRICS.md); false when there is no cut-off. */
    public boolean isClinical(double score) {
        if (cutoff == null) {
            return false;
        }
        return higherIsBetter ? score <= cutoff : score >= cutoff;
    }

    /** Improvement in points: positive when the client got better, whatever the direction. */
    public double reduction(double baseline, double last) {
        return higherIsBetter ? last - baseline : baseline - last;
    }

    public boolean inRange(double score) {
        return score >= min && score <= max;
    }
}
