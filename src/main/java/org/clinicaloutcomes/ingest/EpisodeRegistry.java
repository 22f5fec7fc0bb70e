package org.clinicaloutcomes.ingest;

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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The accepted episodes, in the order they were accepted, with the duplicate rule of DATA.md
 * ("the first with a given client_id stands"). Memory grows with the number of episodes only:
 * the records, and an open-addressing index of client ids (one long per slot, no boxed entries).
 * Once filled it may be read from several threads at once.
 */
public final class EpisodeRegistry implements EpisodeLookup {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * The registry this process saved last, with what its file looked like then: the steps after
     * the intake step load the same file, and get the registry itself back instead of reading
     * it again (a restarted process reads the file).
     */
    private static Saved lastSaved;

    private record Saved(Path file, long bytes, FileTime modified, Object fileKey, EpisodeRegistry registry, int size) {

        boolean matches(Path other, BasicFileAttributes attributes) {
            return file.equals(other) && bytes == attributes.size() && modified.equals(attributes.lastModifiedTime())
                    && Objects.equals(fileKey, attributes.fileKey()) && registry.size() == size;
        }
    }

    private final List<IntakeRecord> episodes = new ArrayList<>();
    private int[] intakeDays = new int[16];
    private int[] dischargeDays = new int[16];
    /** Open addressing: (hash of the client id) << 32 | (episode index + 1); 0 is a free slot. */
    private long[] slots = new long[32];
    private final Map<String, String> interned = new HashMap<>();

