package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.chart.ChangeBoxPlotChart;
import org.clinicaloutcomes.report.chart.ChartInput;
import org.clinicaloutcomes.report.chart.ChartStyle;
import org.clinicaloutcomes.report.chart.ChartText;
import org.clinicaloutcomes.report.chart.ClinicalSignificanceChart;
import org.clinicaloutcomes.report.chart.ClinicianFunnelChart;
import org.clinicaloutcomes.report.chart.EffectSizeChart;
import org.clinicaloutcomes.report.chart.ExpectedRecoveryChart;
import org.clinicaloutcomes.report.chart.MonthlyClientsChart;
import org.clinicaloutcomes.report.chart.MonthlyImprovementChart;
import org.clinicaloutcomes.report.chart.Pcl5ClustersChart;
import org.clinicaloutcomes.report.chart.RecoveryChart;
import org.clinicaloutcomes.report.chart.ReliableChangeChart;
import org.clinicaloutcomes.report.chart.ReportChart;
import org.clinicaloutcomes.report.chart.TrajectoryChart;

/**
 * The charts of a report (REPORTS.md, "Charts"), drawn with JFreeChart from {@link OutcomeTables}
 * without recomputing any metric: every plotted number is a cell of a table, except the box
 * plots (drawn from the per-episode changes of {@code episode_outcomes}) and the funnel limits
 * (drawn as curves with {@link org.clinicaloutcomes.metrics.FunnelLimits}, the formula of the
 * clinician table). Each chart is a {@link ReportChart} of {@code org.clinicaloutcomes.report.chart};
 * this class lists them and draws them.
 *
 * <p>In order: the mean score by assessment index per approach with 95% CI bands (one chart per
 * instrument, sheet {@code Trajectories}); for the primary instrument, reliable improvement / no
 * reliable change / reliable deterioration as 100% stacked bars ({@code Reliable change}), the
 * recovery rate with 95% CI whiskers, a forest plot of g with its 95% CI and box plots of the
 * change ({@code By approach}), the clinician funnel plots of reliable improvement and of dropout
 * ({@code Clinicians}); and the PCL-5
 * cluster change per approach ({@code Symptom clusters}); in a research run, per instrument with
 * clinical-significance results, the methods' categories as 100% stacked bars ({@code Clinical
 * significance}); and in a monthly run, from the ALL rows of the monthly series, reliable
 * improvement by month as a p-chart with the rolling 12-month rate and the signal months marked,
 * and intakes, discharges and caseload by month ({@code Over time}), then the practice's
 * expected-recovery curves of the primary instrument (sheet {@code Attention}, which the workbook
 * does not have yet: written to {@code charts/} only).
 *
 * <p>Only what the data have is drawn (RESEARCH.md, {@link DataPresence}): no chart of an instrument
 * without paired scores (the primary's four charts neither), no funnel when every clinician is
 * {@code unknown}, no cluster chart without PCL-5 item data.
 *
 * <p>Every chart is {@value #WIDTH} × {@value #HEIGHT} pixels, uses the bundled DejaVu Sans (text
 * of at least 12 pt), the Okabe–Ito palette with one colour per approach (by its position in the
 * configured list, ALL in grey), marks groups of n ≤ 10 (hatched bars, open markers) and says so
 * in a caption. With suppression on, groups of 1 to 10 episodes are left out. Rendering is
 * deterministic: the same tables give byte-identical PNGs.
 */
public final class ReportCharts {

    public static final int WIDTH = ChartStyle.WIDTH;
    public static final int HEIGHT = ChartStyle.HEIGHT;

    /** File of the PCL-5 cluster chart. */
    public static final String CLUSTERS_FILE = Pcl5ClustersChart.FILE;

    private ReportCharts() {
    }

