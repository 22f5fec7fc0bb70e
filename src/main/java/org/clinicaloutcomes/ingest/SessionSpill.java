package org.clinicaloutcomes.ingest;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact binary form in which session records are staged on disk between steps, so that
 * memory does not grow with the number of sessions. One record: episode, day, number, line, the
 * two content hashes, a flag byte, a bit mask of the scores present, the scores, the items.
 */
public final class SessionSpill {

    /** Instruments beyond this many cannot be staged (the score mask is one long). */
    public static final int MAX_INSTRUMENTS = 64;
    private static final int ATTENDED = 1;
    private static final int ITEMS = 2;

    private SessionSpill() {
    }

    public static void write(DataOutputStream out, SessionRecord record) throws IOException {
        out.writeInt(record.episode());
        out.writeInt(record.day());
        out.writeLong(record.number());
        out.writeLong(record.line());
        out.writeLong(record.contentHash());
        out.writeLong(record.contentHash2());
        out.writeByte((record.attended() ? ATTENDED : 0) | (record.items() != null ? ITEMS : 0));
        double[] scores = record.scores();
        long mask = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                mask |= 1L << i;
            }
        }
        out.writeLong(mask);
        for (double score : scores) {
            if (!Double.isNaN(score)) {
                out.writeDouble(score);
            }
        }
        if (record.items() != null) {
            out.write(record.items());
        }
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
            items = new byte[20];
            in.readFully(items);
        }
        return new SessionRecord(episode, day, number, (flags & ATTENDED) != 0, scores, items, line, hash, hash2);
    }

    public static List<SessionRecord> readAll(Path file, int instrumentCount) throws IOException {
        List<SessionRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            SessionRecord record;
            while ((record = read(in, instrumentCount)) != null) {
                records.add(record);
            }
        }
        return records;
    }
}