    /**
     * Adds an episode that passed every other rule.
     *
     * @return false when an earlier row has the same client id (the row is a duplicate)
     */
    public boolean accept(IntakeRecord record) {
        String clientId = record.clientId();
        int hash = clientId.hashCode();
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash && episodes.get((int) entry - 1).clientId().equals(clientId)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        int index = episodes.size();
        slots[slot] = (long) hash << 32 | (index + 1L);
        episodes.add(new IntakeRecord(clientId, record.intakeDay(), record.approach(),
                intern(record.clinicianId()), record.ageBand(), intern(record.gender()), record.state(),
                record.indexEvent(), record.chronicIllness(), record.priorTrauma(),
                record.childhoodMedical(), record.marginalized(), record.dischargeDay(),
                record.dischargeReason(), record.line()));
        if (index == intakeDays.length) {
            intakeDays = Arrays.copyOf(intakeDays, index * 2);
            dischargeDays = Arrays.copyOf(dischargeDays, index * 2);
        }
        intakeDays[index] = record.intakeDay();
        dischargeDays[index] = record.dischargeDay();
        if (episodes.size() * 2 > slots.length) {
            grow();
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16) ^ (hash >>> 7);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = spread((int) (entry >>> 32)) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    private String intern(String value) {
        return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }

    @Override
    public int indexOf(String clientId) {
        int hash = clientId.hashCode();
        long[] table = slots;
        int mask = table.length - 1;
        int slot = spread(hash) & mask;
        long entry;
        while ((entry = table[slot]) != 0) {
            if ((int) (entry >>> 32) == hash && episodes.get((int) entry - 1).clientId().equals(clientId)) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    @Override
    public int intakeDay(int episode) {
        Objects.checkIndex(episode, episodes.size());
        return intakeDays[episode];
    }

    @Override
    public int dischargeDay(int episode) {
        Objects.checkIndex(episode, episodes.size());
        return dischargeDays[episode];
    }

    public IntakeRecord get(int episode) {
        return episodes.get(episode);
    }

    public int size() {
        return episodes.size();
    }

    public List<IntakeRecord> episodes() {
        return Collections.unmodifiableList(episodes);
    }

    /** Writes the registry to a staging file, so that later steps (and a restart) can read it. */
    public void save(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Output out = new Output(temporary)) {
            for (IntakeRecord r : episodes) {
                out.string(r.clientId());
                out.ensure(4);
                out.putInt(r.intakeDay());
                out.string(r.approach());
                out.string(r.clinicianId());
                out.string(r.ageBand());
                out.string(r.gender());
                out.string(r.state());
                out.string(r.indexEvent());
                out.ensure(13);
                out.buffer[out.count++] = (byte) (flag(r.chronicIllness()) | flag(r.priorTrauma()) << 2
                        | flag(r.childhoodMedical()) << 4 | flag(r.marginalized()) << 6);
                out.putInt(r.dischargeDay());
                out.putLong(r.line());
                out.string(r.dischargeReason());
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        synchronized (EpisodeRegistry.class) {
            lastSaved = new Saved(file.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime(),
                    attributes.fileKey(), this, size());
        }
    }

    /**
     * The registry saved in a file. When this process saved it and neither the file nor the
     * registry changed since, that registry itself (share it only for reading).
     */
    public static EpisodeRegistry load(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        synchronized (EpisodeRegistry.class) {
            Saved saved = lastSaved;
            if (saved != null && saved.matches(file.toAbsolutePath().normalize(), attributes)) {
                return saved.registry();
            }
        }
        EpisodeRegistry registry = new EpisodeRegistry();
        Input in = new Input(Files.readAllBytes(file));
        while (in.position < in.bytes.length) {
            String clientId = in.string();
            int intakeDay = in.getInt();
            String approach = canonical(in.string());
            String clinician = in.string();
            String ageBand = canonical(in.string());
            String gender = in.string();
            String state = canonical(in.string());
            String indexEvent = canonical(in.string());
            int flags = in.getByte();
            int dischargeDay = in.getInt();
            long line = in.getLong();
            String reason = canonical(in.string());
            registry.accept(new IntakeRecord(clientId, intakeDay, approach, clinician, ageBand, gender,
                    state, indexEvent, unflag(flags), unflag(flags >> 2), unflag(flags >> 4),
                    unflag(flags >> 6), dischargeDay, reason, line));
        }
        return registry;
    }

    private static String canonical(String code) {
        return code == null ? null : code.intern();
    }

    private static int flag(Boolean value) {
        return value == null ? 0 : value ? 1 : 2;
    }

    private static Boolean unflag(int bits) {
        return switch (bits & 3) {
            case 1 -> Boolean.TRUE;
            case 2 -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Big-endian numbers and length-prefixed UTF-8 strings (length -1: null), into a file. */
    private static final class Output implements AutoCloseable {
        private final FileChannel channel;
        private final byte[] buffer = new byte[1 << 16];
        private int count;

        Output(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }

        void ensure(int bytes) throws IOException {
            if (buffer.length - count < bytes) {
                flush();
            }
        }

        void putInt(int value) {
            INT.set(buffer, count, value);
            count += 4;
        }

        void putLong(long value) {
            LONG.set(buffer, count, value);
            count += 8;
        }

        void string(String value) throws IOException {
            if (value == null) {
                ensure(4);
                putInt(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ensure(4);
            putInt(bytes.length);
            if (bytes.length > buffer.length - count) {
                flush();
                if (bytes.length > buffer.length) {
                    write(ByteBuffer.wrap(bytes));
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, count, bytes.length);
            count += bytes.length;
        }

        private void flush() throws IOException {
            write(ByteBuffer.wrap(buffer, 0, count));
            count = 0;
        }

        private void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                channel.close();
            }
        }
    }

    private static final class Input {
        private final byte[] bytes;
        private int position;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        private void need(int count) throws EOFException {
            if (count < 0 || bytes.length - position < count) {
                throw new EOFException("the staged episodes end inside a record");
            }
        }

        int getInt() throws EOFException {
            need(4);
            int value = (int) INT.get(bytes, position);
            position += 4;
            return value;
        }

        long getLong() throws EOFException {
            need(8);
            long value = (long) LONG.get(bytes, position);
            position += 8;
            return value;
        }

        int getByte() throws EOFException {
            need(1);
            return bytes[position++];
        }

        String string() throws EOFException {
            int length = getInt();
            if (length == -1) {
                return null;
            }
            need(length);
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }
    }
}
