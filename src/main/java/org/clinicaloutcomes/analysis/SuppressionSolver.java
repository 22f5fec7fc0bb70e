package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.clinicaloutcomes.metrics.SmallNumberRule;

/**
 * Cell suppression over a set of counts linked by additive identities: the engine behind
 * {@link SmallNumberSuppression}, independent of the tables.
 *
 * <p>A <em>quantity</em> is one count (a number of episodes, clients or sessions) shown in zero
 * or more cells ({@link #cell}); a quantity shown in no cell ({@link #hiddenQuantity}) is one that
 * a statistic reveals (such as the number of dropouts behind a dropout rate). Quantities known to
 * be the same count are merged ({@link #same}). A constraint {@code total = Σ parts}
 * ({@link #sum}) is an identity a reader can use to recover a hidden count.
 *
 * <p>{@link #solve()}:
 * <ol>
 *   <li><b>Primary suppression</b>: every quantity from 1 to {@link SmallNumberRule#MAX_SMALL}
 *       is hidden ({@link SuppressedCells.Kind#SMALL}).</li>
 *   <li><b>Complementary suppression</b>, repeated until stable: a constraint with exactly one
 *       hidden quantity (a part or the total) would give it away by subtraction, so the smallest
 *       shown non-zero part is hidden too (the total when no part qualifies); shown quantities are
 *       0 or above 10 at that point, so the newly hidden one is above 10
 *       ({@link SuppressedCells.Kind#COMPLEMENTARY}). A quantity declared {@linkplain #hiddenWith
 *       hidden with} another is hidden as soon as that one is.</li>
 *   <li><b>Audit</b>: a reader knows that a {@code <11} cell is 1–10 and a {@code >10} cell at
 *       least 11. Interval propagation over all constraints (bounds of every hidden quantity
 *       tightened from each constraint in turn until stable) finds a hidden quantity whose value
 *       is nevertheless pinned (for example two {@code <11} cells adding up to 20 must both be
 *       10); then one more cell of a constraint that pins it is hidden, and the steps repeat.</li>
 * </ol>
 * Zero is never hidden. A constraint that the values do not satisfy (inconsistent input) and a
 * merge of unequal values are ignored: they are not identities a reader could use. The audit is
 * interval propagation, not a full linear-programming audit: it finds every disclosure through
 * one constraint and many through chains of constraints. Deterministic: quantities and
 * constraints are processed in the order they were added.
 */
final class SuppressionSolver {

    private static final int MAX_SMALL = SmallNumberRule.MAX_SMALL;
    private static final int AUDIT_ROUNDS = 200;

    private long[] values = new long[64];
    private int[] parent = new int[64];
    private int size;
    private final Map<Integer, List<SuppressedCells.Cell>> positions = new LinkedHashMap<>();
    private final List<int[]> sums = new ArrayList<>(); // [total, part...]
    private final BitSet firstToHide = new BitSet();
    private final List<int[]> hiddenWith = new ArrayList<>(); // [leader, follower]

    // Set by solve(), indexed by root.
    private SuppressedCells.Kind[] kinds;
    private final BitSet firstToHideRoots = new BitSet();
    private boolean solved;

