package org.clinicaloutcomes.metrics.significance;

/**
 * A method that puts each person, from the scores at the two chosen occasions, in one of the
 * three categories of section 0 (SIGNIFICANCE.md): the reliable-change methods, percentage
 * change, the anchor and the cut-offs alone.
 */
public interface IndividualMethod {

    /** The person's category from the scores {@code pre} and {@code post}. */
    Category classify(double pre, double post);

    /** The category of every pair, in order. */
    default Category[] classify(double[] pre, double[] post) {
        ReliableChange.checkLengths(pre, post);
        Category[] categories = new Category[pre.length];
        for (int i = 0; i < pre.length; i++) {
            categories[i] = classify(pre[i], post[i]);
        }
        return categories;
    }
}
