package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clinical-significance results of research runs ({@code csv/clinical_significance.csv} and the
 * {@code category_<method>} columns of {@code episode_outcomes.csv}, SIGNIFICANCE.md section 11)
 * compared with a second implementation written from the contract alone
 * ({@code src/scripts/check-significance.py}, Python standard library: the RCI methods, HLM by its
 * own REML fit, percentage, anchor, the cut-offs and the combined approach). The data: synthetic
 * exports the Java side was not written against ({@code src/test/resources/significance-exports}:
 * ties at the thresholds, pre 0, cut-offs a/b/c, undefined and left-out methods, numeric and text
 * waves for HLM), and the published data sets through their job files in {@code jobs/} (laid out
 * as PublishedDataIT does), one of them with other arguments on the command line.
 */
class IndependentSignificanceCheckIT {

    static final Path EXPORTS = Path.of("src", "test", "resources", "significance-exports");
    static final Path CHECKER = Path.of("src", "scripts", "check-significance.py");
    static final String EVERY_METHOD = "JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor";

    @TempDir
    Path work;

    static Stream<String> exports() throws IOException {
        return PythonChecker.exportFolders(EXPORTS);
    }

    @ParameterizedTest
    @MethodSource("exports")
    void theSyntheticExportsAgreeWithTheIndependentImplementation(String export) throws Exception {
        assumeTrue(PythonChecker.available(), "python3 is not installed");
        // given a synthetic export, its job file (suppression=false) and its instrument file
        Path job = EXPORTS.resolve(export).resolve(export + ".properties");
        assertThat(job).exists();

        // when the research job reads it, then the checker finds no difference
        runAndCheck(job, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"claus_2020", "antidepressants", "jacobson_1989"})
    void thePublishedDataAgreeWithTheIndependentImplementation(String name) throws Exception {
        assumeTrue(PythonChecker.available(), "python3 is not installed");
        // given a published data set through its job file (claus_2020: every method, HLM over 4 waves)
        Path job = layOut(name, "instruments-" + name + ".csv");

        // when / then
        runAndCheck(job, List.of());
    }

    @Test
    void claus2020HamdWithEveryMethodAndCutoffCGivenOnTheCommandLine() throws Exception {
        assumeTrue(PythonChecker.available(), "python3 is not installed");
        // given the claus_2020 job with another instrument file and method list on the command line:
        // HAM-D, r = 0.8, cut-off c with functional mean and SD 8 (HLM's fit is on the boundary, |corr| = 1)
        Path job = layOut("claus_2020", "instruments-claus_2020.csv");
        Path instruments = work.resolve("instruments-hamd.csv");
        Files.writeString(instruments, "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,"
                + "rc_reliability,reliability,functional_mean,functional_sd,cutoff_type,pct_improvement,"
                + "mid_improvement\nhamd,HAM-D,0,52,false,true,,5,,,0.8,8,8,c,0.5,5\n", StandardCharsets.UTF_8);

        // when / then
        runAndCheck(job, List.of("--instruments=" + instruments, "--significance=" + EVERY_METHOD),
                "--primary-instrument=hamd");
    }

    /** Runs the jar with the overrides (and the jar-only arguments), then the checker with the overrides. */
    private void runAndCheck(Path job, List<String> overrides, String... jarOnly) throws Exception {
        Path report = work.resolve("report");
        List<String> jarArgs = new ArrayList<>(List.of("research", "--job=" + job, "--output=" + report, "--quiet"));
        jarArgs.addAll(overrides);
        jarArgs.addAll(List.of(jarOnly));
        JarRunner.Result result = JarRunner.run(work.resolve("state"), jarArgs.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isIn(0, 3);
        assertThat(report.resolve("csv").resolve("clinical_significance.csv")).exists();

        List<String> arguments = new ArrayList<>(List.of("--job=" + job, "--report=" + report));
        arguments.addAll(overrides);
        PythonChecker.Checked checked = PythonChecker.run(CHECKER, work.resolve("checker.txt"), arguments);
        String output = checked.output();
        assertThat(checked.exitCode()).as(output).isZero();
        assertThat(output).contains("summary: 0 difference(s); all agree");
    }

    private Path layOut(String name, String instruments) throws IOException {
        return PublishedDataIT.layOut(work, name, instruments);
    }
}
