package org.clinicaloutcomes.metrics.significance;

/**
 * What {@link HlmFit#fit} gives: the fitted model ({@link HlmFit}) or, when SIGNIFICANCE.md
 * section 3 or 8 leaves the model undefined for these data, {@link Undefined} with the reason
 * (section 11: the method's cells are left empty, one warning line names the reason, and the run
 * goes on). Invalid parameters are not an outcome: they throw {@link IllegalArgumentException}.
 */
public sealed interface HlmResult permits HlmFit, HlmResult.Undefined {

    /**
     * No model for these data.
     *
     * @param reason in plain words, for the warning line (for example "fewer than 2 ids with 3 or
     *               more scores")
     */
    record Undefined(String reason) implements HlmResult {
        public Undefined {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an undefined HLM fit needs a reason");
            }
        }
    }
}
