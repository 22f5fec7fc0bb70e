package org.clinicaloutcomes.analysis;

import java.util.Arrays;

/**
 * A group's values, each with the index of the episode it came from, in the order they were
 * added (increasing episode index), without boxing; two of them over disjoint episodes merge into
 * the values of one pass over all episodes ({@link EpisodeMerge}). Not thread-safe.
 */
final class IndexedDoubles {

    private int[] episodes = new int[4];
    private double[] values = new double[4];
    private int size;

    void add(int episode, double value) {
        if (size == values.length) {
            episodes = Arrays.copyOf(episodes, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        episodes[size] = episode;
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** The values, in episode order. */
    double[] values() {
        return Arrays.copyOf(values, size);
    }

    /** Takes {@code other}'s values (of other episodes) in, in episode order. */
    void merge(IndexedDoubles other) {
        int[] order = EpisodeMerge.order(episodes, size, other.episodes, other.size);
        int[] mergedEpisodes = new int[Math.max(4, order.length)];
        double[] mergedValues = new double[mergedEpisodes.length];
        for (int k = 0; k < order.length; k++) {
            int from = order[k];
            mergedEpisodes[k] = from >= 0 ? episodes[from] : other.episodes[~from];
            mergedValues[k] = from >= 0 ? values[from] : other.values[~from];
        }
        episodes = mergedEpisodes;
        values = mergedValues;
        size = order.length;
    }
}
