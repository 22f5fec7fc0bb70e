package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Atomic publication of a report (REPORTS.md, "Reproducibility"): everything is written to a
 * staging folder beside the output folder, which then replaces the output folder by two renames,
 * so the output folder is always either the complete previous report or the complete new one.
 */
public final class ReportFolder {

    private final Path output;
    private final Path staging;

    public ReportFolder(Path output, String runId) {
        this.output = output.toAbsolutePath().normalize();
        this.staging = this.output.resolveSibling("." + this.output.getFileName() + ".tmp-" + runId);
    }

    public Path output() {
        return output;
    }

    /** The folder to write into; created (empty) on first use. */
    public Path staging() {
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging folder " + staging, e);
        }
        return staging;
    }

    /** Starts the staging folder afresh (a restarted report step rewrites everything). */
    public void reset() {
        deleteTree(staging);
    }

    /** Swaps the staging folder into place. */
    public void publish() {
        Path previous = output.resolveSibling("." + output.getFileName() + ".old-" + staging.getFileName());
        try {
            Files.createDirectories(output.getParent());
            if (Files.exists(output)) {
                Files.move(output, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new report into " + output, e);
        }
        deleteTree(previous);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
