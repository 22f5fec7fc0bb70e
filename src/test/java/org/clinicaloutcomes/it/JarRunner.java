package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.clinicaloutcomes.SharedFiles;

/** Runs the packaged jar as a real process, with its own state folder. */
final class JarRunner {

    static final Path JAR = Path.of(System.getProperty("clinical-outcomes.jar", "target/clinical-outcomes.jar"));
    static final Path SHARED = SharedFiles.ROOT;
    /**
     * The launcher beside the jar (target/clinical-outcomes), which the ITs run instead of
     * {@code java -jar} when the build trained its ahead-of-time cache, that is when it found a JDK
     * 25 or later; {@code -Dclinical-outcomes.launcher=} (empty) runs them with java -jar on the
     * PATH's Java.
     */
    static final Path LAUNCHER = launcher(System.getProperty("clinical-outcomes.launcher", ""));

    record Result(int exitCode, String out, String err) {
    }

    private JarRunner() {
    }

    /** The launcher when it is given, built and has its cache beside it; else null (java -jar). */
    private static Path launcher(String location) {
        if (location.isBlank()) {
            return null;
        }
        Path launcher = Path.of(location);
        return Files.isExecutable(launcher) && Files.isRegularFile(launcher.resolveSibling("clinical-outcomes.aot"))
                ? launcher : null;
    }

    static Result run(Path stateDir, String... args) throws IOException, InterruptedException {
        return run(stateDir, Map.of(), List.of(), args);
    }

    /** Starts the jar without waiting; its console goes to the given files. */
    static Process start(Path stateDir, Path out, Path err, String... args) throws IOException {
        return start(stateDir, out, err, Map.of(), List.of(), args);
    }

    /**
     * Starts the jar without waiting, with further environment variables (a test pause point:
     * {@code CLINICAL_OUTCOMES_TEST_PAUSE_AT}) and JVM options (Spring properties as
     * {@code -Dname=value}).
     */
    static Process start(Path stateDir, Path out, Path err, Map<String, String> environment, List<String> jvmOptions,
                         String... args) throws IOException {
        List<String> command = new ArrayList<>();
        List<String> options = new ArrayList<>(List.of("-Djava.awt.headless=true"));
        options.addAll(jvmOptions);
        if (LAUNCHER != null) {
            command.add(LAUNCHER.toString());
        } else {
            command.add("java");
            command.addAll(options);
            command.addAll(List.of("-jar", JAR.toString()));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (LAUNCHER != null) {
            builder.environment().put("CLINICAL_OUTCOMES_JAVA_OPTIONS", String.join(" ", options));
        }
        builder.environment().put("CLINICAL_OUTCOMES_STATE_DIR", stateDir.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs the jar to its end with further environment variables and JVM options. */
    static Result run(Path stateDir, Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("jar-out", ".txt");
        Path err = Files.createTempFile("jar-err", ".txt");
        Process process = start(stateDir, out, err, environment, jvmOptions, args);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the jar did not finish within 5 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** Generates an export of {@code episodes} episodes up to October 2026; fails when the run does. */
    static Path generate(Path stateDir, Path output, int seed, int episodes) throws IOException, InterruptedException {
        Result generated = run(stateDir, "generate", "--seed=" + seed, "--episodes=" + episodes, "--end-month=2026-10",
                "--output=" + output);
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        return output;
    }

    private static Path millionSessions;

    /**
     * A generated export of about a million sessions (seed 7, 91,000 episodes), made afresh once
     * per test JVM in {@code target/it-data} and shared by the tests that read it (a test that
     * changes an input works on a copy: {@link TestFolders#copyOfInput}).
     */
    static synchronized Path millionSessions() throws IOException, InterruptedException {
        if (millionSessions == null) {
            Path data = Path.of("target", "it-data");
            TestFolders.delete(data);
            millionSessions = generate(data.resolve("state"), data.resolve("million-sessions"), 7, 91000);
        }
        return millionSessions;
    }

    /** Runs the monthly job for October 2026 on {@code input}, quiet, to its end. */
    static Result monthly(Path stateDir, String input, Path output) throws IOException, InterruptedException {
        return run(stateDir, "monthly", "--input=" + input, "--output=" + output, "--month=2026-10", "--quiet");
    }

    /** Waits until a console file holds {@code text}; fails when the process ends first or after two minutes. */
    static void waitFor(Process process, Path console, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.exists(console) && Files.readString(console, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the run ended (exit " + process.exitValue() + ") before printing '" + text
                        + "': " + Files.readString(console, StandardCharsets.UTF_8));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the run never printed '" + text + "'");
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux), and waits for the process to be gone. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the killed run did not end");
        }
    }
}
