package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * A table of a sheet, built the same way on every sheet: one column per CSV column (the readable
 * header of {@link ColumnLabels}), optionally a note column marking small groups. A count cell
 * that suppression hides shows its text ({@code <11} or {@code >10}). The main table of a sheet
 * gets the frozen header, the autofilter and, when suppression is on, the suppression note.
 *
 * @param <R> the type of a row
 */
final class SheetTable<R> {

    static final String NOTE_HEADER = "Note";
    static final List<String> SUPPRESSION_NOTE = List.of(
            "Small-number suppression is on: a count from 1 to 10 shows as <11, and a larger count that would reveal "
                    + "one as >10.",
            "Figures based on hidden counts are left empty, charts leave those groups out, and episode-level rows "
                    + "are not shown.");

    /** A column: its CSV name (or its header), how it is shown and its value. */
    private record Column<R>(String name, Kind kind, Function<R, Object> value) {
        String header() {
            return ColumnLabels.of(name);
        }
    }

    private final String csvFile;
    private final boolean checkColumns;
    private final List<R> rows;
    private final List<Column<R>> columns = new ArrayList<>();
    private ToIntFunction<R> smallN;
    private boolean main;
    private int freezeColumns;

    private SheetTable(String csvFile, boolean checkColumns, List<R> rows) {
        this.csvFile = csvFile;
        this.checkColumns = checkColumns;
        this.rows = rows;
    }

    /** Rows of {@code csvFile} with every column of it, in its order (checked when written). */
    static <R> SheetTable<R> of(String csvFile, List<R> rows) {
        return new SheetTable<>(csvFile, true, rows);
    }

    /**
     * Rows of {@code csvFile} with some of its columns (and perhaps others): its rows are that
     * file's rows, so the suppressed count cells are looked up there.
     */
    static <R> SheetTable<R> someColumnsOf(String csvFile, List<R> rows) {
        return new SheetTable<>(csvFile, false, rows);
    }

    SheetTable<R> column(String csvColumn, Kind kind, Function<R, Object> value) {
        columns.add(new Column<>(csvColumn, kind, value));
        return this;
    }

    SheetTable<R> text(String csvColumn, Function<R, Object> value) {
        return column(csvColumn, Kind.TEXT, value);
    }

    SheetTable<R> count(String csvColumn, Function<R, Object> value) {
        return column(csvColumn, Kind.COUNT, value);
    }

    SheetTable<R> score(String csvColumn, Function<R, Object> value) {
        return column(csvColumn, Kind.SCORE, value);
    }

    SheetTable<R> decimal(String csvColumn, Function<R, Object> value) {
        return column(csvColumn, Kind.DECIMAL, value);
    }

    SheetTable<R> percent(String csvColumn, Function<R, Object> value) {
        return column(csvColumn, Kind.PERCENT, value);
    }

    SheetTable<R> pValue(String csvColumn, Function<R, Object> value) {
        return column(csvColumn, Kind.P_VALUE, value);
    }

    SheetTable<R> date(String csvColumn, Function<R, Object> value) {
        return column(csvColumn, Kind.DATE, value);
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
        if (checkColumns) {
            List<String> names = columns.stream().map(Column::name).toList();
            if (!names.equals(OutcomeCsvFiles.columns(csvFile))) {
                throw new IllegalStateException("the workbook's columns for " + csvFile + " differ from the CSV's: "
                        + names);
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            s.header(top, c, columns.get(c).header());
        }
        if (smallN != null) {
            s.header(top, columns.size(), NOTE_HEADER);
        }
        int row = top + 1;
        for (int index = 0; index < rows.size(); index++) {
            writeRow(s, content, row, index);
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
            String hidden = column.kind() == Kind.COUNT ? content.hidden(csvFile, index, column.name()) : null;
            if (hidden != null) {
                s.value(row, c, hidden, Kind.COUNT, small);
            } else {
                s.value(row, c, column.value().apply(r), column.kind(), small);
            }
        }
        if (small) {
            s.value(row, columns.size(), SmallNumbers.FLAG, Kind.TEXT, true);
        }
    }
}
