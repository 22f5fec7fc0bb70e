package org.clinicaloutcomes.batch;

import java.nio.file.Path;

import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.config.InstrumentCatalog;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.springframework.batch.core.step.StepExecution;

/** What the step components of a run derive from its job parameters. */
record RunSupport(RunParameters run, WorkFolder work, InstrumentCatalog instruments, ApproachCatalog approaches) {

    static RunSupport of(StepExecution stepExecution, Path stateDir) {
        RunParameters run = RunParameters.from(stepExecution.getJobParameters());
        InstrumentCatalog instruments;
        try {
            instruments = run.instrumentsFile() == null ? InstrumentCatalog.bundled()
                    : InstrumentCatalog.load(run.instrumentsFile());
        } catch (RefusedFileException e) {
            throw new IllegalStateException(e.getMessage(), null);
        }
        return new RunSupport(run, WorkFolder.of(stateDir, run.runId()), instruments,
                new ApproachCatalog(run.approaches()));
    }
}
