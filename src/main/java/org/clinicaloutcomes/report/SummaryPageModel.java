package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.TableSchema;
import org.clinicaloutcomes.analysis.TableSchemas;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.WorkbookStyles.Kind;

/**
 * What the summary page ({@link SummaryPage}) shows, worked out from the same tables, words and
 * chart PNGs as the workbook, as plain texts the template lays out. Reads only group-level tables
 * (outcomes by approach, the PCL-5 clusters, the monthly series and activity through the workbook's
 * glance blocks, the attention counts): never an episode, alert or attention row. Every figure is
 * the cell its CSV holds ({@link OutcomeCsvFiles#cell}), so with suppression on the page shows the
 * suppressed CSVs' {@code <11} / {@code >10} and leaves the statistics of hidden counts empty.
 */
final class SummaryPageModel {

    /** An empty figure on the page: not defined, or hidden by suppression. */
    static final String EMPTY = "\u2013";

    private static final String GROUPS = TableSchemas.OUTCOMES_BY_APPROACH.file();
    private static final String CLUSTERS = TableSchemas.PCL5_CLUSTERS.file();

    /** The whole page. */
    record Page(String title, String subtitle, boolean monthly, Table glance, List<String> trendNotes,
                List<Chart> trendCharts, List<Table> outcomes, List<String> sentences, List<String> notes,
                List<Table> targets, Table clusters, Table attention, List<Chart> keyCharts, String footer) {
    }

    /**
     * A table: its heading, header cells, rows and the notes below it.
     *
     * @param width the number of columns (for a cell spanning the rest of its row)
     */
    record Table(String heading, List<String> headers, List<Row> rows, List<String> notes, int width) {
    }

    /** A row: its cells; {@code small}: a group of 10 or fewer (shown grey). */
    record Row(List<Cell> cells, boolean small) {
    }

    /**
     * A cell. A figure of a CSV names its file, group, instrument, column and the CSV's text of it
     * ({@code csv} is {@code null} for a cell that is no CSV figure).
     *
     * @param text    the text the page shows
     * @param number  whether it is a figure (right aligned)
     * @param span    the columns it spans (1, or the rest of the row)
     */
    record Cell(String text, boolean number, int span, String csv, String approach, String instrument,
                String column, String value) {

        static Cell text(String text) {
            return new Cell(text, false, 1, null, null, null, null, null);
        }

        static Cell number(String text) {
            return new Cell(text, true, 1, null, null, null, null, null);
        }
    }

    /** A chart as an embedded image. */
    record Chart(String title, String source, int width, int height) {

        static Chart of(RenderedChart chart) {
            return new Chart(chart.title(), "data:image/png;base64," + Base64.getEncoder().encodeToString(chart.png()),
                    chart.width(), chart.height());
        }
    }

    private final OutcomeTables tables;
    private final RunDescription run;
    private final WorkbookContent c;

    private SummaryPageModel(OutcomeTables tables, RunDescription run, List<RenderedChart> charts) {
        this.tables = tables;
        this.run = run;
        this.c = new WorkbookContent(tables, run, null, charts, null);
    }

    static Page of(OutcomeTables tables, RunDescription run, List<RenderedChart> charts) {
        return new SummaryPageModel(tables, run, charts).page();
    }

    private Page page() {
        Instrument primary = run.primary();
        boolean monthly = run.monthly();
        List<Table> outcomes = new ArrayList<>();
        outcomes.add(outcomes(primary, SummarySheet.outcomesHeading(run, primary)));
        return new Page(c.reportTitle(),
                SummarySheet.who(run) + ". Main questionnaire: " + primary.name() + ".",
                monthly, glance(), monthly ? List.of(run.words("Reliable improvement month by month against the "
                        + "practice's usual range (centre line and limits), with the rolling 12-month rate; and the "
                        + "clients who started, ended and were seen each month.")) : List.of(),
                charts(monthly ? List.of(ReportCharts.monthlyImprovementFile(primary.key()),
                        org.clinicaloutcomes.report.chart.MonthlyClientsChart.FILE) : List.of()),
                outcomes, sentences(primary), SummarySheet.notes(c), targets(primary), clusters(),
                monthly ? attention() : null,
                charts(List.of(ReportCharts.reliableChangeFile(primary.key()), ReportCharts.recoveryFile(primary.key()),
                        ReportCharts.trajectoryFile(primary.key()))),
                "clinical-outcomes " + run.toolVersion() + ". The workbook "
                        + ReportFolder.workbookFileName(run.window().label())
                        + " beside this page has every table, the definitions (About sheet) and the data quality.");
    }

