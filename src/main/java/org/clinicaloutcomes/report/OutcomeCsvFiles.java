package org.clinicaloutcomes.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.clinicaloutcomes.analysis.SuppressedCells;
import org.clinicaloutcomes.analysis.TableSchema;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;

/**
 * Writes the metric CSVs of a report's {@code csv/} folder (REPORTS.md, "Output folder") from
 * {@link OutcomeTables}: UTF-8 without byte-order mark, comma-separated, {@code \n} line ends, one
 * header line. Cells go through {@link CsvCells}: numbers with {@link Double#toString}, undefined
 * values as empty cells, counts as plain integers, flags {@code true}/{@code false}, dates ISO,
 * text quoted and protected against formula injection. Rows are written in the tables' order.
 *
 * <p>Every file is written from its schema ({@link TableSchemas#CSV_FILES}, in that order): the
 * header is its column names, each cell is its column's value formatted by its kind. The
 * codebook ({@code codebook.csv} on the class path, {@link Codebook}) explains each column; a
 * test fails when it and the schemas disagree.
 *
 * <p>Small-number suppression ({@link SmallNumberSuppression}): when
 * {@code tables.suppressed().on()}, the episode-level files ({@link TableSchemas#EPISODE_LEVEL}:
 * {@code episode_outcomes.csv}, {@code alerts.csv}, {@code attention.csv}) are not written, and every count cell registered in
 * {@link OutcomeTables#suppressed()} is written as {@code <11} (a count from 1 to 10) or
 * {@code >10} (a larger count hidden so that a small one cannot be recovered from a total) instead
 * of its number; the statistics of hidden counts are already {@code null} (empty) in the tables.
 *
 * <p>Files are written in place: the caller publishes the whole report folder atomically
 * ({@link ReportFolder}).
 */
public final class OutcomeCsvFiles {

    private OutcomeCsvFiles() {
    }

    /**
     * The files {@link #write} writes, in writing order ({@link TableSchemas#MONTHLY_ONLY} only for
     * monthly runs).
     */
    public static List<String> files(boolean monthly) {
        return files(monthly, false);
    }

    /**
     * The files {@link #write} writes, in writing order: {@link TableSchemas#MONTHLY_ONLY} only for monthly runs,
     * and none of {@link TableSchemas#EPISODE_LEVEL} with suppression on.
     */
    public static List<String> files(boolean monthly, boolean suppressed) {
        return files(monthly, suppressed, false);
    }

    /**
     * The files {@link #write} writes, in writing order, for a run by date or by wave
     * ({@link TableSchemas#csvFiles}); none of {@link TableSchemas#EPISODE_LEVEL} with suppression on.
     */
    public static List<String> files(boolean monthly, boolean suppressed, boolean byWave) {
        return tables(monthly, suppressed, byWave).stream().map(TableSchema::file).toList();
    }

    private static List<TableSchema<?>> tables(boolean monthly, boolean suppressed, boolean byWave) {
        return tables(monthly, suppressed, byWave, List.of());
    }

    private static List<TableSchema<?>> tables(boolean monthly, boolean suppressed, boolean byWave,
                                               List<SignificanceMethod> methods) {
        List<TableSchema<?>> files = new ArrayList<>();
        for (TableSchema<?> table : TableSchemas.csvFiles(monthly, byWave, methods)) {
            if (!(suppressed && TableSchemas.isEpisodeLevel(table))) {
                files.add(table);
            }
        }
        return List.copyOf(files);
    }

    /**
     * The files {@link #write} writes for these tables, in writing order: those of {@link
     * #files(boolean, boolean)} for the tables' suppression, without {@code pcl5_clusters.csv}
     * when its table has no rows (no PCL-5 instrument configured). The one decision of which
     * files a run writes; the About sheet's codebook lists these.
     */
    public static List<String> files(OutcomeTables tables, boolean monthly) {
        return files(tables, monthly, false);
    }

    /** As {@link #files(OutcomeTables, boolean)}, for a run by date or by wave (RESEARCH.md). */
    public static List<String> files(OutcomeTables tables, boolean monthly, boolean byWave) {
        return written(tables, monthly, byWave).stream().map(TableSchema::file).toList();
    }

