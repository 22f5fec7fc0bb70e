package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The file-level checks of DATA.md that need the whole file (present, readable, not empty, valid
 * UTF-8), done in one pass before anything is written, together with the SHA-256 that provenance
 * and restart need.
 *
 * @param fileName the file's name, for example {@code intake.csv}
 * @param sha256   lower-case hex SHA-256 of the bytes
 * @param bytes    size in bytes
 */
public record InputFingerprint(String fileName, String sha256, long bytes) {

    private static final int BUFFER = 1 << 20;

    public static InputFingerprint of(Path file) throws RefusedFileException {
        return check(file, newDigest(), null, StandardCharsets.UTF_8);
    }

    /** {@link #of}, with the file checked to be valid in {@code charset} (a researcher's export, RESEARCH.md). */
    public static InputFingerprint of(Path file, Charset charset) throws RefusedFileException {
        return check(file, newDigest(), null, charset);
    }

    /**
     * Starts {@link #of} with the SHA-256 worked out by a thread of its own, while the caller
     * goes on (a large file is read twice, at once, on two cores); {@link Pending#finish()}
     * makes the other checks on the calling thread and gives the same result, or refuses the
     * file the same way, as {@link #of}.
     */
    public static Pending start(Path file) {
        return new Pending(file);
    }

    /** A fingerprint whose SHA-256 is being worked out. */
    public static final class Pending {

        private final Path file;
        private final FutureTask<String> digest;

        private Pending(Path file) {
            this.file = file;
            this.digest = new FutureTask<>(() -> {
                MessageDigest sha = newDigest();
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[BUFFER];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        sha.update(buffer, 0, read);
                    }
                }
                return HexFormat.of().formatHex(sha.digest());
            });
            Thread thread = new Thread(digest, "sha256-" + file.getFileName());
            thread.setDaemon(true);
            thread.start();
        }

        /** Checks the file here and waits for its SHA-256. */
        public InputFingerprint finish() throws RefusedFileException {
            try {
                return check(file, null, this::digest, StandardCharsets.UTF_8);
            } finally {
                digest.cancel(true);
            }
        }

        /** Stops working out the SHA-256 (the run is refused for another reason). */
        public void cancel() {
            digest.cancel(true);
        }

        private String digest() throws IOException {
            try {
                return digest.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing " + file.getFileName());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private interface DigestSource {
        String get() throws IOException;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The checks of {@link #of}, with the digest updated here or, when it is null, taken from elsewhere. */
    private static InputFingerprint check(Path file, MessageDigest digest, DigestSource elsewhere, Charset charset)
            throws RefusedFileException {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new RefusedFileException(name + " is missing from the input folder " + file.toAbsolutePath().getParent());
        }
        if (!Files.isRegularFile(file)) {
            throw new RefusedFileException(name + " is not a regular file");
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long total = 0;
        String sha256;
        try {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                ByteBuffer bytes = ByteBuffer.allocate(BUFFER + 8);
                CharBuffer chars = CharBuffer.allocate(BUFFER + 8);
                int read;
                while ((read = in.read(buffer)) > 0) {
                    if (digest != null) {
                        digest.update(buffer, 0, read);
                    }
                    total += read;
                    bytes.put(buffer, 0, read);
                    bytes.flip();
                    decode(decoder, bytes, chars, false, name, charset);
                    bytes.compact();
                }
                bytes.flip();
                decode(decoder, bytes, chars, true, name, charset);
                chars.clear();
                if (decoder.flush(chars).isError()) {
                    throw notValid(name, charset);
                }
            }
            sha256 = digest != null ? HexFormat.of().formatHex(digest.digest()) : elsewhere.get();
        } catch (AccessDeniedException e) {
            throw new RefusedFileException(name + " cannot be read (permission denied)");
        } catch (NoSuchFileException e) {
            throw new RefusedFileException(name + " is missing");
        } catch (IOException e) {
            throw new RefusedFileException(name + " cannot be read: " + e.getClass().getSimpleName());
        }
        if (total == 0) {
            throw new RefusedFileException(name + " is empty (zero bytes)");
        }
        return new InputFingerprint(name, sha256, total);
    }

    private static void decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end,
                               String name, Charset charset) throws RefusedFileException {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                throw notValid(name, charset);
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    private static RefusedFileException notValid(String name, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return new RefusedFileException(name + " is not valid UTF-8; export it as UTF-8 (CSV UTF-8)");
        }
        return new RefusedFileException(name + " is not valid " + charset.name());
    }
}
