package org.clinicaloutcomes.metrics.significance;

import java.util.Objects;

/**
 * The combined approach (SIGNIFICANCE.md, section 7): a change criterion's three-way category
 * (an RCI method of {@link ReliableChange}, HLM, or the anchor {@link AnchorChange}, the
 * package's "CWB") joined with a cut-off's ranges into five categories.
 * <pre>
 *   recovered    = change improved     and clinical_pre and functional_post
 *   improved     = change improved     and not recovered
 *   harmed       = change deteriorated and not clinical_pre and clinical_post
 *   deteriorated = change deteriorated and not harmed
 *   unchanged    = change unchanged
 * </pre>
 * The cut-off is Jacobson &amp; Truax's on observed scores ({@link Cutoff}), where
 * {@code clinical_post = not functional_post}, so harmed is "not clinical at pre and not
 * functional at post" as in R; with the method HA it is Hageman &amp; Arrindell's true-score
 * cut-off ({@link TrueScoreCutoff}), where {@code functional_post = clinical_pre and d × CS_indiv
 * > z1} and {@code clinical_post = not clinical_pre and d × CS_indiv < −z1} (the contract requires
 * that crossing for HA's harmed; R does not — section 9, row 5; both give 0 harmed in the
 * published HA results). {@link #rangeFor} picks the cut-off by the method.
 *
 * <p>"Deteriorated" takes in every reliable worsening that is not harmed, clinical → clinical and
 * functional → functional included (and, for HLL/GLN, in principle clinical → functional).
 *
 * <p>References: N. S. Jacobson &amp; P. Truax (1991), JCCP 59(1), 12–19; W. J. Hageman &amp;
 * W. A. Arrindell (1999), Behav. Res. Ther. 37(12), 1169–1193; B. B. Claus, J. Wager &amp;
 * U. Bonnet (2024), J. Stat. Softw. 111(1).
 *
 * @param range the cut-off's ranges
 */
public record CombinedApproach(ClinicalRange range) {

    public CombinedApproach {
        Objects.requireNonNull(range, "range");
    }

    /**
     * The cut-off the combined approach uses with {@code method}: HA's true-score cut-off for HA,
     * else Jacobson &amp; Truax's on observed scores.
     *
     * @throws IllegalArgumentException as {@link Cutoff#of} and {@link TrueScoreCutoff#of}
     */
    public static ClinicalRange rangeFor(RciMethod method, CutoffType type, PairedSample sample,
            Direction direction, double reliability, Double functionalMean, Double functionalSd) {
        return method == RciMethod.HA
                ? TrueScoreCutoff.of(type, sample, direction, reliability, functionalMean, functionalSd)
                : Cutoff.of(type, sample, direction, functionalMean, functionalSd);
    }

    /** The five-way category of a person whose change criterion gave {@code change}. */
    public CombinedCategory classify(Category change, double pre, double post) {
        return switch (Objects.requireNonNull(change, "change")) {
            case IMPROVED -> range.clinicalPre(pre) && range.functionalPost(pre, post)
                    ? CombinedCategory.RECOVERED : CombinedCategory.IMPROVED;
            case DETERIORATED -> !range.clinicalPre(pre) && range.clinicalPost(pre, post)
                    ? CombinedCategory.HARMED : CombinedCategory.DETERIORATED;
            case UNCHANGED -> CombinedCategory.UNCHANGED;
        };
    }

    /** The five-way category of every pair, in order. */
    public CombinedCategory[] classify(Category[] changes, double[] pre, double[] post) {
        ReliableChange.checkLengths(pre, post);
        if (changes.length != pre.length) {
            throw new IllegalArgumentException("changes and scores differ in length: " + changes.length
                    + " and " + pre.length);
        }
        CombinedCategory[] categories = new CombinedCategory[pre.length];
        for (int i = 0; i < pre.length; i++) {
            categories[i] = classify(changes[i], pre[i], post[i]);
        }
        return categories;
    }
}