    /**
     * The tables {@link #write} writes for these tables, in writing order, with the columns it
     * writes ({@code episode_outcomes.csv}'s category columns are the run's methods'): the About
     * sheet's codebook lists these.
     */
    public static List<TableSchema<?>> written(OutcomeTables tables, boolean monthly, boolean byWave) {
        List<TableSchema<?>> files = new ArrayList<>(tables(monthly, tables.suppressed().on(), byWave,
                tables.significance().methods()));
        if (tables.pcl5Clusters().isEmpty()) {
            files.removeIf(table -> table.file().equals(TableSchemas.PCL5_CLUSTERS.file()));
        }
        return List.copyOf(files);
    }

    /**
     * The columns of one file, in order.
     *
     * @throws IllegalArgumentException for a file this class does not write
     */
    public static List<String> columns(String file) {
        return table(file).columnNames();
    }

    /**
     * Writes every metric CSV into {@code csvFolder} (created if needed), replacing files of the
     * same name.
     *
     * @param monthly whether to write {@code alerts.csv} (the monthly job); with suppression on
     *                ({@code tables.suppressed().on()}) none of {@link TableSchemas#EPISODE_LEVEL}
     *                is written
     * @return the files written, in {@link #files(OutcomeTables, boolean)} order
     */
    public static List<Path> write(Path csvFolder, OutcomeTables tables, boolean monthly) throws IOException {
        return write(csvFolder, tables, monthly, false);
    }

    /** As {@link #write(Path, OutcomeTables, boolean)}, for a run by date or by wave. */
    public static List<Path> write(Path csvFolder, OutcomeTables tables, boolean monthly, boolean byWave)
            throws IOException {
        Files.createDirectories(csvFolder);
        List<Path> written = new ArrayList<>();
        for (TableSchema<?> table : written(tables, monthly, byWave)) {
            Path path = csvFolder.resolve(table.file());
            new CsvTable<>(table).write(path, tables);
            written.add(path);
        }
        return written;
    }

