package org.clinicaloutcomes.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted episodes, in the order they were accepted, with the duplicate rule of DATA.md
 * ("the first with a given client_id stands"). Memory grows with the number of episodes only.
 */
public final class EpisodeRegistry implements EpisodeLookup {

    private final List<IntakeRecord> episodes = new ArrayList<>();
    private final Map<String, Integer> indexByClient = new HashMap<>();
    private final Map<String, String> interned = new HashMap<>();

    /**
     * Adds an episode that passed every other rule.
     *
     * @return false when an earlier row has the same client id (the row is a duplicate)
     */
    public boolean accept(IntakeRecord record) {
        if (indexByClient.containsKey(record.clientId())) {
            return false;
        }
        indexByClient.put(record.clientId(), episodes.size());
        episodes.add(new IntakeRecord(record.clientId(), record.intakeDay(), record.approach(),
                intern(record.clinicianId()), record.ageBand(), intern(record.gender()), record.state(),
                record.indexEvent(), record.chronicIllness(), record.priorTrauma(),
                record.childhoodMedical(), record.marginalized(), record.dischargeDay(),
                record.dischargeReason(), record.line()));
        return true;
    }

    private String intern(String value) {
        return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }

    @Override
    public int indexOf(String clientId) {
        Integer index = indexByClient.get(clientId);
        return index == null ? -1 : index;
    }

    @Override
    public int intakeDay(int episode) {
        return episodes.get(episode).intakeDay();
    }

    @Override
    public int dischargeDay(int episode) {
        return episodes.get(episode).dischargeDay();
    }

    public IntakeRecord get(int episode) {
        return episodes.get(episode);
    }

    public int size() {
        return episodes.size();
    }

    public List<IntakeRecord> episodes() {
        return java.util.Collections.unmodifiableList(episodes);
    }

    /** Writes the registry to a staging file, so that later steps (and a restart) can read it. */
    public void save(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
            for (IntakeRecord r : episodes) {
                out.writeUTF(r.clientId());
                out.writeInt(r.intakeDay());
                out.writeUTF(r.approach());
                out.writeUTF(r.clinicianId());
                writeNullable(out, r.ageBand());
                writeNullable(out, r.gender());
                writeNullable(out, r.state());
                writeNullable(out, r.indexEvent());
                out.writeByte(flag(r.chronicIllness()) | flag(r.priorTrauma()) << 2
                        | flag(r.childhoodMedical()) << 4 | flag(r.marginalized()) << 6);
                out.writeInt(r.dischargeDay());
                writeNullable(out, r.dischargeReason());
                out.writeLong(r.line());
            }
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static EpisodeRegistry load(Path file) throws IOException {
        EpisodeRegistry registry = new EpisodeRegistry();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                String clientId;
                try {
                    clientId = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                int intakeDay = in.readInt();
                String approach = in.readUTF().intern();
                String clinician = in.readUTF();
                String ageBand = canonical(readNullable(in));
                String gender = readNullable(in);
                String state = canonical(readNullable(in));
                String indexEvent = canonical(readNullable(in));
                int flags = in.readByte();
                int dischargeDay = in.readInt();
                String reason = canonical(readNullable(in));
                long line = in.readLong();
                registry.accept(new IntakeRecord(clientId, intakeDay, approach, clinician, ageBand, gender,
                        state, indexEvent, unflag(flags), unflag(flags >> 2), unflag(flags >> 4),
                        unflag(flags >> 6), dischargeDay, reason, line));
            }
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

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
