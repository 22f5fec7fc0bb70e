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
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Atomic publication of a report (REPORTS.md, "Reproducibility"): everything is written to a
 * staging folder beside the output folder, which then replaces the output folder by two renames,
 * so the output folder is always either the complete previous report or the complete new one.
 */
public final class ReportFolder {

    /** Where reports go without --output: {@code reports/<label>} in the working folder (REPORTS.md). */
    public static final String DEFAULT_PARENT = "reports";
    // The report's layout (REPORTS.md, "Outputs"); anything else in an output folder is the user's.
    public static final String CSV_FOLDER = "csv";
    public static final String CHARTS_FOLDER = "charts";
    public static final String REJECTS_FILE = "rejects.csv";
    /** The one-page summary for a browser (REPORTS.md, "The summary page"), at the report's top. */
    public static final String SUMMARY_FILE = "summary.html";
    private static final String WORKBOOK_PREFIX = "outcomes-";
    private static final String WORKBOOK_SUFFIX = ".xlsx";
    private static final Set<String> REPORT_FOLDERS = Set.of(CHARTS_FOLDER, CSV_FOLDER);
    /** The run ids of ClinicalOutcomesApplication: a time stamp and the process id. */
    private static final Pattern RUN_ID = Pattern.compile("[0-9]{8}T[0-9]{9}-[0-9]+");
    private static final String STAGING_INFIX = ".tmp-";
    private static final String PREVIOUS_INFIX = ".old-";

    private final Path output;
    private final Path staging;
    private final String runId;

    public ReportFolder(Path output, String runId) {
        this.output = output.toAbsolutePath().normalize();
        this.runId = runId;
        this.staging = sibling(this.output, STAGING_INFIX, runId);
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
        List<String> foreign;
        try {
            foreign = foreignEntries(folder);
        } catch (IOException e) {
            return "the output folder " + output + " cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        if (!foreign.isEmpty()) {
            return "the output folder " + output + " holds " + foreign.get(0)
                    + (foreign.size() > 1 ? " (and " + (foreign.size() - 1) + " more)" : "")
                    + ", which writing the report would delete; move it away, or give a new or empty folder with --output";
        }
        return null;
    }

    /**
     * The entries of {@code folder}, at any depth, that are not files of the previous report it
     * holds, each described for the user; none when the folder is empty or holds a previous
     * report and nothing else. A previous report is told by its {@code run.json}, which lists
     * every file the report wrote with its size: any other file, any file of another size (edited
     * since), any link or special file and any other folder is the user's.
     */
    private static List<String> foreignEntries(Path folder) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(folder)) {
            entries = walk.filter(path -> !path.equals(folder)).sorted().toList();
        }
        Path provenance = folder.resolve(Provenance.FILE_NAME);
        boolean report = Files.isRegularFile(provenance, LinkOption.NOFOLLOW_LINKS);
        Map<String, Long> written = report ? Provenance.listedOutputs(Files.readString(provenance)) : Map.of();
        List<String> foreign = new ArrayList<>();
        for (Path entry : entries) {
            String relative = folder.relativize(entry).toString().replace('\\', '/');
            if (!report) {
                foreign.add("'" + relative + "'");
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                if (!REPORT_FOLDERS.contains(relative)) {
                    foreign.add("the folder '" + relative + "', which is not part of a report");
                }
            } else if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                foreign.add("'" + relative + "', a link or special file, which is not part of a report");
            } else if (!relative.equals(Provenance.FILE_NAME)) {
                Long size = written.get(relative);
                if (size == null) {
                    foreign.add("'" + relative + "', which the report did not write");
                } else if (size != Files.size(entry)) {
                    foreign.add("'" + relative + "', which has changed since the report wrote it");
                }
            }
        }
        if (!report && !foreign.isEmpty()) {
            foreign.set(0, foreign.get(0) + " and no " + Provenance.FILE_NAME + " (it is not a report of this program)");
        }
        return foreign;
    }

    /** The staging or previous-report folder of a run: {@code .<name><infix><run id>} beside the output folder. */
    private static Path sibling(Path output, String infix, String runId) {
        return output.resolveSibling("." + output.getFileName() + infix + runId);
    }

    /**
     * Swaps the staging folder into place: the output folder (the previous report, if any) is
     * renamed aside, the staging folder renamed into its place, and the previous report deleted.
     * A run killed at any instant of this leaves either the previous report or the new one in
     * place, or the previous report renamed aside, which {@link #recoverInterrupted} puts back.
     */
    public void publish() {
        String refusal = refusalToReplace(output, null);
        if (refusal != null) {
            // Checked before the run started; this guards against a folder changed since.
            throw new IllegalStateException(refusal);
        }
        Path previous = sibling(output, PREVIOUS_INFIX, runId);
        try {
            Files.createDirectories(output.getParent());
            TestPause.at(TestPause.PUBLISH_BEFORE_RENAMES);
            if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(output, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            TestPause.at(TestPause.PUBLISH_BETWEEN_RENAMES);
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
            TestPause.at(TestPause.PUBLISH_AFTER_RENAMES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new report into " + output, e);
        }
        deleteTree(previous);
    }

    /**
     * Puts right what a run killed while publishing into {@code output} left beside it, so that
     * the output folder is the last complete report: a previous report renamed aside is put back
     * when the output folder is missing (the kill came between the two renames) and deleted
     * otherwise (it came after them); staging folders of other runs are deleted (a restarted run
     * writes its report afresh). The caller holds the output folder's lock, so no other run is
     * publishing there. Only folders named as this program names them are touched.
     *
     * @param currentRunId the run whose staging folder is kept
     */
    public static void recoverInterrupted(Path output, String currentRunId) {
        Path folder = output.toAbsolutePath().normalize();
        Path parent = folder.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> previous = leftovers(folder, PREVIOUS_INFIX);
        List<Path> staging = leftovers(folder, STAGING_INFIX);
        try {
            if (!previous.isEmpty() && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                // Run ids start with their time, so the last one is the latest report set aside.
                Files.move(previous.get(previous.size() - 1), folder, StandardCopyOption.ATOMIC_MOVE);
                previous = previous.subList(0, previous.size() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the previous report back into " + folder, e);
        }
        previous.forEach(ReportFolder::deleteTree);
        staging.stream().filter(path -> !path.equals(sibling(folder, STAGING_INFIX, currentRunId)))
                .forEach(ReportFolder::deleteTree);
    }

    /** The folders {@code .<name><infix><run id>} beside the output folder, in run-id order. */
    private static List<Path> leftovers(Path folder, String infix) {
        String prefix = "." + folder.getFileName() + infix;
        try (Stream<Path> siblings = Files.list(folder.getParent())) {
            return siblings.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith(prefix) && RUN_ID.matcher(name.substring(prefix.length())).matches()
                        && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder.getParent(), e);
        }
    }

    /** Deletes a folder and everything in it (links are deleted, not followed); nothing when it is absent. */
    public static void deleteTree(Path root) {
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
