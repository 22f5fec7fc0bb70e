package org.clinicaloutcomes.batch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.report.DataQuality;
import org.clinicaloutcomes.report.DataQualityVerdict;
import org.clinicaloutcomes.report.Provenance;
import org.clinicaloutcomes.report.RejectsCsv;
import org.clinicaloutcomes.report.ReportFolder;
import org.clinicaloutcomes.report.RunDescription;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes the data-quality outputs into the report's staging folder and publishes the report. */
class PublishReportTasklet implements Tasklet {

    private final RunSupport support;

    PublishReportTasklet(RunSupport support) {
        this.support = support;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        WorkFolder work = support.work();
        JobFacts facts = JobFacts.handedOn(chunkContext);
        Path output = facts.outputFolder();
        // This run holds the output folder's lock: a publication of an earlier attempt, killed
        // between its renames, is put right before this one starts.
        ReportFolder.recoverInterrupted(output, support.run().runId());
        ReportFolder report = new ReportFolder(output, support.run().runId());
        Path staging = report.staging();
        try (RejectStage intake = RejectStage.open(work.rejects(InputFileKind.INTAKE));
             RejectStage sessions = RejectStage.open(work.rejects(InputFileKind.SESSIONS));
             RejectStage duplicates = RejectStage.open(work.duplicateRejects())) {
            // An export's two readings reject rows of the same file: its rejects are listed by line.
            Iterator<Reject> later = RejectStage.mergeByLine(sessions, duplicates);
            Iterator<Reject> all = facts.export().isPresent() ? RejectStage.mergeByLine(intake, later)
                    : concat(intake, later);
            RejectsCsv.write(staging.resolve(ReportFolder.REJECTS_FILE), all);
        }
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ReportWindow window = facts.window();
        DataQuality quality = RunFacts.quality(support, facts);
        RunDescription run = RunFacts.describe(support, facts, window);
        Provenance.write(staging, run, quality, timestamp(execution.getStartTime()), timestamp(LocalDateTime.now()));
        report.publish();
        List<String> reasons = new ArrayList<>();
        for (DataQuality.FileCounts file : quality.files()) {
            List<String> lines = DataQualityVerdict.reasonLines(quality, file.file());
            if (!lines.isEmpty()) {
                reasons.add("  " + file.file() + " rejects, most frequent first:");
                reasons.addAll(lines);
            }
        }
        List<DataQualityVerdict.ScoreCells> cells = RunFacts.scoreCells(support, facts);
        for (DataQualityVerdict.ScoreCells cell : cells) {
            if (cell.rejected() > 0) {
                // Rows with rejected cells are accepted: the cells are counted apart (RESEARCH.md).
                reasons.add("  " + cell.file() + ": " + cell.describe() + " (their rows stand)");
            }
        }
        JobFacts.ofRerunStep(chunkContext).dataQuality(reasons, DataQualityVerdict.problem(quality,
                support.run().maxRejectPct(), run.primary().name(), facts.primaryPaired(), cells, run::words));
        return RepeatStatus.FINISHED;
    }

    private static String timestamp(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime().toString();
    }

    private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public T next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }
}
