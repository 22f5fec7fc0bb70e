package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Researchers' exports the Java side was not written against ({@code src/test/resources/
 * research-exports}: long and wide, renamed columns, coded arms, unlisted waves, {@code NaN},
 * {@code 23.0}, bad cells beside good ones, duplicates, windows-1252 and semicolons), run through
 * their job files by the packaged jar, and every count, reject and number of the report compared
 * with an independent implementation of RESEARCH.md written from the contract alone
 * ({@code src/scripts/check-research.py}, Python standard library; numbers within 1e-6).
 */
class IndependentResearchCheckIT {

    static final Path EXPORTS = Path.of("src", "test", "resources", "research-exports");
    static final Path CHECKER = Path.of("src", "scripts", "check-research.py");

    @TempDir
    Path work;

    static Stream<String> exports() throws IOException {
        return PythonChecker.exportFolders(EXPORTS);
    }

    @ParameterizedTest
    @MethodSource("exports")
    void theReportAgreesWithTheIndependentImplementation(String export) throws Exception {
        assumeTrue(PythonChecker.available(), "python3 is not installed");
        // given an export and its job file
        Path job = EXPORTS.resolve(export).resolve(export + ".properties");
        assertThat(job).exists();

        // when the research job reads it
        Path report = work.resolve("report");
        JarRunner.Result result = JarRunner.run(work.resolve("state"), "research", "--job=" + job,
                "--output=" + report, "--quiet");

        // then the report is written and the independent implementation finds no difference
        assertThat(result.exitCode()).as(result.err()).isIn(0, 3);
        assertThat(report.resolve("run.json")).exists();
        PythonChecker.Checked checked = check(job, report);
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("summary: 0 difference(s); all agree");
    }

    private PythonChecker.Checked check(Path job, Path report) throws IOException, InterruptedException {
        return PythonChecker.run(CHECKER, work.resolve("checker.txt"), List.of("--job=" + job, "--report=" + report,
                "--tolerance=1e-6"));
    }
}
