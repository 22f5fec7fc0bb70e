package org.clinicaloutcomes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;

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
                significance=anchor, jt,HLM
                """);
        RunSettings s = run("research", "--job=" + file);
        assertThat(s.maxRejectPct()).isEqualTo(20);
        assertThat(s.significance()).containsExactly(SignificanceMethod.JT, SignificanceMethod.HLM,
                SignificanceMethod.ANCHOR);
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
                significance=JT,HA,percentage
                """);
        RunSettings s = run("research", "--input=cli-in", "--job=" + file, "--output=cli-out", "--from=2024-03-01",
                "--to=2024-06-30", "--instruments=cli.csv", "--approaches=ACT", "--primary-instrument=gad7",
                "--suppression=true", "--quiet", "--restart", "--significance=NK");
        assertThat(s).isEqualTo(new RunSettings(JobKind.RESEARCH, Path.of("cli-in"), Path.of("cli-out"), null, 0, null,
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30), Path.of("cli.csv"), List.of("ACT"), "gad7",
                true, 50, true, true, file, ExportMapping.CANONICAL, List.of(SignificanceMethod.NK)));
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
        assertThat(s.significance()).isNull();
    }

    @Test
    void theFilesSignificanceStandsWithoutTheFlagAndTheFlagAloneToo() throws Exception {
        Path file = job("sig.properties", "significance = percentage,GLN\n");
        assertThat(run("research", "--job=" + file).significance())
                .containsExactly(SignificanceMethod.GLN, SignificanceMethod.PERCENTAGE);
        Path other = job("other.properties", "from=2025-01-01\n");
        assertThat(run("research", "--job=" + other, "--significance=HLM").significance())
                .containsExactly(SignificanceMethod.HLM);
    }

    @Test
    void aBadSignificanceListInTheFileNamesTheKeyTheLineTheValueAndTheAllowedNames() throws Exception {
        String names = "JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor";
        Path file = job("sig.properties", "from=2025-01-01\nsignificance=JT,RCI\n");
        assertThat(error("research", "--job=" + file)).isEqualTo("job file " + file + ", line 2: significance must be"
                + " a comma-separated list of clinical-significance methods, got 'JT,RCI': unknown"
                + " clinical-significance method 'RCI'; expected " + names);
        Path twice = job("twice.properties", "significance=JT,jt\n");
        assertThat(error("research", "--job=" + twice)).startsWith("job file " + twice + ", line 1: significance ")
                .contains("'JT,jt'").contains("JT twice").endsWith(names);
        Path empty = job("empty-item.properties", "significance=JT,,HA\n");
        assertThat(error("research", "--job=" + empty)).startsWith("job file " + empty + ", line 1: significance ")
                .contains("'JT,,HA'").contains("empty item").endsWith(names);
        Path none = job("none.properties", "significance=\n");
        assertThat(error("research", "--job=" + none))
                .isEqualTo("job file " + none + ", line 1: significance needs a value: significance=LIST");
        // refused even when the command line gives its own list
        assertThat(error("research", "--job=" + file, "--significance=JT")).startsWith("job file " + file + ", line 2: ");
    }

    @Test
    void anEmptyFileIsAllDefaults() throws Exception {
        Path file = job("empty.properties", "");
        RunSettings s = run("research", "--job=" + file);
        assertThat(s).isEqualTo(new RunSettings(JobKind.RESEARCH, Path.of("sample-data"), null, null, 0, null, null, null,
                null, null, null, true, 50, false, false, file, ExportMapping.CANONICAL, null));
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
                + " max-reject-pct, significance, layout, file, column.<name>, code.<name>.<their value>, waves,"
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

    // ---------------------------------------------------------------- a researcher's own export

    /** The message of a job file that must be refused. */
    String refused(String name, String content) throws IOException {
        Path file = job(name, content);
        return error("research", "--job=" + file);
    }

    /** {@code job file <jobs>/<name>, line <n>: } */
    String at(String name, int line) {
        return "job file " + jobs.resolve(name) + ", line " + line + ": ";
    }

    @Test
    void aWideExportIsReadIntoTheMapping() throws Exception {
        Path file = job("wide.properties", """
                # a published trial's export
                layout = Wide
                file = ../data/trial.csv
                column.client_id = Participant ID
                column.approach = Arm
                column.age_band = AgeGroup
                column.gad7 = GAD_total
                code.approach.Treatment\\ as\\ usual = TAU
                code.approach.cbt = CPT
                code.chronic_illness.2 = N
                waves = 0, 1.0, 6, post
                wave.0.pcl5 = PCL_T0
                wave.1.pcl5 = PCL_T1
                wave.0.pcl5_1 = PCL1_T0
                wave.post.phq9 = PHQ_post
                baseline.wave = 1
                final.wave = POST
                randomised = Y
                missing = -99, 999 ,.
                delimiter = ;
                encoding = Windows-1252
                max-reject-pct = 10
                """);
        RunSettings s = run("research", "--job=" + file);
        ExportMapping e = s.export();
        assertThat(e.layout()).isEqualTo(ExportMapping.Layout.WIDE);
        assertThat(e.file()).isEqualTo(tmp.resolve("project/data/trial.csv"));
        assertThat(e.columns()).containsExactly(entry("client_id", "Participant ID"), entry("approach", "Arm"),
                entry("age_band", "AgeGroup"), entry("gad7", "GAD_total"));
        assertThat(e.codes()).containsOnlyKeys("approach", "chronic_illness");
        assertThat(e.codes().get("approach")).containsExactly(entry("treatment as usual", "TAU"), entry("cbt", "CPT"));
        assertThat(e.codes().get("chronic_illness")).containsExactly(entry("2", "N"));
        assertThat(e.waves()).containsExactly("0", "1.0", "6", "post");
        assertThat(e.waveColumns()).containsOnlyKeys("0", "1.0", "post");
        assertThat(e.waveColumns().get("0")).containsExactly(entry("pcl5", "PCL_T0"), entry("pcl5_1", "PCL1_T0"));
        assertThat(e.waveColumns().get("1.0")).containsExactly(entry("pcl5", "PCL_T1"));
        assertThat(e.waveColumns().get("post")).containsExactly(entry("phq9", "PHQ_post"));
        assertThat(e.baselineWave()).isEqualTo("1.0");
        assertThat(e.finalWave()).isEqualTo("post");
        assertThat(e.randomised()).isTrue();
        assertThat(e.approach()).isNull();
        assertThat(e.missing()).containsExactly("-99", "999", ".");
        assertThat(e.delimiter()).isEqualTo(';');
        assertThat(e.encoding()).isEqualTo(ExportMapping.WINDOWS_1252);
        assertThat(e.decode("approach", "Treatment As Usual")).isEqualTo("TAU");
        // the input folder is the export's folder; the rest as before
        assertThat(s.input()).isEqualTo(tmp.resolve("project/data"));
        assertThat(s.maxRejectPct()).isEqualTo(10);
        assertThat(s.from()).isNull();
        assertThat(s.to()).isNull();
    }

    @Test
    void aLongExportIsReadIntoTheMapping() throws Exception {
        Path file = job("long.properties", """
                layout=long
                file=export.tsv
                column.client_id=id
                column.wave=visit
                column.pcl5=PCL total
                column.clinician_id=therapist
                column.intake_date=start
                column.session_date=assessed
                column.session_number=n
                column.attended=came
                column.pcl5_20=item20
                code.discharge_reason.done=completed
                waves=pre,post
                approach=PE
                delimiter=TAB
                encoding=utf-8
                randomised=no
                """);
        ExportMapping e = run("research", "--job=" + file).export();
        assertThat(e.layout()).isEqualTo(ExportMapping.Layout.LONG);
        assertThat(e.file()).isEqualTo(jobs.resolve("export.tsv"));
        assertThat(e.columns()).containsEntry("wave", "visit").containsEntry("pcl5", "PCL total")
                .containsEntry("pcl5_20", "item20").hasSize(9);
        assertThat(e.codes()).containsExactly(entry("discharge_reason", Map.of("done", "completed")));
        assertThat(e.waves()).containsExactly("pre", "post");
        assertThat(e.waveColumns()).isEmpty();
        assertThat(e.baselineWave()).isNull();
        assertThat(e.finalWave()).isNull();
        assertThat(e.approach()).isEqualTo("PE");
        assertThat(e.delimiter()).isEqualTo('\t');
        assertThat(e.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(e.randomised()).isFalse();
        assertThat(e.missing()).isEmpty();
    }

    @Test
    void withoutExportKeysTheInputIsCanonical() throws Exception {
        assertThat(run("research", "--job=" + job("plain.properties", "input=data\n")).export())
                .isEqualTo(ExportMapping.CANONICAL);
        assertThat(run("research").export()).isEqualTo(ExportMapping.CANONICAL);
        assertThat(run("monthly").export()).isEqualTo(ExportMapping.CANONICAL);
        RunSettings canonical = run("research", "--job=" + job("c.properties", "layout=CANONICAL\ninput=data\n"));
        assertThat(canonical.export()).isEqualTo(ExportMapping.CANONICAL);
        assertThat(canonical.input()).isEqualTo(jobs.resolve("data"));
    }

    @Test
    void randomisedTakesEveryFlagSpellingAlsoWithCanonicalInput() throws Exception {
        for (String yes : List.of("Y", "y", "yes", "YES", "true", "True", "1")) {
            assertThat(run("research", "--job=" + job("r.properties", "randomised=" + yes + "\n")).export())
                    .as(yes).isEqualTo(ExportMapping.canonical(true));
        }
        for (String no : List.of("N", "n", "no", "No", "false", "FALSE", "0")) {
            assertThat(run("research", "--job=" + job("r.properties", "randomised=" + no + "\n")).export())
                    .as(no).isEqualTo(ExportMapping.canonical(false));
        }
        assertThat(refused("r.properties", "input=data\nrandomised=maybe\n")).isEqualTo(at("r.properties", 2)
                + "randomised must be a flag (Y/N, yes/no, true/false or 1/0), got 'maybe'");
        assertThat(refused("r.properties", "randomised=NA\n")).startsWith(at("r.properties", 1) + "randomised must be a flag");
    }

    static final String WIDE = "layout=wide\nfile=x.csv\nwaves=0,1,2\n";
    static final String LONG = "layout=long\nfile=x.csv\nwaves=0,1,2\n";

    @Test
    void badValuesAreRefusedNamingKeyAndLine() throws Exception {
        String[][] cases = {
                {"layout=tall\n", "1", "layout must be canonical, long or wide, got 'tall'"},
                {WIDE + "delimiter=|\n", "4", "delimiter must be ',', ';' or tab, got '|'"},
                {WIDE + "encoding=latin1\n", "4", "encoding must be UTF-8 or windows-1252, got 'latin1'"},
                {WIDE + "missing=-99,,.\n", "4", "missing has an empty code in '-99,,.'"},
                {WIDE + "missing= , \n", "4", "missing has an empty code in ','"},
                {WIDE + "approach=\n", "4", "approach needs a value: approach=CODE"},
                {WIDE + "column.client_id=  \n", "4", "column.client_id needs a value: column.client_id=COLUMN"},
                {WIDE + "code.approach.tau= \n", "4", "code.approach.tau needs a value: code.approach.tau=VALUE"},
                {"layout=wide\nwaves=0\nfile=\n", "3", "file needs a value: file=FILE"},
                {"layout=\n", "1", "layout needs a value: layout=canonical|long|wide"},
        };
        for (String[] c : cases) {
            assertThat(refused("bad.properties", c[0])).as(c[0])
                    .isEqualTo(at("bad.properties", Integer.parseInt(c[1])) + c[2]);
        }
    }

    @Test
    void unknownExportKeysAreRefusedNamingKeyAndLine() throws Exception {
        String[][] cases = {
                {WIDE + "column.Client\\ ID=id\n", "4", "unknown key 'column.Client ID': 'Client ID' is no pipeline column"},
                {WIDE + "column.pcl5-1=id\n", "4", "unknown key 'column.pcl5-1': 'pcl5-1' is no pipeline column"},
                {WIDE + "column.=id\n", "4", "unknown key 'column.': '' is no pipeline column"},
                {WIDE + "code.gender.M=male\n", "4", "unknown key 'code.gender.M': 'gender' is not a coded column"},
                {WIDE + "code.phq9.x=1\n", "4", "unknown key 'code.phq9.x': 'phq9' is not a coded column"},
                {WIDE + "code.approach=TAU\n", "4", "unknown key 'code.approach': write code.approach.<their value>=<value>"},
                {WIDE + "code.approach.\\ =TAU\n", "4", "unknown key 'code.approach. ': write code.approach.<their value>"},
                {WIDE + "wave.pcl5=x\n", "4", "unknown key 'wave.pcl5': write wave.<label>.<instrument>=<their column>"},
                {WIDE + "wave.0.PCL5=x\n", "4", "unknown key 'wave.0.PCL5': 'PCL5' is not an instrument key"},
                {WIDE + "wave.7.pcl5=x\n", "4", "unknown key 'wave.7.pcl5': wave '7' is not in waves (line 3)"},
                {LONG + "wave.0.pcl5=x\n", "4", "unknown key 'wave.0.pcl5' with layout=long (line 1):"
                        + " wave.<label>.<instrument> keys are for layout=wide"},
                {WIDE + "column.wave=visit\n", "4", "unknown key 'column.wave' with layout=wide (line 1):"
                        + " a wide export has no wave column"},
                {WIDE + "Layout=wide\n", "4", "unknown key 'Layout' (allowed: input, output"},
                {WIDE + "baseline=0\n", "4", "unknown key 'baseline' (allowed: "},
        };
        for (String[] c : cases) {
            assertThat(refused("bad.properties", c[0])).as(c[0])
                    .startsWith(at("bad.properties", Integer.parseInt(c[1])) + c[2]);
        }
    }

    @Test
    void exportKeysGivenTwiceAreRefusedNamingTheSecondLine() throws Exception {
        assertThat(refused("twice.properties", WIDE + "column.client_id=a\n\ncolumn.client_id=b\n"))
                .isEqualTo(at("twice.properties", 6) + "key 'column.client_id' given twice (first on line 4)");
        assertThat(refused("twice.properties", "layout=long\nlayout=wide\n"))
                .isEqualTo(at("twice.properties", 2) + "key 'layout' given twice (first on line 1)");
        // code keys that differ only in the case (or the spaces) of their value are one key
        assertThat(refused("twice.properties", WIDE + "code.approach.TAU=TAU\ncode.approach.\\ tau\\ =PE\n"))
                .isEqualTo(at("twice.properties", 5)
                        + "key 'code.approach. tau ' given twice (as 'code.approach.TAU' first on line 4)");
        // 1 and 1.0 are one wave
        assertThat(refused("twice.properties", WIDE + "wave.1.pcl5=a\nwave.1.0.pcl5=b\n"))
                .isEqualTo(at("twice.properties", 5) + "key 'wave.1.0.pcl5' given twice (as 'wave.1.pcl5' on line 4)");
        // but a code of another column, or another instrument at the same wave, is another key
        ExportMapping e = run("research", "--job=" + job("ok.properties",
                WIDE + "code.approach.a=DBT\ncode.age_band.a=18-25\nwave.1.pcl5=a\nwave.1.phq9=b\n")).export();
        assertThat(e.codes()).containsOnlyKeys("approach", "age_band");
        assertThat(e.waveColumns().get("1")).containsOnlyKeys("pcl5", "phq9");
    }

    @Test
    void theWavesMustBeGivenNonEmptyAndWithoutRepeats() throws Exception {
        assertThat(refused("w.properties", "layout=wide\nfile=x.csv\n")).isEqualTo(at("w.properties", 1)
                + "layout=wide needs the key waves (the wave labels in time order, like waves=0,1,2)");
        assertThat(refused("w.properties", "file=x.csv\nlayout=long\n")).isEqualTo(at("w.properties", 2)
                + "layout=long needs the key waves (the wave labels in time order, like waves=0,1,2)");
        assertThat(refused("w.properties", "layout=long\nfile=x.csv\nwaves=\n"))
                .isEqualTo(at("w.properties", 3) + "waves needs a value: waves=LABEL,LABEL,...");
        assertThat(refused("w.properties", "layout=long\nfile=x.csv\nwaves=0,,6\n"))
                .isEqualTo(at("w.properties", 3) + "waves has an empty wave label in '0,,6'");
        assertThat(refused("w.properties", "layout=long\nfile=x.csv\nwaves=0,6,\n"))
                .isEqualTo(at("w.properties", 3) + "waves has an empty wave label in '0,6,'");
        assertThat(refused("w.properties", "layout=long\nfile=x.csv\nwaves=pre, Post ,post\n"))
                .isEqualTo(at("w.properties", 3) + "waves names the wave 'post' twice (as 'Post' before)");
        assertThat(refused("w.properties", "layout=long\nfile=x.csv\nwaves=0,1,1.0\n"))
                .isEqualTo(at("w.properties", 3) + "waves names the wave '1.0' twice (as '1' before)");
        assertThat(refused("w.properties", "layout=long\nfile=x.csv\nwaves=0,1,1\n"))
                .isEqualTo(at("w.properties", 3) + "waves names the wave '1' twice");
        // a whole number with any run of zeros after the point is that number, as DATA.md reads 12.0
        assertThat(refused("w.properties", "layout=long\nfile=x.csv\nwaves=1,1.5,10,1.00\n"))
                .isEqualTo(at("w.properties", 3) + "waves names the wave '1.00' twice (as '1' before)");
        // other numbers are other waves
        assertThat(run("research", "--job=" + job("w.properties", "layout=long\nfile=x.csv\nwaves=1,1.5,10,10.5\n"))
                .export().waves()).containsExactly("1", "1.5", "10", "10.5");
    }

    @Test
    void baselineAndFinalWaveMustBeListedAndInOrder() throws Exception {
        assertThat(refused("b.properties", WIDE + "baseline.wave=3\n"))
                .isEqualTo(at("b.properties", 4) + "baseline.wave '3' is not in waves (line 3: 0,1,2)");
        assertThat(refused("b.properties", WIDE + "final.wave=pre\n"))
                .isEqualTo(at("b.properties", 4) + "final.wave 'pre' is not in waves (line 3: 0,1,2)");
        assertThat(refused("b.properties", WIDE + "final.wave=0\nbaseline.wave=1\n"))
                .isEqualTo(at("b.properties", 4) + "final.wave '0' is not after baseline.wave '1' (line 5) in waves");
        assertThat(refused("b.properties", WIDE + "baseline.wave=1.0\nfinal.wave=1\n"))
                .isEqualTo(at("b.properties", 5) + "final.wave '1' is not after baseline.wave '1.0' (line 4) in waves");
        ExportMapping e = run("research", "--job=" + job("b.properties", WIDE + "baseline.wave=0.0\nfinal.wave= 2 \n"))
                .export();
        assertThat(e.baselineWave()).isEqualTo("0");
        assertThat(e.finalWave()).isEqualTo("2");
    }

    @Test
    void theFileKeyIsNeededAndRelativeToTheJobFile() throws Exception {
        assertThat(refused("f.properties", "# study\nlayout=wide\nwaves=0,1\n"))
                .isEqualTo(at("f.properties", 2) + "layout=wide needs the key file (the export to read)");
        assertThat(run("research", "--job=" + job("f.properties", "layout=wide\nwaves=0,1\nfile=./a/../b/x.csv\n"))
                .export().file()).isEqualTo(jobs.resolve("b/x.csv"));
        assertThat(run("research", "--job=" + job("f.properties", "layout=wide\nwaves=0,1\nfile=/data/x.csv\n"))
                .export().file()).isEqualTo(Path.of("/data/x.csv"));
    }

    @Test
    void inputFromAndToAreRefusedWithALongOrWideExport() throws Exception {
        assertThat(refused("i.properties", "input=data\n" + WIDE)).isEqualTo(at("i.properties", 1)
                + "key 'input' cannot be used with layout=wide (line 2): the key file names the export to read");
        assertThat(refused("i.properties", LONG + "from=2024-01-01\n")).isEqualTo(at("i.properties", 4)
                + "key 'from' cannot be used with layout=long (line 1): a wave-based analysis covers all the data");
        assertThat(refused("i.properties", LONG + "to=2024-01-01\n")).isEqualTo(at("i.properties", 4)
                + "key 'to' cannot be used with layout=long (line 1): a wave-based analysis covers all the data");
        Path file = job("flags.properties", "# export\n" + WIDE);
        assertThat(error("research", "--job=" + file, "--from=2024-01-01")).isEqualTo("--from cannot be used with"
                + " layout=wide (job file " + file + ", line 2): a wave-based analysis covers all the data");
        assertThat(error("research", "--to=2024-01-01", "--job=" + file)).isEqualTo("--to cannot be used with"
                + " layout=wide (job file " + file + ", line 2): a wave-based analysis covers all the data");
        assertThat(error("research", "--job=" + file, "--input=data")).isEqualTo("--input cannot be used with"
                + " layout=wide (job file " + file + ", line 2): the key file names the export to read");
        // with canonical input they are as before
        assertThat(run("research", "--job=" + job("c.properties", "layout=canonical\nfrom=2024-01-01\n"),
                "--to=2024-02-01", "--input=in").from()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void exportKeysNeedALongOrWideLayout() throws Exception {
        for (String key : List.of("file=x.csv", "column.client_id=id", "code.approach.a=DBT", "waves=0,1",
                "baseline.wave=0", "final.wave=1", "approach=PE", "missing=-99", "delimiter=;",
                "encoding=UTF-8")) {
            String name = key.substring(0, key.indexOf('='));
            assertThat(refused("c.properties", "input=data\n" + key + "\n")).as(key).isEqualTo(at("c.properties", 2)
                    + "key '" + name + "' needs layout=long or layout=wide (there is no layout key: the layout is canonical)");
        }
        assertThat(refused("c.properties", "layout=canonical\nwave.0.pcl5=x\n")).isEqualTo(at("c.properties", 2)
                + "key 'wave.0.pcl5' needs layout=wide (the layout is canonical, line 1)");
    }

    @Test
    void oneExportColumnMapsOneName() throws Exception {
        assertThat(refused("d.properties", WIDE + "column.intake_date=Visit\ncolumn.referral_date= visit \n"))
                .isEqualTo(at("d.properties", 5) + "column.referral_date maps the export column 'visit', which"
                        + " column.intake_date (line 4) maps already");
        assertThat(refused("d.properties", WIDE + "column.pcl5=PCL\nwave.0.pcl5=pcl\n"))
                .isEqualTo(at("d.properties", 5) + "wave.0.pcl5 maps the export column 'pcl', which"
                        + " column.pcl5 (line 4) maps already");
        assertThat(refused("d.properties", WIDE + "wave.0.pcl5=P\nwave.1.phq9=P\n"))
                .isEqualTo(at("d.properties", 5) + "wave.1.phq9 maps the export column 'P', which"
                        + " wave.0.pcl5 (line 4) maps already");
    }

    @Test
    void aContinuedLineIsNamedByTheLineItStartsOn() throws Exception {
        String text = "# study\n\n  ! note\nlayout=wide\nfile=x.csv\nwaves=0,\\\n   1,\\\n   2\n\ndelimiter=\\\n  |\n";
        assertThat(refused("cont.properties", text))
                .isEqualTo(at("cont.properties", 10) + "delimiter must be ',', ';' or tab, got '|'");
        // a comment line ending in a backslash does not continue; an escaped backslash does not either
        assertThat(run("research", "--job=" + job("cont.properties",
                "# comment \\\nlayout=wide\nfile=a\\\\\nwaves=0,\\\n1\n")).export().waves()).containsExactly("0", "1");
        assertThat(refused("cont.properties", "# comment \\\nlayout=wide\nfile=a\\\\\nwaves=0,\\\n1\nmissing=,\n"))
                .isEqualTo(at("cont.properties", 6) + "missing has an empty code in ','");
        // \r\n and \r end lines too
        assertThat(refused("cont.properties", "layout=wide\r\nfile=x\rwaves=0\r\nwaves=1\r\n"))
                .isEqualTo(at("cont.properties", 4) + "key 'waves' given twice (first on line 3)");
    }

    @Test
    void jobGivenTwiceIsRefused() throws Exception {
        Path file = job("a.properties", "");
        assertThat(error("research", "--job=" + file, "--job=" + file)).isEqualTo("--job given twice");
    }
}
