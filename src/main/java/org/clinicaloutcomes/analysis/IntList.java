package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.Arrays;

/** A growable array of ints, kept in insertion order: a group's counts without boxing. */
final class IntList implements Serializable {

    private int[] values = new int[4];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    int get(int k) {
        return values[k];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
