package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.Instrument;

/**
 * {@code episode_outcomes.csv}: one row per closed episode of the window × instrument with paired
 * scores ({@link EpisodeOutcome#of}), by approach (configured order), instrument, client id.
 *
 * <p>The rows are kept column by column ({@link Columns}: about 64 bytes a row, against about 150
 * for a row object and its outcome): at 30 million sessions there are 3.5 million of them, and they
 * stay in memory from the analysis until the report is written. A row object is made only when the
 * row is read ({@link Rows#get}); its outcome is computed again from the row's two scores and their
 * count by {@link EpisodeOutcome#of}, the function that computed it in the analysis, so it is the same.
 */
final class EpisodeOutcomesTable implements TableAccumulator<EpisodeOutcomesTable, List<OutcomeTables.EpisodeRow>> {

    private final CohortLayout layout;
    private final Columns[][] groups; // [approach][instrument]
    /** The clinical-significance categories; null when none are computed. */
    private EpisodeCategories categories;

    EpisodeOutcomesTable(CohortLayout layout) {
        this.layout = layout;
        this.groups = new Columns[layout.approachCount][layout.instrumentCount];
        for (Columns[] perInstrument : groups) {
            for (int i = 0; i < perInstrument.length; i++) {
                perInstrument[i] = new Columns();
            }
        }
    }

    @Override
    public void add(ScoredEpisode episode) {
        if (!episode.closedInWindow) {
            return;
        }
        EpisodeScores scores = episode.scores();
        for (int i = 0; i < layout.instrumentCount; i++) {
            EpisodeOutcome outcome = scores.outcomes[i];
            if (outcome != null) {
                groups[episode.approach][i].add(episode.index, episode.intake, outcome, scores.firstDay[i],
                        scores.lastDay[i], scores.attendedSessions);
            }
        }
    }

    /** The rows are sorted by client id, then episode index: any order merges. */
    @Override
    public void merge(EpisodeOutcomesTable other) {
        for (int a = 0; a < groups.length; a++) {
            for (int i = 0; i < groups[a].length; i++) {
                groups[a][i].addAll(other.groups[a][i]);
            }
        }
    }

    /**
     * The clinical-significance categories the rows carry, from {@link ClinicalSignificanceTable},
     * which addresses an instrument's paired episodes by their position in episode index order;
     * call before {@link #result()}.
     */
    void categories(EpisodeCategories labels) {
        this.categories = labels;
    }

    @Override
    public List<OutcomeTables.EpisodeRow> result() {
        // Per instrument, its paired episodes in index order: a row's position among them
        // addresses its categories.
        int[][] pairedEpisodes = new int[layout.instrumentCount][];
        for (int i = 0; i < layout.instrumentCount && categories != null; i++) {
            int total = 0;
            for (Columns[] perInstrument : groups) {
                total = Math.addExact(total, perInstrument[i].size);
            }
            int[] all = new int[total];
            int at = 0;
            for (Columns[] perInstrument : groups) {
                System.arraycopy(perInstrument[i].episode, 0, all, at, perInstrument[i].size);
                at += perInstrument[i].size;
            }
            Arrays.sort(all);
            pairedEpisodes[i] = all;
        }
        int[][] order = new int[layout.approachCount * layout.instrumentCount][];
        for (int a = 0; a < groups.length; a++) {
            for (int i = 0; i < groups[a].length; i++) {
                order[a * layout.instrumentCount + i] = groups[a][i].sortedByClientThenEpisode();
            }
        }
        return new Rows(layout, groups, order, categories, pairedEpisodes);
    }

    /**
     * The rows of one approach × instrument, one array per column, in the order they were added;
     * grown by doubling while the episodes are added, exact in size once merged.
     */
    private static final class Columns implements Serializable {
        int size;
        int[] episode = new int[0];
        String[] clientId = new String[0];
        String[] approach = new String[0];
        String[] clinicianId = new String[0];
        String[] dischargeReason = new String[0];
        int[] intakeDay = new int[0];
        int[] dischargeDay = new int[0];
        int[] firstDay = new int[0];
        int[] lastDay = new int[0];
        int[] attendedSessions = new int[0];
        int[] nScores = new int[0];
        double[] baseline = new double[0];
        double[] finalScore = new double[0];

        void add(int index, IntakeRecord intake, EpisodeOutcome outcome, int first, int last, int sessions) {
            if (size == episode.length) {
                resize(Math.max(16, 2 * size));
            }
            episode[size] = index;
            clientId[size] = intake.clientId();
            approach[size] = intake.approach();
            clinicianId[size] = intake.clinicianId();
            dischargeReason[size] = intake.dischargeReason();
            intakeDay[size] = intake.intakeDay();
            dischargeDay[size] = intake.dischargeDay();
            firstDay[size] = first;
            lastDay[size] = last;
            attendedSessions[size] = sessions;
            nScores[size] = outcome.nScores();
            baseline[size] = outcome.baseline();
            finalScore[size] = outcome.finalScore();
            size++;
        }

        void addAll(Columns other) {
            int from = size;
            resize(Math.addExact(size, other.size));
            int n = other.size;
            System.arraycopy(other.episode, 0, episode, from, n);
            System.arraycopy(other.clientId, 0, clientId, from, n);
            System.arraycopy(other.approach, 0, approach, from, n);
            System.arraycopy(other.clinicianId, 0, clinicianId, from, n);
            System.arraycopy(other.dischargeReason, 0, dischargeReason, from, n);
            System.arraycopy(other.intakeDay, 0, intakeDay, from, n);
            System.arraycopy(other.dischargeDay, 0, dischargeDay, from, n);
            System.arraycopy(other.firstDay, 0, firstDay, from, n);
            System.arraycopy(other.lastDay, 0, lastDay, from, n);
            System.arraycopy(other.attendedSessions, 0, attendedSessions, from, n);
            System.arraycopy(other.nScores, 0, nScores, from, n);
            System.arraycopy(other.baseline, 0, baseline, from, n);
            System.arraycopy(other.finalScore, 0, finalScore, from, n);
            size = from + n;
        }

