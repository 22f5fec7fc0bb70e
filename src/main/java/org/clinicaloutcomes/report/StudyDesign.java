package org.clinicaloutcomes.report;

/**
 * What the reports say about how participants came to their approach: the one statement of the
 * study design, in every place it is written (the About sheet's explanation, the notes of the
 * Summary and By approach sheets, the footnote of the charts that compare approaches). Without
 * randomisation (every monthly run, and a research run unless its job file says {@code
 * randomised=true}) the reports warn that differences between approaches are associations; with
 * it they say that the job file states randomisation (wording only: no metric changes).
 *
 * @param randomised   whether the job file states that participants were randomised
 * @param practiceData whether the data are the practice's own (then the words are the
 *                     practice's: clients, index events), see {@link RunDescription#practiceData()}
 */
public record StudyDesign(boolean randomised, boolean practiceData) {

    private static final String NOT_RANDOMISED_EXPLANATION = "Clients were not randomly assigned to approaches. "
            + "The approaches may treat different clients (for example more severe symptoms, or a different kind of "
            + "medical event), so differences between approaches are associations, not causal effects of the "
            + "approach.";
    private static final String NOT_RANDOMISED_EXPLANATION_NEUTRAL = "Participants were not randomly assigned to "
            + "approaches. The approaches may treat different participants (for example more severe symptoms), so "
            + "differences between approaches are associations, not causal effects of the approach.";
    private static final String NOT_RANDOMISED_SENTENCE =
            "Clients were not randomised to approaches: differences are associations, not effects of the approach.";
    private static final String NOT_RANDOMISED_SHORT =
            "Clients were not randomised: differences are associations, not causal effects.";

    /** The term of the About sheet's line: {@code Not randomised} or {@code Randomised}. */
    public String term() {
        return randomised ? "Randomised" : "Not randomised";
    }

    /** The About sheet's explanation, two or three sentences. */
    public String explanation() {
        if (randomised) {
            return subject() + " were randomly assigned to the approaches, as the job file states. Differences "
                    + "between approaches then estimate the effect of the approach in this study; chance, dropout "
                    + "and missing scores can still make groups differ, so read them with their confidence intervals.";
        }
        return practiceData ? NOT_RANDOMISED_EXPLANATION : NOT_RANDOMISED_EXPLANATION_NEUTRAL;
    }

    /**
     * The footnote of the charts that compare approaches, one line of a caption: the Summary's
     * sentence without randomisation, else the shorter one (the randomised sentence would take two lines).
     */
    public String footnote() {
        return randomised ? shortSentence() : sentence();
    }

    /** One sentence, for the Summary's notes. */
    public String sentence() {
        if (randomised) {
            return subject() + " were randomised to the approaches (as the job file states): differences between "
                    + "approaches estimate the effect of the approach in this study.";
        }
        return Wording.of(practiceData).apply(NOT_RANDOMISED_SENTENCE);
    }

    /** The shorter sentence that ends a heading (the By approach sheet's comparison of approaches). */
    public String shortSentence() {
        if (randomised) {
            return subject() + " were randomised (as the job file states): differences estimate effects of the "
                    + "approach.";
        }
        return Wording.of(practiceData).apply(NOT_RANDOMISED_SHORT);
    }

    private String subject() {
        return practiceData ? "Clients" : "Participants";
    }
}
