package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATA.md, "Files": missing, unreadable, empty and non-UTF-8 files are refused, naming the file. */
class InputFingerprintTest {

    @TempDir
    Path folder;

    @Test
    void validFileGivesItsSizeAndSha256() throws Exception {
        Path file = TestCsv.write(folder, "intake.csv", "abc");

        InputFingerprint fingerprint = InputFingerprint.of(file);

        assertThat(fingerprint.fileName()).isEqualTo("intake.csv");
        assertThat(fingerprint.bytes()).isEqualTo(3);
        // SHA-256("abc"), FIPS 180-2 test vector.
        assertThat(fingerprint.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkIsAccepted() throws Exception {
        Path plain = TestCsv.write(folder, "intake.csv", "client_id,gender\nE1,Frau Müller-Straße ♀\n");
        Path bom = TestCsv.writeBytes(folder, "sessions.csv",
                ("\uFEFFclient_id,session_date\r\nE1,2025-01-06\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(InputFingerprint.of(plain).fileName()).isEqualTo("intake.csv");
        assertThat(InputFingerprint.of(bom).bytes()).isEqualTo(3 + 39);
    }

    @Test
    void missingFileIsRefusedNamingIt() {
        assertThatThrownBy(() -> InputFingerprint.of(folder.resolve("intake.csv")))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .hasMessageContaining("missing");
    }

    @Test
    void folderInPlaceOfTheFileIsRefusedNamingIt() throws Exception {
        Files.createDirectory(folder.resolve("sessions.csv"));

        assertThatThrownBy(() -> InputFingerprint.of(folder.resolve("sessions.csv")))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv");
    }

    @Test
    void unreadableFileIsRefusedNamingIt() throws Exception {
        Path file = TestCsv.write(folder, "intake.csv", "client_id\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "the test user can read any file (root)");

        assertThatThrownBy(() -> InputFingerprint.of(file))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv");
    }

    @Test
    void zeroByteFileIsRefusedAsEmpty() {
        Path file = TestCsv.write(folder, "sessions.csv", "");

        assertThatThrownBy(() -> InputFingerprint.of(file))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv")
                .hasMessageContaining("empty");
    }

    @Test
    void latin1BytesAreRefusedAsNotUtf8WithoutShowingThem() {
        // "Müller" in ISO-8859-1: the lone 0xFC byte is not UTF-8.
        Path file = TestCsv.writeBytes(folder, "intake.csv",
                "client_id,gender\nE1,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> InputFingerprint.of(file))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .hasMessageContaining("UTF-8")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ller"));
    }

    @Test
    void truncatedMultiByteSequenceAtTheEndIsRefused() {
        byte[] text = "client_id\nE1\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(text, text.length - 1);
        Path file = TestCsv.writeBytes(folder, "intake.csv", truncated);

        assertThatThrownBy(() -> InputFingerprint.of(file))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void encodedSurrogateIsRefused() {
        // CESU-8 / "modified UTF-8" form of a surrogate half: ED A0 80 is not valid UTF-8.
        Path file = TestCsv.writeBytes(folder, "sessions.csv",
                new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'});

        assertThatThrownBy(() -> InputFingerprint.of(file))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv");
    }

    @Test
    void overlongEncodingIsRefused() {
        // 0xC0 0xAF is an overlong "/".
        Path file = TestCsv.writeBytes(folder, "sessions.csv", new byte[] {'a', '\n', (byte) 0xC0, (byte) 0xAF, '\n'});

        assertThatThrownBy(() -> InputFingerprint.of(file))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("sessions.csv");
    }

    @Test
    void multiByteCharacterSplitAcrossTheOneMegabyteReadBufferIsAccepted() throws Exception {
        // The fingerprint reads 1 MiB at a time: put a two-byte "é" across that boundary.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("client_id,note\nE1,".getBytes(StandardCharsets.US_ASCII));
        bytes.write("x".repeat((1 << 20) - bytes.size() - 1).getBytes(StandardCharsets.US_ASCII));
        bytes.write("\u00e9\n".getBytes(StandardCharsets.UTF_8));
        Path file = TestCsv.writeBytes(folder, "intake.csv", bytes.toByteArray());

        assertThat(InputFingerprint.of(file).bytes()).isEqualTo((1 << 20) + 2);
    }

    @Test
    void invalidByteAfterTheFirstMegabyteIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("client_id,note\nE1,".getBytes(StandardCharsets.US_ASCII));
        bytes.write("x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[] {(byte) 0xFF, '\n'});
        Path file = TestCsv.writeBytes(folder, "intake.csv", bytes.toByteArray());

        assertThatThrownBy(() -> InputFingerprint.of(file))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("intake.csv")
                .hasMessageContaining("UTF-8");
    }
}
