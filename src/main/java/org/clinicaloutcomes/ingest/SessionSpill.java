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
        int at = offset;
        INT.set(bytes, at, record.episode());
        INT.set(bytes, at + 4, record.day());
        LONG.set(bytes, at + 8, record.number());
        LONG.set(bytes, at + 16, record.line());
        LONG.set(bytes, at + 24, record.contentHash());
        LONG.set(bytes, at + 32, record.contentHash2());
        String bigNumber = record.bigNumber();
        bytes[at + 40] = (byte) ((record.attended() ? ATTENDED : 0) | (record.items() != null ? ITEMS : 0)
                | (bigNumber != null ? BIG_NUMBER : 0));
        double[] scores = record.scores();
        long mask = 0;
        at += FIXED_BYTES;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                mask |= 1L << i;
                LONG.set(bytes, at, Double.doubleToLongBits(scores[i]));
                at += 8;
            }
        }
        LONG.set(bytes, offset + 41, mask);
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
                throw truncated();
            }
            byte[] bytes = buffer;
            int at = position;
            int episode = (int) INT.get(bytes, at);
            int day = (int) INT.get(bytes, at + 4);
            long number = (long) LONG.get(bytes, at + 8);
            long line = (long) LONG.get(bytes, at + 16);
            long hash = (long) LONG.get(bytes, at + 24);
            long hash2 = (long) LONG.get(bytes, at + 32);
            int flags = bytes[at + 40];
            long mask = (long) LONG.get(bytes, at + 41);
            int size = FIXED_BYTES + Long.bitCount(mask) * 8 + ((flags & ITEMS) != 0 ? ITEM_COUNT : 0);
            int digits = 0;
            if ((flags & BIG_NUMBER) != 0) {
                if (!available(size + 4)) {
                    throw truncated();
                }
                digits = (int) INT.get(buffer, position + size);
                if (digits <= 0 || digits > MAX_NUMBER_DIGITS) {
                    throw new IOException("staged sessions hold a malformed record: " + file);
                }
                size += 4 + digits;
            }
            if (!available(size)) {
                throw truncated();
            }
            bytes = buffer;
            at = position + FIXED_BYTES;
            double[] scores = new double[instrumentCount];
            for (int i = 0; i < instrumentCount; i++) {
                if ((mask & (1L << i)) != 0) {
                    scores[i] = Double.longBitsToDouble((long) LONG.get(bytes, at));
                    at += 8;
                } else {
                    scores[i] = Double.NaN;
                }
            }
            byte[] items = null;
            if ((flags & ITEMS) != 0) {
                items = Arrays.copyOfRange(bytes, at, at + ITEM_COUNT);
                at += ITEM_COUNT;
            }
            String bigNumber = null;
            if (digits > 0) {
                bigNumber = new String(bytes, at + 4, digits, StandardCharsets.US_ASCII);
            }
            position += size;
            return new SessionRecord(episode, day, number, bigNumber, (flags & ATTENDED) != 0, scores, items, line,
                    hash, hash2);
        }

        /** Whether {@code count} bytes are in the buffer at {@link #position}, reading more if need be. */
        private boolean available(int count) throws IOException {
            while (limit - position < count && !endOfFile) {
                fill();
            }
            return limit - position >= count;
        }

        private IOException truncated() {
            return new EOFException("staged sessions end inside a record: " + file);
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