    /** A quantity shown in no cell. */
    int hiddenQuantity(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + value);
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            parent = Arrays.copyOf(parent, size * 2);
        }
        values[size] = value;
        parent[size] = size;
        return size++;
    }

    /** A quantity shown in one cell; {@code -1} (no quantity) for a count that does not apply. */
    int cell(Number value, String file, int row, String column) {
        if (value == null) {
            return -1;
        }
        int q = hiddenQuantity(value.longValue());
        positions.computeIfAbsent(q, k -> new ArrayList<>()).add(new SuppressedCells.Cell(file, row, column));
        return q;
    }

    /** Merges two quantities that are the same count (ignored when either is -1 or they differ). */
    void same(int a, int b) {
        checkOpen();
        if (a < 0 || b < 0) {
            return;
        }
        int ra = find(a);
        int rb = find(b);
        if (ra == rb || values[ra] != values[rb]) {
            return;
        }
        int root = Math.min(ra, rb);
        int other = Math.max(ra, rb);
        parent[other] = root;
    }

    /**
     * Marks a quantity to be hidden before any other when a constraint needs a complementary
     * cell, whatever its size: a secondary count whose hiding costs the reader little, so that a
     * headline count of the same constraint stays shown (ignored for -1).
     */
    void hideFirstAsComplement(int q) {
        checkOpen();
        if (q >= 0) {
            firstToHide.set(q);
        }
    }

    /**
     * Hides {@code follower} (when not zero) whenever {@code leader} is hidden: for a count that a
     * table shows as made of the leader, such as the workbook's no-reliable-change count made of
     * n_paired, RI and RD, or a reason count under a hidden count of rejected rows (ignored for -1).
     */
    void hiddenWith(int leader, int follower) {
        checkOpen();
        if (leader >= 0 && follower >= 0) {
            hiddenWith.add(new int[] {leader, follower});
        }
    }

    /** The identity {@code total = Σ parts} (ignored when a quantity is -1). */
    void sum(int total, List<Integer> parts) {
        checkOpen();
        int[] constraint = new int[parts.size() + 1];
        constraint[0] = total;
        for (int i = 0; i < parts.size(); i++) {
            constraint[i + 1] = Objects.requireNonNull(parts.get(i));
        }
        for (int q : constraint) {
            if (q < 0) {
                return;
            }
        }
        sums.add(constraint);
    }

    /** Whether the quantity is hidden; {@code false} for -1 (a count that does not apply). */
    boolean hidden(int q) {
        return kind(q) != null;
    }

    /** Why the quantity is hidden, or {@code null} when shown. */
    SuppressedCells.Kind kind(int q) {
        if (!solved) {
            throw new IllegalStateException("solve() first");
        }
        return q < 0 ? null : kinds[find(q)];
    }

    long value(int q) {
        return values[find(q)];
    }

    /** Every cell of every hidden quantity. */
    Map<SuppressedCells.Cell, SuppressedCells.Kind> hiddenCells() {
        Map<SuppressedCells.Cell, SuppressedCells.Kind> cells = new LinkedHashMap<>();
        positions.forEach((q, list) -> {
            SuppressedCells.Kind kind = kind(q);
            if (kind != null) {
                list.forEach(cell -> cells.put(cell, kind));
            }
        });
        return cells;
    }

    private int find(int q) {
        while (parent[q] != q) {
            parent[q] = parent[parent[q]];
            q = parent[q];
        }
        return q;
    }

    private void checkOpen() {
        if (solved) {
            throw new IllegalStateException("already solved");
        }
    }

    // ---------------------------------------------------------------- solving

    /** A constraint over roots: {@code Σ coefficient × value = 0}, the total's coefficient negative. */
    private record Constraint(int[] roots, long[] coefficients, int total) {
    }

    void solve() {
        checkOpen();
        solved = true;
        kinds = new SuppressedCells.Kind[size];
        for (int q = 0; q < size; q++) {
            if (find(q) == q && values[q] >= 1 && values[q] <= MAX_SMALL) {
                kinds[q] = SuppressedCells.Kind.SMALL;
            }
        }
        firstToHide.stream().forEach(q -> firstToHideRoots.set(find(q)));
        List<Constraint> constraints = resolve();
        List<List<Constraint>> byRoot = new ArrayList<>(size);
        for (int q = 0; q < size; q++) {
            byRoot.add(new ArrayList<>());
        }
        for (Constraint c : constraints) {
            for (int root : c.roots()) {
                byRoot.get(root).add(c);
            }
        }

        boolean[] unfixable = new boolean[size];
        while (true) {
            complementary(constraints);
            double[][] bounds = audit(constraints);
            boolean fixed = false;
            for (int q = 0; q < size && !fixed; q++) {
                if (kinds[q] != null && !unfixable[q] && bounds[0][q] >= bounds[1][q]) {
                    fixed = fix(q, byRoot.get(q), bounds);
                    unfixable[q] = !fixed;
                }
            }
            if (!fixed) {
                return;
            }
        }
    }

    /** The constraints over roots, without zero coefficients, and only those the values satisfy. */
    private List<Constraint> resolve() {
        List<Constraint> constraints = new ArrayList<>();
        for (int[] sum : sums) {
            LinkedHashMap<Integer, Long> coefficients = new LinkedHashMap<>();
            int total = find(sum[0]);
            coefficients.merge(total, -1L, Long::sum);
            for (int i = 1; i < sum.length; i++) {
                coefficients.merge(find(sum[i]), 1L, Long::sum);
            }
            coefficients.values().removeIf(c -> c == 0);
            if (coefficients.size() < 2) {
                continue;
            }
            long check = 0;
            int[] roots = new int[coefficients.size()];
            long[] coefs = new long[coefficients.size()];
            int i = 0;
            for (Map.Entry<Integer, Long> e : coefficients.entrySet()) {
                roots[i] = e.getKey();
                coefs[i] = e.getValue();
                check += coefs[i] * values[roots[i]];
                i++;
            }
            if (check == 0) {
                constraints.add(new Constraint(roots, coefs, coefficients.containsKey(total) ? total : -1));
            }
        }
        return constraints;
    }

    /**
     * Step 2: no constraint with exactly one hidden quantity, and no shown follower of a hidden
     * leader ({@link #hiddenWith}), repeated until stable.
     */
    private void complementary(List<Constraint> constraints) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] pair : hiddenWith) {
                int follower = find(pair[1]);
                if (kinds[find(pair[0])] != null && kinds[follower] == null && values[follower] > 0) {
                    hide(follower);
                    changed = true;
                }
            }
            for (Constraint c : constraints) {
                int hidden = 0;
                for (int root : c.roots()) {
                    hidden += kinds[root] != null ? 1 : 0;
                }
                if (hidden == 1) {
                    int candidate = candidate(c);
                    if (candidate >= 0) {
                        hide(candidate);
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * The smallest shown non-zero part of the constraint (one {@linkplain #hideFirstAsComplement
     * marked to be hidden first} before any other), else its total if shown and non-zero; -1 if none.
     */
    private int candidate(Constraint c) {
        int best = -1;
        for (int root : c.roots()) {
            if (root == c.total() || kinds[root] != null || values[root] == 0) {
                continue;
            }
            if (best < 0 || hiddenBefore(root, best)) {
                best = root;
            }
        }
        if (best < 0 && c.total() >= 0 && kinds[c.total()] == null && values[c.total()] > 0) {
            best = c.total();
        }
        return best;
    }

    private boolean hiddenBefore(int root, int other) {
        boolean first = firstToHideRoots.get(root);
        if (first != firstToHideRoots.get(other)) {
            return first;
        }
        return values[root] < values[other];
    }

    private void hide(int root) {
        kinds[root] = values[root] <= MAX_SMALL ? SuppressedCells.Kind.SMALL : SuppressedCells.Kind.COMPLEMENTARY;
    }

    /**
     * Step 3: what a reader can infer. Bounds {@code [low, high]} per root: the value when shown,
     * 1–10 for {@code <11}, 11 and up for {@code >10}, tightened by interval propagation.
     */
    private double[][] audit(List<Constraint> constraints) {
        double[] low = new double[size];
        double[] high = new double[size];
        for (int q = 0; q < size; q++) {
            if (kinds[q] == null) {
                low[q] = values[q];
                high[q] = values[q];
            } else if (kinds[q] == SuppressedCells.Kind.SMALL) {
                low[q] = 1;
                high[q] = MAX_SMALL;
            } else {
                low[q] = MAX_SMALL + 1;
                high[q] = Double.POSITIVE_INFINITY;
            }
        }
        for (int round = 0; round < AUDIT_ROUNDS; round++) {
            boolean changed = false;
            for (Constraint c : constraints) {
                Sums sums = new Sums(c, low, high);
                for (int j = 0; j < c.roots().length; j++) {
                    int root = c.roots()[j];
                    if (kinds[root] == null) {
                        continue;
                    }
                    double[] implied = sums.implied(j);
                    if (implied[0] > low[root]) {
                        low[root] = implied[0];
                        changed = true;
                    }
                    if (implied[1] < high[root]) {
                        high[root] = implied[1];
                        changed = true;
                    }
                    // The sums keep this pass's earlier bounds: looser, so still sound; the next
                    // round uses the tighter ones.
                }
            }
            if (!changed) {
                break;
            }
        }
        return new double[][] {low, high};
    }

    /**
     * The range of {@code Σ coefficient × value} over a constraint's quantities given their
     * bounds, kept as finite sums plus counts of infinite terms so that the range without one
     * quantity is found in constant time.
     */
    private static final class Sums {
        private final Constraint c;
        private final double[] low;
        private final double[] high;
        private double finiteLow;
        private int infiniteLow;  // terms whose lowest value is -infinity
        private double finiteHigh;
        private int infiniteHigh; // terms whose highest value is +infinity

        Sums(Constraint c, double[] low, double[] high) {
            this.c = c;
            this.low = low;
            this.high = high;
            for (int k = 0; k < c.roots().length; k++) {
                double[] term = term(k);
                if (Double.isInfinite(term[0])) {
                    infiniteLow++;
                } else {
                    finiteLow += term[0];
                }
                if (Double.isInfinite(term[1])) {
                    infiniteHigh++;
                } else {
                    finiteHigh += term[1];
                }
            }
        }

        /** The range of {@code coefficient × value} of the k-th quantity. */
        private double[] term(int k) {
            int root = c.roots()[k];
            double coefficient = c.coefficients()[k];
            return coefficient > 0
                    ? new double[] {coefficient * low[root], coefficient * high[root]}
                    : new double[] {coefficient * high[root], coefficient * low[root]};
        }

        /** The interval of the j-th quantity implied by the bounds of the others (integers). */
        double[] implied(int j) {
            double[] own = term(j);
            double restLow = Double.isInfinite(own[0])
                    ? (infiniteLow > 1 ? Double.NEGATIVE_INFINITY : finiteLow)
                    : (infiniteLow > 0 ? Double.NEGATIVE_INFINITY : finiteLow - own[0]);
            double restHigh = Double.isInfinite(own[1])
                    ? (infiniteHigh > 1 ? Double.POSITIVE_INFINITY : finiteHigh)
                    : (infiniteHigh > 0 ? Double.POSITIVE_INFINITY : finiteHigh - own[1]);
            // coefficient_j × x_j = −rest
            double coefficient = c.coefficients()[j];
            double a = -restHigh / coefficient;
            double b = -restLow / coefficient;
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            return new double[] {Double.isInfinite(lo) ? lo : Math.ceil(lo - 1e-9),
                    Double.isInfinite(hi) ? hi : Math.floor(hi + 1e-9)};
        }
    }

    /** Hides one more quantity so that {@code q} is no longer pinned: in a constraint that pins it alone if any. */
    private boolean fix(int q, List<Constraint> constraints, double[][] bounds) {
        for (Constraint c : constraints) {
            double[] implied = new Sums(c, bounds[0], bounds[1]).implied(indexOf(c, q));
            if (implied[0] >= implied[1]) {
                int candidate = candidate(c);
                if (candidate >= 0) {
                    hide(candidate);
                    return true;
                }
            }
        }
        for (Constraint c : constraints) {
            int candidate = candidate(c);
            if (candidate >= 0) {
                hide(candidate);
                return true;
            }
        }
        return false;
    }

    private static int indexOf(Constraint c, int root) {
        for (int j = 0; j < c.roots().length; j++) {
            if (c.roots()[j] == root) {
                return j;
            }
        }
        throw new IllegalStateException("root not in constraint");
    }
}
