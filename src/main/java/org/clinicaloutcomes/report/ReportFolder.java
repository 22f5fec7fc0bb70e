package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Atomic publication of a report (REPORTS.md, "Reproducibility"): everything is written to a
 * staging folder beside the output folder, which then replaces the output folder by two renames,
 * so the output folder is always either the complete previous report or the complete new one.
 */
public final class ReportFolder {

    // The report's layout (REPORTS.md, "Outputs"); anything else in an output folder is the user's.
    public static final String CSV_FOLDER = "csv";
    public static final String CHARTS_FOLDER = "charts";
    public static final String REJECTS_FILE = "rejects.csv";
    private static final String WORKBOOK_PREFIX = "outcomes-";
    private static final String WORKBOOK_SUFFIX = ".xlsx";
    private static final Set<String> REPORT_FOLDERS = Set.of(CHARTS_FOLDER, CSV_FOLDER);
    private static final Set<String> REPORT_FILES = Set.of(Provenance.FILE_NAME, REJECTS_FILE);

    private final Path output;
    private final Path staging;

    public ReportFolder(Path output, String runId) {
        this.output = output.toAbsolutePath().normalize();
        this.staging = this.output.resolveSibling("." + this.output.getFileName() + ".tmp-" + runId);
    }

    /** The workbook's file name for a report label ({@code YYYY-MM}, or {@code <from>_<to>}). */
    public static String workbookFileName(String label) {
        return WORKBOOK_PREFIX + label + WORKBOOK_SUFFIX;
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

    /**
     * Why a run must not write its report into {@code output}, or {@code null} when it may.
     * Publishing replaces the whole folder, so it must be absent, empty, or a previous report of
     * this program and nothing else: never the input folder, the working folder or a folder
     * holding either, and never a folder with files of the user's.
     *
     * @param input the run's input folder, or {@code null} when not known
     */
    public static String refusalToReplace(Path output, Path input) {
        Path folder = output.toAbsolutePath().normalize();
        if (input != null && input.toAbsolutePath().normalize().startsWith(folder)) {
            return "the output folder " + output + " is or holds the input folder; give another --output";
        }
        if (Path.of("").toAbsolutePath().normalize().startsWith(folder)) {
            return "the output folder " + output + " is or holds the working folder; give another --output";
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return "the output folder " + output + " is not a folder; give another --output";
        }
        List<String> foreign = new ArrayList<>();
        boolean provenance = false;
        boolean empty = true;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                empty = false;
                String name = entry.getFileName().toString();
                boolean directory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
                boolean regular = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
                provenance |= regular && name.equals(Provenance.FILE_NAME);
                boolean reportEntry = directory ? REPORT_FOLDERS.contains(name)
                        : regular && (REPORT_FILES.contains(name) || (name.startsWith(WORKBOOK_PREFIX) && name.endsWith(WORKBOOK_SUFFIX)));
                if (!reportEntry) {
                    foreign.add(name);
                }
            }
        } catch (IOException e) {
            return "the output folder " + output + " cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        if (!foreign.isEmpty()) {
            return "the output folder " + output + " holds files that are not part of a report ('" + foreign.get(0)
                    + "'" + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
                    + "), which writing the report would delete; give a new or empty folder with --output";
        }
        if (!provenance && !empty) {
            return "the output folder " + output + " is not a report of this program (it has no "
                    + Provenance.FILE_NAME + "), which writing the report would delete; give a new or empty folder with --output";
        }
        return null;
    }

    /** Swaps the staging folder into place. */
    public void publish() {
        String refusal = refusalToReplace(output, null);
        if (refusal != null) {
            // Checked before the run started; this guards against a folder changed since.
            throw new IllegalStateException(refusal);
        }
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
