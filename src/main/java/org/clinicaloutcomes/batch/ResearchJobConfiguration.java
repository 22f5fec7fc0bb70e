package org.clinicaloutcomes.batch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A researcher's rerun on an explicit window (or all the data). */
@Configuration
public class ResearchJobConfiguration {

    public static final String JOB_NAME = "research";

    @Bean
    Job researchJob(JobRepository jobRepository, StepHandoffs stepHandoffs, Step intakeStep,
                   Step sessionsStep, Step deduplicationStep, Step resolveWindowStep, Step outcomesStep,
                   Step publishStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener((JobExecutionListener) stepHandoffs)
                .start(intakeStep)
                .next(sessionsStep)
                .next(deduplicationStep)
                .next(resolveWindowStep)
                .next(outcomesStep)
                .next(publishStep)
                .build();
    }
}
