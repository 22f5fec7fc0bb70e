package org.clinicaloutcomes.report;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.Instrument;

/**
 * What every sheet of the workbook is written from, and the lookups that several sheets make of
 * it, so that they are made one way.
 */
final class WorkbookContent {

    private final OutcomeTables tables;
    private final RunDescription run;
    private final DataQuality quality;
    private final List<RenderedChart> charts;
    private final WorkbookStyles styles;
    private final Instrument primary;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();

    WorkbookContent(OutcomeTables tables, RunDescription run, DataQuality quality, List<RenderedChart> charts,
                    WorkbookStyles styles) {
        this.tables = tables;
        this.run = run;
        this.quality = quality;
        this.charts = charts;
        this.styles = styles;
        for (Instrument instrument : run.instruments()) {
            instruments.put(instrument.key(), instrument);
        }
        this.primary = ReportCharts.primary(run);
    }

    OutcomeTables tables() {
        return tables;
    }

    RunDescription run() {
        return run;
    }

    DataQuality quality() {
        return quality;
    }

    WorkbookStyles styles() {
        return styles;
    }

    /** The run's main questionnaire. */
    Instrument primary() {
        return primary;
    }

    /**
     * The report and its period, as the Summary's title and every printed page's header give it:
     * {@code Clinical outcomes — monthly report, October 2026}, or for a research run {@code
     * Clinical outcomes — research report, 2024-01-01 to 2026-10-31}, or by wave {@code Clinical
     * outcomes — research report, all waves (1, 2, 3, 4)}.
     */
    String reportTitle() {
        return run.monthly()
                ? "Clinical outcomes \u2014 monthly report, "
                        + monthName(run.window().reportMonth())
                : "Clinical outcomes \u2014 research report, " + run.span();
    }

    /** A month as the workbook names it: {@code October 2026}. */
    static String monthName(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
    }

    /** Whether counts from 1 to 10 are hidden, by the run's setting or by the tables themselves. */
    boolean suppression() {
        return run.suppression() || tables.suppressed().on();
    }

    /**
     * What to show instead of a count that small-number suppression hides ({@code <11} or
     * {@code >10}), or {@code null} when it is shown.
     */
    String hidden(String csvFile, int row, String column) {
        return csvFile == null ? null : tables.suppressed().text(csvFile, row, column);
    }

    /** An instrument's name for a reader, or its key when the configuration does not know it. */
    String instrumentName(String instrumentKey) {
        Instrument instrument = instruments.get(instrumentKey);
        return instrument == null ? instrumentKey : instrument.name();
    }

    /** The chart of this file name, or {@code null} when it was not rendered. */
    RenderedChart chart(String fileName) {
        return charts.stream().filter(c -> c.fileName().equals(fileName)).findFirst().orElse(null);
    }

    /** The charts that belong to a sheet, in the order they were rendered. */
    List<RenderedChart> chartsOf(String sheet) {
        return charts.stream().filter(c -> c.sheet().equals(sheet)).toList();
    }
}