    /**
     * The charts of a report, in the order described above: the workbook places them, and the
     * tasklet writes their files, in this order.
     */
    private static List<ReportChart> charts(OutcomeTables tables, RunDescription run) {
        Instrument primary = primary(run);
        List<ReportChart> charts = new ArrayList<>();
        for (Instrument instrument : run.instruments()) {
            if (DataPresence.paired(tables, instrument.key())) {
                charts.add(new TrajectoryChart(instrument));
            }
        }
        if (DataPresence.paired(tables, primary.key())) {
            charts.add(new ReliableChangeChart(primary));
            charts.add(new RecoveryChart(primary));
            charts.add(new EffectSizeChart(primary));
            charts.add(new ChangeBoxPlotChart(primary));
        }
        if (DataPresence.clinicians(tables)) {
            charts.add(new ClinicianFunnelChart(primary, ClinicianFunnelChart.Metric.RELIABLE_IMPROVEMENT));
            if (!run.byWave()) { // an analysis by wave has no discharge reasons, so no dropout
                charts.add(new ClinicianFunnelChart(primary, ClinicianFunnelChart.Metric.DROPOUT));
            }
        }
        if (DataPresence.clusters(tables)) {
            charts.add(new Pcl5ClustersChart());
        }
        if (!run.monthly()) {
            for (Instrument instrument : run.instruments()) {
                if (ClinicalSignificanceChart.hasRows(tables, instrument.key())) {
                    charts.add(new ClinicalSignificanceChart(instrument));
                }
            }
        }
        if (run.monthly()) {
            charts.add(new MonthlyImprovementChart(primary));
            charts.add(new MonthlyClientsChart());
            charts.add(new ExpectedRecoveryChart(primary));
        }
        return charts;
    }

    /** Renders every chart of the report, in the order described above. */
    public static List<RenderedChart> render(OutcomeTables tables, RunDescription run) {
        return render(tables, run, Runnable::run).join();
    }

    /**
     * Renders every chart of the report on the given executor, each chart a task of its own (a
     * chart depends only on the tables, so the PNGs are the same whichever thread draws them).
     *
     * @return the charts in the order described above, once all are drawn
     */
    public static CompletableFuture<List<RenderedChart>> render(OutcomeTables tables, RunDescription run,
                                                                Executor executor) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(run, "run");
        ChartInput input = new ChartInput(tables, run);
        List<CompletableFuture<RenderedChart>> rendered = charts(tables, run).stream()
                .map(chart -> CompletableFuture.supplyAsync(() -> chart.draw(input), executor)).toList();
        return CompletableFuture.allOf(rendered.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> rendered.stream().map(CompletableFuture::join).toList());
    }

    // ---------------------------------------------------------------- file names

    public static String trajectoryFile(String instrumentKey) {
        return TrajectoryChart.file(instrumentKey);
    }

    public static String reliableChangeFile(String instrumentKey) {
        return ReliableChangeChart.file(instrumentKey);
    }

    public static String recoveryFile(String instrumentKey) {
        return RecoveryChart.file(instrumentKey);
    }

    public static String effectSizeFile(String instrumentKey) {
        return EffectSizeChart.file(instrumentKey);
    }

    public static String changeBoxPlotFile(String instrumentKey) {
        return ChangeBoxPlotChart.file(instrumentKey);
    }

    public static String monthlyImprovementFile(String instrumentKey) {
        return MonthlyImprovementChart.file(instrumentKey);
    }

    public static String expectedRecoveryFile(String instrumentKey) {
        return ExpectedRecoveryChart.file(instrumentKey);
    }

    public static String clinicalSignificanceFile(String instrumentKey) {
        return ClinicalSignificanceChart.file(instrumentKey);
    }

    public static String funnelFile(String instrumentKey) {
        return ClinicianFunnelChart.file(instrumentKey);
    }

    /** File of the clinicians' dropout funnel. */
    public static String dropoutFunnelFile() {
        return ClinicianFunnelChart.DROPOUT_FILE;
    }

    /** The primary instrument of a run. */
    static Instrument primary(RunDescription run) {
        return run.primary();
    }

    static Instrument instrument(RunDescription run, String key) {
        return run.instrument(key);
    }

    /** A number as the charts print it (the workbook's notes print cut-offs the same way). */
    static String number(double value) {
        return ChartText.number(value);
    }
}
