package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one of the independent checkers of {@code src/scripts} (Python standard library) as a
 * process, for the ITs that compare a report with them.
 */
final class PythonChecker {

    /** What a checker said: its exit code and its console (stdout and stderr together). */
    record Checked(int exitCode, String output) {
    }

    private PythonChecker() {
    }

    /** The names of the export folders under {@code exports}, sorted: one parameterized case each. */
    static Stream<String> exportFolders(Path exports) throws IOException {
        try (Stream<Path> folders = Files.list(exports)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    /** Whether {@code python3} runs here (the ITs that need it are skipped otherwise). */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs {@code script} with {@code arguments}, its console kept in {@code console}; it must finish within 5 minutes. */
    static Checked run(Path script, Path console, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the checker finishes").isTrue();
        return new Checked(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
    }
}
