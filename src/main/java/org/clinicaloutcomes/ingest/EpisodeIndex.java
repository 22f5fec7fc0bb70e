package org.clinicaloutcomes.ingest;

import java.util.Arrays;
import java.util.Objects;

/**
 * Client ids to episode indexes (0, 1, 2 … in the order the episodes were added; ids compared
 * case-sensitively), with each episode's dates: what session validation looks up. Open addressing
 * with one long per slot, no boxed entries: memory grows with the number of episodes only. Once
 * filled it may be read from several threads at once.
 */
public final class EpisodeIndex implements EpisodeLookup {

    private String[] ids = new String[16];
    private int[] intakeDays = new int[16];
    private int[] dischargeDays = new int[16];
    private int size;
    /** (hash of the client id) << 32 | (index + 1); 0 is a free slot. */
    private long[] slots = new long[32];

    /** The index of a new episode, or -1 when its client id is already there (that episode stays as it is). */
    int add(String clientId, int intakeDay, int dischargeDay) {
        int hash = clientId.hashCode();
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash && ids[(int) entry - 1].equals(clientId)) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        int index = size;
        slots[slot] = (long) hash << 32 | (index + 1L);
        if (index == ids.length) {
            ids = Arrays.copyOf(ids, index * 2);
            intakeDays = Arrays.copyOf(intakeDays, index * 2);
            dischargeDays = Arrays.copyOf(dischargeDays, index * 2);
        }
        ids[index] = clientId;
        intakeDays[index] = intakeDay;
        dischargeDays[index] = dischargeDay;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return index;
    }

    @Override
    public int indexOf(String clientId) {
        int hash = clientId.hashCode();
        long[] table = slots;
        int mask = table.length - 1;
        int slot = spread(hash) & mask;
        long entry;
        while ((entry = table[slot]) != 0) {
            if ((int) (entry >>> 32) == hash && ids[(int) entry - 1].equals(clientId)) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    @Override
    public int intakeDay(int episode) {
        Objects.checkIndex(episode, size);
        return intakeDays[episode];
    }

    @Override
    public int dischargeDay(int episode) {
        Objects.checkIndex(episode, size);
        return dischargeDays[episode];
    }

    public int size() {
        return size;
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
}
