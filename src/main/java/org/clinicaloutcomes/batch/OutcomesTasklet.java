package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.report.OutcomeCsvFiles;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.ReportCharts;
import org.clinicaloutcomes.report.ReportFolder;
import org.clinicaloutcomes.report.ReportWarmUp;
import org.clinicaloutcomes.report.RunDescription;
import org.clinicaloutcomes.report.SummaryPage;
import org.clinicaloutcomes.report.TestPause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Computes every table of METRICS.md from the analysis partitions' accumulators
 * ({@link AnalysisPartitionTasklet}), applies small-number suppression when the run asks for it, and writes the tidy
 * CSVs, the charts, the workbook and the summary page into the report's staging folder, all from the same tables.
 * It rewrites all its outputs, so a restart simply runs it again.
 */
class OutcomesTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomesTasklet.class);

    private final RunSupport support;
    private final AnalysisPartitions shared;

    OutcomesTasklet(RunSupport support, AnalysisPartitions shared) {
        this.support = support;
        this.shared = shared;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ExecutorService drawing = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            return execute(contribution, chunkContext, drawing);
        } finally {
            drawing.shutdownNow();
        }
    }

    private RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext, ExecutorService drawing)
            throws IOException {
        long started = System.nanoTime();
        OutcomesWorkbook.keepTemporaryFilesIn(support.work().workbookTemporaryFiles());
        // The tables are computed on this thread alone: meanwhile another core loads the chart and
        // workbook libraries.
        drawing.execute(ReportWarmUp::run);
        JobFacts facts = JobFacts.handedOn(chunkContext);
        ReportWindow window = facts.window();
        Analysed analysed = analyse(chunkContext.getStepContext().getStepExecution().getJobExecutionId());
        OutcomeTables tables = analysed.tables();
        boolean monthly = support.run().job() == JobKind.MONTHLY;
        boolean byWave = support.export().layout().byWave();
        JobFacts results = JobFacts.ofRerunStep(chunkContext);
        results.primaryPaired(primaryPaired(tables, support.run().primaryInstrument()));
        results.dataGaps(analysed.gaps());
        if (support.run().suppression()) {
            tables = SmallNumberSuppression.apply(tables);
        }
        ReportFolder report = new ReportFolder(facts.outputFolder(), support.run().runId());
        // A restarted step starts from an empty staging folder: nothing a killed attempt left half
        // written there may end up in the report (or in run.json's list of its files).
        report.reset();
        Path csv = report.staging().resolve(ReportFolder.CSV_FOLDER);
        try {
            Files.createDirectories(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + csv, e);
        }
        RunDescription run = RunFacts.describe(support, facts, window);
        Path xlsx = report.staging().resolve(ReportFolder.workbookFileName(window.label()));
        Path chartFolder = report.staging().resolve(ReportFolder.CHARTS_FOLDER);
        Files.createDirectories(chartFolder);
        // Three independent writers from the same immutable tables: the CSVs on one thread, the
        // charts on the others, then the workbook (which holds the charts) on this one. Each
        // output is the same whichever thread writes it.
        OutcomeTables finalTables = tables;
        ExecutorService csvWriter = Executors.newSingleThreadExecutor();
        try {
            Future<Long> csvFiles = csvWriter.submit(() -> {
                OutcomeCsvFiles.write(csv, finalTables, monthly, byWave);
                return System.nanoTime();
            });
            List<RenderedChart> charts = ReportCharts.render(tables, run, drawing).get();
            long drawn = System.nanoTime();
            for (RenderedChart chart : charts) {
                Files.write(chartFolder.resolve(chart.fileName()), chart.png());
            }
            OutcomesWorkbook.write(xlsx, tables, run, RunFacts.quality(support, facts), charts);
            // The summary page: the same tables and chart PNGs, no episode-level row.
            SummaryPage.write(report.staging().resolve(ReportFolder.SUMMARY_FILE), tables, run, charts);
            long written = System.nanoTime();
            long csvWritten = csvFiles.get();
            LOG.info("outcomes: tables {} ms (partitions merged {} ms, tables computed {} ms); "
                            + "from then, CSVs {} ms, charts {} ms, workbook after the charts {} ms",
                    millis(started, analysed.done()), millis(started, analysed.merged()),
                    millis(analysed.merged(), analysed.done()),
                    millis(analysed.done(), csvWritten), millis(analysed.done(), drawn), millis(drawn, written));
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the report", e);
        } finally {
            csvWriter.shutdownNow();
        }
        // Read: the episodes analysed. Nothing is counted as written: the report's files are not items.
        StepCounts.read(contribution, analysed.episodes());
        TestPause.at(TestPause.OUTCOMES_DONE);
        return RepeatStatus.FINISHED;
    }

    /** The tables and what the run's data lacks, with when each part of computing them ended. */
    private record Analysed(OutcomeTables tables, List<String> gaps, int episodes, long merged, long done) {
    }

    /**
     * Computes the tables from the analysis partitions' accumulators, merged
     * ({@link AnalysisPartitions#merged}). The accumulators
     * stay in this method: at 10M sessions they are a few hundred MB that the writers after it no
     * longer need, and a 1 GB heap without them spends no time in full collections.
     */
    private Analysed analyse(long jobExecutionId) throws IOException {
        AnalysisPartitions.Merged partitions = shared.merged(support, jobExecutionId);
        CohortAnalysis analysis = partitions.analysis();
        long merged = System.nanoTime();
        OutcomeTables tables = analysis.finish();
        long done = System.nanoTime();
        List<String> gaps = new ArrayList<>();
        analysis.approachesWithoutEpisodes().forEach(approach ->
                gaps.add("approach " + approach + ": no accepted episode"));
        analysis.instrumentsWithoutScores().forEach(instrument ->
                gaps.add("instrument " + instrument.key() + " (" + instrument.name() + "): no accepted score"));
        gaps.addAll(tables.significance().warnings());
        return new Analysed(tables, gaps, partitions.episodes(), merged, done);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static RuntimeException rethrow(Throwable cause) throws IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static long primaryPaired(OutcomeTables tables, String primary) {
        return tables.outcomesByApproach().stream()
                .filter(row -> row.approach().equals(OutcomeTables.ALL) && row.instrument().equals(primary))
                .mapToLong(row -> row.outcomes().nPaired()).sum();
    }
}
