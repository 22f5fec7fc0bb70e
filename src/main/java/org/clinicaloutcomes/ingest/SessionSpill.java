package org.clinicaloutcomes.ingest;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact binary form in which session records are staged on disk between steps, so that
 * memory does not grow with the number of sessions. One record: episode, day, number, line, the
 * two content hashes, a flag byte, a bit mask of the scores present, the scores, the items, and
 * for a session number of more than {@value SessionRecord#MAX_SMALL_DIGITS} digits (its
 * {@code number} is then {@link SessionRecord#BIG_NUMBER}) the count of its digits and the digits
 * in ASCII. Numbers are big-endian, as {@link DataOutputStream} writes them.
 *
 * <p>{@link #encode} and {@link Reader} move whole blocks of records between a byte array and
 * the file, with no per-value stream call; {@link #write} and {@link #read} are the same format
 * on data streams.
 */
public final class SessionSpill {

    /** Instruments beyond this many cannot be staged (the score mask is one long). */
    public static final int MAX_INSTRUMENTS = 64;
    /**
     * The most digits a session number may have (a longer one is out of range): the staging
     * writer encodes every record into a buffer of {@link #MAX_RECORD_BYTES}.
     */
    public static final int MAX_NUMBER_DIGITS = 1 << 20;
    /** The largest record: 49 bytes of fixed fields, 64 scores, 20 items and the longest number. */
    public static final int MAX_RECORD_BYTES = 49 + 8 * MAX_INSTRUMENTS + 20 + 4 + MAX_NUMBER_DIGITS;
    private static final int ATTENDED = 1;
    private static final int ITEMS = 2;
    private static final int BIG_NUMBER = 4;
    private static final int FIXED_BYTES = 49;
    private static final int ITEM_COUNT = 20;
    // Where each fixed field of a record sits, from the record's first byte.
    private static final int EPISODE_AT = 0;
    private static final int DAY_AT = 4;
    private static final int NUMBER_AT = 8;
    private static final int LINE_AT = 16;
    private static final int HASH_AT = 24;
    private static final int HASH2_AT = 32;
    private static final int FLAGS_AT = 40;
    private static final int MASK_AT = 41;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private SessionSpill() {
    }

    public static void write(DataOutputStream out, SessionRecord record) throws IOException {
        byte[] bytes = new byte[encodedSize(record)];
        encode(record, bytes, 0);
        out.write(bytes);
    }

    /** Bytes {@link #encode} writes for this record. */
    public static int encodedSize(SessionRecord record) {
        int size = FIXED_BYTES;
        for (double score : record.scores()) {
            if (!Double.isNaN(score)) {
                size += 8;
            }
        }
        if (record.items() != null) {
            size += ITEM_COUNT;
        }
        return record.bigNumber() != null ? size + 4 + record.bigNumber().length() : size;
    }

    /**
     * Writes one record at {@code offset}; the array must have {@link #encodedSize} bytes free there.
     *
     * @return the offset after the record
     */
    public static int encode(SessionRecord record, byte[] bytes, int offset) {
        INT.set(bytes, offset + EPISODE_AT, record.episode());
        INT.set(bytes, offset + DAY_AT, record.day());
        LONG.set(bytes, offset + NUMBER_AT, record.number());
        LONG.set(bytes, offset + LINE_AT, record.line());
        LONG.set(bytes, offset + HASH_AT, record.contentHash());
        LONG.set(bytes, offset + HASH2_AT, record.contentHash2());
        String bigNumber = record.bigNumber();
        bytes[offset + FLAGS_AT] = (byte) ((record.attended() ? ATTENDED : 0) | (record.items() != null ? ITEMS : 0)
                | (bigNumber != null ? BIG_NUMBER : 0));
        double[] scores = record.scores();
        long mask = 0;
        int at = offset + FIXED_BYTES;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                mask |= 1L << i;
                LONG.set(bytes, at, Double.doubleToLongBits(scores[i]));
                at += 8;
            }
        }
        LONG.set(bytes, offset + MASK_AT, mask);
        if (record.items() != null) {
            System.arraycopy(record.items(), 0, bytes, at, ITEM_COUNT);
            at += ITEM_COUNT;
        }
        if (bigNumber != null) {
            INT.set(bytes, at, bigNumber.length());
            at += 4;
            for (int i = 0; i < bigNumber.length(); i++) {
                bytes[at++] = (byte) bigNumber.charAt(i); // ASCII digits
            }
        }
        return at;
    }

    /** Reads the next record, or null at the end of the stream. */
    public static SessionRecord read(DataInputStream in, int instrumentCount) throws IOException {
        int episode;
        try {
            episode = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        int day = in.readInt();
        long number = in.readLong();
        long line = in.readLong();
        long hash = in.readLong();
        long hash2 = in.readLong();
        int flags = in.readByte();
        long mask = in.readLong();
        double[] scores = new double[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            scores[i] = (mask & (1L << i)) != 0 ? in.readDouble() : Double.NaN;
        }
        byte[] items = null;
        if ((flags & ITEMS) != 0) {
            items = new byte[ITEM_COUNT];
            in.readFully(items);
        }
        String bigNumber = null;
        if ((flags & BIG_NUMBER) != 0) {
            byte[] digits = new byte[in.readInt()];
            in.readFully(digits);
            bigNumber = new String(digits, StandardCharsets.US_ASCII);
        }
        return new SessionRecord(episode, day, number, bigNumber, (flags & ATTENDED) != 0, scores, items, line,
                hash, hash2);
    }

    public static List<SessionRecord> readAll(Path file, int instrumentCount) throws IOException {
        List<SessionRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        try (Reader reader = new Reader(file, instrumentCount)) {
            SessionRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    // The fields of the record that starts at bytes[at], for code that works on staged bytes
    // without decoding whole records (StagedPartition).

    static int episode(byte[] bytes, int at) {
        return (int) INT.get(bytes, at + EPISODE_AT);
    }

    static int day(byte[] bytes, int at) {
        return (int) INT.get(bytes, at + DAY_AT);
    }

    static long number(byte[] bytes, int at) {
        return (long) LONG.get(bytes, at + NUMBER_AT);
    }

    static long line(byte[] bytes, int at) {
        return (long) LONG.get(bytes, at + LINE_AT);
    }

    static long contentHash(byte[] bytes, int at) {
        return (long) LONG.get(bytes, at + HASH_AT);
    }

    static long contentHash2(byte[] bytes, int at) {
        return (long) LONG.get(bytes, at + HASH2_AT);
    }

    /** Digits of a session number beyond a long ({@link #hasBigNumber}). */
    static int bigNumberLength(byte[] bytes, int at) {
        return (int) INT.get(bytes, at + sizeBeforeDigits(bytes, at));
    }

    /** Where the ASCII digits of a session number beyond a long start. */
    static int bigNumberDigits(byte[] bytes, int at) {
        return at + sizeBeforeDigits(bytes, at) + 4;
    }

    /**
     * Where the record after the one at {@code at} starts, checking that the record lies whole
     * before {@code end}.
     */
    static int next(byte[] bytes, int at, int end, Path file) throws IOException {
        if (end - at < FIXED_BYTES) {
            throw truncated(file);
        }
        int size = sizeBeforeDigits(bytes, at);
        if (hasBigNumber(bytes, at)) {
            if (end - at - 4 < size) {
                throw truncated(file);
            }
            size += 4 + digitCount(bytes, at + size, file);
        }
        if (end - at < size) {
            throw truncated(file);
        }
        return at + size;
    }

    private static boolean hasBigNumber(byte[] bytes, int at) {
        return (bytes[at + FLAGS_AT] & BIG_NUMBER) != 0;
    }

    /** Bytes of the record up to a long number's digit count: all of it for any other record. */
    private static int sizeBeforeDigits(byte[] bytes, int at) {
        long mask = (long) LONG.get(bytes, at + MASK_AT);
        return FIXED_BYTES + Long.bitCount(mask) * 8 + ((bytes[at + FLAGS_AT] & ITEMS) != 0 ? ITEM_COUNT : 0);
    }

    /** The digit count stored at {@code countAt}, checked: a corrupt one must not size a buffer. */
    private static int digitCount(byte[] bytes, int countAt, Path file) throws IOException {
        int digits = (int) INT.get(bytes, countAt);
        if (digits <= 0 || digits > MAX_NUMBER_DIGITS) {
            throw new IOException("staged sessions hold a malformed record: " + file);
        }
        return digits;
    }

    private static IOException truncated(Path file) {
        return new EOFException("staged sessions end inside a record: " + file);
    }

    /** Reads a staging file record by record, a block at a time. */
    public static final class Reader implements Closeable {

        private final FileChannel channel;
        private final int instrumentCount;
        private final Path file;
        private byte[] buffer = new byte[1 << 20];
        private int position;
        private int limit;
        private boolean endOfFile;

        public Reader(Path file, int instrumentCount) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.instrumentCount = instrumentCount;
        }

        /** The next record, or null at the end of the file. */
        public SessionRecord next() throws IOException {
            if (!available(1)) {
                return null;
            }
            if (!available(FIXED_BYTES)) {
                throw truncated(file);
            }
            int size = sizeBeforeDigits(buffer, position);
            int digits = 0;
            if (hasBigNumber(buffer, position)) {
                if (!available(size + 4)) {
                    throw truncated(file);
                }
                digits = digitCount(buffer, position + size, file);
                size += 4 + digits;
            }
            if (!available(size)) {
                throw truncated(file);
            }
            byte[] bytes = buffer;
            int at = position;
            long mask = (long) LONG.get(bytes, at + MASK_AT);
            int flags = bytes[at + FLAGS_AT];
            int field = at + FIXED_BYTES;
            double[] scores = new double[instrumentCount];
            for (int i = 0; i < instrumentCount; i++) {
                if ((mask & (1L << i)) != 0) {
                    scores[i] = Double.longBitsToDouble((long) LONG.get(bytes, field));
                    field += 8;
                } else {
                    scores[i] = Double.NaN;
                }
            }
            byte[] items = null;
            if ((flags & ITEMS) != 0) {
                items = Arrays.copyOfRange(bytes, field, field + ITEM_COUNT);
                field += ITEM_COUNT;
            }
            String bigNumber = null;
            if (digits > 0) {
                bigNumber = new String(bytes, field + 4, digits, StandardCharsets.US_ASCII);
            }
            position += size;
            return new SessionRecord(episode(bytes, at), day(bytes, at), number(bytes, at), bigNumber,
                    (flags & ATTENDED) != 0, scores, items, line(bytes, at), contentHash(bytes, at),
                    contentHash2(bytes, at));
        }

        /** Whether {@code count} bytes are in the buffer at {@link #position}, reading more if need be. */
        private boolean available(int count) throws IOException {
            while (limit - position < count && !endOfFile) {
                fill();
            }
            return limit - position >= count;
        }

        /** Moves the unread bytes to the front and reads more after them (a larger buffer if full). */
        private void fill() throws IOException {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2); // one record longer than the buffer
            }
            while (limit < buffer.length) {
                int read = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
                if (read < 0) {
                    endOfFile = true;
                    return;
                }
                limit += read;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
