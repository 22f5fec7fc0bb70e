package org.clinicaloutcomes.batch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The practice owner's monthly report. */
@Configuration
public class MonthlyJobConfiguration {

    public static final String JOB_NAME = "monthly";

    @Bean
    Job monthlyJob(JobRepository jobRepository, StepHandoffs stepHandoffs, Step intakeStep,
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