    /**
     * One cell of a table exactly as its CSV writes it (the summary page's {@code data-value}):
     * the text of a hidden count ({@code <11}, {@code >10}) where suppression registered the cell,
     * else the value formatted by its kind ({@link CsvCells}; empty when undefined). Also for the
     * tables only the workbook shows ({@link TableSchemas#ATTENTION_COUNTS}), whose cells
     * suppression names the same way.
     *
     * @param index the row's index in the schema's rows of {@code tables}
     */
    public static <R> String cell(TableSchema<R> schema, OutcomeTables tables, int index, String column) {
        String hidden = tables.suppressed().text(schema.file(), index, column);
        if (hidden != null) {
            return hidden;
        }
        CsvTable<R> table = new CsvTable<>(schema);
        int c = schema.columnNames().indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + schema.file());
        }
        StringBuilder text = new StringBuilder();
        table.cell(text, new HashMap<>(), schema.rowsOf(tables).get(index), c);
        return text.toString();
    }

    private static TableSchema<?> table(String file) {
        for (TableSchema<?> table : TableSchemas.CSV_FILES) {
            if (table.file().equals(file)) {
                return table;
            }
        }
        throw new IllegalArgumentException("not a metric CSV: " + file);
    }

    // ---------------------------------------------------------------- plumbing

    /** Rows formatted per task when a file is written on two threads, and tasks held at once. */
    static final int CHUNK_ROWS = 20_000;
    private static final int CHUNKS_IN_FLIGHT = 4;

    /**
     * One file: its schema, with each column's name, kind and accessor in arrays, so that a cell
     * costs a switch on its kind and one call of its accessor (the episode file has 1.6 million
     * rows in a large run).
     */
    private static final class CsvTable<R> {
        final TableSchema<R> schema;
        final String[] names;
        final TableSchema.Kind[] kinds;
        final Function<R, ?>[] values;
        final ToDoubleFunction<R>[] scores;

        @SuppressWarnings("unchecked")
        CsvTable(TableSchema<R> schema) {
            this.schema = schema;
            List<TableSchema.Column<R>> columns = schema.columns();
            int width = columns.size();
            names = new String[width];
            kinds = new TableSchema.Kind[width];
            values = new Function[width];
            scores = new ToDoubleFunction[width];
            for (int c = 0; c < width; c++) {
                TableSchema.Column<R> column = columns.get(c);
                names[c] = column.name();
                kinds[c] = column.kind();
                if (column instanceof TableSchema.ScoreColumn<R> score) {
                    scores[c] = score.get();
                } else {
                    values[c] = ((TableSchema.ValueColumn<R>) column).get();
                }
            }
        }

        void write(Path path, OutcomeTables tables) throws IOException {
            List<R> all = schema.rowsOf(tables);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
                out.write((String.join(",", names) + "\n").getBytes(StandardCharsets.UTF_8));
                if (all.size() <= CHUNK_ROWS) {
                    out.write(lines(all, 0, all.size(), tables.suppressed()));
                    return;
                }
                // A large file (the episode rows) is formatted in chunks on two threads and written
                // in order, at most a few chunks held at once: the bytes are those of one thread.
                ExecutorService formatting = Executors.newFixedThreadPool(2);
                try {
                    Deque<Future<byte[]>> pending = new ArrayDeque<>();
                    for (int from = 0; from < all.size(); from += CHUNK_ROWS) {
                        int start = from;
                        int end = Math.min(all.size(), from + CHUNK_ROWS);
                        pending.add(formatting.submit(() -> lines(all, start, end, tables.suppressed())));
                        if (pending.size() == CHUNKS_IN_FLIGHT) {
                            out.write(take(pending.removeFirst()));
                        }
                    }
                    while (!pending.isEmpty()) {
                        out.write(take(pending.removeFirst()));
                    }
                } finally {
                    formatting.shutdownNow();
                }
            }
        }

        /**
         * Rows {@code from} (inclusive) to {@code to} of the file, as the UTF-8 bytes of their
         * lines; a cell registered in the tables' {@link SuppressedCells} is written as its text
         * ({@code <11} or {@code >10}).
         */
        private byte[] lines(List<R> all, int from, int to, SuppressedCells suppressed) {
            SuppressedCells hiding = suppressed.size() == 0 ? null : suppressed;
            StringBuilder text = new StringBuilder(Math.max(16, (to - from) * 128));
            Map<LocalDate, String> dates = new HashMap<>();
            for (int index = from; index < to; index++) {
                R row = all.get(index);
                for (int c = 0; c < names.length; c++) {
                    if (c > 0) {
                        text.append(',');
                    }
                    String hidden = hiding == null ? null : hiding.text(schema.file(), index, names[c]);
                    if (hidden != null) {
                        text.append(hidden);
                    } else {
                        cell(text, dates, row, c);
                    }
                }
                text.append('\n');
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Appends column {@code c} of {@code row}, formatted by {@link CsvCells} for its kind:
         * numbers (scores, rates, other numbers) with {@link CsvCells#appendNumber}, counts as
         * plain integers, flags {@code true}/{@code false}, dates ISO (the analysis shares one
         * LocalDate per day, so the text of each day is worked out once per chunk), text quoted
         * and protected; an undefined value is an empty cell. The value's type is the kind's
         * ({@link TableSchema.ValueColumn}).
         */
        private void cell(StringBuilder text, Map<LocalDate, String> dates, R row, int c) {
            // One accessor call site per kind: a table has few columns of a kind, which the JIT
            // can then often call directly.
            switch (kinds[c]) {
                case SCORE -> CsvCells.appendNumber(text, scores[c].applyAsDouble(row));
                case TEXT -> text.append(CsvCells.text((String) values[c].apply(row)));
                case FLAG -> text.append(CsvCells.flag((Boolean) values[c].apply(row)));
                case DATE -> {
                    LocalDate day = (LocalDate) values[c].apply(row);
                    if (day != null) {
                        text.append(dates.computeIfAbsent(day, d -> CsvCells.text(d.toString())));
                    }
                }
                case COUNT -> {
                    Number count = (Number) values[c].apply(row);
                    if (count != null) {
                        text.append(count.longValue());
                    }
                }
                default -> {
                    Double number = (Double) values[c].apply(row);
                    if (number != null) {
                        CsvCells.appendNumber(text, number);
                    }
                }
            }
        }

        private static byte[] take(Future<byte[]> chunk) throws IOException {
            try {
                return chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing a CSV file");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
