package org.clinicaloutcomes.batch;

import java.nio.file.Path;

import java.util.List;

import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.springframework.batch.core.step.StepExecution;

/** What the step components of a run derive from its job parameters. */
record RunSupport(RunParameters run, WorkFolder work, InstrumentCatalog instruments, ApproachCatalog approaches) {

    static RunSupport of(StepExecution stepExecution, Path workDir) {
        RunParameters run = RunParameters.from(stepExecution.getJobParameters());
        InstrumentCatalog instruments;
        try {
            instruments = run.instrumentsFile() == null ? InstrumentCatalog.bundled()
                    : InstrumentCatalog.load(run.instrumentsFile());
        } catch (RefusedFileException e) {
            throw new IllegalStateException(e.getMessage(), null);
        }
        return new RunSupport(run, WorkFolder.of(workDir, run.runId()), instruments,
                new ApproachCatalog(run.approaches()));
    }

    /** How the run's input is read: the pipeline's own files, or a researcher's export. */
    ExportMapping export() {
        return run.export();
    }

    /**
     * The approaches of the run's reports: as configured, or those a researcher's export named,
     * in order of first appearance (handed on by the intake step).
     */
    ApproachCatalog approaches(JobFacts handedOn) {
        if (!approaches.approaches().isEmpty()) {
            return approaches;
        }
        List<String> named = handedOn.exportApproaches();
        // An export without one accepted participant still gets its (empty) report, under one group.
        return new ApproachCatalog(named.isEmpty() ? List.of(NO_APPROACH) : named);
    }

    /** The one group of an export whose rows name no approach that was accepted. */
    static final String NO_APPROACH = "unknown";

    /**
     * The RunSupport of the job execution under way, worked out once for all its steps: the job
     * parameters are parsed and the instrument file read once per run, so every step of it works
     * with the same configuration even if the file is edited while the run goes on.
     */
    static final class PerRun {

        private final Path workDir;
        private long jobExecutionId = -1;
        private RunSupport support;

        PerRun(Path workDir) {
            this.workDir = workDir;
        }

        synchronized RunSupport of(StepExecution stepExecution) {
            if (support == null || stepExecution.getJobExecutionId() != jobExecutionId) {
                support = RunSupport.of(stepExecution, workDir);
                jobExecutionId = stepExecution.getJobExecutionId();
            }
            return support;
        }
    }
}
