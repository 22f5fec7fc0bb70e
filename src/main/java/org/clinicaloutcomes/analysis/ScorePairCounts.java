package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import org.clinicaloutcomes.metrics.Instrument;

/**
 * Counts per pair of scores of one instrument and per class (a small number of classes), for
 * the expected-recovery check: how many reference episodes have a given (baseline, 3rd score)
 * and outcome. Whole-number instruments with a small range count in a dense array (a lookup is
 * an index; the sessions of ten million episodes pass through here); others in a hash map whose
 * key mixes both scores' bits. The counts are exact and do not depend on the order of adding.
 */
abstract class ScorePairCounts {

    /** The largest dense array, in cells (pairs × classes). */
    private static final int MAX_DENSE_CELLS = 1 << 20;

    /** A visitor of the pairs that were counted. */
    @FunctionalInterface
    interface PairVisitor {
        void visit(double x, double y, long[] countsByClass);
    }

    /** The counts for pairs of scores of {@code instrument} in {@code classes} classes. */
    static ScorePairCounts of(Instrument instrument, int classes) {
        double range = instrument.max() - instrument.min() + 1;
        boolean dense = instrument.integer() && instrument.min() == Math.rint(instrument.min())
                && range * range * classes <= MAX_DENSE_CELLS;
        return dense ? new Dense((int) instrument.min(), (int) range, classes) : new Sparse(classes);
    }

    /** Counts one pair in class {@code c}. */
    final void add(double x, double y, int c) {
        add(x, y, c, 1);
    }

    /** Counts {@code count} pairs in class {@code c}. */
    abstract void add(double x, double y, int c, long count);

    /** Adds the counts of {@code other} (of the same instrument and classes). */
    final void merge(ScorePairCounts other) {
        other.forEach((x, y, byClass) -> {
            for (int c = 0; c < byClass.length; c++) {
                if (byClass[c] != 0) {
                    add(x, y, c, byClass[c]);
                }
            }
        });
    }

    /** Visits every pair with a count, in no particular order. */
    abstract void forEach(PairVisitor visitor);

    private static final class Dense extends ScorePairCounts implements Serializable {
        private final int min;
        private final int size;
        private final int classes;
        private final long[] counts;

        Dense(int min, int size, int classes) {
            this.min = min;
            this.size = size;
            this.classes = classes;
            this.counts = new long[size * size * classes];
        }

        @Override
        void add(double x, double y, int c, long count) {
            // Accepted scores are whole numbers in [min, max] (DATA.md), so the index is exact.
            counts[(((int) x - min) * size + ((int) y - min)) * classes + c] += count;
        }

        @Override
        void forEach(PairVisitor visitor) {
            long[] byClass = new long[classes];
            for (int p = 0; p < size * size; p++) {
                boolean any = false;
                for (int c = 0; c < classes; c++) {
                    byClass[c] = counts[p * classes + c];
                    any |= byClass[c] != 0;
                }
                if (any) {
                    visitor.visit(min + p / size, min + p % size, byClass.clone());
                }
            }
        }
    }

    private static final class Sparse extends ScorePairCounts implements Serializable {
        /** A pair of scores whose hash mixes both (a record's hash of whole doubles collides). */
        private record Pair(double x, double y) implements Serializable {
            @Override
            public int hashCode() {
                long h = Double.doubleToLongBits(x) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(y);
                h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
                return (int) (h ^ (h >>> 32));
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Pair p && Double.compare(x, p.x) == 0 && Double.compare(y, p.y) == 0;
            }
        }

        private final int classes;
        private final Map<Pair, long[]> counts = new HashMap<>();

        Sparse(int classes) {
            this.classes = classes;
        }

        @Override
        void add(double x, double y, int c, long count) {
            counts.computeIfAbsent(new Pair(x, y), p -> new long[classes])[c] += count;
        }

        @Override
        void forEach(PairVisitor visitor) {
            counts.forEach((pair, byClass) -> visitor.visit(pair.x(), pair.y(), byClass));
        }
    }
}
