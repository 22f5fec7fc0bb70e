package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's values, each with the index of the episode it came from, in the order they were
 * added (increasing episode index); two of them over disjoint episodes merge into the values of
 * one pass over all episodes ({@link EpisodeMerge}). Not thread-safe.
 *
 * @param <T> the values
 */
final class IndexedValues<T> implements Serializable {

    private int[] episodes = new int[4];
    private List<T> values = new ArrayList<>();

    void add(int episode, T value) {
        int size = values.size();
        if (size == episodes.length) {
            episodes = java.util.Arrays.copyOf(episodes, size * 2);
        }
        episodes[size] = episode;
        values.add(value);
    }

    int size() {
        return values.size();
    }

    /** The values, in episode order (a view: do not change it). */
    List<T> values() {
        return values;
    }

    /** Takes {@code other}'s values (of other episodes) in, in episode order. */
    void merge(IndexedValues<T> other) {
        int[] order = EpisodeMerge.order(episodes, values.size(), other.episodes, other.values.size());
        int[] mergedEpisodes = new int[Math.max(4, order.length)];
        List<T> mergedValues = new ArrayList<>(order.length);
        for (int k = 0; k < order.length; k++) {
            int from = order[k];
            mergedEpisodes[k] = from >= 0 ? episodes[from] : other.episodes[~from];
            mergedValues.add(from >= 0 ? values.get(from) : other.values.get(~from));
        }
        episodes = mergedEpisodes;
        values = mergedValues;
    }
}
