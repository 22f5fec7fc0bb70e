package org.clinicaloutcomes.analysis;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.clinicaloutcomes.metrics.SmallNumberRule;

/**
 * The count cells of an {@link OutcomeTables} that a writer must not print as numbers, because
 * small-number suppression is on ({@link SmallNumberSuppression}, METRICS.md "Small numbers and
 * suppression"). Many counts are primitive {@code int}s in the row records and keep their true
 * value there: every writer (CSV, workbook, charts) must look a count cell up here and print
 * {@link #text(String, int, String)} instead of the number when it is registered.
 *
 * <p>A cell is named by its table's schema ({@link TableSchemas}): the table's
 * {@link TableSchema#file()} (the CSV file that shows it, such as {@code outcomes_by_approach.csv},
 * or the name of a table only the workbook shows: {@link TableSchemas#WINDOW_ACTIVITY}), its row index in that table's row list of
 * {@link OutcomeTables} (0 = the first data row, the header not counted) and a column name of
 * that schema. Two kinds:
 * <ul>
 *   <li>{@link Kind#SMALL}: the count is from 1 to 10; printed {@code <11}.</li>
 *   <li>{@link Kind#COMPLEMENTARY}: the count is above 10 but hidden so that a small count
 *       cannot be recovered from a total and the other cells (complementary suppression);
 *       printed {@code >10}, which is true, rather than {@code <11}, which would not be.</li>
 * </ul>
 * Zero counts are never registered. Immutable.
 */
public final class SuppressedCells {


    /** Unsuppressed tables: {@link #on()} is false and no cell is registered. */
    public static final SuppressedCells NONE = new SuppressedCells(false, Map.of());

    /** Why a count cell is hidden. */
    public enum Kind {
        /** A count from 1 to 10. */
        SMALL(SmallNumberRule.SMALL_TEXT),
        /** A count above 10 hidden to protect a small one. */
        COMPLEMENTARY(SmallNumberRule.COMPLEMENTARY_TEXT);

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** What a writer prints instead of the number. */
        public String text() {
            return text;
        }
    }

    /**
     * One cell.
     *
     * @param file   the table's {@link TableSchema#file()}, such as {@code outcomes_by_approach.csv}
     * @param row    index in the file's row list of {@link OutcomeTables}, from 0
     * @param column a column name of that table's schema
     */
    public record Cell(String file, int row, String column) {
        public Cell {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(column, "column");
            if (row < 0) {
                throw new IllegalArgumentException("row index must not be negative: " + row);
            }
        }
    }

    private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::file)
            .thenComparingInt(Cell::row).thenComparing(Cell::column);

    private final boolean on;
    private final Map<Cell, Kind> cells;

    private SuppressedCells(boolean on, Map<Cell, Kind> cells) {
        this.on = on;
        TreeMap<Cell, Kind> sorted = new TreeMap<>(ORDER);
        cells.forEach((cell, kind) -> sorted.put(Objects.requireNonNull(cell), Objects.requireNonNull(kind)));
        this.cells = Collections.unmodifiableMap(sorted);
    }

    /** Suppression on, with these hidden cells (possibly none: every count is 0 or above 10). */
    public static SuppressedCells of(Map<Cell, Kind> cells) {
        return new SuppressedCells(true, cells);
    }

    /**
     * Whether small-number suppression is on: then episode-level outputs are not written and a
     * note says so on every output.
     */
    public boolean on() {
        return on;
    }

    /** Whether this count cell is hidden. */
    public boolean contains(String file, int row, String column) {
        return kind(file, row, column) != null;
    }

    /** Why this cell is hidden, or {@code null} when it is shown. */
    public Kind kind(String file, int row, String column) {
        if (cells.isEmpty() || row < 0 || file == null || column == null) {
            return null;
        }
        return cells.get(new Cell(file, row, column));
    }

    /** What to print instead of the number ({@code <11} or {@code >10}), or {@code null} when shown. */
    public String text(String file, int row, String column) {
        Kind kind = kind(file, row, column);
        return kind == null ? null : kind.text();
    }

    /** Every hidden cell with its kind, by file, row and column. */
    public Map<Cell, Kind> cells() {
        return cells;
    }

    /** Number of hidden cells. */
    public int size() {
        return cells.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SuppressedCells that && on == that.on && cells.equals(that.cells);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(on) * 31 + cells.hashCode();
    }

    @Override
    public String toString() {
        return on ? "SuppressedCells[on, " + cells.size() + " hidden cells]" : "SuppressedCells[off]";
    }
}
