package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is replaced as a whole, so nothing of the user's may be in it, at any depth
 * (REPORTS.md): through the jar as a real process, a file or a link put into a previous report's
 * folders refuses the run (exit code 2, named) and is kept. And a report covers a complete month.
 */
class OutputFolderIT {

    @TempDir
    Path work;

    @Test
    void aFileOrLinkOfTheUsersInsideAPreviousReportRefusesTheRunAndIsKept() throws Exception {
        Path state = work.resolve("state");
        Path report = work.resolve("report");
        assertThat(monthly(state, report, "--month=2026-10").exitCode()).isZero();

        Path notes = Files.writeString(report.resolve("csv/notes.txt"), "what I make of these numbers");
        JarRunner.Result refused = monthly(state, report, "--month=2026-10");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().lines()).singleElement().asString().contains("'csv/notes.txt'").contains("would delete");
        assertThat(notes).hasContent("what I make of these numbers");
        Files.delete(notes);

        Path mine = Files.writeString(work.resolve("mine.png"), "my picture");
        Path chart = report.resolve("charts/trajectory-pcl5.png");
        Files.delete(chart);
        Files.createSymbolicLink(chart, mine);
        refused = monthly(state, report, "--month=2026-10");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("'charts/trajectory-pcl5.png', a link");
        assertThat(Files.isSymbolicLink(chart)).isTrue();
        assertThat(mine).hasContent("my picture");

        Files.delete(chart);
        Files.writeString(chart, "not the chart the report wrote");
        refused = monthly(state, report, "--month=2026-10");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("'charts/trajectory-pcl5.png', which has changed");

        Files.delete(chart);
        JarRunner.Result replaced = monthly(state, report, "--month=2026-10");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(report.resolve("charts/trajectory-pcl5.png")).isRegularFile();
    }

    @Test
    void aMonthThatHasNotEndedIsRefused() throws Exception {
        for (String month : new String[] {"9999-12", YearMonth.now().toString()}) {
            Path report = work.resolve("report-" + month);
            JarRunner.Result refused = monthly(work.resolve("state"), report, "--month=" + month);
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err().lines()).singleElement().asString().contains("--month=" + month + " has not ended");
            assertThat(report).doesNotExist();
        }
        assertThat(work.resolve("state")).doesNotExist();
    }

    private static JarRunner.Result monthly(Path state, Path output, String month) throws Exception {
        return JarRunner.run(state, "monthly", "--input=sample-data", "--output=" + output, month, "--quiet");
    }
}
