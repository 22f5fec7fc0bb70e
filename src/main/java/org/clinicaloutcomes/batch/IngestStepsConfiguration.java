package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.ingest.InputFiles;
import org.clinicaloutcomes.ingest.IntakeRowValidator;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.clinicaloutcomes.ingest.SessionRowValidator;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the steps of both jobs: ingest of the two files, duplicates, the window, the outcomes, publication. */
@Configuration
public class IngestStepsConfiguration {

    /**
     * Rows of sessions.csv per committed chunk: large enough that commits are cheap, small enough
     * to restart close by.
     */
    static final int CHUNK_SIZE = 50_000;
    /** Bytes of sessions.csv per staging partition; a partition is held in memory while deduplicated. */
    static final long PARTITION_BYTES = 32L << 20;

    @Bean
    Step intakeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    IntakeIngestTasklet intakeTasklet) {
        return new StepBuilder("intake", jobRepository)
                .tasklet(intakeTasklet, transactionManager)
                .stream(intakeTasklet)
                .build();
    }

    @Bean
    @StepScope
    IntakeIngestTasklet intakeTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
                                      @Value("${clinical-outcomes.state-dir}") Path stateDir,
                                      JobRepository jobRepository) {
        RunSupport support = RunSupport.of(stepExecution, stateDir);
        IntakeRowValidator validator = new IntakeRowValidator(
                refusedAsFailure(() -> InputFiles.intakeLayout(support.run().intakeFile())), support.approaches());
        return new IntakeIngestTasklet(support.run().intakeFile(), validator::validate,
                new IntakeIngestWriter(support.work(), jobRepository), Progress.of("intake.csv", support.run().quiet()));
    }

    @Bean
    Step sessionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      SessionIngestTasklet sessionsTasklet) {
        return new StepBuilder("sessions", jobRepository)
                .tasklet(sessionsTasklet, transactionManager)
                .stream(sessionsTasklet)
                .build();
    }

    @Bean
    @StepScope
    SessionIngestTasklet sessionsTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
                                         @Value("${clinical-outcomes.state-dir}") Path stateDir,
                                         @Value("#{jobExecutionContext['intake.accepted']}") Long episodes,
                                         JobRepository jobRepository) {
        RunSupport support = RunSupport.of(stepExecution, stateDir);
        EpisodeRegistry registry;
        try {
            registry = EpisodeRegistry.load(support.work().episodes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged episodes", e);
        }
        Path sessionsFile = support.run().sessionsFile();
        SessionRowValidator validator = new SessionRowValidator(
                refusedAsFailure(() -> InputFiles.sessionsLayout(sessionsFile, support.instruments().instruments())),
                support.instruments().instruments(), registry);
        long bytes;
        try {
            bytes = Files.size(sessionsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sessions.csv", e);
        }
        int partitions = (int) Math.min(1024, Math.max(1, (bytes + PARTITION_BYTES - 1) / PARTITION_BYTES));
        SessionStagingWriter staging = new SessionStagingWriter(support.work(), partitions,
                episodes == null ? 0 : episodes, jobRepository);
        return new SessionIngestTasklet(sessionsFile, validator::validate, staging,
                Progress.of("sessions.csv", support.run().quiet()), CHUNK_SIZE);
    }

    @Bean
    Step deduplicationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           DeduplicationTasklet deduplicationTasklet) {
        return new StepBuilder("duplicates", jobRepository).tasklet(deduplicationTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    DeduplicationTasklet deduplicationTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
                                              @Value("${clinical-outcomes.state-dir}") Path stateDir,
                                              JobRepository jobRepository) {
        RunSupport support = RunSupport.of(stepExecution, stateDir);
        return new DeduplicationTasklet(support.work(), jobRepository);
    }

    @Bean
    Step resolveWindowStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           ResolveWindowTasklet resolveWindowTasklet) {
        return new StepBuilder("window", jobRepository).tasklet(resolveWindowTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    ResolveWindowTasklet resolveWindowTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
                                              OutputLocks outputLocks, JobRepository jobRepository) {
        return new ResolveWindowTasklet(RunParameters.from(stepExecution.getJobParameters()), outputLocks, jobRepository);
    }

    @Bean
    OutputLocks outputLocks() {
        return new OutputLocks();
    }

    @Bean
    Step outcomesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      OutcomesTasklet outcomesTasklet) {
        return new StepBuilder("outcomes", jobRepository).tasklet(outcomesTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    OutcomesTasklet outcomesTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
                                    @Value("${clinical-outcomes.state-dir}") Path stateDir) {
        return new OutcomesTasklet(RunSupport.of(stepExecution, stateDir));
    }

    @Bean
    Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     PublishReportTasklet publishReportTasklet) {
        return new StepBuilder("publish", jobRepository).tasklet(publishReportTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    PublishReportTasklet publishReportTasklet(@Value("#{stepExecution}") StepExecution stepExecution,
                                              @Value("${clinical-outcomes.state-dir}") Path stateDir) {
        return new PublishReportTasklet(RunSupport.of(stepExecution, stateDir));
    }

    @Bean
    WorkFolderCleanup workFolderCleanup(@Value("${clinical-outcomes.state-dir}") Path stateDir, OutputLocks outputLocks) {
        return new WorkFolderCleanup(stateDir, outputLocks);
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
