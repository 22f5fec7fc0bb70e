package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.Arrays;

/** A growable array of doubles, kept in insertion order: a group's values without boxing. */
final class DoubleList implements Serializable {

    private double[] values = new double[4];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    double get(int k) {
        return values[k];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
