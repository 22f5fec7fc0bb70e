package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.clinicaloutcomes.ingest.CsvRecordSource;
import org.clinicaloutcomes.ingest.EpisodeIndex;
import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.ingest.EpisodeRegistryFile;
import org.clinicaloutcomes.ingest.ExportLayout;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.ingest.ExportRows;
import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.ingest.InputFiles;
import org.clinicaloutcomes.ingest.IntakeRowValidator;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.clinicaloutcomes.ingest.SessionRowValidator;
import org.clinicaloutcomes.report.TestPause;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.builder.TaskletStepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the steps of both jobs: ingest of the two files, duplicates, the window, the outcomes, publication. */
@Configuration
public class ReportStepsConfiguration {

    static final int CHUNK_SIZE = 50_000;
    /** Bytes of sessions.csv per staging partition; a partition is held in memory while deduplicated. */
    static final long PARTITION_BYTES = 32L << 20;

    /**
     * Rows of sessions.csv per committed chunk: large enough that commits are cheap, small enough
     * to restart close by. A property only so that tests can commit small chunks.
     */
    @Value("${clinical-outcomes.sessions-chunk-rows:" + CHUNK_SIZE + "}")
    int sessionsChunkRows;

    @Bean
    RunSupport.PerRun runSupports(@Value("${" + WorkFolder.PROPERTY + "}") Path workDir) {
        return new RunSupport.PerRun(workDir);
    }

    @Bean
    StepHandoffs stepHandoffs(JobRepository jobRepository) {
        return new StepHandoffs(jobRepository);
    }