    // ---------------------------------------------------------------- at a glance

    /** The workbook's first block (month at a glance, or the research glance), cell for cell. */
    private Table glance() {
        Grid grid = new Grid();
        String heading;
        if (run.monthly()) {
            new MonthAtAGlance(grid, c).write(0);
            heading = "The month at a glance";
        } else {
            new SummaryGlance(grid, c).write(0);
            heading = "At a glance";
        }
        return grid.table(heading);
    }

    /** The cells the glance blocks write, by row and column, with the notes below them. */
    private static final class Grid implements GlanceCells {
        private final TreeMap<Integer, TreeMap<Integer, Object[]>> cells = new TreeMap<>();
        private final TreeMap<Integer, String> headers = new TreeMap<>();
        private final List<String> notes = new ArrayList<>();

        @Override
        public void header(int row, int column, String label) {
            headers.put(column, label);
        }

        @Override
        public void text(int row, int column, String text) {
            if (text != null) {
                put(row, column, new Object[] {text, Kind.TEXT, false});
            }
        }

        @Override
        public void value(int row, int column, Object value, Kind kind, boolean light) {
            if (value != null) {
                put(row, column, new Object[] {value, kind, light});
            }
        }

        @Override
        public int note(int row, String text) {
            notes.add(text);
            return row + 1;
        }

        private void put(int row, int column, Object[] cell) {
            cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, cell);
        }

        Table table(String heading) {
            int width = headers.isEmpty() ? 1 : headers.lastKey() + 1;
            List<String> header = new ArrayList<>();
            for (int column = 0; column < width; column++) {
                header.add(headers.getOrDefault(column, ""));
            }
            List<Row> rows = new ArrayList<>();
            for (TreeMap<Integer, Object[]> line : cells.values()) {
                List<Cell> row = new ArrayList<>();
                boolean small = false;
                int last = line.lastKey();
                for (int column = 0; column < width && column <= last; column++) {
                    Object[] cell = line.get(column);
                    if (cell == null) {
                        row.add(Cell.number(""));
                        continue;
                    }
                    boolean light = (Boolean) cell[2];
                    small |= light;
                    Kind kind = (Kind) cell[1];
                    if (kind == Kind.TEXT && column > 0 && column == last) {
                        // Words after the label (the signal words) run on over the empty columns.
                        row.add(new Cell(cell[0].toString(), false, width - column, null, null, null, null, null));
                    } else if (kind == Kind.TEXT) {
                        row.add(Cell.text(cell[0].toString()));
                    } else {
                        row.add(Cell.number(shown(cell[0], kind)));
                    }
                }
                for (int column = last + 1; column < width; column++) {
                    row.add(Cell.number(""));
                }
                rows.add(new Row(row, false));
            }
            return new Table(heading, header, rows, notes, width);
        }

