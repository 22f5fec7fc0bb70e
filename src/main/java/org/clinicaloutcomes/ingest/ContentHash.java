package org.clinicaloutcomes.ingest;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A 128-bit hash of a row's trimmed fields, so that an exact duplicate can be told from a
 * conflicting one without keeping every row.
 *
 * <p>The row is first written as one byte string that no other list of fields gives: the UTF-8
 * bytes of the trimmed fields joined by commas when no field holds a comma, otherwise a 0xFF
 * byte (never part of UTF-8) followed by each field's length and bytes. That string is hashed
 * eight bytes at a time in two independent 64-bit lanes (xxHash64 and MurmurHash3 style rounds,
 * MurmurHash3's finalizer); a collision would need both lanes to collide (about 2^-128).
 *
 * <p>For the common row, whose fields are unquoted and need no trimming, that string is the
 * row's own bytes in the file, so the reader hashes them where they lie ({@link #ofBytes}),
 * without decoding or copying.
 */
final class ContentHash {

    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long C1 = 0x87C37B91114253D5L;
    private static final long C2 = 0x4CF5AD432745937FL;

    private ContentHash() {
    }

    /** The hash of a row's fields (trimmed here). */
    static long[] of(String[] fields) {
        String[] cleaned = new String[fields.length];
        boolean comma = false;
        for (int i = 0; i < fields.length; i++) {
            cleaned[i] = Values.clean(fields[i]);
            comma |= cleaned[i].indexOf(',') >= 0;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (comma) {
            bytes.write(0xFF);
        }
        for (int i = 0; i < cleaned.length; i++) {
            byte[] field = cleaned[i].getBytes(StandardCharsets.UTF_8);
            if (comma) {
                bytes.write(field.length >>> 24);
                bytes.write(field.length >>> 16);
                bytes.write(field.length >>> 8);
                bytes.write(field.length);
            } else if (i > 0) {
                bytes.write(',');
            }
            bytes.write(field, 0, field.length);
        }
        byte[] all = bytes.toByteArray();
        return ofBytes(all, 0, all.length);
    }

    /**
     * The hash of the byte string {@code bytes[from, to)}: for fields that need no trimming and
     * hold no comma, the fields' UTF-8 bytes joined by commas.
     */
    static long[] ofBytes(byte[] bytes, int from, int to) {
        long h1 = 0x243F6A8885A308D3L;
        long h2 = 0x13198A2E03707344L;
        int at = from;
        for (; to - at >= 8; at += 8) {
            long word = (long) WORD.get(bytes, at);
            h1 = Long.rotateLeft(h1 + word * P2, 31) * P1;
            h2 = Long.rotateLeft(h2 ^ word * C1, 33) * C2 + 0x52DCE729L;
        }
        long tail = 0;
        for (int shift = 0; at < to; at++, shift += 8) {
            tail |= (bytes[at] & 0xFFL) << shift;
        }
        // The length tells a short tail from one padded with zero bytes.
        long length = to - from;
        h1 = Long.rotateLeft(h1 + tail * P2, 31) * P1 ^ length;
        h2 = (Long.rotateLeft(h2 ^ tail * C1, 33) * C2 + 0x52DCE729L) ^ length;
        h1 = mix(h1);
        h2 = mix(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
