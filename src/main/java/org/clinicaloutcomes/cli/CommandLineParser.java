package org.clinicaloutcomes.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.clinicaloutcomes.analysis.MonitoringSettings;
import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.ExpectedRecovery;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.report.DataQualityVerdict;

/**
 * Parses the command line of clinical-outcomes (REPORTS.md, "Command line") into a {@link Command}.
 * Pure: no Spring, no I/O except reading the {@code research --job=FILE} file.
 *
 * <p>Rules, beyond the syntax of REPORTS.md:
 * <ul>
 *   <li>No arguments: {@code monthly} with every default. {@code --help}, {@code -h} or {@code help}
 *       anywhere: the help text, whatever else is given.</li>
 *   <li>Options are {@code --name=value}; {@code --name value} is refused (the value is missing).
 *       An option may be given once. Command-line values are taken as typed (not trimmed).</li>
 *   <li>{@code --quiet} and {@code --restart} are switches: {@code --quiet} alone turns it on;
 *       {@code --quiet=true} and {@code --quiet=false} are accepted too (any case); any other value
 *       is refused.</li>
 *   <li>Months are {@code YYYY-MM}, dates {@code YYYY-MM-DD}, both strict ISO (four-digit year,
 *       the date must exist). {@code --suppression} takes {@code true} or {@code false} (any case).
 *       {@code --approaches} is a comma-separated list; names are trimmed, must not be empty and
 *       must not repeat (ignoring case, as approach codes in the data are matched ignoring case).</li>
 *   <li>{@code --significance} (research only) is a comma-separated list of the methods of
 *       {@link SignificanceMethod}; names are trimmed and matched ignoring case, must not be empty
 *       and must not repeat; the list is kept in the contract's order, not as typed.</li>
 *   <li>Paths are kept relative to the working directory when relative, and normalised
 *       ({@code a/./b/../c} becomes {@code a/c}; a path that normalises to nothing becomes
 *       {@code .}). Existence is not checked, except for the job file.</li>
 *   <li>Job file (research only): a {@link java.util.Properties} file in UTF-8 (a byte-order mark
 *       is ignored), read line by line ({@link JobFileLines}) so that every message names the line.
 *       Its values are trimmed; an empty value, an unknown key or a key given twice is refused.
 *       Every value in it is validated, also one that the command line overrides. Properties
 *       syntax applies: a backslash is an escape character, so Windows paths must use {@code /}
 *       or {@code \\}. The keys that describe a researcher's own export are read by
 *       {@link ExportKeys}; with {@code layout=long} or {@code wide}, {@code --input},
 *       {@code --from} and {@code --to} are refused, and the input folder is the export's folder.</li>
 * </ul>
 * Errors are {@link UsageException}s with a one-line message naming the option (or job file and
 * key) and the value given.
 */
public final class CommandLineParser {

    private static final String MONTHLY = "monthly";
    private static final String RESEARCH = "research";
    private static final String GENERATE = "generate";
    private static final String WORKER = "worker";

    private static final Set<String> HELP_WORDS = Set.of("--help", "-h", "help");

    private static final DateTimeFormatter MONTH_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern MONTH_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern SMALL_NATURAL = Pattern.compile("[0-9]{1,9}");
    private static final Pattern LONG_SHAPE = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern INSTRUMENT_KEY = Pattern.compile("[a-z][a-z0-9_]*");

    private static final int MAX_SHOWN_VALUE = 60;

    /** Where a command-line option may be used. */
    private enum Verb {
        MONTHLY_JOB(CommandLineParser.MONTHLY), RESEARCH_JOB(CommandLineParser.RESEARCH),
        GENERATE_DATA(CommandLineParser.GENERATE), PARTITION_WORKER(CommandLineParser.WORKER);

        final String word;

        Verb(String word) {
            this.word = word;
        }
    }

