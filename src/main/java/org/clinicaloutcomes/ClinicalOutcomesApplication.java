package org.clinicaloutcomes;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import org.clinicaloutcomes.cli.Command;
import org.clinicaloutcomes.cli.CommandLineParser;
import org.clinicaloutcomes.cli.GenerateCommand;
import org.clinicaloutcomes.cli.HelpCommand;
import org.clinicaloutcomes.cli.RunCommand;
import org.clinicaloutcomes.cli.UsageException;
import org.clinicaloutcomes.cli.WorkerCommand;
import org.clinicaloutcomes.batch.PartitionWorker;
import org.clinicaloutcomes.batch.WorkFolder;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.clinicaloutcomes.sample.GenerationSummary;
import org.clinicaloutcomes.sample.SampleDataGenerator;
import org.clinicaloutcomes.sample.SampleDataSettings;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/**
 * The command line of REPORTS.md. Everything that can refuse a run is checked before Spring
 * starts, so a refused run writes nothing and prints one line; only a run that passed the checks
 * starts the batch job.
 */
@SpringBootApplication
public class ClinicalOutcomesApplication {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_REFUSED = 2;
    /** The report is written, but the data need a look first (RESEARCH.md, "Data quality is never silent"). */
    public static final int EXIT_LOOK_AT_DATA = 3;

    /** Set by Spring's ahead-of-time processor while it runs main at build time. */
    private static final String AOT_PROCESSING = "spring.aot.processing";

    public static void main(String[] args) {
        if (Boolean.getBoolean(AOT_PROCESSING)) {
            // The build's ahead-of-time step (pom.xml) calls main to see the application context,
            // not to run a command: it stops the start-up itself once the context is prepared.
            startSpring(Map.of());
            return;
        }
        System.exit(run(args, System.out, System.err, Map.of()));
    }

