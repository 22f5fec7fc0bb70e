package org.clinicaloutcomes.metrics.significance;

/**
 * Where a person stands against a cut-off at pre and at post: the range part of the combined
 * approach (SIGNIFICANCE.md, section 7). {@link Cutoff} compares the observed scores (6.2);
 * {@link TrueScoreCutoff} uses Hageman &amp; Arrindell's {@code CS_indiv} at post (6.3).
 */
public sealed interface ClinicalRange extends IndividualMethod permits Cutoff, TrueScoreCutoff {

    /** The cut-off value used. */
    double value();

    /** The pre score is in the clinical range: {@code d × pre < d × cutoff} (strict). */
    boolean clinicalPre(double pre);

    /** The person is in the functional range at post. */
    boolean functionalPost(double pre, double post);

    /** The person is in the clinical range at post, the condition of "harmed" with reliable worsening. */
    boolean clinicalPost(double pre, double post);

    /** The three-way category of the cut-off alone (sections 6.2 and 6.3). */
    @Override
    Category classify(double pre, double post);
}