        private void resize(int capacity) {
            episode = Arrays.copyOf(episode, capacity);
            clientId = Arrays.copyOf(clientId, capacity);
            approach = Arrays.copyOf(approach, capacity);
            clinicianId = Arrays.copyOf(clinicianId, capacity);
            dischargeReason = Arrays.copyOf(dischargeReason, capacity);
            intakeDay = Arrays.copyOf(intakeDay, capacity);
            dischargeDay = Arrays.copyOf(dischargeDay, capacity);
            firstDay = Arrays.copyOf(firstDay, capacity);
            lastDay = Arrays.copyOf(lastDay, capacity);
            attendedSessions = Arrays.copyOf(attendedSessions, capacity);
            nScores = Arrays.copyOf(nScores, capacity);
            baseline = Arrays.copyOf(baseline, capacity);
            finalScore = Arrays.copyOf(finalScore, capacity);
        }

        /** Written without the room left for growth: a partition's result goes through a file. */
        private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
            if (episode.length != size) {
                resize(size);
            }
            out.defaultWriteObject();
        }

        /** The positions of the rows by client id, then episode index (unique: a total order). */
        int[] sortedByClientThenEpisode() {
            Integer[] positions = new Integer[size];
            for (int r = 0; r < size; r++) {
                positions[r] = r;
            }
            Arrays.sort(positions, Comparator.comparing((Integer r) -> clientId[r]).thenComparingInt(r -> episode[r]));
            int[] order = new int[size];
            for (int r = 0; r < size; r++) {
                order[r] = positions[r];
            }
            return order;
        }
    }

    /**
     * The table's rows in its order: approach, instrument, then each group's rows by client id and
     * episode. Immutable and safe to read from several threads (the CSVs, the charts and the workbook
     * are written at once): a row is made from the columns at each {@link #get}.
     */
    static final class Rows extends AbstractList<OutcomeTables.EpisodeRow> implements RandomAccess {
        private final CohortLayout layout;
        private final Columns[] groups; // the non-empty groups, in the table's order
        private final int[] instruments; // per group
        private final int[][] order; // per group, its rows' positions in the table's order
        private final int[] starts; // per group, the index of its first row; then the size
        private final EpisodeCategories categories;
        private final int[][] pairedEpisodes;

        Rows(CohortLayout layout, Columns[][] byApproach, int[][] orderByGroup, EpisodeCategories categories,
             int[][] pairedEpisodes) {
            this.layout = layout;
            this.categories = categories;
            this.pairedEpisodes = pairedEpisodes;
            int count = 0;
            for (Columns[] perInstrument : byApproach) {
                for (Columns group : perInstrument) {
                    count += group.size > 0 ? 1 : 0;
                }
            }
            groups = new Columns[count];
            instruments = new int[count];
            order = new int[count][];
            starts = new int[count + 1];
            int g = 0;
            for (int a = 0; a < byApproach.length; a++) {
                for (int i = 0; i < byApproach[a].length; i++) {
                    Columns group = byApproach[a][i];
                    if (group.size == 0) {
                        continue;
                    }
                    groups[g] = group;
                    instruments[g] = i;
                    order[g] = orderByGroup[a * layout.instrumentCount + i];
                    starts[g + 1] = Math.addExact(starts[g], group.size);
                    g++;
                }
            }
        }

        @Override
        public int size() {
            return starts[groups.length];
        }

        @Override
        public OutcomeTables.EpisodeRow get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException(index);
            }
            int found = Arrays.binarySearch(starts, index);
            // Empty groups are left out, so starts ascend strictly and a match is its group's first row.
            int g = found >= 0 ? found : -found - 2;
            Columns c = groups[g];
            int r = order[g][index - starts[g]];
            int i = instruments[g];
            Instrument instrument = layout.instruments.get(i);
            EpisodeOutcome outcome = EpisodeOutcome.of(instrument, c.baseline[r], c.finalScore[r], c.nScores[r]);
            OutcomeTables.EpisodeRow row;
            if (layout.byWave()) {
                // Dates, discharge and sessions stay empty: a wave-based analysis has none (RESEARCH.md).
                row = new OutcomeTables.EpisodeRow(c.clientId[r], c.approach[r], c.clinicianId[r], instrument.key(),
                        outcome, null, null, null, null, null, null, layout.waves.label(c.firstDay[r]),
                        layout.waves.label(c.lastDay[r]));
            } else {
                row = new OutcomeTables.EpisodeRow(c.clientId[r], c.approach[r], c.clinicianId[r], instrument.key(),
                        outcome, LocalDate.ofEpochDay(c.intakeDay[r]), LocalDate.ofEpochDay(c.dischargeDay[r]),
                        c.dischargeReason[r], LocalDate.ofEpochDay(c.firstDay[r]), LocalDate.ofEpochDay(c.lastDay[r]),
                        c.attendedSessions[r]);
            }
            return categories == null ? row
                    : row.withCategories(categories.of(i, Arrays.binarySearch(pairedEpisodes[i], c.episode[r])));
        }
    }
}
