package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.clinicaloutcomes.analysis.TableSchema;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * A table of a sheet, built the same way on every sheet from the schema of the table it shows
 * ({@code analysis/TableSchemas}): by default every column of the schema in its order, each under
 * its readable header ({@link ColumnLabels}) and shown in the format of its kind
 * ({@link #format}); optionally a note column marking small groups. A sheet may show another
 * value in a column (an instrument's name for its key), only some columns, and columns of its own.
 * A count cell that suppression hides shows its text ({@code <11} or {@code >10}). The main table
 * of a sheet gets the frozen header, the autofilter and, when suppression is on, the suppression
 * note. A table that shows the client column and has rows marks its sheet as listing clients
 * (the printed footer says so).
 *
 * @param <R> the type of a row
 */
final class SheetTable<R> {

    static final String NOTE_HEADER = "Note";
    /** The schema column of a client's pseudonymous ID: a sheet whose table shows it lists clients. */
    static final String CLIENT_ID = "client_id";
    static final List<String> SUPPRESSION_NOTE = List.of(
            "Small-number suppression is on: a count from 1 to 10 shows as <11, and a larger count that would reveal "
                    + "one as >10.",
            "Figures based on hidden counts are left empty, charts leave those groups out, and episode-level rows "
                    + "are not shown.");

    /** A value of a row of the table, which may depend on the row's index in the table. */
    @FunctionalInterface
    interface Value<R> {
        Object of(R row, int index);
    }

    /**
     * A column: its header, how it is shown, its value, and the schema column it shows
     * ({@code null} for a column of the sheet's own).
     */
    private record Column<R>(String header, Kind kind, Value<R> value, TableSchema.Column<R> shows) {
    }

    private final TableSchema<R> schema;
    private final List<R> rows;
    private final List<Column<R>> columns = new ArrayList<>();
    /** The indices in {@link #rows} of the rows shown, in the order shown; {@code null}: every row in order. */
    private List<Integer> shownRows;
    private ToIntFunction<R> smallN;
    private boolean main;
    private int freezeColumns;

    private SheetTable(TableSchema<R> schema, List<R> rows) {
        this.schema = schema;
        this.rows = rows;
    }

    /** Rows of {@code schema}'s table with every column of it, in its order. */
    static <R> SheetTable<R> of(TableSchema<R> schema, List<R> rows) {
        SheetTable<R> table = new SheetTable<>(schema, rows);
        schema.columns().forEach(table::add);
        return table;
    }

    /**
     * Rows of {@code schema}'s table with the columns added by {@link #columns} and
     * {@link #extra}: its rows are that table's rows, so the suppressed count cells are looked
     * up there.
     */
    static <R> SheetTable<R> someColumnsOf(TableSchema<R> schema, List<R> rows) {
        return new SheetTable<>(schema, rows);
    }

    /** The workbook's format of a kind of column. */
    static Kind format(TableSchema.Kind kind) {
        return switch (kind) {
            case TEXT, FLAG -> Kind.TEXT;
            case DATE -> Kind.DATE;
            case COUNT -> Kind.COUNT;
            case SCORE -> Kind.SCORE;
            case RATE -> Kind.PERCENT;
            case NUMBER -> Kind.DECIMAL;
            case P_VALUE -> Kind.P_VALUE;
        };
    }

    private void add(TableSchema.Column<R> column) {
        columns.add(new Column<>(ColumnLabels.of(schema.file(), column.name()), format(column.kind()),
                (row, index) -> column.value(row), column));
    }

    /** Adds these columns of the schema, in this order. */
    SheetTable<R> columns(String... names) {
        for (String name : names) {
            add(schema.column(name));
        }
        return this;
    }

    /** Adds a column of the sheet's own, under {@code header}, which no CSV has. */
    SheetTable<R> extra(String header, Kind kind, Value<R> value) {
        columns.add(new Column<>(header, kind, value, null));
        return this;
    }

    /** Shows {@code value} in the column {@code name} instead of its value (same header and format). */
    SheetTable<R> shown(String name, Function<R, Object> value) {
        for (int c = 0; c < columns.size(); c++) {
            Column<R> column = columns.get(c);
            if (column.shows() != null && column.shows().name().equals(name)) {
                columns.set(c, new Column<>(column.header(), column.kind(), (row, index) -> value.apply(row),
                        column.shows()));
                return this;
            }
        }
        throw new IllegalArgumentException(schema.file() + ": the table shows no column " + name);
    }

    /**
     * Shows only the table's rows at these indices, in this order (a sheet's own grouping of the
     * rows); a row's suppressed count cells are still looked up at its index in the table.
     */
    SheetTable<R> rowsAt(List<Integer> indices) {
        for (int index : indices) {
            if (index < 0 || index >= rows.size()) {
                throw new IndexOutOfBoundsException(schema.file() + ": no row " + index);
            }
        }
        this.shownRows = List.copyOf(indices);
        return this;
    }

    /** Adds the note column: a row is marked (and greyed) when this count of it is small. */
    SheetTable<R> smallGroupsBy(ToIntFunction<R> n) {
        this.smallN = n;
        return this;
    }

    /** Makes this the sheet's main table, with {@code keyColumns} columns frozen beside the header. */
    SheetTable<R> main(int keyColumns) {
        this.main = true;
        this.freezeColumns = keyColumns;
        return this;
    }

    /** The columns of the table, without the note column. */
    int width() {
        return columns.size();
    }

    /** Writes the table with its header at {@code top}; returns the row after it (and its notes). */
    int write(SheetWriter s, WorkbookContent content, int top) {
        // An analysis by wave has no dates, sessions or discharges: their columns are not shown.
        columns.removeIf(c -> c.shows() != null && !ByWave.shows(content.run(), c.shows().name()));
        for (int c = 0; c < columns.size(); c++) {
            s.header(top, c, content.run().words(columns.get(c).header()));
        }
        if (smallN != null) {
            s.header(top, columns.size(), NOTE_HEADER);
        }
        if (!rows.isEmpty()
                && columns.stream().anyMatch(c -> c.shows() != null && c.shows().name().equals(CLIENT_ID))) {
            s.listsClients();
        }
        int row = top + 1;
        int shown = shownRows == null ? rows.size() : shownRows.size();
        for (int i = 0; i < shown; i++) {
            writeRow(s, content, row, shownRows == null ? i : shownRows.get(i));
            row++;
        }
        if (main) {
            s.freeze(freezeColumns, top + 1);
            s.autoFilter(top, row - 1, 0, columns.size() + (smallN == null ? 0 : 1) - 1);
            if (content.suppression()) {
                for (String line : SUPPRESSION_NOTE) {
                    row = s.note(row, line);
                }
            }
        }
        return row;
    }

    private void writeRow(SheetWriter s, WorkbookContent content, int row, int index) {
        R r = rows.get(index);
        boolean small = smallN != null && SmallNumbers.isSmall(smallN.applyAsInt(r));
        for (int c = 0; c < columns.size(); c++) {
            Column<R> column = columns.get(c);
            TableSchema.Column<R> shows = column.shows();
            String hidden = shows != null && shows.kind() == TableSchema.Kind.COUNT
                    ? content.hidden(schema.file(), index, shows.name()) : null;
            if (hidden != null) {
                s.value(row, c, hidden, Kind.COUNT, small);
            } else {
                s.value(row, c, column.value().of(r, index), column.kind(), small);
            }
        }
        if (small) {
            s.value(row, columns.size(), SmallNumbers.FLAG, Kind.TEXT, true);
        }
    }
}
