package org.clinicaloutcomes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.clinicaloutcomes.ingest.ExportMapping;

/** {@code research --job=FILE}. The fixtures are written into a temporary folder. */
class JobFileTest {

    @TempDir
    Path tmp;

    Path jobs;

    @BeforeEach
    void setUp() throws IOException {
        jobs = Files.createDirectories(tmp.resolve("project/jobs"));
    }

    Path job(String name, String content) throws IOException {
        return Files.writeString(jobs.resolve(name), content, StandardCharsets.UTF_8);
    }

    static RunSettings run(String... args) throws UsageException {
        return ((RunCommand) CommandLineParser.parse(args)).settings();
    }

    static String error(String... args) {
        try {
            Command command = CommandLineParser.parse(args);
            throw new AssertionError("expected a UsageException, got " + command);
        } catch (UsageException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
    }

    @Test
    void everyKeyIsRead() throws Exception {
        Path file = job("full.properties", """
                # a research job
                input = ../data/export
                output=/srv/reports/study-a
                from=2024-01-01
                to=2025-12-31
                instruments=conf/instruments.csv
                approaches=DBT, CPT, TAU
                primary-instrument=phq9
                suppression=false
                max-reject-pct=20
                """);
        RunSettings s = run("research", "--job=" + file);
        assertThat(s.maxRejectPct()).isEqualTo(20);
        assertThat(s.job()).isEqualTo(JobKind.RESEARCH);
        assertThat(s.input()).isEqualTo(tmp.resolve("project/data/export"));
        assertThat(s.output()).isEqualTo(Path.of("/srv/reports/study-a"));
        assertThat(s.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(s.to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(s.instruments()).isEqualTo(jobs.resolve("conf/instruments.csv"));
        assertThat(s.approaches()).containsExactly("DBT", "CPT", "TAU");
        assertThat(s.primaryInstrument()).isEqualTo("phq9");
        assertThat(s.suppression()).isFalse();
        assertThat(s.quiet()).isFalse();
        assertThat(s.restart()).isFalse();
        assertThat(s.windowMonths()).isZero();
        assertThat(s.month()).isNull();
        assertThat(s.jobFile()).isEqualTo(file);
    }

    @Test
    void relativePathsAreResolvedAgainstTheJobFilesFolderAndNormalised() throws Exception {
        Path file = job("rel.properties", "input=./in/../data\noutput=out\ninstruments=../conf/i.csv\n");
        RunSettings s = run("research", "--job=" + file);
        assertThat(s.input()).isEqualTo(jobs.resolve("data"));
        assertThat(s.output()).isEqualTo(jobs.resolve("out"));
        assertThat(s.instruments()).isEqualTo(tmp.resolve("project/conf/i.csv"));
    }

    @Test
    void aRelativeJobFilePathStaysRelativeAndSoDoTheResolvedPaths() throws Exception {
        job("rel.properties", "input=data\n");
        // the job file given relative to the working directory: "<rel>/jobs/rel.properties"
        Path cwd = Path.of("").toAbsolutePath();
        Path relativeJob = cwd.relativize(jobs.resolve("rel.properties"));
        assumeThat(relativeJob.isAbsolute()).isFalse();
        RunSettings s = run("research", "--job=" + relativeJob);
        assertThat(s.jobFile()).isEqualTo(relativeJob.normalize());
        assertThat(s.input()).isEqualTo(relativeJob.getParent().resolve("data").normalize());
        assertThat(s.input().toAbsolutePath().normalize()).isEqualTo(jobs.resolve("data"));
    }

    @Test
    void aJobFileInTheWorkingDirectoryHasNoParent() throws Exception {
        // "--job=x.properties" in the working directory: paths in it stay as written
        Path cwd = Path.of("").toAbsolutePath();
        Path file = Files.createTempFile(cwd, "cli-test-", ".properties");
        try {
            Files.writeString(file, "input=./data/\n");
            RunSettings s = run("research", "--job=" + file.getFileName());
            assertThat(s.input()).isEqualTo(Path.of("data"));
            assertThat(s.jobFile()).isEqualTo(file.getFileName());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theCommandLineWinsOverTheFile() throws Exception {
        Path file = job("study.properties", """
                input=data
                output=out
                from=2024-01-01
                to=2024-12-31
                instruments=i.csv
                approaches=DBT,CPT
                primary-instrument=phq9
                suppression=false
                """);
        RunSettings s = run("research", "--input=cli-in", "--job=" + file, "--output=cli-out", "--from=2024-03-01",
                "--to=2024-06-30", "--instruments=cli.csv", "--approaches=ACT", "--primary-instrument=gad7",
                "--suppression=true", "--quiet", "--restart");
        assertThat(s).isEqualTo(new RunSettings(JobKind.RESEARCH, Path.of("cli-in"), Path.of("cli-out"), null, 0, null,
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30), Path.of("cli.csv"), List.of("ACT"), "gad7",
                true, 50, true, true, file, ExportMapping.CANONICAL));
    }

    @Test
    void keysNotInTheFileKeepTheirDefaults() throws Exception {
        Path file = job("min.properties", "from=2025-01-01\n");
        RunSettings s = run("research", "--job=" + file);
        assertThat(s.input()).isEqualTo(Path.of("sample-data"));
        assertThat(s.output()).isNull();
        assertThat(s.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(s.to()).isNull();
        assertThat(s.suppression()).isTrue();
        assertThat(s.approaches()).isNull();
        assertThat(s.primaryInstrument()).isNull();
        assertThat(s.instruments()).isNull();
    }

    @Test
    void anEmptyFileIsAllDefaults() throws Exception {
        Path file = job("empty.properties", "");
        RunSettings s = run("research", "--job=" + file);
        assertThat(s).isEqualTo(new RunSettings(JobKind.RESEARCH, Path.of("sample-data"), null, null, 0, null, null, null,
                null, null, null, true, 50, false, false, file, ExportMapping.CANONICAL));
    }

    @Test
    void fromInTheFileAndToOnTheCommandLineAreCheckedTogether() throws Exception {
        Path file = job("dates.properties", "from=2026-05-01\n");
        assertThat(error("research", "--job=" + file, "--to=2026-01-01"))
                .isEqualTo("from 2026-05-01 (job file " + file + ", line 1) is after --to 2026-01-01");
        // the command line's --from replaces the file's
        assertThat(run("research", "--job=" + file, "--from=2025-01-01", "--to=2026-01-01").from())
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void fromAfterToBothInTheFile() throws Exception {
        Path file = job("dates.properties", "from=2026-05-01\nto=2026-01-01\n");
        assertThat(error("research", "--job=" + file))
                .isEqualTo("from 2026-05-01 (job file " + file + ", line 1) is after to 2026-01-01 (job file " + file
                        + ", line 2)");
    }

    @Test
    void anUnknownKeyIsRefusedNamingFileAndKey() throws Exception {
        Path file = job("bad.properties", "input=data\nmonth=2026-01\n");
        assertThat(error("research", "--job=" + file)).isEqualTo("job file " + file + ", line 2: unknown key 'month'"
                + " (allowed: input, output, from, to, instruments, approaches, primary-instrument, suppression,"
                + " max-reject-pct, layout, file, column.<name>, code.<name>.<their value>, waves,"
                + " wave.<label>.<instrument>, baseline.wave, final.wave, randomised, approach, missing, delimiter,"
                + " encoding)");
    }

    @Test
    void commandLineOnlyOptionsAreUnknownKeys() throws Exception {
        for (String key : List.of("job", "quiet", "restart", "window-months", "series-months", "--input", "Input")) {
            Path file = job("bad.properties", key + "=x\n");
            assertThat(error("research", "--job=" + file)).as(key)
                    .startsWith("job file " + file + ", line 1: unknown key '" + key + "' (allowed: ");
        }
    }

    @Test
    void valuesAreValidatedLikeFlagsNamingFileAndKey() throws Exception {
        String[][] cases = {
                {"from=2025-02-30", "from must be a real date YYYY-MM-DD, got '2025-02-30'"},
                {"to=2025/12/31", "to must be a real date YYYY-MM-DD, got '2025/12/31'"},
                {"suppression=maybe", "suppression must be true or false, got 'maybe'"},
                {"max-reject-pct=12.5", "max-reject-pct must be a whole number of percent from 0 to 100, got '12.5'"},
                {"approaches=DBT,,CPT", "approaches has an empty approach name in 'DBT,,CPT'"},
                {"approaches=,", "approaches needs at least one approach name, like approaches=DBT,CPT,ACT,PE, got ','"},
                {"approaches=PE,pe", "approaches names the approach 'pe' twice"},
                {"primary-instrument=PCL-5", "primary-instrument must be an instrument key of lower-case letters,"
                        + " digits and _ starting with a letter (like pcl5), got 'PCL-5'"},
                {"input=", "input needs a value: input=DIR"},
                {"to=   ", "to needs a value: to=YYYY-MM-DD"},
        };
        for (String[] c : cases) {
            Path file = job("bad.properties", c[0] + "\n");
            assertThat(error("research", "--job=" + file)).as(c[0]).isEqualTo("job file " + file + ", line 1: " + c[1]);
        }
    }

    @Test
    void aBadValueInTheFileIsRefusedEvenWhenTheCommandLineOverridesIt() throws Exception {
        Path file = job("bad.properties", "suppression=perhaps\n");
        assertThat(error("research", "--job=" + file, "--suppression=true"))
                .isEqualTo("job file " + file + ", line 1: suppression must be true or false, got 'perhaps'");
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws Exception {
        Path file = job("twice.properties", "from=2025-01-01\n# a comment\n\nfrom=2025-02-01\n");
        assertThat(error("research", "--job=" + file))
                .isEqualTo("job file " + file + ", line 4: key 'from' given twice (first on line 1)");
    }

    @Test
    void valuesAreTrimmedAndTheFileIsUtf8WithOrWithoutBom() throws Exception {
        Path file = jobs.resolve("bom.properties");
        Files.write(file, ("\uFEFFinput=Données \t\napproaches=Thérapie,PE  \n").getBytes(StandardCharsets.UTF_8));
        RunSettings s = run("research", "--job=" + file);
        assertThat(s.input()).isEqualTo(jobs.resolve("Données"));
        assertThat(s.approaches()).containsExactly("Thérapie", "PE");
    }

    @Test
    void otherPropertiesSyntaxIsAccepted() throws Exception {
        Path file = job("syntax.properties", """
                ! comment
                input : data
                output   out/a
                approaches = DBT,\\
                  CPT
                """);
        RunSettings s = run("research", "--job=" + file);
        assertThat(s.input()).isEqualTo(jobs.resolve("data"));
        assertThat(s.output()).isEqualTo(jobs.resolve("out/a"));
        assertThat(s.approaches()).containsExactly("DBT", "CPT");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path file = jobs.resolve("latin1.properties");
        Files.write(file, "input=Donn\u00e9es\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(error("research", "--job=" + file)).isEqualTo("job file " + file + " is not valid UTF-8");
    }

    @Test
    void aMalformedEscapeIsRefused() throws Exception {
        Path file = job("escape.properties", "# comment\ninput=C:\\u12zz\n");
        assertThat(error("research", "--job=" + file))
                .startsWith("job file " + file + ", line 2: not valid properties syntax (");
    }

    @Test
    void aMissingJobFileIsRefused() {
        Path file = jobs.resolve("missing.properties");
        assertThat(error("research", "--job=" + file)).isEqualTo("--job file " + file + " does not exist");
    }

    @Test
    void aFolderIsNotAJobFile() {
        assertThat(error("research", "--job=" + jobs)).isEqualTo("--job " + jobs + " is a folder, not a job file");
    }

    @Test
    void anUnreadableJobFileIsRefused() throws Exception {
        Path file = job("secret.properties", "input=data\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeThat(false).as("POSIX permissions not supported").isTrue();
        }
        assumeThat(Files.isReadable(file)).as("running as a user who can read anything (root)").isFalse();
        assertThat(error("research", "--job=" + file)).isEqualTo("--job file " + file + " is not readable");
    }

    @Test
    void theJobFilePathIsNormalised() throws Exception {
        Path file = job("n.properties", "input=data\n");
        RunSettings s = run("research", "--job=" + jobs + "/./../jobs/n.properties");
        assertThat(s.jobFile()).isEqualTo(file);
        assertThat(s.input()).isEqualTo(jobs.resolve("data"));
    }

    @Test
    void jobGivenTwiceIsRefused() throws Exception {
        Path file = job("a.properties", "");
        assertThat(error("research", "--job=" + file, "--job=" + file)).isEqualTo("--job given twice");
    }
}
