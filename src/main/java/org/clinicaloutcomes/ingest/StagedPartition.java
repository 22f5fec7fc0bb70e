package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@link SessionDeduplicator}'s rule applied to one staged partition file, without turning its
 * records into objects: the keys are read from the bytes, an index is sorted in
 * {@link SessionDeduplicator#SCORE_ORDER}, and the surviving records are copied byte for byte,
 * in that order, to the output file. Same result as reading the records, deduplicating them with
 * {@link SessionDeduplicator#deduplicate} and writing the accepted ones.
 */
public final class StagedPartition {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int FIXED_BYTES = 49;
    private static final int ITEMS = 2;
    private static final int BIG_NUMBER = 4;
    private static final int ITEM_COUNT = 20;

    /**
     * @param accepted   surviving sessions written
     * @param duplicates exact duplicates dropped
     * @param rejects    conflicting duplicates, in line order
     * @param minDay     earliest session day written ({@link Integer#MAX_VALUE} when none)
     * @param maxDay     latest session day written ({@link Integer#MIN_VALUE} when none)
     */
    public record Summary(long accepted, long duplicates, List<Reject> rejects, int minDay, int maxDay) {
    }

    private final int[] episode;
    private final int[] day;
    private final long[] number;
    private final long[] line;
    /** The staged bytes and where each record starts, for the digits of numbers beyond a long. */
    private final byte[] bytes;
    private final int[] offset;

    private StagedPartition(int[] episode, int[] day, long[] number, long[] line, byte[] bytes, int[] offset) {
        this.episode = episode;
        this.day = day;
        this.number = number;
        this.line = line;
        this.bytes = bytes;
        this.offset = offset;
    }

    /**
     * Deduplicates a staged partition (a missing file holds no sessions) into {@code output}.
     *
     * @param fileName for the rejects
     */
    public static Summary deduplicate(Path staged, Path output, String fileName) throws IOException {
        byte[] bytes = Files.exists(staged) ? Files.readAllBytes(staged) : new byte[0];
        int count = 0;
        for (int at = 0; at < bytes.length; count++) {
            at = next(bytes, at, staged);
        }
        int[] offset = new int[count + 1];
        int[] episode = new int[count];
        int[] day = new int[count];
        long[] number = new long[count];
        long[] line = new long[count];
        long[] hash = new long[count];
        long[] hash2 = new long[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            offset[i] = at;
            episode[i] = (int) INT.get(bytes, at);
            day[i] = (int) INT.get(bytes, at + 4);
            number[i] = (long) LONG.get(bytes, at + 8);
            line[i] = (long) LONG.get(bytes, at + 16);
            hash[i] = (long) LONG.get(bytes, at + 24);
            hash2[i] = (long) LONG.get(bytes, at + 32);
            at = next(bytes, at, staged);
        }
        offset[count] = at;

        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        StagedPartition keys = new StagedPartition(episode, day, number, line, bytes, offset);
        keys.sort(order, new int[count], 0, count);

        List<Reject> rejects = new ArrayList<>();
        long accepted = 0;
        long duplicates = 0;
        int minDay = Integer.MAX_VALUE;
        int maxDay = Integer.MIN_VALUE;
        try (FileChannel out = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[1 << 20];
            int filled = 0;
            int standing = -1;
            for (int i : order) {
                if (standing >= 0 && episode[standing] == episode[i] && day[standing] == day[i]
                        && keys.compareNumbers(standing, i) == 0) {
                    if (hash[standing] == hash[i] && hash2[standing] == hash2[i]) {
                        duplicates++;
                    } else {
                        rejects.add(new Reject(fileName, line[i], "", Reject.CONFLICTING_DUPLICATE));
                    }
                    continue;
                }
                standing = i;
                accepted++;
                minDay = Math.min(minDay, day[i]);
                maxDay = Math.max(maxDay, day[i]);
                int length = offset[i + 1] - offset[i];
                if (filled + length > buffer.length) {
                    writeFully(out, buffer, filled);
                    filled = 0;
                }
                System.arraycopy(bytes, offset[i], buffer, filled, length);
                filled += length;
            }
            writeFully(out, buffer, filled);
        }
        rejects.sort(Comparator.comparingLong(Reject::line));
        return new Summary(accepted, duplicates, rejects, minDay, maxDay);
    }

    /** Offset of the record after the one at {@code at}. */
    private static int next(byte[] bytes, int at, Path file) throws IOException {
        if (bytes.length - at < FIXED_BYTES) {
            throw new IOException("staged sessions end inside a record: " + file);
        }
        int flags = bytes[at + 40];
        int end = digitsAt(bytes, at);
        if ((flags & BIG_NUMBER) != 0) {
            if (end > bytes.length - 4) {
                throw new IOException("staged sessions end inside a record: " + file);
            }
            int digits = (int) INT.get(bytes, end);
            if (digits <= 0 || digits > SessionSpill.MAX_NUMBER_DIGITS) {
                throw new IOException("staged sessions hold a malformed record: " + file);
            }
            end += 4 + digits;
        }
        if (end > bytes.length || end < at) {
            throw new IOException("staged sessions end inside a record: " + file);
        }
        return end;
    }

    /** Offset after the scores and items of the record at {@code at}: where a long number's digit count is. */
    private static int digitsAt(byte[] bytes, int at) {
        int flags = bytes[at + 40];
        long mask = (long) LONG.get(bytes, at + 41);
        return at + FIXED_BYTES + Long.bitCount(mask) * 8 + ((flags & ITEMS) != 0 ? ITEM_COUNT : 0);
    }

    private static void writeFully(FileChannel out, byte[] buffer, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** {@link SessionDeduplicator#SCORE_ORDER} on record indexes. */
    private int compare(int a, int b) {
        int c = Integer.compare(episode[a], episode[b]);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(day[a], day[b]);
        if (c != 0) {
            return c;
        }
        c = compareNumbers(a, b);
        return c != 0 ? c : Long.compare(line[a], line[b]);
    }

    /** {@link SessionRecord#compareNumbers} on record indexes: the digits are read only for numbers beyond a long. */
    private int compareNumbers(int a, int b) {
        int c = Long.compare(number[a], number[b]);
        if (c != 0 || number[a] != SessionRecord.BIG_NUMBER) {
            return c;
        }
        int atA = digitsAt(bytes, offset[a]);
        int atB = digitsAt(bytes, offset[b]);
        int lengthA = (int) INT.get(bytes, atA);
        int lengthB = (int) INT.get(bytes, atB);
        c = Integer.compare(lengthA, lengthB);
        return c != 0 ? c : Arrays.compareUnsigned(bytes, atA + 4, atA + 4 + lengthA, bytes, atB + 4, atB + 4 + lengthB);
    }

    /** Merge sort of {@code order[from, to)}; linear on runs already in order, as staged rows mostly are. */
    private void sort(int[] order, int[] scratch, int from, int to) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int value = order[i];
                int j = i - 1;
                while (j >= from && compare(order[j], value) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        sort(order, scratch, from, middle);
        sort(order, scratch, middle, to);
        if (compare(order[middle - 1], order[middle]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && compare(scratch[left], scratch[right]) <= 0)) {
                order[k] = scratch[left++];
            } else {
                order[k] = scratch[right++];
            }
        }
    }
}
