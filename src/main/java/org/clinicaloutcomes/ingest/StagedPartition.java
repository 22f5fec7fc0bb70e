package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The duplicate rule of DATA.md for the sessions of one staged partition file (which holds whole
 * episodes): among rows that passed every other check, a row with the same client, date and
 * number as an earlier one (in file order) is an exact duplicate when every trimmed field equals
 * the earlier row's (same content hash), otherwise a conflicting duplicate; the earlier row
 * stands. The survivors are written in {@link SessionOrder}, the order the metric steps score
 * them in.
 *
 * <p>The records are not turned into objects: the keys are read from the bytes, an index is
 * sorted, and the surviving records are copied byte for byte to the output file.
 */
public final class StagedPartition implements SessionOrder.Keys {

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
            at = SessionSpill.next(bytes, at, bytes.length, staged);
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
            episode[i] = SessionSpill.episode(bytes, at);
            day[i] = SessionSpill.day(bytes, at);
            number[i] = SessionSpill.number(bytes, at);
            line[i] = SessionSpill.line(bytes, at);
            hash[i] = SessionSpill.contentHash(bytes, at);
            hash2[i] = SessionSpill.contentHash2(bytes, at);
            at = SessionSpill.next(bytes, at, bytes.length, staged);
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
                if (standing >= 0 && SessionOrder.compareKey(keys, standing, i) == 0) {
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

    private static void writeFully(FileChannel out, byte[] buffer, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    @Override
    public int episode(int session) {
        return episode[session];
    }

    @Override
    public int day(int session) {
        return day[session];
    }

    @Override
    public long number(int session) {
        return number[session];
    }

    @Override
    public long line(int session) {
        return line[session];
    }

    // The digits of numbers beyond a long are read from the bytes only when two such numbers meet.

    @Override
    public int digitCount(int session) {
        return SessionSpill.bigNumberLength(bytes, offset[session]);
    }

    @Override
    public int compareDigits(int a, int b) {
        int atA = SessionSpill.bigNumberDigits(bytes, offset[a]);
        int atB = SessionSpill.bigNumberDigits(bytes, offset[b]);
        int length = digitCount(a);
        return Arrays.compareUnsigned(bytes, atA, atA + length, bytes, atB, atB + length);
    }

    /** Merge sort of {@code order[from, to)}; linear on runs already in order, as staged rows mostly are. */
    private void sort(int[] order, int[] scratch, int from, int to) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int value = order[i];
                int j = i - 1;
                while (j >= from && SessionOrder.compare(this, order[j], value) > 0) {
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
        if (SessionOrder.compare(this, order[middle - 1], order[middle]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && SessionOrder.compare(this, scratch[left], scratch[right]) <= 0)) {
                order[k] = scratch[left++];
            } else {
                order[k] = scratch[right++];
            }
        }
    }
}
