package org.clinicaloutcomes.ingest;

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
 * the records, their dates as arrays for session validation, and a {@link ClientIdIndex}.
 * Once filled it may be read from several threads at once. {@link EpisodeRegistryFile} stages it
 * between steps.
 */
public final class EpisodeRegistry implements EpisodeLookup {

    private final ClientIdIndex index = new ClientIdIndex();
    private final List<IntakeRecord> episodes = new ArrayList<>();
    private int[] intakeDays = new int[16];
    private int[] dischargeDays = new int[16];
    private final Map<String, String> interned = new HashMap<>();

    /**
     * Adds an episode that passed every other rule.
     *
     * @return false when an earlier row has the same client id (the row is a duplicate)
     */
    public boolean accept(IntakeRecord record) {
        int episode = index.add(record.clientId());
        if (episode < 0) {
            return false;
        }
        episodes.add(new IntakeRecord(record.clientId(), record.intakeDay(), record.approach(),
                intern(record.clinicianId()), record.ageBand(), intern(record.gender()), record.state(),
                record.indexEvent(), record.chronicIllness(), record.priorTrauma(),
                record.childhoodMedical(), record.marginalized(), record.dischargeDay(),
                record.dischargeReason(), record.line()));
        if (episode == intakeDays.length) {
            intakeDays = Arrays.copyOf(intakeDays, episode * 2);
            dischargeDays = Arrays.copyOf(dischargeDays, episode * 2);
        }
        intakeDays[episode] = record.intakeDay();
        dischargeDays[episode] = record.dischargeDay();
        return true;
    }

    private String intern(String value) {
        return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }

    @Override
    public int indexOf(String clientId) {
        return index.indexOf(clientId);
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
}