    /** Every option, with the commands that take it. */
    private enum Opt {
        MONTH("month", "YYYY-MM", true, EnumSet.of(Verb.MONTHLY_JOB)),
        WINDOW_MONTHS("window-months", "N", true, EnumSet.of(Verb.MONTHLY_JOB)),
        SERIES_MONTHS("series-months", "N", true, EnumSet.of(Verb.MONTHLY_JOB)),
        EXPECTED_MIN_N("expected-min-n", "N", true, EnumSet.of(Verb.MONTHLY_JOB)),
        CONTACT_DAYS("contact-days", "N", true, EnumSet.of(Verb.MONTHLY_JOB)),
        JOB("job", "FILE", true, EnumSet.of(Verb.RESEARCH_JOB)),
        FROM("from", "YYYY-MM-DD", true, EnumSet.of(Verb.RESEARCH_JOB)),
        TO("to", "YYYY-MM-DD", true, EnumSet.of(Verb.RESEARCH_JOB)),
        SIGNIFICANCE("significance", "LIST", true, EnumSet.of(Verb.RESEARCH_JOB)),
        INPUT("input", "DIR", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        OUTPUT("output", "DIR", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB, Verb.GENERATE_DATA)),
        INSTRUMENTS("instruments", "FILE", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        APPROACHES("approaches", "A,B,...", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        PRIMARY_INSTRUMENT("primary-instrument", "KEY", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        SUPPRESSION("suppression", "true|false", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        MAX_REJECT_PCT("max-reject-pct", "N", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        QUIET("quiet", null, false, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        RESTART("restart", null, false, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        JOB_REPOSITORY("job-repository", "URL", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB, Verb.PARTITION_WORKER)),
        PARTITIONS("partitions", "N", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        REMOTE_WORKERS("remote-workers", null, false, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB)),
        WORK_DIR("work-dir", "DIR", true, EnumSet.of(Verb.MONTHLY_JOB, Verb.RESEARCH_JOB, Verb.PARTITION_WORKER)),
        SEED("seed", "N", true, EnumSet.of(Verb.GENERATE_DATA)),
        EPISODES("episodes", "N", true, EnumSet.of(Verb.GENERATE_DATA)),
        END_MONTH("end-month", "YYYY-MM", true, EnumSet.of(Verb.GENERATE_DATA));

        final String key;
        final String metavar;
        final boolean takesValue;
        final Set<Verb> verbs;

        Opt(String key, String metavar, boolean takesValue, Set<Verb> verbs) {
            this.key = key;
            this.metavar = metavar;
            this.takesValue = takesValue;
            this.verbs = verbs;
        }

        String flag() {
            return "--" + key;
        }

        static Opt byKey(String key) {
            for (Opt o : values()) {
                if (o.key.equals(key)) {
                    return o;
                }
            }
            return null;
        }
    }

    /** The keys a research job file may hold, in the order the help text names them. */
    private static final List<Opt> JOB_FILE_KEYS = List.of(Opt.INPUT, Opt.OUTPUT, Opt.FROM, Opt.TO,
            Opt.INSTRUMENTS, Opt.APPROACHES, Opt.PRIMARY_INSTRUMENT, Opt.SUPPRESSION, Opt.MAX_REJECT_PCT,
            Opt.SIGNIFICANCE);

    /** Where a value came from, for the messages: a command-line option or a job-file key. */
    private record Origin(Opt opt, String name, String prefix, String suffix) {

        static Origin flag(Opt opt) {
            return new Origin(opt, opt.flag(), "", "");
        }

        static Origin jobFile(Path file, Opt opt, int line) {
            return new Origin(opt, opt.key, jobFileAt(file, line), " (job file " + file + ", line " + line + ")");
        }

        /** How the option is written with a value: {@code --from=} or {@code from=}. */
        String assign() {
            return name + "=";
        }

        UsageException fail(String problem) {
            return new UsageException(prefix + name + " " + problem);
        }

        /** {@code --from 2026-05-01}, or {@code from 2026-05-01 (job file jobs/x.properties)}. */
        String describe(Object value) {
            return name + " " + value + suffix;
        }
    }

    /** Values of a report run as collected from one source; null = not given there. */
    private static final class RunDraft {
        Path input;
        Path output;
        Path instruments;
        Path jobFile;
        YearMonth month;
        Integer windowMonths;
        Integer seriesMonths;
        Integer expectedMinN;
        Integer contactDays;
        LocalDate from;
        Origin fromOrigin;
        LocalDate to;
        Origin toOrigin;
        List<String> approaches;
        String primaryInstrument;
        Boolean suppression;
        Integer maxRejectPct;
        List<SignificanceMethod> significance;
        ExportMapping export;
        int layoutLine;
        boolean quiet;
        boolean restart;
        String jobRepository;
        Integer partitions;
        boolean remoteWorkers;
        Path workDir;
    }

    private CommandLineParser() {
    }

    /**
     * Parses the arguments of {@code main}.
     *
     * @return the help text, a report run, or a sample-data run
     * @throws UsageException when the arguments (or the research job file) are wrong; its message
     *                        is one line for the user
     */
    public static Command parse(String[] args) throws UsageException {
        Objects.requireNonNull(args, "args");
        for (String arg : args) {
            Objects.requireNonNull(arg, "args contains null");
        }
        if (args.length == 0) {
            return new RunCommand(RunSettings.defaults(JobKind.MONTHLY));
        }
        for (String arg : args) {
            if (HELP_WORDS.contains(arg)) {
                return help();
            }
        }
        String command = args[0];
        return switch (command) {
            case MONTHLY -> new RunCommand(parseRun(JobKind.MONTHLY, Verb.MONTHLY_JOB, args));
            case RESEARCH -> new RunCommand(parseRun(JobKind.RESEARCH, Verb.RESEARCH_JOB, args));
            case GENERATE -> parseGenerate(args);
            case WORKER -> parseWorker(args);
            default -> throw unknownCommand(command);
        };
    }

    /** The help text (the same as {@code parse(new String[] {"--help"})}). */
    public static HelpCommand help() {
        return new HelpCommand(HelpText.TEXT);
    }

    private static UsageException unknownCommand(String command) {
        if (command.startsWith("-")) {
            return new UsageException("missing command before " + quote(command)
                    + ": start with monthly, research, generate or worker (see --help)");
        }
        return new UsageException("unknown command " + quote(command)
                + ": use monthly, research, generate, worker or help");
    }

    // ---------------------------------------------------------------- monthly and research

    private static RunSettings parseRun(JobKind job, Verb verb, String[] args) throws UsageException {
        RunDraft cli = new RunDraft();
        Set<Opt> seen = EnumSet.noneOf(Opt.class);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            Opt opt = option(arg, verb);
            if (!seen.add(opt)) {
                throw new UsageException(opt.flag() + " given twice");
            }
            Origin origin = Origin.flag(opt);
            String value = valueOf(arg);
            switch (opt) {
                case QUIET -> cli.quiet = switchValue(value, origin);
                case RESTART -> cli.restart = switchValue(value, origin);
                case REMOTE_WORKERS -> cli.remoteWorkers = switchValue(value, origin);
                case JOB -> cli.jobFile = path(required(value, origin), origin, null);
                default -> apply(opt, required(value, origin), origin, cli, null);
            }
        }

        RunDraft file = cli.jobFile == null ? new RunDraft() : readJobFile(cli.jobFile);
        ExportMapping export = file.export == null ? ExportMapping.CANONICAL : file.export;
        if (export.layout().byWave()) {
            refuseWithExport(cli.input != null, Opt.INPUT, file, export, "the key file names the export to read");
            refuseWithExport(cli.from != null, Opt.FROM, file, export, "a wave-based analysis covers all the data");
            refuseWithExport(cli.to != null, Opt.TO, file, export, "a wave-based analysis covers all the data");
            file.input = exportFolder(export);
        }

        LocalDate from = cli.from != null ? cli.from : file.from;
        Origin fromOrigin = cli.from != null ? cli.fromOrigin : file.fromOrigin;
        LocalDate to = cli.to != null ? cli.to : file.to;
        Origin toOrigin = cli.to != null ? cli.toOrigin : file.toOrigin;
        if (from != null && to != null && from.isAfter(to)) {
            throw new UsageException(fromOrigin.describe(from) + " is after " + toOrigin.describe(to));
        }
        Path input = first(cli.input, file.input);
        Boolean suppression = first(cli.suppression, file.suppression);
        int window = job == JobKind.MONTHLY
                ? first(cli.windowMonths, RunSettings.DEFAULT_WINDOW_MONTHS)
                : RunSettings.NO_WINDOW_MONTHS;
        MonitoringSettings monitoring = job == JobKind.MONTHLY
                ? new MonitoringSettings(first(cli.seriesMonths, MonitoringSettings.DEFAULT.seriesMonths()),
                        first(cli.expectedMinN, MonitoringSettings.DEFAULT.expectedMinN()),
                        first(cli.contactDays, MonitoringSettings.DEFAULT.contactDays()))
                : null;
        return new RunSettings(job,
                input == null ? RunSettings.DEFAULT_INPUT : input,
                first(cli.output, file.output),
                cli.month,
                window,
                monitoring,
                from,
                to,
                first(cli.instruments, file.instruments),
                first(cli.approaches, file.approaches),
                first(cli.primaryInstrument, file.primaryInstrument),
                suppression == null ? RunSettings.defaultSuppression(job) : suppression,
                first(first(cli.maxRejectPct, file.maxRejectPct), DataQualityVerdict.DEFAULT_MAX_REJECT_PCT),
                cli.quiet,
                cli.restart,
                cli.jobFile,
                export,
                first(cli.significance, file.significance),
                cli.jobRepository,
                first(cli.partitions, RunSettings.DEFAULT_PARTITIONS),
                cli.workDir,
                remoteWorkers(cli));
    }

    /** {@code --remote-workers} needs the job repository that the workers share with this run. */
    private static boolean remoteWorkers(RunDraft cli) throws UsageException {
        if (cli.remoteWorkers && cli.jobRepository == null) {
            throw new UsageException(Opt.REMOTE_WORKERS.flag() + " needs " + Opt.JOB_REPOSITORY.flag()
                    + ": the workers take their partitions from the shared job repository");
        }
        return cli.remoteWorkers;
    }

    /** {@code --input}, {@code --from} and {@code --to} are not used with a long or wide export. */
    private static void refuseWithExport(boolean given, Opt opt, RunDraft file, ExportMapping export, String why)
            throws UsageException {
        if (given) {
            throw new UsageException(opt.flag() + " cannot be used with layout=" + export.layout().key()
                    + " (job file " + file.jobFile + ", line " + file.layoutLine + "): " + why);
        }
    }

    /** The input folder of a long or wide export: the export file's folder. */
    private static Path exportFolder(ExportMapping export) {
        Path folder = export.file().getParent();
        return folder == null ? Path.of(".") : folder;
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** Validates one value-taking option of a report run and stores it in the draft. */
    private static void apply(Opt opt, String value, Origin origin, RunDraft draft, Path base)
            throws UsageException {
        switch (opt) {
            case INPUT -> draft.input = path(value, origin, base);
            case OUTPUT -> draft.output = path(value, origin, base);
            case INSTRUMENTS -> draft.instruments = path(value, origin, base);
            case MONTH -> draft.month = yearMonth(value, origin);
            case WINDOW_MONTHS -> draft.windowMonths = months(value, origin,
                    RunSettings.MIN_WINDOW_MONTHS, RunSettings.MAX_WINDOW_MONTHS);
            case SERIES_MONTHS -> draft.seriesMonths = months(value, origin,
                    RunSettings.MIN_SERIES_MONTHS, RunSettings.MAX_SERIES_MONTHS);
            case EXPECTED_MIN_N -> draft.expectedMinN = wholeNumber(value, origin, "episodes",
                    ExpectedRecovery.MIN_N_LOWEST, ExpectedRecovery.MIN_N_HIGHEST);
            case CONTACT_DAYS -> draft.contactDays = wholeNumber(value, origin, "days",
                    AttentionReason.MIN_CONTACT_DAYS, AttentionReason.MAX_CONTACT_DAYS);
            case FROM -> {
                draft.from = date(value, origin);
                draft.fromOrigin = origin;
            }
            case TO -> {
                draft.to = date(value, origin);
                draft.toOrigin = origin;
            }
            case APPROACHES -> draft.approaches = approaches(value, origin);
            case PRIMARY_INSTRUMENT -> draft.primaryInstrument = instrumentKey(value, origin);
            case SUPPRESSION -> draft.suppression = bool(value, origin);
            case MAX_REJECT_PCT -> draft.maxRejectPct = wholeNumber(value, origin, "percent",
                    DataQualityVerdict.MIN_MAX_REJECT_PCT, DataQualityVerdict.MAX_MAX_REJECT_PCT);
            case SIGNIFICANCE -> draft.significance = significance(value, origin);
            case PARTITIONS -> draft.partitions = wholeNumber(value, origin, "partitions",
                    RunSettings.MIN_PARTITIONS, RunSettings.MAX_PARTITIONS);
            case JOB_REPOSITORY -> draft.jobRepository = jobRepository(value, origin);
            case WORK_DIR -> draft.workDir = path(value, origin, base);
            default -> throw new IllegalStateException("not a report option: " + opt);
        }
    }

    // ---------------------------------------------------------------- job file

    private static RunDraft readJobFile(Path file) throws UsageException {
        if (!Files.exists(file)) {
            throw new UsageException("--job file " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException("--job " + file + " is a folder, not a job file");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException("--job file " + file + " is not readable");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new UsageException("--job file " + file + " could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("job file " + file + " is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }

        List<JobFileLines.Entry> entries = JobFileLines.read(file, text);
        Map<String, JobFileLines.Entry> seen = new HashMap<>();
        for (JobFileLines.Entry entry : entries) {
            JobFileLines.Entry earlier = seen.putIfAbsent(ExportKeys.identity(entry.key()), entry);
            if (earlier != null) {
                throw new UsageException(jobFileAt(file, entry.line()) + "key " + quote(entry.key()) + " given twice ("
                        + (earlier.key().equals(entry.key()) ? "" : "as " + quote(earlier.key()) + " ")
                        + "first on line " + earlier.line() + ")");
            }
        }

        Path base = file.getParent();
        RunDraft draft = new RunDraft();
        draft.jobFile = file;
        for (JobFileLines.Entry entry : entries) {
            String key = entry.key();
            if (ExportKeys.isExportKey(key)) {
                continue;
            }
            Opt opt = Opt.byKey(key);
            if (opt == null || !JOB_FILE_KEYS.contains(opt)) {
                throw new UsageException(jobFileAt(file, entry.line()) + "unknown key " + quote(key) + " (allowed: "
                        + JOB_FILE_KEYS.stream().map(o -> o.key).collect(Collectors.joining(", ")) + ", "
                        + String.join(", ", ExportKeys.KEYS) + ")");
            }
            Origin origin = Origin.jobFile(file, opt, entry.line());
            apply(opt, required(entry.value(), origin), origin, draft, base);
        }
        ExportKeys.Parsed export = ExportKeys.parse(file, entries);
        draft.export = export.mapping();
        draft.layoutLine = export.layoutLine();
        return draft;
    }

    /** How a message about a job-file line starts: {@code job file jobs/x.properties, line 12: }. */
    static String jobFileAt(Path file, int line) {
        return "job file " + file + ", line " + line + ": ";
    }

    // ---------------------------------------------------------------- generate

    private static String jobRepository(String value, Origin origin) throws UsageException {
        String problem = JobRepositoryUrl.problem(value);
        if (problem != null) {
            throw origin.fail(problem);
        }
        return value;
    }

    // ---------------------------------------------------------------- worker

    private static WorkerCommand parseWorker(String[] args) throws UsageException {
        String jobRepository = null;
        Path workDir = null;
        Set<Opt> seen = EnumSet.noneOf(Opt.class);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            Opt opt = option(arg, Verb.PARTITION_WORKER);
            if (!seen.add(opt)) {
                throw new UsageException(opt.flag() + " given twice");
            }
            Origin origin = Origin.flag(opt);
            String value = required(valueOf(arg), origin);
            switch (opt) {
                case JOB_REPOSITORY -> jobRepository = jobRepository(value, origin);
                case WORK_DIR -> workDir = path(value, origin, null);
                default -> throw new IllegalStateException("not a worker option: " + opt);
            }
        }
        if (jobRepository == null || workDir == null) {
            throw new UsageException("worker needs " + Opt.JOB_REPOSITORY.flag() + " and " + Opt.WORK_DIR.flag()
                    + ": the job repository and the work folder its runs were started with");
        }
        return new WorkerCommand(jobRepository, workDir);
    }

    private static GenerateCommand parseGenerate(String[] args) throws UsageException {
        Long seed = null;
        Integer episodes = null;
        YearMonth endMonth = null;
        Path output = null;
        Set<Opt> seen = EnumSet.noneOf(Opt.class);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            Opt opt = option(arg, Verb.GENERATE_DATA);
            if (!seen.add(opt)) {
                throw new UsageException(opt.flag() + " given twice");
            }
            Origin origin = Origin.flag(opt);
            String value = required(valueOf(arg), origin);
            switch (opt) {
                case SEED -> seed = seed(value, origin);
                case EPISODES -> episodes = episodes(value, origin);
                case END_MONTH -> endMonth = yearMonth(value, origin);
                case OUTPUT -> output = path(value, origin, null);
                default -> throw new IllegalStateException("not a generate option: " + opt);
            }
        }
        if (endMonth == null) {
            throw new UsageException("generate needs --end-month=YYYY-MM, the last month of the sample data");
        }
        return new GenerateCommand(
                seed == null ? GenerateCommand.DEFAULT_SEED : seed,
                episodes == null ? GenerateCommand.DEFAULT_EPISODES : episodes,
                endMonth,
                output == null ? GenerateCommand.DEFAULT_OUTPUT : output);
    }

    // ---------------------------------------------------------------- tokens

    /** The option an argument names, checked against the command. */
    private static Opt option(String arg, Verb verb) throws UsageException {
        if (!arg.startsWith("-")) {
            throw new UsageException("unexpected argument " + quote(arg) + " for " + verb.word
                    + ": options are written --name=value (see --help)");
        }
        String name = nameOf(arg);
        if (!arg.startsWith("--")) {
            throw new UsageException("unknown option " + shown(name) + " for " + verb.word + " (see --help)");
        }
        Opt opt = Opt.byKey(name.substring(2));
        if (opt == null) {
            throw new UsageException("unknown option " + shown(name) + " for " + verb.word + " (see --help)");
        }
        if (!opt.verbs.contains(verb)) {
            String owners = opt.verbs.stream().map(v -> v.word).collect(Collectors.joining(" and "));
            throw new UsageException(opt.flag() + " is not an option of " + verb.word
                    + " (it belongs to " + owners + "; see --help)");
        }
        return opt;
    }

    private static String nameOf(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    /** The text after the first {@code =}, or null when there is no {@code =}. */
    private static String valueOf(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? null : arg.substring(eq + 1);
    }

    private static String required(String value, Origin origin) throws UsageException {
        if (value == null || value.isEmpty()) {
            throw origin.fail("needs a value: " + origin.assign() + origin.opt().metavar);
        }
        return value;
    }

    private static boolean switchValue(String value, Origin origin) throws UsageException {
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw origin.fail("takes no value (write just " + origin.name() + "), got " + quote(value));
    }

    // ---------------------------------------------------------------- values

    private static Path path(String value, Origin origin, Path base) throws UsageException {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw origin.fail("is not a valid path, got " + quote(value));
        }
        if (base != null && !path.isAbsolute()) {
            path = base.resolve(path);
        }
        path = path.normalize();
        return path.toString().isEmpty() ? Path.of(".") : path;
    }

    private static YearMonth yearMonth(String value, Origin origin) throws UsageException {
        return temporal(value, origin, MONTH_SHAPE, MONTH_FORMAT, YearMonth::from, "must be YYYY-MM");
    }

    private static LocalDate date(String value, Origin origin) throws UsageException {
        return temporal(value, origin, DATE_SHAPE, DATE_FORMAT, LocalDate::from, "must be a real date YYYY-MM-DD");
    }

    /** A month or date of exactly {@code shape} that {@code format} reads; anything else fails with {@code rule}. */
    private static <T> T temporal(String value, Origin origin, Pattern shape, DateTimeFormatter format,
            TemporalQuery<T> query, String rule) throws UsageException {
        if (shape.matcher(value).matches()) {
            try {
                return format.parse(value, query);
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw origin.fail(rule + ", got " + quote(value));
    }

    /** A number of months from {@code min} to {@code max} ({@code --window-months}, {@code --series-months}). */
    private static int months(String value, Origin origin, int min, int max) throws UsageException {
        return wholeNumber(value, origin, "months", min, max);
    }

    /** A whole number of {@code unit} from {@code min} to {@code max}. */
    private static int wholeNumber(String value, Origin origin, String unit, int min, int max) throws UsageException {
        if (SMALL_NATURAL.matcher(value).matches()) {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw origin.fail("must be a whole number of " + unit + " from " + min + " to " + max + ", got " + quote(value));
    }

    private static boolean bool(String value, Origin origin) throws UsageException {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw origin.fail("must be true or false, got " + quote(value));
    }

    private static List<String> approaches(String value, Origin origin) throws UsageException {
        String[] parts = value.split(",", -1);
        List<String> names = new ArrayList<>(parts.length);
        boolean anyEmpty = false;
        for (String part : parts) {
            String name = part.trim();
            if (name.isEmpty()) {
                anyEmpty = true;
            } else {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw origin.fail("needs at least one approach name, like " + origin.assign()
                    + String.join(",", RunSettings.DEFAULT_APPROACHES) + ", got " + quote(value));
        }
        if (anyEmpty) {
            throw origin.fail("has an empty approach name in " + quote(value));
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name.toUpperCase(Locale.ROOT))) {
                throw origin.fail("names the approach " + quote(name) + " twice");
            }
        }
        return List.copyOf(names);
    }

    /**
     * The clinical-significance methods of a comma-separated list (SIGNIFICANCE.md, section 11):
     * names in any case, trimmed, in the contract's order whatever the list's order.
     */
    private static List<SignificanceMethod> significance(String value, Origin origin) throws UsageException {
        try {
            return SignificanceMethod.listOf(value);
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage();
            if (!problem.contains(SignificanceMethod.names())) {
                problem += "; expected some of " + SignificanceMethod.names();
            }
            throw origin.fail("must be a comma-separated list of clinical-significance methods, got "
                    + quote(value) + ": " + problem);
        }
    }

    private static String instrumentKey(String value, Origin origin) throws UsageException {
        if (INSTRUMENT_KEY.matcher(value).matches()) {
            return value;
        }
        throw origin.fail("must be an instrument key of lower-case letters, digits and _ starting with a letter"
                + " (like pcl5), got " + quote(value));
    }

    private static long seed(String value, Origin origin) throws UsageException {
        if (LONG_SHAPE.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw origin.fail("must be a whole number, got " + quote(value));
    }

    private static int episodes(String value, Origin origin) throws UsageException {
        if (SMALL_NATURAL.matcher(value).matches()) {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= GenerateCommand.MAX_EPISODES) {
                return n;
            }
        }
        throw origin.fail("must be a whole number from 1 to " + GenerateCommand.MAX_EPISODES
                + ", got " + quote(value));
    }

    // ---------------------------------------------------------------- message helpers

    /** A value as shown in a message: in single quotes, control characters escaped, long ones cut. */
    static String quote(String value) {
        return "'" + shown(value) + "'";
    }

    private static String shown(String value) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (count == MAX_SHOWN_VALUE) {
                out.append('…');
                break;
            }
            if (Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029') {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
            count++;
        }
        return out.toString();
    }
}
