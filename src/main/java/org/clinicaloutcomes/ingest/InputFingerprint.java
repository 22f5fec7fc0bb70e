package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
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
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new RefusedFileException(name + " is missing from the input folder " + file.toAbsolutePath().getParent());
        }
        if (!Files.isRegularFile(file)) {
            throw new RefusedFileException(name + " is not a regular file");
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            ByteBuffer bytes = ByteBuffer.allocate(BUFFER + 8);
            CharBuffer chars = CharBuffer.allocate(BUFFER + 8);
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                total += read;
                bytes.put(buffer, 0, read);
                bytes.flip();
                decode(decoder, bytes, chars, false, name, total);
                bytes.compact();
            }
            bytes.flip();
            decode(decoder, bytes, chars, true, name, total);
            chars.clear();
            if (decoder.flush(chars).isError()) {
                throw notUtf8(name);
            }
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
        return new InputFingerprint(name, HexFormat.of().formatHex(digest.digest()), total);
    }

    private static void decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end,
                               String name, long position) throws RefusedFileException {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                throw notUtf8(name);
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    private static RefusedFileException notUtf8(String name) {
        return new RefusedFileException(name + " is not valid UTF-8; export it as UTF-8 (CSV UTF-8)");
    }
}
