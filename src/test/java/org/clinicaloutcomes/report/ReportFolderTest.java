package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing replaces the output folder, so only a folder that is absent, empty or a report may be it. */
class ReportFolderTest {

    @TempDir
    Path work;

    @Test
    void anAbsentOrEmptyFolderOrAPreviousReportMayBeReplaced() throws IOException {
        assertThat(ReportFolder.refusalToReplace(work.resolve("new"), null)).isNull();
        assertThat(ReportFolder.refusalToReplace(Files.createDirectories(work.resolve("empty")), null)).isNull();
        Path report = Files.createDirectories(work.resolve("report"));
        Files.createDirectories(report.resolve("csv"));
        Files.createDirectories(report.resolve("charts"));
        Files.writeString(report.resolve("run.json"), "{}");
        Files.writeString(report.resolve("rejects.csv"), "file,line,column,reason\n");
        Files.writeString(report.resolve("outcomes-2026-10.xlsx"), "");
        assertThat(ReportFolder.refusalToReplace(report, work.resolve("input"))).isNull();
    }

    @Test
    void aFolderWithOtherFilesOrWithoutProvenanceIsRefused() throws IOException {
        Path mixed = Files.createDirectories(work.resolve("mixed"));
        Files.writeString(mixed.resolve("run.json"), "{}");
        Files.writeString(mixed.resolve("notes.txt"), "mine");
        Files.createDirectories(mixed.resolve("drafts"));
        assertThat(ReportFolder.refusalToReplace(mixed, null)).contains("'drafts' and 1 more").contains("would delete");

        Path noProvenance = Files.createDirectories(work.resolve("csv-only"));
        Files.createDirectories(noProvenance.resolve("csv"));
        assertThat(ReportFolder.refusalToReplace(noProvenance, null)).contains("run.json");

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
        ReportFolder folder = new ReportFolder(output, "run1");
        Files.writeString(folder.staging().resolve("run.json"), "{}");

        assertThatThrownBy(folder::publish).isInstanceOf(IllegalStateException.class).hasMessageContaining("notes.txt");
        assertThat(output.resolve("notes.txt")).hasContent("mine");
    }
}
