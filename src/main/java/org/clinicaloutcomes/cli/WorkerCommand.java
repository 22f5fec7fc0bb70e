package org.clinicaloutcomes.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code worker …}: run the analysis partitions that managers ({@code --remote-workers}) send
 * through the shared job repository, until stopped (issue 19).
 *
 * @param jobRepository the shared job repository's JDBC URL (PostgreSQL), without user or password
 * @param workDir       the folder holding the runs' staging folders, as this machine sees it
 */
public record WorkerCommand(String jobRepository, Path workDir) implements Command {

    public WorkerCommand {
        Objects.requireNonNull(jobRepository, "jobRepository");
        Objects.requireNonNull(workDir, "workDir");
    }
}
