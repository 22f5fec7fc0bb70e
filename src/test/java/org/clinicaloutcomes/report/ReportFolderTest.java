package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing replaces the output folder, so only a folder that is absent, empty or a report (and
 * nothing else, at any depth) may be it; a publication killed between its renames is put right.
 */
class ReportFolderTest {

    private static final String RUN_1 = "20261202T101500123-4242";
    private static final String RUN_2 = "20261202T111500123-4343";

    @TempDir
    Path work;

    /** A previous report: a few files and the run.json that lists them, as Provenance writes it. */
    private Path previousReport(String name) throws IOException {
        Path report = Files.createDirectories(work.resolve(name));
        Files.createDirectories(report.resolve("csv"));
        Files.createDirectories(report.resolve("charts"));
        Files.writeString(report.resolve("rejects.csv"), "file,line,column,reason\n");
        Files.writeString(report.resolve("outcomes-2026-10.xlsx"), "xlsx");
        Files.writeString(report.resolve("csv/activity.csv"), "a,b\n1,2\n");
        Files.write(report.resolve("charts/trajectory-pcl5.png"), new byte[] {1, 2, 3});
        writeProvenance(report);
        return report;
    }

    private static void writeProvenance(Path report) throws IOException {
        List<Object> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(report)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = report.relativize(file).toString();
                if (!relative.equals(Provenance.FILE_NAME)) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("file", relative);
                    entry.put("sha256", Provenance.sha256(file));
                    entry.put("bytes", Files.size(file));
                    outputs.add(entry);
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "test");
        json.put("outputs", outputs);
        Files.writeString(report.resolve(Provenance.FILE_NAME), Json.write(json));
    }

    @Test
    void anAbsentOrEmptyFolderOrAPreviousReportMayBeReplaced() throws IOException {
        assertThat(ReportFolder.refusalToReplace(work.resolve("new"), null)).isNull();
        assertThat(ReportFolder.refusalToReplace(Files.createDirectories(work.resolve("empty")), null)).isNull();
        assertThat(ReportFolder.refusalToReplace(previousReport("report"), work.resolve("input"))).isNull();
    }

    @Test
    void aFileOfTheUsersAtAnyDepthIsRefusedAndNamed() throws IOException {
        Path report = previousReport("notes-in-csv");
        Files.writeString(report.resolve("csv/my-notes.txt"), "mine");
        assertThat(ReportFolder.refusalToReplace(report, null)).contains("'csv/my-notes.txt'").contains("did not write")
                .contains("would delete");

        Path top = previousReport("notes-on-top");
        Files.writeString(top.resolve("notes.txt"), "mine");
        Files.createDirectories(top.resolve("drafts"));
        assertThat(ReportFolder.refusalToReplace(top, null)).contains("'drafts'").contains("(and 1 more)");

        Path nested = previousReport("nested");
        Files.createDirectories(nested.resolve("charts/old"));
        assertThat(ReportFolder.refusalToReplace(nested, null)).contains("the folder 'charts/old'");
    }

    @Test
    void aLinkOrAnEditedFileIsRefusedEvenUnderAReportsName() throws IOException {
        Path linked = previousReport("linked");
        Path target = Files.writeString(work.resolve("elsewhere.txt"), "mine");
        Files.delete(linked.resolve("charts/trajectory-pcl5.png"));
        Files.createSymbolicLink(linked.resolve("charts/trajectory-pcl5.png"), target);
        assertThat(ReportFolder.refusalToReplace(linked, null)).contains("'charts/trajectory-pcl5.png', a link");

        Path edited = previousReport("edited");
        Files.writeString(edited.resolve("csv/activity.csv"), "a,b\n1,2\nmy comment on the numbers\n");
        assertThat(ReportFolder.refusalToReplace(edited, null)).contains("'csv/activity.csv', which has changed");
    }

    @Test
    void aFolderWithoutProvenanceOrAFileIsRefused() throws IOException {
        Path noProvenance = Files.createDirectories(work.resolve("csv-only"));
        Files.createDirectories(noProvenance.resolve("csv"));
        assertThat(ReportFolder.refusalToReplace(noProvenance, null)).contains("'csv' and no run.json");

        Path file = Files.writeString(work.resolve("a-file"), "x");
        assertThat(ReportFolder.refusalToReplace(file, null)).contains("not a folder");
    }

    @Test
    void theInputFolderTheWorkingFolderAndTheirParentsAreRefused() {
        Path input = work.resolve("data").resolve("export");
        assertThat(ReportFolder.refusalToReplace(input, input)).contains("input folder");
        assertThat(ReportFolder.refusalToReplace(work.resolve("data"), input)).contains("input folder");
        assertThat(ReportFolder.refusalToReplace(Path.of(""), null)).contains("working folder");
        assertThat(ReportFolder.refusalToReplace(Path.of("").toAbsolutePath().getParent(), null)).contains("working folder");
    }

    @Test
    void publishingOverAFolderOfTheUsersFailsAndKeepsIt() throws IOException {
        Path output = Files.createDirectories(work.resolve("out"));
        Files.writeString(output.resolve("notes.txt"), "mine");
        ReportFolder folder = new ReportFolder(output, RUN_1);
        Files.writeString(folder.staging().resolve("run.json"), "{}");

        assertThatThrownBy(folder::publish).isInstanceOf(IllegalStateException.class).hasMessageContaining("notes.txt");
        assertThat(output.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aPublicationKilledBetweenItsRenamesGetsThePreviousReportBack() throws IOException {
        Path output = previousReport("out");
        // What a kill between the renames leaves: the previous report renamed aside, the new
        // report still in its staging folder, no output folder.
        Path previous = Files.move(output, work.resolve(".out.old-" + RUN_1));
        Path staging = Files.createDirectories(work.resolve(".out.tmp-" + RUN_1));
        Files.writeString(staging.resolve("run.json"), "{}");

        ReportFolder.recoverInterrupted(output, RUN_2);

        assertThat(output.resolve("csv/activity.csv")).hasContent("a,b\n1,2\n");
        assertThat(previous).doesNotExist();
        assertThat(staging).doesNotExist();
        assertThat(ReportFolder.refusalToReplace(output, null)).isNull();
    }

    @Test
    void leftoversAfterTheRenamesAreDeletedAndTheCurrentRunsStagingIsKept() throws IOException {
        Path output = previousReport("out");
        Path previous = previousReport(".out.old-" + RUN_1);
        Path otherStaging = Files.createDirectories(work.resolve(".out.tmp-" + RUN_1));
        Path ownStaging = Files.createDirectories(work.resolve(".out.tmp-" + RUN_2));
        Path usersFolder = Files.createDirectories(work.resolve(".out.old-mine"));

        ReportFolder.recoverInterrupted(output, RUN_2);

        assertThat(output.resolve("run.json")).exists();
        assertThat(previous).doesNotExist();
        assertThat(otherStaging).doesNotExist();
        assertThat(ownStaging).exists();
        assertThat(usersFolder).exists();
    }

    @Test
    void publishingReplacesThePreviousReportAndLeavesNothingBeside() throws IOException {
        Path output = previousReport("out");
        ReportFolder folder = new ReportFolder(output, RUN_2);
        Files.writeString(folder.staging().resolve("rejects.csv"), "file,line,column,reason\n");
        writeProvenance(folder.staging());

        folder.publish();

        assertThat(output.resolve("csv")).doesNotExist();
        assertThat(output.resolve("rejects.csv")).exists();
        try (Stream<Path> beside = Files.list(work)) {
            assertThat(beside.map(path -> path.getFileName().toString())).containsExactly("out");
        }
    }
}
