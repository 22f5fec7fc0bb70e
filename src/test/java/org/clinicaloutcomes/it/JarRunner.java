package org.clinicaloutcomes.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.clinicaloutcomes.SharedFiles;

/** Runs the packaged jar as a real process, with its own state folder. */
final class JarRunner {

    static final Path JAR = Path.of(System.getProperty("clinical-outcomes.jar", "target/clinical-outcomes.jar"));
    static final Path SHARED = SharedFiles.ROOT;

    record Result(int exitCode, String out, String err) {
    }

    private JarRunner() {
    }

    static Result run(Path stateDir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jar-out", ".txt");
        Path err = Files.createTempFile("jar-err", ".txt");
        Process process = start(stateDir, out, err, args);
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

    /** Starts the jar without waiting; its console goes to the given files. */
    static Process start(Path stateDir, Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Djava.awt.headless=true", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("CLINICAL_OUTCOMES_STATE_DIR", stateDir.toString());
        return builder.start();
    }
}
