package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.clinicaloutcomes.metrics.Instrument;

/**
 * The groups and instruments every table is laid out by: the configured approaches in report
 * order, then ALL (group index {@link #all}), and the configured instruments in file order (a
 * session's scores are aligned with them). Checked once, shared by the tables.
 */
final class CohortLayout implements Serializable {

    final List<Instrument> instruments;
    final List<String> approaches;
    /** Index of the primary instrument (clinicians, subgroups). */
    final int primary;
    /** Index of the PCL-5 instrument ({@link CohortAnalysis#PCL5}), -1 when none is configured. */
    final int pcl5;
    final int instrumentCount;
    final int approachCount;
    /** Group index of ALL, after the approaches. */
    final int all;
    /** The waves of an analysis by wave, or null when sessions are dated. */
    final WaveDesign waves;
    private final Map<String, Integer> approachIndex = new HashMap<>();

    /**
     * @throws IllegalArgumentException on an empty or duplicated list, an approach named ALL or an
     *                                  unknown primary instrument
     */
    CohortLayout(List<Instrument> instruments, List<String> approaches,
                 String primaryInstrumentKey) {
        this(instruments, approaches, primaryInstrumentKey, null);
    }

    /** The layout of an analysis by wave ({@code waves} not null) or by date. */
    CohortLayout(List<Instrument> instruments, List<String> approaches, String primaryInstrumentKey,
                 WaveDesign waves) {
        this.waves = waves;
        this.instruments = List.copyOf(instruments);
        this.approaches = List.copyOf(approaches);
        if (this.instruments.isEmpty() || this.approaches.isEmpty()) {
            throw new IllegalArgumentException("need at least one instrument and one approach");
        }
        for (int a = 0; a < this.approaches.size(); a++) {
            String approach = this.approaches.get(a);
            if (approach.toUpperCase(Locale.ROOT).equals(OutcomeTables.ALL)) {
                throw new IllegalArgumentException("an approach cannot be called " + OutcomeTables.ALL);
            }
            if (approachIndex.put(approach, a) != null) {
                throw new IllegalArgumentException("approach " + approach + " appears twice");
            }
        }
        int primaryIndex = -1;
        int pcl5Index = -1;
        for (int i = 0; i < this.instruments.size(); i++) {
            String key = this.instruments.get(i).key();
            for (int j = 0; j < i; j++) {
                if (this.instruments.get(j).key().equals(key)) {
                    throw new IllegalArgumentException("instrument " + key + " appears twice");
                }
            }
            if (key.equals(primaryInstrumentKey)) {
                primaryIndex = i;
            }
            if (key.equals(CohortAnalysis.PCL5)) {
                pcl5Index = i;
            }
        }
        if (primaryIndex < 0) {
            throw new IllegalArgumentException("the primary instrument " + primaryInstrumentKey + " is not configured");
        }
        this.primary = primaryIndex;
        this.pcl5 = pcl5Index;
        this.instrumentCount = this.instruments.size();
        this.approachCount = this.approaches.size();
        this.all = approachCount;
    }

    boolean byWave() {
        return waves != null;
    }

    /** Index of a configured approach, {@code null} for any other name. */
    Integer approachIndex(String approach) {
        return approachIndex.get(approach);
    }

    /** Approaches and ALL. */
    int groups() {
        return approachCount + 1;
    }

    /** The name of group {@code g} in the tables' approach column. */
    String groupName(int g) {
        return g == all ? OutcomeTables.ALL : approaches.get(g);
    }
}
