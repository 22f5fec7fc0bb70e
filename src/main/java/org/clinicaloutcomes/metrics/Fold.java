package org.clinicaloutcomes.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The fold of the two-fold check of the not-on-track flag (MONITORING.md, "How well the flag
 * predicts", reading 30):
 * <pre>
 *   fold = CRC32(UTF-8 bytes of the trimmed client_id) mod 2
 * </pre>
 * with the standard CRC-32 of zlib and {@link CRC32} (ISO-HDLC / IEEE 802.3, reflected polynomial
 * {@code 0xEDB88320}), as an unsigned 32-bit value ({@link CRC32#getValue()}). The same as
 * Python's {@code zlib.crc32(client_id.strip().encode("utf-8")) % 2}.
 *
 * <p>Reference: ISO/IEC 3309 (HDLC frame check sequence); P. Deutsch &amp; J.-L. Gailly (1996),
 * ZLIB Compressed Data Format Specification version 3.3, RFC 1950.
 */
public final class Fold {

    private Fold() {
    }

    /** The unsigned CRC-32 ({@code 0 … 2³² − 1}) of the trimmed {@code clientId}'s UTF-8 bytes. */
    public static long crc32(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        CRC32 crc = new CRC32();
        crc.update(clientId.trim().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * The partition of a client's episodes in an analysis split into {@code partitions} parts
     * (issue 19, {@code --partitions}): {@code crc32(clientId) mod partitions}, the same hash as
     * the folds.
     *
     * @throws IllegalArgumentException when {@code partitions < 1}
     */
    public static int partition(String clientId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        return (int) (crc32(clientId) % partitions);
    }

    /** {@code crc32(clientId) mod 2}: 0 or 1. */
    public static int fold(String clientId) {
        return (int) (crc32(clientId) % 2);
    }
}
