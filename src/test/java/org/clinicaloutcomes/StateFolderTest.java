package org.clinicaloutcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.clinicaloutcomes.ingest.RefusedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state folder: where it is, which folders it may not be, one holder at a time, its failures in words. */
class StateFolderTest {

    @TempDir
    Path work;

    @Test
    void theSpringPropertyWinsAndTheDefaultIsInTheWorkingFolder() {
        assertThat(StateFolder.locate(Map.of(StateFolder.PROPERTY, work.resolve("s").toString())))
                .isEqualTo(work.resolve("s"));
        if (System.getenv(StateFolder.ENVIRONMENT_VARIABLE) == null) {
            assertThat(StateFolder.locate(Map.of())).isEqualTo(Path.of(".clinical-outcomes").toAbsolutePath());
        }
    }

    @Test
    void itMayNotBeOrLieInsideTheOutputFolderNorInADefaultReportFolder() {
        Path output = work.resolve("report");
        assertThat(StateFolder.refusalFor(output, output)).contains("inside the output folder");
        assertThat(StateFolder.refusalFor(output.resolve("state"), output)).contains("inside the output folder");
        assertThat(StateFolder.refusalFor(work.resolve("state"), output)).isNull();
        assertThat(StateFolder.refusalFor(output, output.resolve("sub"))).isNull();

        Path reports = Path.of("reports").toAbsolutePath();
        assertThat(StateFolder.refusalFor(reports.resolve("2026-10/state"), null)).contains("reports/2026-10");
        assertThat(StateFolder.refusalFor(reports.resolve(".state"), null)).isNull();
        assertThat(StateFolder.refusalFor(work.resolve("state"), null)).isNull();
    }

    @Test
    void oneHolderAtATime() throws Exception {
        Path root = work.resolve("state");
        try (StateFolder first = StateFolder.open(root)) {
            assertThat(first.writable()).isTrue();
            assertThatThrownBy(() -> StateFolder.open(root)).isInstanceOf(RefusedFileException.class)
                    .hasMessageContaining("in use by another run").hasMessageContaining(StateFolder.ENVIRONMENT_VARIABLE);
        }
        try (StateFolder again = StateFolder.open(root)) {
            assertThat(again.root()).isEqualTo(root);
        }
        try (java.util.stream.Stream<Path> left = Files.list(root)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("state.lock");
        }
    }

    @Test
    void aFileInsteadOfAFolderIsRefused() throws Exception {
        Path file = Files.writeString(work.resolve("state"), "x");
        assertThatThrownBy(() -> StateFolder.open(file)).isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("is a file");
    }

    @Test
    void aDatabaseFailureIsTheJobRepositorysAndOtherFailuresAreNot() throws Exception {
        try (StateFolder state = StateFolder.open(work.resolve("state"))) {
            RuntimeException damaged = new IllegalStateException("Error creating bean with name 'reportRunner'",
                    new SQLException("unexpected token: EVE\nat line 3"));
            assertThat(StateFailures.describe(damaged, state)).hasValueSatisfying(line -> assertThat(line)
                    .contains("the job repository " + state.repository().resolve("jobs.*"))
                    .contains("(unexpected token: EVE)").contains("move the folder " + state.repository() + " aside")
                    .doesNotContain("reportRunner"));
            assertThat(StateFailures.describe(new IllegalStateException("a bug"), state)).isEmpty();
        }
    }
}
