package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.report.ReportFolder;

/**
 * The staging files of one run (one job instance), in the work folder ({@code work} in the state
 * folder, or {@code --work-dir}), kept until the run completes so that a failed run can be
 * restarted from them.
 */
public record WorkFolder(Path root) {

    /** The Spring property that names the work folder (application.properties). */
    public static final String PROPERTY = "clinical-outcomes.work-dir";
    private static final String PREFIX = "run-";

    public static WorkFolder of(Path workDir, String runId) {
        return new WorkFolder(workDir.resolve(PREFIX + runId));
    }

    /** The staging folders of every run in the work folder, in name order. */
    public static List<Path> all(Path workDir) {
        Path parent = workDir;
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(parent)) {
            return folders.filter(path -> path.getFileName().toString().startsWith(PREFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
    }

    /** The run whose staging files these are. */
    public String runId() {
        return root.getFileName().toString().substring(PREFIX.length());
    }

    /** Where the streaming workbook writer keeps its temporary sheet files (they hold the episode list). */
    public Path workbookTemporaryFiles() {
        return root.resolve("workbook");
    }

    public Path episodes() {
        return root.resolve("episodes.bin");
    }

    public Path rejects(InputFileKind kind) {
        return root.resolve("rejects-" + kind.name().toLowerCase(java.util.Locale.ROOT) + ".csv");
    }

    public Path duplicateRejects() {
        return root.resolve("rejects-duplicates.csv");
    }

    /** Session rows that passed the row rules, partitioned by episode, in file order. */
    public Path stagedSessions(int partition) {
        return root.resolve("sessions-staged-" + partition + ".bin");
    }

    /** The surviving sessions of a partition, deduplicated and in score order. */
    public Path sessions(int partition) {
        return root.resolve("sessions-" + partition + ".bin");
    }

    /** A partition's analysis, as a remote worker leaves it for the manager (issue 19). */
    public Path analysis(int partition) {
        return root.resolve("analysis-" + partition + ".ser");
    }

    public void delete() {
        ReportFolder.deleteTree(root);
    }
}
