package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-number suppression of counts that are not in {@link OutcomeTables} (the data-quality
 * counts of the workbook: rows read, accepted, rejected, duplicates, rejects per reason), by the
 * same engine and rule as the tables ({@link SuppressionSolver}, METRICS.md "Small numbers and
 * suppression"): every count from 1 to 10 hidden as {@code <11}; where a total and its parts are
 * shown and only one of them is hidden, the next smallest is hidden too, as {@code >10}; and what
 * the audit finds pinned, hidden as well.
 *
 * <p>Use: {@link #count} each count, declare the identities ({@link #total}) and the counts
 * hidden with another ({@link #hiddenWith}), {@link #solve()}, then read {@link #text}.
 */
public final class CountSuppression {

    private final SuppressionSolver solver = new SuppressionSolver();

    /** A shown count; returns its handle. */
    public int count(long value) {
        return solver.hiddenQuantity(value);
    }

    /** The identity {@code total = Σ parts}, over handles. */
    public void total(int total, int... parts) {
        List<Integer> list = new ArrayList<>(parts.length);
        for (int part : parts) {
            list.add(part);
        }
        solver.sum(total, list);
    }

    /** {@code follower} is hidden (unless zero) whenever {@code leader} is. */
    public void hiddenWith(int leader, int follower) {
        solver.hiddenWith(leader, follower);
    }

    /** Decides which counts are hidden; once. */
    public void solve() {
        solver.solve();
    }

    /**
     * What to show instead of the count ({@code <11} or {@code >10}), or {@code null} when it is
     * shown; before {@link #solve()} the engine refuses ({@link IllegalStateException}).
     */
    public String text(int handle) {
        SuppressedCells.Kind kind = solver.kind(handle);
        return kind == null ? null : kind.text();
    }
}
