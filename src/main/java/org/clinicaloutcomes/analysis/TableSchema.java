package org.clinicaloutcomes.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The columns of one output table (issue 12, "Table schemas"): its name, which is the CSV file
 * name for a table written as CSV (REPORTS.md, "Output folder"), the rows it shows in
 * {@link OutcomeTables}, and its columns in order, each with a name, a {@link Kind} and how to
 * read it from a row. One schema drives the CSV writer ({@code report/OutcomeCsvFiles}: the
 * header and the cells), the workbook's sheets ({@code report/SheetTable}: the columns and their
 * formats), the suppression's cell addresses ({@link SuppressedCells.Cell}: this table's name,
 * a row index, a column name) and the codebook, which a test compares with it. Every schema is in
 * {@link TableSchemas}.
 *
 * <p>A column reads its value with a function of the kind's type; a score, defined on every row,
 * as a primitive {@code double} ({@link ScoreColumn}), so that writing the 1.6 million episode rows
 * of a large run does not box each score into an object.
 *
 * @param file    the CSV file name ({@code outcomes_by_approach.csv}), or for a table that only
 *                the workbook shows a name without {@code .csv} ({@code window_activity})
 * @param rows    the rows of the table in {@link OutcomeTables}, in their fixed order
 * @param columns the columns, in order
 * @param <R>     the type of a row
 */
public record TableSchema<R>(String file, Function<OutcomeTables, List<R>> rows, List<Column<R>> columns) {

    /** How a column's values are written and shown (CSV: REPORTS.md; workbook: its number formats). */
    public enum Kind {
        /** Text, such as an id, an approach or a code. */
        TEXT,
        /** A yes/no value ({@code true}/{@code false}); empty when it does not apply. */
        FLAG,
        /** A calendar date (ISO). */
        DATE,
        /**
         * A whole number: a count of episodes, clients or sessions (the cells small-number
         * suppression may hide), or an index such as k, an item number or degrees of freedom.
         */
        COUNT,
        /** A score in points as the instrument gives it (baseline, final, change). */
        SCORE,
        /** A percentage from 0 to 100: the {@code *_pct} columns, their confidence limits, funnel limits. */
        RATE,
        /** Any other number: means, SDs, confidence limits, effect sizes, test statistics, medians. */
        NUMBER,
        /** A p value. */
        P_VALUE
    }

    public TableSchema {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rows, "rows");
        columns = List.copyOf(columns);
        if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
            throw new IllegalArgumentException(file + ": a column name repeats");
        }
    }

    /** The same columns over other rows, under another name (the window activity rows). */
    public TableSchema<R> as(String otherName, Function<OutcomeTables, List<R>> otherRows) {
        return new TableSchema<>(otherName, otherRows, columns);
    }

    /** Whether the table is written as a CSV file (its name ends in {@code .csv}). */
    /** The same table with {@code extra} columns right after the column {@code after}. */
    public TableSchema<R> withColumnsAfter(String after, List<Column<R>> extra) {
        List<Column<R>> all = new java.util.ArrayList<>(columns);
        all.addAll(all.indexOf(column(after)) + 1, extra);
        return new TableSchema<>(file, rows, all);
    }

    public boolean isCsv() {
        return file.endsWith(".csv");
    }

    /** The column names, in order: the CSV header. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The column of this name.
     *
     * @throws IllegalArgumentException when the table has no such column
     */
    public Column<R> column(String columnName) {
        for (Column<R> column : columns) {
            if (column.name().equals(columnName)) {
                return column;
            }
        }
        throw new IllegalArgumentException(file + " has no column " + columnName);
    }

    /** The rows of this table in {@code tables}. */
    public List<R> rowsOf(OutcomeTables tables) {
        return rows.apply(tables);
    }

    // ---------------------------------------------------------------- columns

    /**
     * One column: its name (the CSV header cell), its kind, and its value in a row. The building
     * methods below ({@link #text}, {@link #count}, ...) take a function of the kind's type;
     * {@link #value} gives the value as an object for writers that take any value (the workbook).
     *
     * @param <R> the type of a row
     */
    public sealed interface Column<R> permits ValueColumn, ScoreColumn {

        String name();

        Kind kind();

        /** The value of this column in {@code row}: {@code null} when empty (undefined, does not apply). */
        Object value(R row);
    }

    /**
     * A column read as an object of its kind's type: a {@code String} ({@link Kind#TEXT}),
     * {@code Boolean} ({@link Kind#FLAG}), {@code LocalDate} ({@link Kind#DATE}), {@code Integer}
     * or {@code Long} ({@link Kind#COUNT}), {@code Double} (the other numbers); {@code null} when
     * the cell is empty. Built only by the typed methods of {@link TableSchema}.
     */
    public record ValueColumn<R>(String name, Kind kind, Function<R, ?> get) implements Column<R> {
        public ValueColumn {
            Objects.requireNonNull(name, "name");
            if (kind == Kind.SCORE) {
                throw new IllegalArgumentException(name + ": a score is a ScoreColumn");
            }
        }

        @Override
        public Object value(R row) {
            return get.apply(row);
        }
    }

    /** A {@link Kind#SCORE} column, defined on every row: read as a primitive {@code double}. */
    public record ScoreColumn<R>(String name, ToDoubleFunction<R> get) implements Column<R> {
        @Override
        public Kind kind() {
            return Kind.SCORE;
        }

        @Override
        public Object value(R row) {
            return get.applyAsDouble(row);
        }
    }

    // ---------------------------------------------------------------- building

    public static <R> Column<R> text(String name, Function<R, String> get) {
        return new ValueColumn<>(name, Kind.TEXT, get);
    }

    /** A flag; {@code null} when it does not apply. */
    public static <R> Column<R> flag(String name, Function<R, Boolean> get) {
        return new ValueColumn<>(name, Kind.FLAG, get);
    }

    public static <R> Column<R> date(String name, Function<R, LocalDate> get) {
        return new ValueColumn<>(name, Kind.DATE, get);
    }

    /** A count ({@code Integer} or {@code Long}); {@code null} when it does not apply. */
    public static <R> Column<R> count(String name, Function<R, ? extends Number> get) {
        return new ValueColumn<>(name, Kind.COUNT, get);
    }

    public static <R> Column<R> score(String name, ToDoubleFunction<R> get) {
        return new ScoreColumn<>(name, get);
    }

    /** A percentage; {@code null} when undefined. */
    public static <R> Column<R> rate(String name, Function<R, Double> get) {
        return new ValueColumn<>(name, Kind.RATE, get);
    }

    /** A number; {@code null} when undefined. */
    public static <R> Column<R> number(String name, Function<R, Double> get) {
        return new ValueColumn<>(name, Kind.NUMBER, get);
    }

    /** A p value; {@code null} when undefined. */
    public static <R> Column<R> pValue(String name, Function<R, Double> get) {
        return new ValueColumn<>(name, Kind.P_VALUE, get);
    }
}
