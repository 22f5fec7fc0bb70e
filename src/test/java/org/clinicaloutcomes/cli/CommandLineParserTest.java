package org.clinicaloutcomes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.clinicaloutcomes.analysis.MonitoringSettings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;

class CommandLineParserTest {

    static Command parse(String... args) throws UsageException {
        return CommandLineParser.parse(args);
    }

    static RunSettings run(String... args) throws UsageException {
        Command command = parse(args);
        assertThat(command).isInstanceOf(RunCommand.class);
        return ((RunCommand) command).settings();
    }

    static GenerateCommand generate(String... args) throws UsageException {
        Command command = parse(args);
        assertThat(command).isInstanceOf(GenerateCommand.class);
        return (GenerateCommand) command;
    }

    static String error(String... args) {
        try {
            Command command = parse(args);
            throw new AssertionError("expected a UsageException, got " + command);
        } catch (UsageException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
            assertThat(e.getStackTrace()).isEmpty();
            return e.getMessage();
        }
    }

    @Nested
    class Defaults {

        @Test
        void noArgumentsIsTheMonthlyJobWithAllDefaults() throws Exception {
            RunSettings s = run();
            assertThat(s).isEqualTo(RunSettings.defaults(JobKind.MONTHLY));
            assertThat(s.job()).isEqualTo(JobKind.MONTHLY);
            assertThat(s.input()).isEqualTo(Path.of("sample-data"));
            assertThat(s.output()).isNull();
            assertThat(s.month()).isNull();
            assertThat(s.windowMonths()).isEqualTo(12);
            assertThat(s.monitoring()).isEqualTo(MonitoringSettings.DEFAULT);
            assertThat(s.monitoring()).isEqualTo(new MonitoringSettings(24, 30, 30));
            assertThat(s.from()).isNull();
            assertThat(s.to()).isNull();
            assertThat(s.instruments()).isNull();
            assertThat(s.approaches()).isNull();
            assertThat(s.primaryInstrument()).isNull();
            assertThat(s.suppression()).isFalse();
            assertThat(s.quiet()).isFalse();
            assertThat(s.restart()).isFalse();
            assertThat(s.jobFile()).isNull();
        }

        @Test
        void monthlyAloneEqualsNoArguments() throws Exception {
            assertThat(run("monthly")).isEqualTo(run());
        }

        @Test
        void researchDefaults() throws Exception {
            RunSettings s = run("research");
            assertThat(s.job()).isEqualTo(JobKind.RESEARCH);
            assertThat(s.input()).isEqualTo(Path.of("sample-data"));
            assertThat(s.output()).isNull();
            assertThat(s.month()).isNull();
            assertThat(s.windowMonths()).isEqualTo(RunSettings.NO_WINDOW_MONTHS);
            assertThat(s.monitoring()).isNull();
            assertThat(s.from()).isNull();
            assertThat(s.to()).isNull();
            assertThat(s.instruments()).isNull();
            assertThat(s.approaches()).isNull();
            assertThat(s.primaryInstrument()).isNull();
            assertThat(s.suppression()).isTrue();
            assertThat(s.quiet()).isFalse();
            assertThat(s.restart()).isFalse();
            assertThat(s.jobFile()).isNull();
            assertThat(s).isEqualTo(RunSettings.defaults(JobKind.RESEARCH));
        }

        @Test
        void generateDefaults() throws Exception {
            GenerateCommand g = generate("generate", "--end-month=2026-03");
            assertThat(g).isEqualTo(new GenerateCommand(20261L, 500, YearMonth.of(2026, 3), Path.of("sample-data")));
        }
    }

    @Nested
    class Monthly {

