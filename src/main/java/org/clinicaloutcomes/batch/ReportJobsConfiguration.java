package org.clinicaloutcomes.batch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two report jobs: the practice owner's monthly report and a researcher's rerun.
 *
 * <p>They run the same steps. Where they differ — the window (a month and the months before it,
 * or dates), the alerts (monthly only), suppression's default (on for research) — is data the
 * steps take from the job parameters (RunParameters.job), not another flow of steps. They stay
 * two jobs, not one job with its kind as a parameter, so that the job repository keeps their
 * histories apart: --restart looks for the latest run of the same job by the job's name, and a
 * practice's monthly runs never crowd out a researcher's.
 */
@Configuration
public class ReportJobsConfiguration {

    public static final String MONTHLY = "monthly";
    public static final String RESEARCH = "research";

    @Bean
    Job monthlyJob(JobRepository jobRepository, StepHandoffs stepHandoffs, Step intakeStep, Step sessionsStep,
                   Step deduplicationStep, Step resolveWindowStep, Step analysisStep, Step outcomesStep,
                   Step publishStep) {
        return reportJob(MONTHLY, jobRepository, stepHandoffs, intakeStep, sessionsStep, deduplicationStep,
                resolveWindowStep, analysisStep, outcomesStep, publishStep);
    }

    @Bean
    Job researchJob(JobRepository jobRepository, StepHandoffs stepHandoffs, Step intakeStep, Step sessionsStep,
                    Step deduplicationStep, Step resolveWindowStep, Step analysisStep, Step outcomesStep,
                    Step publishStep) {
        return reportJob(RESEARCH, jobRepository, stepHandoffs, intakeStep, sessionsStep, deduplicationStep,
                resolveWindowStep, analysisStep, outcomesStep, publishStep);
    }

    private static Job reportJob(String name, JobRepository jobRepository, StepHandoffs stepHandoffs, Step intake,
                                 Step sessions, Step duplicates, Step window, Step analysis, Step outcomes,
                                 Step publish) {
        return new JobBuilder(name, jobRepository)
                .listener((JobExecutionListener) stepHandoffs)
                .start(intake)
                .next(sessions)
                .next(duplicates)
                .next(window)
                .next(analysis)
                .next(outcomes)
                .next(publish)
                .build();
    }
}
