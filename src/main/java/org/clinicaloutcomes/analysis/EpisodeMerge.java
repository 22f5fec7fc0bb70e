package org.clinicaloutcomes.analysis;

/**
 * How the values two analyses of disjoint sets of episodes collected for one group interleave
 * into the values one analysis of all those episodes would have collected (issue 19: a
 * partitioned analysis). Each side holds its values in the order its episodes were added, which
 * is increasing episode index ({@link CohortAnalysis#add}); merging by episode index, the left
 * side first on a tie, restores the order of a single pass over all episodes, so a statistic
 * computed from the merged values has the bits the single pass gives.
 */
final class EpisodeMerge {

    private EpisodeMerge() {
    }

    /**
     * The merged order of {@code left[0, leftSize)} and {@code right[0, rightSize)}, two
     * non-decreasing lists of episode indexes: entry {@code k} is {@code i ≥ 0} for the left
     * side's {@code i}-th value, or {@code ~j} (negative) for the right side's {@code j}-th.
     */
    static int[] order(int[] left, int leftSize, int[] right, int rightSize) {
        int[] order = new int[Math.addExact(leftSize, rightSize)];
        int i = 0;
        int j = 0;
        for (int k = 0; k < order.length; k++) {
            if (j == rightSize || (i < leftSize && left[i] <= right[j])) {
                order[k] = i++;
            } else {
                order[k] = ~j++;
            }
        }
        return order;
    }
}
