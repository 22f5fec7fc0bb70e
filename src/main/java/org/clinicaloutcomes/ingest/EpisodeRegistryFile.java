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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.clinicaloutcomes.metrics.Fold;

/**
 * The staging file of the accepted episodes ({@code episodes.bin}), which hands the
 * {@link EpisodeRegistry} from the intake step to the later steps and to a restart. One record
 * per episode, in registry order: the client id, intake day, the codes and ids as length-prefixed
 * UTF-8 strings, the four flags in one byte, discharge day, line, and discharge reason.
 *
 * <p>Every step that needs the episodes loads the file once (there is no cache of it in the
 * process), so a step reads the same whether it runs in the process that wrote the file or in a
 * restarted one.
 */
public final class EpisodeRegistryFile {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private EpisodeRegistryFile() {
    }

    /** Writes the registry's episodes, replacing the file at once (a killed run leaves the old one or the new). */
    public static void save(EpisodeRegistry registry, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Output out = new Output(temporary)) {
            for (IntakeRecord r : registry.episodes()) {
                out.string(r.clientId());
                out.ensure(4);
                out.putInt(r.intakeDay());
                out.string(r.approach());
                out.string(r.clinicianId());
                out.string(r.ageBand());
                out.string(r.gender());
                out.string(r.state());
                out.string(r.indexEvent());
                out.ensure(17);
                out.buffer[out.count++] = (byte) (flag(r.chronicIllness()) | flag(r.priorTrauma()) << 2
                        | flag(r.childhoodMedical()) << 4 | flag(r.marginalized()) << 6);
                out.putInt(r.dischargeDay());
                out.putLong(r.line());
                out.putInt(r.referralDay());
                out.string(r.dischargeReason());
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The registry saved in a file. */
    public static EpisodeRegistry load(Path file) throws IOException {
        EpisodeRegistry registry = new EpisodeRegistry();
        read(file, clientId -> true, registry::accept);
        return registry;
    }

    /**
     * The episodes of one analysis partition ({@link Fold#partition} of the client id), in index
     * order, with their records: what a partition's analysis needs, in memory that grows with the
     * partition, not with the run (issue 19).
     *
     * @param episodes the partition's episode indexes, increasing
     * @param records  their records, in the same order
     */
    public record PartitionEpisodes(int[] episodes, List<IntakeRecord> records) {

        /** The record of one of the partition's episodes. */
        public IntakeRecord get(int episode) {
            int position = java.util.Arrays.binarySearch(episodes, episode);
            if (position < 0) {
                throw new IllegalArgumentException("episode " + episode + " is not in this partition");
            }
            return records.get(position);
        }
    }

    /** The episodes of partition {@code partition} of {@code partitions}, decoding only theirs. */
    public static PartitionEpisodes loadPartition(Path file, int partition, int partitions) throws IOException {
        IntStream.Builder episodes = IntStream.builder();
        List<IntakeRecord> records = new ArrayList<>();
        // Clinician ids and genders repeat: held once each, as in the registry.
        Map<String, String> repeated = new HashMap<>();
        int[] index = {0};
        Predicate<String> own = clientId -> Fold.partition(clientId, partitions) == partition;
        read(file, own, r -> {
            if (own.test(r.clientId())) {
                episodes.add(index[0]);
                records.add(new IntakeRecord(r.clientId(), r.intakeDay(), r.approach(),
                        intern(repeated, r.clinicianId()), r.ageBand(), intern(repeated, r.gender()), r.state(),
                        r.indexEvent(), r.chronicIllness(), r.priorTrauma(), r.childhoodMedical(), r.marginalized(),
                        r.dischargeDay(), r.dischargeReason(), r.line(), r.referralDay()));
            }
            index[0]++;
        });
        return new PartitionEpisodes(episodes.build().toArray(), List.copyOf(records));
    }

    private static String intern(Map<String, String> repeated, String value) {
        return value == null ? null : repeated.computeIfAbsent(value, v -> v);
    }

    /**
     * The client ids and dates saved in a file, all that session validation needs: the other
     * fields are skipped, not decoded.
     */
    public static EpisodeIndex loadIndex(Path file) throws IOException {
        EpisodeIndex index = new EpisodeIndex();
        read(file, clientId -> false, r -> index.add(r.clientId(), r.intakeDay(), r.dischargeDay()));
        return index;
    }

    /**
     * Each episode's analysis partition of {@code partitions} ({@link Fold#partition}
     * of its client id), in index order.
     */
    public static int[] partitionOfEpisodes(Path file, int partitions) throws IOException {
        IntStream.Builder partitionOf = IntStream.builder();
        read(file, clientId -> false, r -> partitionOf.add(Fold.partition(r.clientId(), partitions)));
        return partitionOf.build().toArray();
    }

    /**
     * Every record in file order; those whose client id {@code decoded} rejects with only the
     * client id and the dates.
     */
    private static void read(Path file, Predicate<String> decoded, Consumer<IntakeRecord> records) throws IOException {
        Map<String, String> codes = new HashMap<>();
        Input in = new Input(Files.readAllBytes(file));
        while (in.position < in.bytes.length) {
            String clientId = in.string();
            boolean whole = decoded.test(clientId);
            int intakeDay = in.getInt();
            String approach = code(in, whole, codes);
            String clinician = text(in, whole);
            String ageBand = code(in, whole, codes);
            String gender = text(in, whole);
            String state = code(in, whole, codes);
            String indexEvent = code(in, whole, codes);
            int flags = in.getByte();
            int dischargeDay = in.getInt();
            long line = in.getLong();
            int referralDay = in.getInt();
            String reason = code(in, whole, codes);
            records.accept(new IntakeRecord(clientId, intakeDay, approach, clinician, ageBand, gender,
                    state, indexEvent, unflag(flags), unflag(flags >> 2), unflag(flags >> 4),
                    unflag(flags >> 6), dischargeDay, reason, line, referralDay));
        }
    }

    private static String text(Input in, boolean decode) throws EOFException {
        if (decode) {
            return in.string();
        }
        in.skipString();
        return null;
    }

    /**
     * A code as the JVM's one string of its value ({@link String#intern}), so that the episodes
     * hold each code once. A code has few values: a map in front of {@code intern} saves most of
     * its native lookups, now that every later step loads the file.
     */
    private static String code(Input in, boolean decode, Map<String, String> codes) throws EOFException {
        String code = text(in, decode);
        return code == null ? null : codes.computeIfAbsent(code, String::intern);
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

        void skipString() throws EOFException {
            int length = getInt();
            if (length != -1) {
                need(length);
                position += length;
            }
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
