package org.clinicaloutcomes.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.report.ReportFolder;
import org.clinicaloutcomes.report.TestPause;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Resolves what the command line left open once the data is known: the report month (monthly),
 * the open ends of the window (research) and the default output folder (REPORTS.md).
 */
class ResolveWindowTasklet implements Tasklet {

    private final RunParameters run;
    private final OutputLocks locks;

    ResolveWindowTasklet(RunParameters run, OutputLocks locks) {
        this.run = run;
        this.locks = locks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReportWindow window = resolve(run, JobFacts.handedOn(chunkContext));
        Path output = outputFolder(run, window);
        String refusal = ReportFolder.refusalToReplace(output, run.input());
        if (refusal != null) {
            throw new RunRefused(refusal);
        }
        try {
            locks.acquireOutput(output, run.runId());
        } catch (org.clinicaloutcomes.report.OutputLock.OutputBusyException e) {
            throw new OutputLocks.OutputBusy(e.getMessage());
        }
        JobFacts.results(chunkContext).window(window, output);
        TestPause.at(TestPause.WINDOW_DONE);
        return RepeatStatus.FINISHED;
    }

    /**
     * The window of a run: what its command line gave, the rest from the facts the ingest steps
     * left (REPORTS.md, defaults: the latest accepted session date, or without sessions the
     * latest intake date).
     */
    static ReportWindow resolve(RunParameters run, JobFacts facts) {
        LocalDate latestData = facts.latestSession().or(facts::latestIntake).orElse(null);
        if (run.job() == JobKind.MONTHLY) {
            YearMonth month = run.month();
            if (month == null) {
                if (latestData == null) {
                    throw new NoDataException("there is no accepted session or intake to report on; give --month");
                }
                month = ReportWindow.defaultMonth(latestData, run.today());
            }
            return ReportWindow.monthly(month, run.windowMonths());
        }
        if (run.export().layout().byWave()) {
            return ReportWindow.byWave(run.export().waves().size()); // the window is all the data
        }
        LocalDate earliest = facts.earliestIntake().orElse(null);
        if ((run.from() == null && earliest == null) || (run.to() == null && latestData == null)) {
            throw new NoDataException("there is no accepted data to take the window from; give --from and --to");
        }
        LocalDate from = run.from() != null ? run.from() : earliest;
        LocalDate to = run.to() != null ? run.to() : latestData;
        if (to.isBefore(from)) {
            throw new NoDataException("the window " + from + " to " + to + " is empty: the data ends before it starts");
        }
        return ReportWindow.research(from, to, earliest, latestData);
    }

    /** The output folder of a run with this window: as given, else the default (absolute). */
    static Path outputFolder(RunParameters run, ReportWindow window) {
        return (run.output() != null ? run.output() : defaultOutputFolder(run, window)).toAbsolutePath().normalize();
    }

    private static Path defaultOutputFolder(RunParameters run, ReportWindow window) {
        Path reports = Path.of(ReportFolder.DEFAULT_PARENT);
        if (run.job() == JobKind.MONTHLY) {
            return reports.resolve(window.label());
        }
        if (run.from() == null && run.to() == null) {
            return reports.resolve("research-all");
        }
        return reports.resolve("research-" + window.from() + "_" + window.to());
    }

    /** The data leave nothing to report on; the message says what to give instead. */
    static final class NoDataException extends RunRefused {
        NoDataException(String message) {
            super(message);
        }
    }
}
