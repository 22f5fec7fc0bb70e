package org.clinicaloutcomes.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted episodes, in the order they were accepted, with the duplicate rule of DATA.md
 * ("the first with a given client_id stands"). Memory grows with the number of episodes only:
 * the records, and the {@link EpisodeIndex} that finds them by client id.
 * Once filled it may be read from several threads at once. {@link EpisodeRegistryFile} stages it
 * between steps.
 */
public final class EpisodeRegistry implements EpisodeLookup {

    private final EpisodeIndex index = new EpisodeIndex();
    private final List<IntakeRecord> episodes = new ArrayList<>();
    private final Map<String, String> interned = new HashMap<>();

    /**
     * Adds an episode that passed every other rule.
     *
     * @return false when an earlier row has the same client id (the row is a duplicate)
     */
    public boolean accept(IntakeRecord record) {
        if (index.add(record.clientId(), record.intakeDay(), record.dischargeDay()) < 0) {
            return false;
        }
        episodes.add(new IntakeRecord(record.clientId(), record.intakeDay(), record.approach(),
                intern(record.clinicianId()), record.ageBand(), intern(record.gender()), record.state(),
                record.indexEvent(), record.chronicIllness(), record.priorTrauma(),
                record.childhoodMedical(), record.marginalized(), record.dischargeDay(),
                record.dischargeReason(), record.line(), record.referralDay()));
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
        return index.intakeDay(episode);
    }

    @Override
    public int dischargeDay(int episode) {
        return index.dischargeDay(episode);
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
