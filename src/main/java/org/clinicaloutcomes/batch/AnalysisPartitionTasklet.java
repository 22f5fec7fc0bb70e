package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.util.List;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.analysis.EpisodeData;
import org.clinicaloutcomes.analysis.MonitoringSettings;
import org.clinicaloutcomes.analysis.SignificanceSettings;
import org.clinicaloutcomes.analysis.WaveDesign;
import org.clinicaloutcomes.cli.JobKind;
import org.clinicaloutcomes.ingest.AcceptedSessions;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.clinicaloutcomes.report.TestPause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One partition of a run's analysis (issue 19): its episodes, in increasing index order, with
 * their sessions from its own staging files ({@link StagingLayout}), given to an analysis of their
 * own, which it leaves in {@link AnalysisPartitions} for the outcomes step to merge. Read: the
 * partition's episodes. It runs on a thread of the manager's process, or in a {@code worker}
 * process ({@code --remote-workers}). It keeps nothing across a restart, so a restart runs it again.
 */
class AnalysisPartitionTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisPartitionTasklet.class);

    private final RunSupport support;
    private final AnalysisPartitions shared;
    private final int partition;

    AnalysisPartitionTasklet(RunSupport support, AnalysisPartitions shared, int partition) {
        this.support = support;
        this.shared = shared;
        this.partition = partition;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long started = System.nanoTime();
        long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        JobFacts facts = JobFacts.handedOn(chunkContext);
        int partitions = support.run().partitions();
        AnalysisPartitions.Own episodes = shared.episodesOf(support, jobExecutionId, partition);
        int blocks = StagingLayout.blocks(facts.partitions(), partitions);
        int[] own = episodes.episodes();
        CohortAnalysis analysis = emptyAnalysis(support, facts, facts.window());
        AcceptedSessions.forEachEpisode(own, StagingLayout.firstFile(partition, blocks), blocks,
                support.work()::sessions, support.instruments().instruments().size(), (episode, sessions) ->
                        analysis.add(new EpisodeData(episode, episodes.record().apply(episode), List.copyOf(sessions))));
        TestPause.at(TestPause.ANALYSIS_PARTITION_DONE);
        shared.analysed(support, jobExecutionId, partition, analysis, own.length);
        StepCounts.read(contribution, own.length);
        LOG.info("analysis partition {} of {}: {} episodes in {} ms", partition, partitions, own.length,
                (System.nanoTime() - started) / 1_000_000);
        return RepeatStatus.FINISHED;
    }

    /** An analysis of this run that has seen no episode yet. */
    static CohortAnalysis emptyAnalysis(RunSupport support, JobFacts facts, ReportWindow window) {
        boolean monthly = support.run().job() == JobKind.MONTHLY;
        ExportMapping export = support.export();
        List<String> approaches = support.approaches(facts).approaches();
        CohortAnalysis analysis = export.layout().byWave()
                ? CohortAnalysis.byWave(support.instruments().instruments(), approaches,
                        support.run().primaryInstrument(),
                        WaveDesign.of(export.waves(), export.baselineWave(), export.finalWave()))
                : new CohortAnalysis(support.instruments().instruments(), approaches,
                        support.run().primaryInstrument(), window, monthly,
                        monthly ? support.run().monitoring() : MonitoringSettings.DEFAULT);
        if (!monthly) {
            analysis.computeSignificance(significance(support));
        }
        return analysis;
    }

    /** The research run's clinical-significance methods and each instrument's parameters (SIGNIFICANCE.md, section 11). */
    private static SignificanceSettings significance(RunSupport support) {
        return new SignificanceSettings(support.run().significance(), support.instruments().instruments().stream()
                .map(instrument -> support.instruments().significance(instrument.key())).toList());
    }
}
