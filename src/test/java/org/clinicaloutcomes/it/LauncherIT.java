package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build makes beside the jar (target/clinical-outcomes): on a JDK 25 or later with
 * the ahead-of-time cache trained at build time, without a cache, and with a cache trained on an
 * older jar, the monthly report is the same, byte for byte; and its CSVs are those of
 * {@code java -jar} on the PATH's Java (17). Skipped when the build found no JDK 25 (no cache).
 */
class LauncherIT {

    static final Path TARGET = JarRunner.JAR.toAbsolutePath().getParent();
    static final Path LAUNCHER = TARGET.resolve("clinical-outcomes");
    static final Path CACHE = TARGET.resolve("clinical-outcomes.aot");

    @TempDir
    static Path work;

    @BeforeAll
    static void theBuildMadeTheLauncher() {
        assertThat(LAUNCHER).isExecutable();
        assumeTrue(Files.isRegularFile(CACHE), "no JDK 25 or later at build time: no ahead-of-time cache");
    }

    @Test
    void aStaleOrMissingCacheChangesNoOutput() throws Exception {
        // given: the program as built, a copy without its cache, and a copy whose cache was trained
        // on an older jar (one more entry: another size and time) before the jar was replaced
        Path withoutCache = copyOfTheProgram("without-cache");
        Path stale = copyOfTheProgram("stale");
        Path jar = stale.resolve("clinical-outcomes.jar");
        olderJar(JarRunner.JAR, jar);
        assertThat(run(stale.resolve("clinical-outcomes"), work.resolve("train"), "--train-aot",
                Path.of("sample-data").toAbsolutePath().toString()).exitCode()).isZero();
        assertThat(stale.resolve("clinical-outcomes.aot")).isRegularFile();
        Files.copy(JarRunner.JAR, jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis()));

        // when each runs the monthly report on the sample data
        Path fresh = monthly(LAUNCHER, "fresh");
        Path none = monthly(withoutCache.resolve("clinical-outcomes"), "none");
        Path staleReport = monthly(stale.resolve("clinical-outcomes"), "stale-report");

        // then every CSV, chart and the summary page are the same bytes
        List<Path> files = outputs(fresh);
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            assertThat(none.resolve(file)).as("no cache: " + file).hasSameBinaryContentAs(fresh.resolve(file));
            assertThat(staleReport.resolve(file)).as("stale cache: " + file).hasSameBinaryContentAs(fresh.resolve(file));
        }
    }

    @Test
    void theLauncherOnJava25WritesTheCsvsOfJavaMinusJarOn17() throws Exception {
        Path launched = monthly(LAUNCHER, "launched");
        Path plain = work.resolve("plain");
        List<String> command = List.of("java", "-jar", JarRunner.JAR.toString(), "monthly", "--output=" + plain,
                "--quiet");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("plain.log").toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        try (Stream<Path> csv = Files.list(plain.resolve("csv"))) {
            for (Path file : csv.toList()) {
                assertThat(launched.resolve("csv").resolve(file.getFileName())).as(file.getFileName().toString())
                        .hasSameBinaryContentAs(file);
            }
        }
        assertThat(launched.resolve("rejects.csv")).hasSameBinaryContentAs(plain.resolve("rejects.csv"));
    }

    /** The launcher, the jar and lib/ in a folder of their own (no cache). */
    private static Path copyOfTheProgram(String name) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        Files.copy(LAUNCHER, folder.resolve("clinical-outcomes"));
        Files.copy(JarRunner.JAR, folder.resolve("clinical-outcomes.jar"));
        Path lib = Files.createDirectories(folder.resolve("lib"));
        try (Stream<Path> jars = Files.list(TARGET.resolve("lib"))) {
            for (Path library : jars.toList()) {
                Files.copy(library, lib.resolve(library.getFileName()));
            }
        }
        return folder;
    }

    /** The jar with one more entry: an older build as the JVM sees it (another size and time). */
    private static void olderJar(Path jar, Path older) throws IOException {
        Path rewritten = Files.createTempFile(work, "older", ".jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("older-build.txt"));
            out.write("an older build\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.move(rewritten, older, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(older, FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));
    }

    private static Path monthly(Path launcher, String name) throws Exception {
        Path output = work.resolve(name);
        JarRunner.Result result = run(launcher, work.resolve(name + "-state"), "monthly", "--output=" + output,
                "--quiet");
        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).doesNotContain("[warning]", "AOT", "CDS");
        return output;
    }

    private static JarRunner.Result run(Path launcher, Path state, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(work, "launcher", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CLINICAL_OUTCOMES_STATE_DIR", state.toString());
        builder.environment().put("CLINICAL_OUTCOMES_JAVA_OPTIONS", "-Djava.awt.headless=true");
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new JarRunner.Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
    }

    /** Every CSV, chart and the summary page of a report, relative to it. */
    private static List<Path> outputs(Path report) throws IOException {
        try (Stream<Path> files = Files.walk(report)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".png")
                            || f.toString().endsWith(".html"))
                    .map(report::relativize).sorted().toList();
        }
    }
}
