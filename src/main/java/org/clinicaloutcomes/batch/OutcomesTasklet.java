package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.EpisodeData;
import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SmallNumberSuppression;
import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.ingest.AcceptedSessions;
import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.report.OutcomeCsvFiles;
import org.clinicaloutcomes.report.OutcomesWorkbook;
import org.clinicaloutcomes.report.RenderedChart;
import org.clinicaloutcomes.report.ReportCharts;
import org.clinicaloutcomes.report.RunDescription;
import org.clinicaloutcomes.report.ReportFolder;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Computes every table of METRICS.md from the staged episodes and sessions, visiting episodes in
 * intake order, applies small-number suppression when the run asks for it, and writes the tidy
 * CSVs, the charts and the workbook into the report's staging folder, all from the same tables.
 * It rewrites all its outputs, so a restart simply runs it again.
 */
class OutcomesTasklet implements Tasklet {

    private final RunSupport support;

    OutcomesTasklet(RunSupport support) {
        this.support = support;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        ReportWindow window = window(job);
        EpisodeRegistry registry = EpisodeRegistry.load(support.work().episodes());
        boolean monthly = support.run().job() == JobKind.MONTHLY;
        CohortAnalysis analysis = new CohortAnalysis(support.instruments().instruments(),
                support.approaches().approaches(), support.run().primaryInstrument(), window, monthly);
        AcceptedSessions.forEachEpisode(registry.size(), job.getInt(SessionStagingWriter.PARTITIONS),
                support.work()::sessions, support.instruments().instruments().size(),
                (episode, sessions) -> analysis.add(new EpisodeData(episode, registry.get(episode), List.copyOf(sessions))));
        OutcomeTables tables = analysis.finish();
        if (support.run().suppression()) {
            tables = SmallNumberSuppression.apply(tables);
        }
        ReportFolder report = new ReportFolder(Path.of(job.getString(ResolveWindowTasklet.OUTPUT)), support.run().runId());
        Path csv = report.staging().resolve("csv");
        try {
            Files.createDirectories(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + csv, e);
        }
        OutcomeCsvFiles.write(csv, tables, monthly);
        RunDescription run = RunFacts.describe(support, window);
        List<RenderedChart> charts = ReportCharts.render(tables, run);
        Path chartFolder = report.staging().resolve("charts");
        Files.createDirectories(chartFolder);
        for (RenderedChart chart : charts) {
            Files.write(chartFolder.resolve(chart.fileName()), chart.png());
        }
        OutcomesWorkbook.write(report.staging().resolve("outcomes-" + window.label() + ".xlsx"), tables, run,
                RunFacts.quality(support, job), charts);
        contribution.incrementWriteCount(registry.size());
        return RepeatStatus.FINISHED;
    }

    static ReportWindow window(ExecutionContext job) {
        LocalDate from = LocalDate.parse(job.getString(ResolveWindowTasklet.FROM));
        LocalDate to = LocalDate.parse(job.getString(ResolveWindowTasklet.TO));
        String month = job.getString(ResolveWindowTasklet.MONTH);
        String label = job.getString(ResolveWindowTasklet.LABEL);
        return new ReportWindow(from, to, month.isEmpty() ? null : YearMonth.parse(month), label);
    }
}