    /**
     * Runs one command.
     *
     * @param springProperties extra Spring properties (tests point the job repository elsewhere)
     * @return the process exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> springProperties) {
        Command command;
        try {
            command = CommandLineParser.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return EXIT_REFUSED;
        }
        try {
            if (command instanceof HelpCommand help) {
                out.print(help.text());
                return EXIT_OK;
            }
            if (command instanceof GenerateCommand generate) {
                GenerationSummary summary = new SampleDataGenerator().generate(
                        new SampleDataSettings(generate.seed(), generate.episodes(), generate.endMonth()), generate.output());
                out.println("wrote " + summary.episodes() + " episodes and " + summary.sessions()
                        + " sessions to " + generate.output());
                return EXIT_OK;
            }
            if (command instanceof WorkerCommand worker) {
                return serveAsWorker(worker, springProperties, out, err);
            }
            RunCommand runCommand = (RunCommand) command;
            String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS"))
                    + "-" + ProcessHandle.current().pid();
            RunPreflight.Checked checked;
            try {
                checked = RunPreflight.check(runCommand.settings(), commandLine(args), LocalDate.now(), runId);
            } catch (RefusedFileException e) {
                err.println("error: " + e.getMessage());
                return EXIT_REFUSED;
            }
            return runWithStateFolder(checked, springProperties, out, err);
        } catch (Exception e) {
            err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            return EXIT_FAILURE;
        }
    }

    /**
     * Takes the state folder for this run (one run at a time), refuses one that cannot serve it,
     * and runs the job. A failure to start (the job repository cannot be opened) or to keep the
     * state folder written (a full disk) is told in one line that says what to do.
     */
    private static int runWithStateFolder(RunPreflight.Checked checked, Map<String, Object> springProperties,
                                          PrintStream out, PrintStream err) throws Exception {
        Path stateDir = StateFolder.locate(springProperties);
        // Before the state folder is created: nothing may be written into an output folder.
        String refusal = StateFolder.refusalFor(stateDir, checked.parameters().output());
        if (refusal != null) {
            err.println("error: " + refusal);
            return EXIT_REFUSED;
        }
        Map<String, Object> repository;
        try {
            repository = JobRepositoryDatabase.properties(checked.jobRepository(), System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_REFUSED;
        }
        try (StateFolder state = StateFolder.open(stateDir)) {
            Map<String, Object> properties = new HashMap<>(springProperties);
            properties.putAll(repository);
            properties.put(StateFolder.PROPERTY, stateDir.toString());
            if (checked.workDir() != null) {
                properties.put(WorkFolder.PROPERTY, checked.workDir().toAbsolutePath().normalize().toString());
            }
            ConfigurableApplicationContext context;
            try {
                context = startSpring(properties);
            } catch (RuntimeException e) {
                return reportStateFailure(e, state, checked.jobRepository(), err);
            }
            try (context) {
                return context.getBean(ReportRunner.class).run(checked, out, err,
                        failure -> StateFailures.describe(failure, state, checked.jobRepository()));
            } catch (RuntimeException e) {
                return reportStateFailure(e, state, checked.jobRepository(), err);
            }
        } catch (RefusedFileException e) {
            err.println("error: " + e.getMessage());
            return EXIT_REFUSED;
        }
    }

    /**
     * The {@code worker} command (issue 19): runs the analysis partitions of the runs in the shared
     * job repository until the process is stopped. It takes no state folder lock (several
     * workers may share one machine's state folder); it only logs there, to a file of its own.
     */
    private static int serveAsWorker(WorkerCommand worker, Map<String, Object> springProperties, PrintStream out,
                                     PrintStream err) throws Exception {
        Map<String, Object> repository;
        try {
            repository = JobRepositoryDatabase.properties(worker.jobRepository(), System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_REFUSED;
        }
        Path workDir = worker.workDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(workDir)) {
            err.println("error: --work-dir " + workDir + " is not a folder: give the folder the runs' --work-dir names,"
                    + " as this machine sees it");
            return EXIT_REFUSED;
        }
        Path stateDir = StateFolder.locate(springProperties);
        Files.createDirectories(stateDir);
        Map<String, Object> properties = new HashMap<>(springProperties);
        properties.putAll(repository);
        properties.put(StateFolder.PROPERTY, stateDir.toString());
        properties.put(WorkFolder.PROPERTY, workDir.toString());
        properties.put("logging.file.name", stateDir.resolve("worker-" + ProcessHandle.current().pid() + ".log").toString());
        ConfigurableApplicationContext context;
        try {
            context = startSpring(properties);
        } catch (RuntimeException e) {
            Optional<String> problem = StateFailures.describeSharedRepository(e, worker.jobRepository());
            if (problem.isEmpty()) {
                throw e;
            }
            err.println("error: " + problem.get());
            return EXIT_REFUSED;
        }
        try (context) {
            PartitionWorker partitions = context.getBean(PartitionWorker.class);
            // Stopped (SIGTERM, Ctrl-C): no new partition is taken; one under way fails, and its
            // manager, finding its lease free, fails the run for --restart.
            Runtime.getRuntime().addShutdownHook(new Thread(partitions::stop));
            partitions.serve(out);
        }
        return EXIT_OK;
    }

    /** A failure of the state folder refuses the run in one line; any other is rethrown. */
    private static int reportStateFailure(RuntimeException failure, StateFolder state, String jobRepository,
                                          PrintStream err) {
        Optional<String> problem = StateFailures.describe(failure, state, jobRepository);
        if (problem.isEmpty()) {
            throw failure;
        }
        err.println("error: " + problem.get());
        return EXIT_REFUSED;
    }

    private static ConfigurableApplicationContext startSpring(Map<String, Object> springProperties) {
        if (runsFromBuiltJar()) {
            SpringProperties.setFlag(AotDetector.AOT_ENABLED);
        }
        SpringApplication application = new SpringApplication(ClinicalOutcomesApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setAddCommandLineProperties(false);
        // Set on the environment itself, so that logging (configured before any initializer runs)
        // sees the state folder too.
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("clinical-outcomes-run", new HashMap<>(springProperties)));
        application.setEnvironment(environment);
        ConfigurableApplicationContext context = application.run();
        quietLoggingFailures();
        return context;
    }

    /**
     * Spring Boot has logback print its own errors on the console (a log file that cannot be
     * written, as on a full disk: hundreds of lines of stack traces). The console is for the user;
     * a failure that matters reaches them as one line from the job, so those listeners are removed.
     */
    private static void quietLoggingFailures() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            StatusManager statuses = logback.getStatusManager();
            for (StatusListener listener : statuses.getCopyOfStatusListenerList()) {
                if (listener instanceof OnConsoleStatusListener) {
                    statuses.remove(listener);
                }
            }
        }
    }

    /**
     * The command as it can be typed again (run.json, "the exact command"): {@code java -jar} and
     * the jar's file name when run from the jar, then every argument, quoted for a POSIX shell
     * when it holds anything but letters, digits and {@code -_=.,/:@+%}.
     */
    static String commandLine(String[] args) {
        String location = codeLocation();
        StringBuilder command = new StringBuilder(location.endsWith(".jar")
                ? "java -jar " + location.substring(location.lastIndexOf('/') + 1) : "clinical-outcomes");
        for (String arg : args) {
            command.append(' ');
            if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_=.,/:@+%".indexOf(c) >= 0)) {
                command.append(arg);
            } else {
                command.append('\'').append(arg.replace("'", "'\\''")).append('\'');
            }
        }
        return command.toString();
    }

    /** Where this class was loaded from: the jar file's path, a class folder, or "" when unknown. */
    private static String codeLocation() {
        CodeSource source = ClinicalOutcomesApplication.class.getProtectionDomain().getCodeSource();
        return source == null ? "" : source.getLocation().getPath();
    }

    /**
     * Whether this is the packaged jar with the bean definitions the build generated ahead of
     * time (Spring AOT, the {@code process-aot} goal in pom.xml): started from them, Spring skips
     * reading the configuration classes and evaluating the auto-configuration conditions, which
     * takes a few hundred milliseconds off every run. The jar is always built together with its
     * generated code; a class folder (tests, an IDE) may hold generated code older than the
     * sources, so it starts the ordinary way.
     */
    private static boolean runsFromBuiltJar() {
        return codeLocation().endsWith(".jar")
                && ClassUtils.isPresent(ClinicalOutcomesApplication.class.getName() + "__ApplicationContextInitializer",
                ClinicalOutcomesApplication.class.getClassLoader());
    }
}
