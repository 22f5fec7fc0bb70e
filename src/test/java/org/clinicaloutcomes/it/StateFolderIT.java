package org.clinicaloutcomes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.clinicaloutcomes.it.JarRunner.monthly;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state folder (job repository, staging files, log) through the jar as real processes: held by
 * one run at a time; read-only, full, damaged or inside the output folder, it refuses the run with
 * one line that says what to do and exit code 2, with no logging-system noise on stderr.
 *
 * <p>The read-only and full disks are small tmpfs mounts, which need root (as CI and the
 * developers' machines run); elsewhere those tests are skipped.
 */
class StateFolderIT {

    @TempDir
    static Path shared;

    static Path bigInput;

    @TempDir
    Path work;

    @BeforeAll
    static void generateAnExport() throws Exception {
        bigInput = JarRunner.generate(shared.resolve("state"), shared.resolve("input"), 5, 12000);
    }

    @Test
    void aSecondRunOnAStateFolderInUseIsRefusedAndNoRunsHistoryIsLost() throws Exception {
        Path state = work.resolve("state");
        Path firstOutput = work.resolve("first");
        Path secondOutput = work.resolve("second");
        Path out = work.resolve("first.out");
        Process first = JarRunner.start(state, out, work.resolve("first.err"), "monthly", "--input=" + bigInput,
                "--output=" + firstOutput, "--month=2026-10");
        JarRunner.waitFor(first, out, "reading");
        signal("STOP", first);
        try {
            JarRunner.Result second = monthly(state, "sample-data", secondOutput);
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err().lines()).singleElement().asString()
                    .contains("the state folder " + state).contains("in use by another run")
                    .contains("CLINICAL_OUTCOMES_STATE_DIR");
            assertThat(secondOutput).doesNotExist();
        } finally {
            signal("CONT", first);
        }
        assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).isZero();

        assertThat(monthly(state, "sample-data", secondOutput).exitCode()).isZero();
        // Both runs are in the job repository: each one's --restart finds it complete.
        for (List<String> run : List.of(List.of(bigInput.toString(), firstOutput.toString()),
                List.of("sample-data", secondOutput.toString()))) {
            JarRunner.Result restart = JarRunner.run(state, "monthly", "--input=" + run.get(0), "--output=" + run.get(1),
                    "--month=2026-10", "--restart");
            assertThat(restart.exitCode()).isEqualTo(2);
            assertThat(restart.err()).contains("the latest one completed");
        }
    }

    @Test
    void aDamagedOrEmptiedJobRepositoryIsNamedWithWhatToDo() throws Exception {
        Path state = work.resolve("state");
        assertThat(monthly(state, "sample-data", work.resolve("first")).exitCode()).isZero();
        Path script = state.resolve("repository/jobs.script");
        byte[] whole = Files.readAllBytes(script);
        for (int length : new int[] {100, 0}) {
            try (FileChannel channel = FileChannel.open(script, StandardOpenOption.WRITE)) {
                channel.truncate(length);
            }
            JarRunner.Result damaged = monthly(state, "sample-data", work.resolve("second"));
            assertThat(damaged.exitCode()).as(damaged.err()).isEqualTo(2);
            assertThat(damaged.err().lines()).singleElement().asString()
                    .contains("the job repository " + state.resolve("repository"))
                    .contains("move the folder " + state.resolve("repository") + " aside");
            assertThat(work.resolve("second")).doesNotExist();
            Files.write(script, whole);
        }
        Files.write(script, new byte[0]);
        Files.move(state.resolve("repository"), work.resolve("repository-aside"));
        JarRunner.Result fresh = monthly(state, "sample-data", work.resolve("second"));
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
    }

    @Test
    void aStateFolderInsideTheOutputFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path output = work.resolve("report");
        for (Path state : List.of(output, output.resolve("state"))) {
            JarRunner.Result refused = monthly(state, "sample-data", output);
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err().lines()).singleElement().asString().contains("inside the output folder");
            assertThat(output).doesNotExist();
        }
    }

    @Test
    void aReadOnlyStateFolderIsRefusedInOneLine() throws Exception {
        Path mount = mountTmpfs("4m");
        try {
            Files.createDirectories(mount.resolve("state"));
            remountReadOnly(mount);
            for (Path state : List.of(mount.resolve("state"), mount.resolve("new-state"))) {
                JarRunner.Result refused = monthly(state, "sample-data", work.resolve("report"));
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err().lines()).singleElement().asString()
                        .contains("the state folder " + state).contains("Read-only file system")
                        .contains("CLINICAL_OUTCOMES_STATE_DIR");
                assertThat(work.resolve("report")).doesNotExist();
            }
        } finally {
            unmount(mount);
        }
    }

    @Test
    void aFullStateFolderIsRefusedInOneLineAtTheStartAndDuringTheRun() throws Exception {
        Path small = mountTmpfs("2m");
        try {
            JarRunner.Result refused = monthly(small.resolve("state"), "sample-data", work.resolve("report"));
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err().lines()).singleElement().asString().contains("is full").contains("MiB free");
        } finally {
            unmount(small);
        }
        // Room to start, not for the staging files of 130,000 sessions.
        Path filling = mountTmpfs("17m");
        try {
            JarRunner.Result full = monthly(filling.resolve("state"), bigInput.toString(), work.resolve("report"));
            assertThat(full.exitCode()).as(full.err()).isEqualTo(2);
            assertThat(full.err().lines()).singleElement().asString()
                    .contains("the state folder " + filling.resolve("state") + " cannot be written")
                    .contains("free space there");
            assertThat(work.resolve("report")).doesNotExist();
        } finally {
            unmount(filling);
        }
    }

    private static void signal(String signal, Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private Path mountTmpfs(String size) throws Exception {
        Path mount = Files.createDirectories(work.resolve("mount-" + size));
        assumeThat(command("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString()))
                .as("mounting a tmpfs needs root").isZero();
        return mount;
    }

    private static void remountReadOnly(Path mount) throws Exception {
        assertThat(command("mount", "-o", "remount,ro", mount.toString())).isZero();
    }

    private static void unmount(Path mount) throws Exception {
        assertThat(command("umount", mount.toString())).isZero();
    }

    private static int command(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(1, TimeUnit.MINUTES) ? process.exitValue() : -1;
    }
}