        @Test
        void everyFlag() throws Exception {
            RunSettings s = run("monthly", "--month=2026-03", "--input=data/in", "--output=out/march",
                    "--window-months=6", "--series-months=36", "--instruments=conf/instruments.csv", "--approaches=DBT,TAU",
                    "--primary-instrument=phq9", "--suppression=true", "--quiet", "--restart");
            assertThat(s).isEqualTo(new RunSettings(JobKind.MONTHLY, Path.of("data/in"), Path.of("out/march"),
                    YearMonth.of(2026, 3), 6, new MonitoringSettings(36, 30, 30), null, null, Path.of("conf/instruments.csv"), List.of("DBT", "TAU"),
                    "phq9", true, 50, true, true, null, ExportMapping.CANONICAL, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "12", "120", "007"})
        void windowMonthsInRange(String value) throws Exception {
            assertThat(run("monthly", "--window-months=" + value).windowMonths()).isEqualTo(Integer.parseInt(value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "24", "120", "007"})
        void seriesMonthsInRange(String value) throws Exception {
            RunSettings s = run("monthly", "--series-months=" + value);
            assertThat(s.monitoring().seriesMonths()).isEqualTo(Integer.parseInt(value));
            assertThat(s.windowMonths()).isEqualTo(RunSettings.DEFAULT_WINDOW_MONTHS);
        }

        @ParameterizedTest
        @CsvSource({"monthly, 0", "monthly, 100", "research, 7"})
        void maxRejectPctInRange(String command, int pct) throws Exception {
            assertThat(run(command, "--max-reject-pct=" + pct).maxRejectPct()).isEqualTo(pct);
            assertThat(run(command).maxRejectPct()).isEqualTo(50);
        }

        @ParameterizedTest
        @CsvSource({"3, 1", "30, 30", "100000, 365", "0031, 007"})
        void expectedMinNAndContactDaysInRange(String minN, String days) throws Exception {
            RunSettings s = run("monthly", "--expected-min-n=" + minN, "--contact-days=" + days);
            assertThat(s.monitoring()).isEqualTo(new MonitoringSettings(24, Integer.parseInt(minN),
                    Integer.parseInt(days)));
        }

        @Test
        void seriesMonthsDefaultIsTheAnalysisDefault() throws Exception {
            assertThat(RunSettings.DEFAULT_SERIES_MONTHS).isEqualTo(24)
                    .isEqualTo(org.clinicaloutcomes.analysis.CohortAnalysis.DEFAULT_SERIES_MONTHS);
            assertThat(run("monthly", "--window-months=6").monitoring().seriesMonths()).isEqualTo(24);
        }

        @Test
        void suppressionFalseAndAnyCase() throws Exception {
            assertThat(run("monthly", "--suppression=false").suppression()).isFalse();
            assertThat(run("monthly", "--suppression=TRUE").suppression()).isTrue();
            assertThat(run("research", "--suppression=False").suppression()).isFalse();
        }

        @Test
        void switchesAcceptTrueAndFalse() throws Exception {
            assertThat(run("monthly", "--quiet=true").quiet()).isTrue();
            assertThat(run("monthly", "--quiet=false").quiet()).isFalse();
            assertThat(run("monthly", "--restart=true").restart()).isTrue();
            assertThat(run("monthly", "--restart=false").restart()).isFalse();
        }

        @Test
        void flagsInAnyOrder() throws Exception {
            assertThat(run("monthly", "--quiet", "--month=2025-12", "--input=x"))
                    .isEqualTo(run("monthly", "--input=x", "--month=2025-12", "--quiet"));
        }
    }

    @Nested
    class Research {

        @Test
        void significanceDefaultsToNotGivenAndIsReadInAnyCaseInTheContractsOrder() throws Exception {
            assertThat(run("research").significance()).isNull();
            assertThat(run("monthly").significance()).isNull();
            assertThat(RunSettings.defaultSignificance(JobKind.RESEARCH)).isEqualTo(SignificanceMethod.DEFAULT)
                    .containsExactly(SignificanceMethod.JT);
            assertThat(RunSettings.defaultSignificance(JobKind.MONTHLY)).isEmpty();
            assertThat(run("research", "--significance=anchor, percentage ,hlm,ha,nk,en,hll,gln,jt").significance())
                    .containsExactly(SignificanceMethod.values());
            assertThat(run("research", "--significance=Percentage,JT").significance())
                    .containsExactly(SignificanceMethod.JT, SignificanceMethod.PERCENTAGE);
            assertThat(run("research", "--significance=HLM").significance()).containsExactly(SignificanceMethod.HLM);
        }

        @Test
        void everyFlagButJob() throws Exception {
            RunSettings s = run("research", "--input=in", "--output=/tmp/out", "--from=2025-01-01",
                    "--to=2025-12-31", "--instruments=i.csv", "--approaches= DBT , CPT ,PE",
                    "--primary-instrument=ders16", "--suppression=false", "--quiet", "--restart");
            assertThat(s).isEqualTo(new RunSettings(JobKind.RESEARCH, Path.of("in"), Path.of("/tmp/out"), null, 0, null,
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), Path.of("i.csv"),
                    List.of("DBT", "CPT", "PE"), "ders16", false, 50, true, true, null, ExportMapping.CANONICAL, null));
        }

        @Test
        void fromAloneAndToAloneAreOpenAtTheOtherEnd() throws Exception {
            RunSettings fromOnly = run("research", "--from=2025-06-01");
            assertThat(fromOnly.from()).isEqualTo(LocalDate.of(2025, 6, 1));
            assertThat(fromOnly.to()).isNull();
            RunSettings toOnly = run("research", "--to=2024-02-29");
            assertThat(toOnly.from()).isNull();
            assertThat(toOnly.to()).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void fromEqualToIsAOneDayWindow() throws Exception {
            RunSettings s = run("research", "--from=2025-06-01", "--to=2025-06-01");
            assertThat(s.from()).isEqualTo(s.to());
        }

        @Test
        void approachesAreUnmodifiable() throws Exception {
            List<String> approaches = run("research", "--approaches=ACT").approaches();
            assertThat(approaches).containsExactly("ACT");
            assertThatThrownBy(() -> approaches.add("X")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void primaryInstrumentWithDigitsAndUnderscore() throws Exception {
            assertThat(run("research", "--primary-instrument=my_scale_2").primaryInstrument()).isEqualTo("my_scale_2");
        }
    }

    @Nested
    class Generate {

        @Test
        void everyFlag() throws Exception {
            assertThat(generate("generate", "--seed=-42", "--episodes=12000", "--end-month=2025-12", "--output=tmp/gen/"))
                    .isEqualTo(new GenerateCommand(-42L, 12000, YearMonth.of(2025, 12), Path.of("tmp/gen")));
        }

        @Test
        void endMonthIsRequired() {
            assertThat(error("generate", "--seed=1"))
                    .isEqualTo("generate needs --end-month=YYYY-MM, the last month of the sample data");
        }

        @Test
        void badValues() {
            assertThat(error("generate", "--end-month=2026-3")).isEqualTo("--end-month must be YYYY-MM, got '2026-3'");
            assertThat(error("generate", "--end-month=2026-01", "--seed=abc"))
                    .isEqualTo("--seed must be a whole number, got 'abc'");
            assertThat(error("generate", "--end-month=2026-01", "--seed=99999999999999999999"))
                    .isEqualTo("--seed must be a whole number, got '99999999999999999999'");
            assertThat(error("generate", "--end-month=2026-01", "--episodes=0"))
                    .isEqualTo("--episodes must be a whole number from 1 to 10000000, got '0'");
            assertThat(error("generate", "--end-month=2026-01", "--episodes=10000001"))
                    .isEqualTo("--episodes must be a whole number from 1 to 10000000, got '10000001'");
            assertThat(error("generate", "--end-month=2026-01", "--episodes"))
                    .isEqualTo("--episodes needs a value: --episodes=N");
        }

        @Test
        void reportOptionsAreNotGenerateOptions() {
            assertThat(error("generate", "--end-month=2026-01", "--quiet"))
                    .isEqualTo("--quiet is not an option of generate (it belongs to monthly and research; see --help)");
            assertThat(error("generate", "--end-month=2026-01", "--month=2026-01"))
                    .isEqualTo("--month is not an option of generate (it belongs to monthly; see --help)");
            assertThat(error("monthly", "--seed=1"))
                    .isEqualTo("--seed is not an option of monthly (it belongs to generate; see --help)");
        }

        @Test
        void givenTwice() {
            assertThat(error("generate", "--end-month=2026-01", "--end-month=2026-02"))
                    .isEqualTo("--end-month given twice");
        }
    }

    @Nested
    class Paths {

        @Test
        void relativePathsStayRelativeButNormalised() throws Exception {
            RunSettings s = run("monthly", "--input=./data/../sample-data/", "--output=reports//x/./y",
                    "--instruments=../conf/i.csv");
            assertThat(s.input()).isEqualTo(Path.of("sample-data"));
            assertThat(s.input().isAbsolute()).isFalse();
            assertThat(s.output()).isEqualTo(Path.of("reports/x/y"));
            assertThat(s.instruments()).isEqualTo(Path.of("../conf/i.csv"));
        }

        @Test
        void absolutePathsStayAbsolute() throws Exception {
            assertThat(run("monthly", "--input=/data/in/../in2").input()).isEqualTo(Path.of("/data/in2"));
        }

        @Test
        void aPathThatNormalisesToNothingIsTheWorkingDirectory() throws Exception {
            assertThat(run("monthly", "--output=.").output()).isEqualTo(Path.of("."));
            assertThat(run("monthly", "--output=a/..").output()).isEqualTo(Path.of("."));
        }

        @Test
        void foldersAreNotCheckedForExistence() throws Exception {
            assertThat(run("monthly", "--input=does/not/exist").input()).isEqualTo(Path.of("does/not/exist"));
        }

        @Test
        void aPathWithANulCharacterIsRefused() {
            assertThat(error("monthly", "--input=a\0b")).isEqualTo("--input is not a valid path, got 'a\\u0000b'");
        }
    }

    @Nested
    class Help {

        @ParameterizedTest
        @MethodSource("org.clinicaloutcomes.cli.CommandLineParserTest#helpArguments")
        void helpWordsGiveTheHelpText(List<String> args) throws Exception {
            Command command = parse(args.toArray(String[]::new));
            assertThat(command).isEqualTo(CommandLineParser.help());
        }

        @Test
        void helpTextListsEveryCommandAndFlag() {
            String text = CommandLineParser.help().text();
            for (String word : List.of("monthly", "research", "generate", "worker", "help", "--help", "-h")) {
                assertThat(text).contains(word);
            }
            List<String> flags = List.of("--month=YYYY-MM", "--window-months=N", "--series-months=N",
                    "--expected-min-n=N", "--contact-days=N", "--max-reject-pct=N", "--job=FILE", "--from=YYYY-MM-DD",
                    "--to=YYYY-MM-DD", "--input=DIR", "--output=DIR", "--instruments=FILE", "--approaches=A,B,...",
                    "--primary-instrument=KEY", "--suppression=true|false", "--quiet", "--restart", "--significance=LIST",
                    "--seed=N", "--episodes=N", "--end-month=YYYY-MM", "--job-repository=URL", "--partitions=N",
                    "--remote-workers", "--work-dir=DIR");
            for (String flag : flags) {
                assertThat(text).as(flag).containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(flag) + "\\s");
            }
            // every option line names its default (or that it is required)
            text.lines().filter(l -> l.stripLeading().startsWith("--"))
                    .forEach(l -> assertThat(l).as(l).containsAnyOf("(default:", "(required)"));
            // the defaults
            for (String value : List.of("sample-data", "12", "DBT,CPT,ACT,PE", "pcl5", "20261", "500",
                    "reports/YYYY-MM", "reports/research-all", "1 to 120", "(default: 24)")) {
                assertThat(text).contains(value);
            }
            // job file keys
            for (String key : List.of("input", "output", "from", "to", "instruments", "approaches",
                    "primary-instrument", "suppression", "significance")) {
                assertThat(text).contains(key);
            }
            // the methods, their default and the instrument file's columns they take their parameters from
            assertThat(text).contains("JT, GLN, HLL, EN, NK, HA, HLM, percentage, anchor (default: JT)");
            for (String column : org.clinicaloutcomes.metrics.significance.SignificanceParameters.COLUMNS) {
                assertThat(text).as(column).contains(column);
            }
            assertThat(text).endsWith("\n");
        }
    }

    static Stream<Arguments> helpArguments() {
        return Stream.of(
                List.of("--help"), List.of("-h"), List.of("help"), List.of("monthly", "--help"),
                List.of("research", "-h"), List.of("generate", "--help"), List.of("help", "monthly"),
                List.of("monthly", "--month=bad", "--help"), List.of("nonsense", "--help"))
                .map(Arguments::of);
    }

    @Nested
    class Partitions {

        @Test
        void bothReportCommandsTakeACountFromOneTo64() throws UsageException {
            assertThat(run("monthly").partitions()).isEqualTo(1);
            assertThat(run("monthly", "--partitions=7").partitions()).isEqualTo(7);
            assertThat(run("research", "--partitions=64").partitions()).isEqualTo(64);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "65", "-1", "2.5", "seven"})
        void anyOtherValueIsRefusedInOneLine(String value) {
            assertThat(error("monthly", "--partitions=" + value))
                    .startsWith("--partitions must be a whole number of partitions from 1 to 64");
        }
    }

    @Nested
    class JobRepository {

        @Test
        void aPostgresUrlWithoutCredentialsIsTakenByBothReportCommands() throws UsageException {
            assertThat(run("monthly", "--job-repository=jdbc:postgresql://db.example:5432/outcomes").jobRepository())
                    .isEqualTo("jdbc:postgresql://db.example:5432/outcomes");
            assertThat(run("research", "--job-repository=jdbc:postgresql://localhost/outcomes?ssl=true").jobRepository())
                    .isEqualTo("jdbc:postgresql://localhost/outcomes?ssl=true");
            assertThat(run("monthly").jobRepository()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"jdbc:postgresql://admin:secret@db/outcomes", "jdbc:postgresql://admin@db/outcomes",
                "jdbc:postgresql://db/outcomes?password=secret", "jdbc:postgresql://db/outcomes?ssl=true&PASSWORD=secret",
                "jdbc:postgresql://db/outcomes?user=admin"})
        void aUrlWithAUserOrPasswordIsRefusedWithoutRepeatingIt(String url) {
            assertThat(error("monthly", "--job-repository=" + url))
                    .isEqualTo("--job-repository must not hold a user or password (they would be written to the log "
                            + "and run.json): set CLINICAL_OUTCOMES_DB_USER and CLINICAL_OUTCOMES_DB_PASSWORD instead")
                    .doesNotContain("secret");
        }

        @ParameterizedTest
        @ValueSource(strings = {"jdbc:mysql://root:secret@db/outcomes", "postgresql://db/outcomes", "jdbc:postgresql://"})
        void anythingButAPostgresUrlIsRefusedWithoutRepeatingIt(String url) {
            assertThat(error("research", "--job-repository=" + url))
                    .isEqualTo("--job-repository must be a PostgreSQL JDBC URL, jdbc:postgresql://host:port/database")
                    .doesNotContain("secret");
        }

        @Test
        void generateTakesNoJobRepository() {
            assertThat(error("generate", "--job-repository=jdbc:postgresql://db/outcomes"))
                    .startsWith("--job-repository is not an option of generate");
        }
    }

    @Nested
    class RemoteWorkers {

        private static final String URL = "--job-repository=jdbc:postgresql://db.example/outcomes";

        @Test
        void aRunIsAnalysedByItsOwnThreadsInTheStateFoldersWorkFolderUnlessAsked() throws UsageException {
            RunSettings settings = run("monthly");
            assertThat(settings.remoteWorkers()).isFalse();
            assertThat(settings.workDir()).isNull();
        }

        @Test
        void remoteWorkersAndAWorkFolderAreTakenByBothJobs() throws UsageException {
            RunSettings monthly = run("monthly", URL, "--partitions=7", "--remote-workers", "--work-dir=/shared/work/");
            assertThat(monthly.remoteWorkers()).isTrue();
            assertThat(monthly.workDir()).isEqualTo(Path.of("/shared/work"));
            assertThat(run("research", URL, "--remote-workers").remoteWorkers()).isTrue();
            assertThat(run("research", "--work-dir=w").workDir()).isEqualTo(Path.of("w"));
        }

        @Test
        void remoteWorkersNeedTheSharedJobRepository() {
            assertThat(error("monthly", "--remote-workers", "--partitions=2"))
                    .isEqualTo("--remote-workers needs --job-repository: the workers take their partitions from the "
                            + "shared job repository");
        }

        @Test
        void aWorkerTakesTheJobRepositoryAndTheWorkFolder() throws UsageException {
            Command command = parse(new String[] {"worker", URL, "--work-dir=/mnt/shared/work"});
            assertThat(command).isEqualTo(new WorkerCommand("jdbc:postgresql://db.example/outcomes",
                    Path.of("/mnt/shared/work")));
        }

        @Test
        void aWorkerNeedsBothAndNothingElse() {
            String needs = "worker needs --job-repository and --work-dir: the job repository and the work folder "
                    + "its runs were started with";
            assertThat(error("worker")).isEqualTo(needs);
            assertThat(error("worker", URL)).isEqualTo(needs);
            assertThat(error("worker", "--work-dir=w")).isEqualTo(needs);
            assertThat(error("worker", URL, "--work-dir=w", "--partitions=2"))
                    .startsWith("--partitions is not an option of worker");
            assertThat(error("worker", "--job-repository=jdbc:postgresql://u:p@db/x", "--work-dir=w"))
                    .startsWith("--job-repository must not hold a user or password");
        }
    }

    @Nested
    class Errors {

        static Stream<Arguments> cases() {
            return Stream.of(
                    // commands
                    Arguments.of(List.of("weekly"), "unknown command 'weekly': use monthly, research, generate, worker or help"),
                    Arguments.of(List.of("Monthly"), "unknown command 'Monthly': use monthly, research, generate, worker or help"),
                    Arguments.of(List.of("--month=2026-01"),
                            "missing command before '--month=2026-01': start with monthly, research, generate or worker (see --help)"),
                    // options
                    Arguments.of(List.of("monthly", "--foo"), "unknown option --foo for monthly (see --help)"),
                    Arguments.of(List.of("monthly", "--foo=bar"), "unknown option --foo for monthly (see --help)"),
                    Arguments.of(List.of("research", "-q"), "unknown option -q for research (see --help)"),
                    Arguments.of(List.of("monthly", "2026-01"),
                            "unexpected argument '2026-01' for monthly: options are written --name=value (see --help)"),
                    Arguments.of(List.of("research", "--month=2026-01"),
                            "--month is not an option of research (it belongs to monthly; see --help)"),
                    Arguments.of(List.of("research", "--window-months=3"),
                            "--window-months is not an option of research (it belongs to monthly; see --help)"),
                    Arguments.of(List.of("research", "--series-months=3"),
                            "--series-months is not an option of research (it belongs to monthly; see --help)"),
                    Arguments.of(List.of("monthly", "--series-months=12", "--series-months=24"),
                            "--series-months given twice"),
                    Arguments.of(List.of("monthly", "--series-months"), "--series-months needs a value: --series-months=N"),
                    Arguments.of(List.of("monthly", "--from=2026-01-01"),
                            "--from is not an option of monthly (it belongs to research; see --help)"),
                    Arguments.of(List.of("monthly", "--to=2026-01-01"),
                            "--to is not an option of monthly (it belongs to research; see --help)"),
                    Arguments.of(List.of("monthly", "--job=jobs/x.properties"),
                            "--job is not an option of monthly (it belongs to research; see --help)"),
                    Arguments.of(List.of("monthly", "--significance=JT"),
                            "--significance is not an option of monthly (it belongs to research; see --help)"),
                    Arguments.of(List.of("generate", "--end-month=2026-01", "--significance=JT"),
                            "--significance is not an option of generate (it belongs to research; see --help)"),
                    // clinical-significance methods
                    Arguments.of(List.of("research", "--significance"), "--significance needs a value: --significance=LIST"),
                    Arguments.of(List.of("research", "--significance="), "--significance needs a value: --significance=LIST"),
                    Arguments.of(List.of("research", "--significance=JT", "--significance=HA"), "--significance given twice"),
                    Arguments.of(List.of("research", "--significance=JT,RCI"),
                            "--significance must be a comma-separated list of clinical-significance methods, got 'JT,RCI':"
                                    + " unknown clinical-significance method 'RCI'; expected JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor"),
                    Arguments.of(List.of("research", "--significance=JT,,HA"),
                            "--significance must be a comma-separated list of clinical-significance methods, got 'JT,,HA':"
                                    + " the list of clinical-significance methods 'JT,,HA' has an empty item;"
                                    + " expected some of JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor"),
                    Arguments.of(List.of("research", "--significance=JT,"),
                            "--significance must be a comma-separated list of clinical-significance methods, got 'JT,':"
                                    + " the list of clinical-significance methods 'JT,' has an empty item;"
                                    + " expected some of JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor"),
                    Arguments.of(List.of("research", "--significance=hla,jt,HA,Ha"),
                            "--significance must be a comma-separated list of clinical-significance methods,"
                                    + " got 'hla,jt,HA,Ha': unknown clinical-significance method 'hla'; expected JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor"),
                    Arguments.of(List.of("research", "--significance=HA,jt,ha"),
                            "--significance must be a comma-separated list of clinical-significance methods,"
                                    + " got 'HA,jt,ha': the list of clinical-significance methods names HA twice;"
                                    + " expected some of JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor"),
                    Arguments.of(List.of("research", "--significance= "),
                            "--significance must be a comma-separated list of clinical-significance methods, got ' ':"
                                    + " the list of clinical-significance methods is empty; expected some of JT,GLN,HLL,EN,NK,HA,HLM,percentage,anchor"),
                    Arguments.of(List.of("monthly", "--month=2026-01", "--month=2026-02"), "--month given twice"),
                    Arguments.of(List.of("monthly", "--quiet", "--quiet"), "--quiet given twice"),
                    Arguments.of(List.of("research", "--input=a", "--input=a"), "--input given twice"),
                    // missing values
                    Arguments.of(List.of("monthly", "--month"), "--month needs a value: --month=YYYY-MM"),
                    Arguments.of(List.of("monthly", "--input"), "--input needs a value: --input=DIR"),
                    Arguments.of(List.of("monthly", "--output="), "--output needs a value: --output=DIR"),
                    Arguments.of(List.of("research", "--from", "2026-01-01"), "--from needs a value: --from=YYYY-MM-DD"),
                    Arguments.of(List.of("research", "--job"), "--job needs a value: --job=FILE"),
                    Arguments.of(List.of("monthly", "--suppression"), "--suppression needs a value: --suppression=true|false"),
                    // switches with a value
                    Arguments.of(List.of("monthly", "--quiet=yes"), "--quiet takes no value (write just --quiet), got 'yes'"),
                    Arguments.of(List.of("monthly", "--restart=1"), "--restart takes no value (write just --restart), got '1'"),
                    Arguments.of(List.of("monthly", "--restart="), "--restart takes no value (write just --restart), got ''"),
                    // months and dates
                    Arguments.of(List.of("monthly", "--month=2026-13"), "--month must be YYYY-MM, got '2026-13'"),
                    Arguments.of(List.of("monthly", "--month=2026-00"), "--month must be YYYY-MM, got '2026-00'"),
                    Arguments.of(List.of("monthly", "--month=2026-1"), "--month must be YYYY-MM, got '2026-1'"),
                    Arguments.of(List.of("monthly", "--month=26-01"), "--month must be YYYY-MM, got '26-01'"),
                    Arguments.of(List.of("monthly", "--month=20261-01"), "--month must be YYYY-MM, got '20261-01'"),
                    Arguments.of(List.of("monthly", "--month=2026-01-01"), "--month must be YYYY-MM, got '2026-01-01'"),
                    Arguments.of(List.of("monthly", "--month= 2026-01"), "--month must be YYYY-MM, got ' 2026-01'"),
                    Arguments.of(List.of("research", "--from=2025-02-30"),
                            "--from must be a real date YYYY-MM-DD, got '2025-02-30'"),
                    Arguments.of(List.of("research", "--to=2025-02-29"),
                            "--to must be a real date YYYY-MM-DD, got '2025-02-29'"),
                    Arguments.of(List.of("research", "--from=2025-1-01"),
                            "--from must be a real date YYYY-MM-DD, got '2025-1-01'"),
                    Arguments.of(List.of("research", "--from=01/02/2025"),
                            "--from must be a real date YYYY-MM-DD, got '01/02/2025'"),
                    Arguments.of(List.of("research", "--from=+2025-01-01"),
                            "--from must be a real date YYYY-MM-DD, got '+2025-01-01'"),
                    Arguments.of(List.of("research", "--from=2026-05-01", "--to=2026-01-01"),
                            "--from 2026-05-01 is after --to 2026-01-01"),
                    // window
                    Arguments.of(List.of("monthly", "--window-months=0"),
                            "--window-months must be a whole number of months from 1 to 120, got '0'"),
                    Arguments.of(List.of("monthly", "--window-months=121"),
                            "--window-months must be a whole number of months from 1 to 120, got '121'"),
                    Arguments.of(List.of("monthly", "--window-months=-3"),
                            "--window-months must be a whole number of months from 1 to 120, got '-3'"),
                    Arguments.of(List.of("monthly", "--window-months=twelve"),
                            "--window-months must be a whole number of months from 1 to 120, got 'twelve'"),
                    Arguments.of(List.of("monthly", "--window-months=6.5"),
                            "--window-months must be a whole number of months from 1 to 120, got '6.5'"),
                    Arguments.of(List.of("monthly", "--window-months=99999999999"),
                            "--window-months must be a whole number of months from 1 to 120, got '99999999999'"),
                    // series
                    Arguments.of(List.of("research", "--max-reject-pct=101"),
                            "--max-reject-pct must be a whole number of percent from 0 to 100, got '101'"),
                    Arguments.of(List.of("monthly", "--max-reject-pct=-1"),
                            "--max-reject-pct must be a whole number of percent from 0 to 100, got '-1'"),
                    Arguments.of(List.of("monthly", "--expected-min-n=2"),
                            "--expected-min-n must be a whole number of episodes from 3 to 100000, got '2'"),
                    Arguments.of(List.of("monthly", "--expected-min-n=100001"),
                            "--expected-min-n must be a whole number of episodes from 3 to 100000, got '100001'"),
                    Arguments.of(List.of("monthly", "--contact-days=0"),
                            "--contact-days must be a whole number of days from 1 to 365, got '0'"),
                    Arguments.of(List.of("monthly", "--contact-days=366"),
                            "--contact-days must be a whole number of days from 1 to 365, got '366'"),
                    Arguments.of(List.of("monthly", "--contact-days=4.5"),
                            "--contact-days must be a whole number of days from 1 to 365, got '4.5'"),
                    Arguments.of(List.of("research", "--contact-days=30"),
                            "--contact-days is not an option of research (it belongs to monthly; see --help)"),
                    Arguments.of(List.of("research", "--expected-min-n=30"),
                            "--expected-min-n is not an option of research (it belongs to monthly; see --help)"),
                    Arguments.of(List.of("monthly", "--series-months=0"),
                            "--series-months must be a whole number of months from 1 to 120, got '0'"),
                    Arguments.of(List.of("monthly", "--series-months=121"),
                            "--series-months must be a whole number of months from 1 to 120, got '121'"),
                    Arguments.of(List.of("monthly", "--series-months=-3"),
                            "--series-months must be a whole number of months from 1 to 120, got '-3'"),
                    Arguments.of(List.of("monthly", "--series-months=x"),
                            "--series-months must be a whole number of months from 1 to 120, got 'x'"),
                    Arguments.of(List.of("monthly", "--series-months=2.5"),
                            "--series-months must be a whole number of months from 1 to 120, got '2.5'"),
                    // suppression
                    Arguments.of(List.of("monthly", "--suppression=yes"), "--suppression must be true or false, got 'yes'"),
                    // approaches
                    Arguments.of(List.of("monthly", "--approaches="), "--approaches needs a value: --approaches=A,B,..."),
                    Arguments.of(List.of("monthly", "--approaches=,"),
                            "--approaches needs at least one approach name, like --approaches=DBT,CPT,ACT,PE, got ','"),
                    Arguments.of(List.of("monthly", "--approaches= "),
                            "--approaches needs at least one approach name, like --approaches=DBT,CPT,ACT,PE, got ' '"),
                    Arguments.of(List.of("monthly", "--approaches=DBT,,CPT"),
                            "--approaches has an empty approach name in 'DBT,,CPT'"),
                    Arguments.of(List.of("monthly", "--approaches=DBT,CPT,"),
                            "--approaches has an empty approach name in 'DBT,CPT,'"),
                    Arguments.of(List.of("research", "--approaches=DBT,CPT,DBT"),
                            "--approaches names the approach 'DBT' twice"),
                    Arguments.of(List.of("research", "--approaches=DBT,dbt"),
                            "--approaches names the approach 'dbt' twice"),
                    // primary instrument
                    Arguments.of(List.of("monthly", "--primary-instrument=PCL5"),
                            "--primary-instrument must be an instrument key of lower-case letters, digits and _"
                                    + " starting with a letter (like pcl5), got 'PCL5'"),
                    Arguments.of(List.of("monthly", "--primary-instrument=5pcl"),
                            "--primary-instrument must be an instrument key of lower-case letters, digits and _"
                                    + " starting with a letter (like pcl5), got '5pcl'"),
                    Arguments.of(List.of("monthly", "--primary-instrument=pcl-5"),
                            "--primary-instrument must be an instrument key of lower-case letters, digits and _"
                                    + " starting with a letter (like pcl5), got 'pcl-5'"),
                    // job file that is not there
                    Arguments.of(List.of("research", "--job=no/such/job.properties"),
                            "--job file no/such/job.properties does not exist"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void message(List<String> args, String expected) {
            assertThat(error(args.toArray(String[]::new))).isEqualTo(expected);
        }

        @Test
        void theFirstProblemOnTheLineIsReported() {
            assertThat(error("monthly", "--month=2026-13", "--foo")).isEqualTo("--month must be YYYY-MM, got '2026-13'");
            assertThat(error("monthly", "--foo", "--month=2026-13")).isEqualTo("unknown option --foo for monthly (see --help)");
        }

        @Test
        void controlCharactersAndLongValuesAreShownSafely() {
            assertThat(error("monthly", "--month=2026\n-01")).isEqualTo("--month must be YYYY-MM, got '2026\\u000A-01'");
            String message = error("monthly", "--month=" + "9".repeat(500));
            assertThat(message).hasSizeLessThan(120).endsWith("…'");
        }

        @Test
        void emptyCommandIsUnknown() {
            assertThat(error("")).isEqualTo("unknown command '': use monthly, research, generate, worker or help");
        }
    }

    @Test
    void usageExceptionIsOneLine() {
        UsageException e = new UsageException("a\nb\r\nc");
        assertThat(e.getMessage()).isEqualTo("a b c");
        assertThat(e.getStackTrace()).isEmpty();
    }
}