        private static String shown(Object value, Kind kind) {
            if (!(value instanceof Number number)) {
                return value.toString(); // the text of a hidden count
            }
            return switch (kind) {
                case PERCENT -> percent(number.doubleValue());
                case DECIMAL -> decimal(number.doubleValue());
                default -> Long.toString(number.longValue());
            };
        }
    }

    // ---------------------------------------------------------------- outcomes by approach

    /** The columns of an outcomes table: the CSV column and its header on the workbook's Summary. */
    private List<String[]> outcomeColumns(Instrument instrument) {
        String[] h = SummarySheet.OUTCOME_HEADERS;
        List<String[]> columns = new ArrayList<>();
        columns.add(new String[] {"n_closed", h[1]});
        columns.add(new String[] {"n_paired", h[2]});
        columns.add(new String[] {"reliable_improvement_pct", h[3]});
        if (instrument.hasCutoff()) {
            columns.add(new String[] {"recovery_pct", h[4]});
        }
        columns.add(new String[] {"reliable_deterioration_pct", h[5]});
        if (!run.byWave()) { // an analysis by wave has no discharge reasons
            columns.add(new String[] {"dropout_pct", h[6]});
        }
        columns.add(new String[] {"g", h[7]});
        return columns;
    }

    /** Every approach, then ALL, on an instrument. */
    private Table outcomes(Instrument instrument, String heading) {
        return outcomes(instrument, heading, SummarySheet.rows(tables, instrument.key()));
    }

    private Table outcomes(Instrument instrument, String heading, List<Integer> indices) {
        List<String[]> columns = outcomeColumns(instrument);
        List<String> headers = new ArrayList<>();
        headers.add(run.words(SummarySheet.OUTCOME_HEADERS[0]));
        columns.forEach(column -> headers.add(run.words(column[1])));
        List<Row> rows = new ArrayList<>();
        for (int index : indices) {
            OutcomeTables.ApproachRow r = tables.outcomesByApproach().get(index);
            boolean small = SmallNumbers.isSmall(r.outcomes().nPaired());
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(label(r.approach()) + (small ? " (small n)" : "")));
            for (String[] column : columns) {
                cells.add(figure(TableSchemas.OUTCOMES_BY_APPROACH, index, r.approach(), r.instrument(), column[0]));
            }
            rows.add(new Row(cells, small));
        }
        return new Table(heading, headers, rows, List.of(), headers.size());
    }

    /** A figure of a table as its CSV holds it, shown as the page shows it. */
    private <R> Cell figure(TableSchema<R> schema, int index, String approach, String instrument, String column) {
        String value = OutcomeCsvFiles.cell(schema, tables, index, column);
        TableSchema.Kind kind = schema.column(column).kind();
        return new Cell(shown(value, kind), true, 1, schema.file(), approach, instrument, column, value);
    }

    /** A CSV cell's text as the page shows it: a rate in whole percent, a number to two decimals, a count as it is. */
    static String shown(String csvText, TableSchema.Kind kind) {
        if (csvText.isEmpty()) {
            return EMPTY;
        }
        if (csvText.startsWith("<") || csvText.startsWith(">")) {
            return csvText;
        }
        return switch (kind) {
            case RATE -> percent(Double.parseDouble(csvText));
            case NUMBER, SCORE -> decimal(Double.parseDouble(csvText));
            default -> csvText;
        };
    }

    /** A rate as a whole percentage: {@code 43 %}. */
    static String percent(double pct) {
        return Math.round(pct) + " %";
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replace("-", "\u2212");
    }

    private static String label(String approach) {
        return OutcomeTables.ALL.equals(approach) ? "All approaches" : approach;
    }

    /** The workbook's one sentence per group on the primary instrument. */
    private List<String> sentences(Instrument primary) {
        List<String> sentences = new ArrayList<>();
        for (int index : SummarySheet.rows(tables, primary.key())) {
            OutcomeTables.ApproachRow r = tables.outcomesByApproach().get(index);
            String n = c.hidden(GROUPS, index, "n_paired");
            sentences.add(PlainWords.headline(r.approach(), r.outcomes(), primary,
                    n != null ? n : Integer.toString(r.outcomes().nPaired()), run.wording()));
        }
        return sentences;
    }

    /**
     * Each configured approach on its own target measure other than the primary instrument, by
     * instrument (in the instrument file's order): the approaches whose target it is, then ALL for
     * comparison. Only instruments that are configured and have paired scores.
     */
    private List<Table> targets(Instrument primary) {
        List<Table> targets = new ArrayList<>();
        for (Instrument instrument : run.instruments()) {
            if (instrument.key().equals(primary.key()) || !DataPresence.paired(tables, instrument.key())) {
                continue;
            }
            List<String> approaches = new ArrayList<>();
            for (String approach : run.approaches()) {
                if (instrument.key().equals(TargetMeasures.of(approach))) {
                    approaches.add(approach);
                }
            }
            if (approaches.isEmpty()) {
                continue;
            }
            approaches.add(OutcomeTables.ALL);
            List<Integer> indices = new ArrayList<>();
            for (String approach : approaches) {
                int index = SummarySheet.groupIndex(tables, approach, instrument.key());
                if (index >= 0) {
                    indices.add(index);
                }
            }
            targets.add(outcomes(instrument, String.join(" and ", approaches.subList(0, approaches.size() - 1))
                    + " on " + instrument.name() + ", " + (approaches.size() == 2 ? "its" : "their")
                    + " own target measure (all approaches for comparison)", indices));
        }
        return targets;
    }

    /** The PCL-5 symptom clusters of the approaches whose target is PCL-5, when the data have the items. */
    private Table clusters() {
        if (!DataPresence.clusters(tables)) {
            return null;
        }
        String[][] columns = {{"n", "n"}, {"baseline_mean", "Before (mean)"}, {"final_mean", "After (mean)"},
            {"change_mean", "Change (mean)"}};
        List<String> headers = new ArrayList<>(List.of("Approach", "Symptom cluster"));
        for (String[] column : columns) {
            headers.add(column[1]);
        }
        List<Row> rows = new ArrayList<>();
        List<OutcomeTables.ClusterRow> all = tables.pcl5Clusters();
        for (int index = 0; index < all.size(); index++) {
            OutcomeTables.ClusterRow r = all.get(index);
            if (!TargetMeasures.clusters(r.approach()) || r.n() == 0) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(r.approach()));
            cells.add(Cell.text(r.cluster().label()));
            for (String[] column : columns) {
                cells.add(figure(TableSchemas.PCL5_CLUSTERS, index, r.approach(), TargetMeasures.CLUSTER_INSTRUMENT,
                        column[0]));
            }
            rows.add(new Row(cells, SmallNumbers.isSmall(r.n())));
        }
        if (rows.isEmpty()) {
            return null;
        }
        String pcl5 = run.instruments().stream().filter(i -> i.key().equals(TargetMeasures.CLUSTER_INSTRUMENT))
                .map(Instrument::name).findFirst().orElse("PCL-5");
        List<String> approaches = run.approaches().stream().filter(TargetMeasures::clusters).toList();
        return new Table(pcl5 + " symptom clusters of " + String.join(" and ", approaches)
                + " (mean cluster scores, before and after)", headers, rows, List.of(), headers.size());
    }

    // ---------------------------------------------------------------- attention counts

    /** The attention list's counts per clinician, then all clinicians: counts only. */
    private Table attention() {
        List<OutcomeTables.AttentionCountRow> counts = tables.attentionCounts();
        List<String> columns = TableSchemas.ATTENTION_COUNTS.columnNames();
        List<String> headers = new ArrayList<>();
        for (String column : columns) {
            headers.add(run.words(ColumnLabels.of(column)));
        }
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < counts.size(); index++) {
            List<Cell> cells = new ArrayList<>();
            // The last row is all clinicians (a clinician may be called ALL too).
            cells.add(Cell.text(index == counts.size() - 1 ? "All clinicians" : counts.get(index).clinicianId()));
            for (String column : columns.subList(1, columns.size())) {
                cells.add(Cell.number(OutcomeCsvFiles.cell(TableSchemas.ATTENTION_COUNTS, tables, index, column)));
            }
            rows.add(new Row(cells, false));
        }
        List<String> notes = new ArrayList<>(SummarySheet.attentionNotes(run));
        if (counts.size() <= 1) {
            notes.add(0, "No open client is on the attention list.");
        }
        return new Table(SummarySheet.attentionHeading(run, "counts per clinician; the list itself is on the "
                + "workbook's Attention sheet"), headers, rows, notes, headers.size());
    }

    // ---------------------------------------------------------------- charts

    /** The charts of these files that were rendered, in this order. */
    private List<Chart> charts(List<String> files) {
        List<Chart> charts = new ArrayList<>();
        for (String file : files) {
            RenderedChart chart = c.chart(file);
            if (chart != null) {
                charts.add(Chart.of(chart));
            }
        }
        return charts;
    }
}