    @Bean
    TaskletSteps taskletSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              StepHandoffs handoffs) {
        return new TaskletSteps(jobRepository, transactionManager, handoffs);
    }

    @Bean
    Step intakeStep(TaskletSteps steps, IngestTasklet intakeTasklet) {
        return steps.handingOn(StepHandoffs.INTAKE, intakeTasklet);
    }

    /** intake.csv, or the first reading of a researcher's export: its participants. */
    @Bean
    @StepScope
    IngestTasklet intakeTasklet(@Value("#{stepExecution}") StepExecution stepExecution, RunSupport.PerRun runs) {
        RunSupport support = runs.of(stepExecution);
        ExportMapping export = support.export();
        if (export.layout().byWave()) {
            ExportRows rows = exportRows(support, export);
            return IngestTasklet.of(new WholeFileIngestTasklet<>(() -> ExportLayout.open(export),
                    rows.layout().fileName(), rows::participant,
                    new ParticipantAcceptor(support.work(), rows, support.run().approaches().isEmpty()),
                    Progress.of(rows.layout().fileName(), support.run().quiet()), TestPause.INTAKE_STAGED));
        }
        Path intakeFile = support.run().intakeFile();
        IntakeRowValidator validator = new IntakeRowValidator(
                refusedAsFailure(() -> InputFiles.intakeLayout(intakeFile)), support.approaches());
        return IngestTasklet.of(new WholeFileIngestTasklet<>(() -> new CsvRecordSource(intakeFile), "intake",
                validator::validate, new IntakeAcceptor(support.work()),
                Progress.of("intake.csv", support.run().quiet()), TestPause.INTAKE_STAGED));
    }

    private static ExportRows exportRows(RunSupport support, ExportMapping export) {
        ExportLayout layout = refusedAsFailure(() -> ExportLayout.read(export, support.instruments().instruments()));
        return new ExportRows(layout, support.run().approaches().isEmpty() ? null : support.approaches());
    }

    @Bean
    Step sessionsStep(TaskletSteps steps, IngestTasklet sessionsTasklet) {
        return steps.handingOn(StepHandoffs.SESSIONS, sessionsTasklet);
    }

    /** sessions.csv, or the second reading of a researcher's export: the scores at each wave. */
    @Bean
    @StepScope
    IngestTasklet sessionsTasklet(@Value("#{stepExecution}") StepExecution stepExecution, RunSupport.PerRun runs) {
        RunSupport support = runs.of(stepExecution);
        ExportMapping export = support.export();
        if (export.layout().byWave()) {
            EpisodeRegistry registry;
            try {
                registry = EpisodeRegistryFile.load(support.work().episodes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staged participants", e);
            }
            ExportRows rows = exportRows(support, export);
            SessionStaging staging = new SessionStaging(support.work(),
                    stagingLayout(support, export.file(), registry.size()));
            IngestCounts participants = JobFacts.of(stepExecution.getJobExecution().getExecutionContext())
                    .counts(InputFileKind.INTAKE);
            AssessmentStaging assessments = new AssessmentStaging(staging, rows.layout().fileName(),
                    rows.layout().waveCount(), support.instruments().instruments().size(), participants);
            return IngestTasklet.of(new WholeFileIngestTasklet<>(() -> ExportLayout.open(export),
                    rows.layout().fileName(), row -> rows.assessments(row, registry), assessments,
                    Progress.of(rows.layout().fileName(), support.run().quiet()), null));
        }
        EpisodeIndex episodes;
        try {
            episodes = EpisodeRegistryFile.loadIndex(support.work().episodes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged episodes", e);
        }
        Path sessionsFile = support.run().sessionsFile();
        SessionRowValidator validator = new SessionRowValidator(
                refusedAsFailure(() -> InputFiles.sessionsLayout(sessionsFile, support.instruments().instruments())),
                support.instruments().instruments(), episodes);
        // The episode count comes from the staged episodes themselves, not from a count handed on.
        SessionStaging staging = new SessionStaging(support.work(),
                stagingLayout(support, sessionsFile, episodes.size()));
        return IngestTasklet.of(new SessionIngestTasklet(sessionsFile, validator::validate, staging,
                Progress.of("sessions.csv", support.run().quiet()), sessionsChunkRows));
    }

    /**
     * The staging files of the run's analysis partitions ({@code --partitions}), as many in all as
     * {@link #partitions} gives for the file's size.
     */
    private static StagingLayout stagingLayout(RunSupport support, Path file, long episodes) {
        int partitions = support.run().partitions();
        int[] partitionOf;
        try {
            partitionOf = partitions == 1 ? null
                    : EpisodeRegistryFile.partitionOfEpisodes(support.work().episodes(), partitions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged episodes", e);
        }
        return StagingLayout.of(partitions(file), partitions, episodes, partitionOf);
    }

    /** Staging partitions for a file of this size: each is held in memory while deduplicated. */
    private static int partitions(Path file) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
        return (int) Math.min(1024, Math.max(1, (bytes + PARTITION_BYTES - 1) / PARTITION_BYTES));
    }

    @Bean
    Step deduplicationStep(TaskletSteps steps, DeduplicationTasklet deduplicationTasklet) {
        return steps.handingOn(StepHandoffs.DUPLICATES, deduplicationTasklet);
    }

    @Bean
    @StepScope
    DeduplicationTasklet deduplicationTasklet(@Value("#{stepExecution}") StepExecution stepExecution, RunSupport.PerRun runs) {
        RunSupport support = runs.of(stepExecution);
        return new DeduplicationTasklet(support.work());
    }

    @Bean
    Step resolveWindowStep(TaskletSteps steps, ResolveWindowTasklet resolveWindowTasklet) {
        return steps.handingOn(StepHandoffs.WINDOW, resolveWindowTasklet);
    }

    @Bean
    @StepScope
    ResolveWindowTasklet resolveWindowTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
                                              OutputLocks outputLocks) {
        return new ResolveWindowTasklet(RunParameters.from(stepExecution.getJobParameters()), outputLocks);
    }

    @Bean
    OutputLocks outputLocks() {
        return new OutputLocks();
    }

    /**
     * The analysis, in {@code --partitions} partitions (issue 19): a partitioned step whose
     * workers ({@code analysis.partition:partition<p>}) run on as many threads as there are cores,
     * or in {@code worker} processes ({@link AnalysisPartitionHandler}).
     * Manager and workers run again on every restart (their accumulators are in memory); the
     * workers' read counts add up to the manager's.
     */
    @Bean
    Step analysisStep(JobRepository jobRepository, Step analysisPartitionStep, Partitioner analysisPartitioner,
                      ObjectProvider<PartitionRequests> partitionRequests, ObjectProvider<PartitionLeases> partitionLeases) {
        SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(jobRepository,
                StepHandoffs.ANALYSIS_PARTITION, analysisPartitioner);
        splitter.setAllowStartIfComplete(true);
        return new StepBuilder(StepHandoffs.ANALYSIS, jobRepository)
                .partitioner(StepHandoffs.ANALYSIS_PARTITION, analysisPartitioner)
                .splitter(splitter)
                .partitionHandler(new AnalysisPartitionHandler(analysisPartitionStep,
                        () -> new RemotePartitionHandler(jobRepository, partitionRequests.getObject(),
                                partitionLeases.getObject(), StepHandoffs.ANALYSIS_PARTITION)))
                .allowStartIfComplete(true)
                .build();
    }

    /** One partition of the analysis, on a thread of this process or in a worker. */
    @Bean
    Step analysisPartitionStep(TaskletSteps steps, AnalysisPartitionTasklet analysisPartitionTasklet) {
        return steps.rerunOnRestart(StepHandoffs.ANALYSIS_PARTITION, analysisPartitionTasklet);
    }

    @Bean
    PartitionRequests partitionRequests(DataSource dataSource) {
        return new PartitionRequests(dataSource);
    }

    @Bean
    PartitionLeases partitionLeases(DataSource dataSource) {
        return new PartitionLeases(dataSource);
    }

    @Bean
    PartitionWorker partitionWorker(PartitionRequests partitionRequests, PartitionLeases partitionLeases,
                                    JobRepository jobRepository, Step analysisPartitionStep) {
        return new PartitionWorker(partitionRequests, partitionLeases, jobRepository, analysisPartitionStep);
    }

    @Bean
    @StepScope
    Partitioner analysisPartitioner(@Value("#{stepExecution}") StepExecution stepExecution, RunSupport.PerRun runs) {
        return new AnalysisPartitioner(runs.of(stepExecution).run().partitions());
    }

    @Bean
    @StepScope
    AnalysisPartitionTasklet analysisPartitionTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
                                                      @Value("#{stepExecutionContext['" + AnalysisPartitioner.PARTITION + "']}")
                                                      Integer partition,
                                                      RunSupport.PerRun runs, AnalysisPartitions analysisPartitions) {
        return new AnalysisPartitionTasklet(runs.of(stepExecution), analysisPartitions, partition);
    }

    @Bean
    AnalysisPartitions analysisPartitions() {
        return new AnalysisPartitions();
    }

    @Bean
    Step outcomesStep(TaskletSteps steps, OutcomesTasklet outcomesTasklet) {
        // Run again on every restart, so that the report's staging folder is always written by
        // the process that publishes it: nothing of a killed run's staging folder is ever used.
        return steps.rerunOnRestart(StepHandoffs.OUTCOMES, outcomesTasklet);
    }

    @Bean
    @StepScope
    OutcomesTasklet outcomesTasklet(@Value("#{stepExecution}") StepExecution stepExecution, RunSupport.PerRun runs,
                                    AnalysisPartitions analysisPartitions) {
        return new OutcomesTasklet(runs.of(stepExecution), analysisPartitions);
    }

    @Bean
    Step publishStep(TaskletSteps steps, PublishReportTasklet publishReportTasklet) {
        return steps.rerunOnRestart(StepHandoffs.PUBLISH, publishReportTasklet);
    }

    @Bean
    @StepScope
    PublishReportTasklet publishReportTasklet(@Value("#{stepExecution}") StepExecution stepExecution, RunSupport.PerRun runs) {
        return new PublishReportTasklet(runs.of(stepExecution));
    }

    /**
     * Builds the tasklet steps of both jobs: a tasklet is also its step's stream when it keeps
     * state across a restart; a step either hands its results on (StepHandoffs) and is not run
     * again once complete, or has none and runs again on every restart.
     */
    record TaskletSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        StepHandoffs handoffs) {

        Step handingOn(String name, Tasklet tasklet) {
            return builder(name, tasklet).listener(handoffs).build();
        }

        Step rerunOnRestart(String name, Tasklet tasklet) {
            return builder(name, tasklet).allowStartIfComplete(true).build();
        }

        private TaskletStepBuilder builder(String name, Tasklet tasklet) {
            TaskletStepBuilder builder = new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager);
            if (tasklet instanceof ItemStream stream) {
                builder.stream(stream);
            }
            return builder;
        }
    }

    interface RefusableSupplier<T> {
        T get() throws RefusedFileException;
    }

    /** A file refused after the pre-flight check passed (it changed under the run) fails the step. */
    static <T> T refusedAsFailure(RefusableSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (RefusedFileException e) {
            throw new IllegalStateException(e.getMessage(), null);
        }
    }
}
