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
 * <p>The rows are kept column by column ({@link Columns}: about 60 bytes a row, against about 150
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
                System.arraycopy(perInstrument[i].ints[Columns.EPISODE], 0, all, at, perInstrument[i].size);
                at += perInstrument[i].size;
            }
            Arrays.sort(all);
            pairedEpisodes[i] = all;
        }
        int[][] order = new int[layout.approachCount * layout.instrumentCount][];
        for (int a = 0; a < groups.length; a++) {
            for (int i = 0; i < groups[a].length; i++) {
                groups[a][i].trim(); // the rows stay until the report is written
                order[a * layout.instrumentCount + i] = groups[a][i].sortedByClientThenEpisode();
            }
        }
        return new Rows(layout, groups, order, categories, pairedEpisodes);
    }

    /**
     * The rows of one approach × instrument, one array per column (by kind: whole numbers, text,
     * scores), in the order they were added; grown by doubling while the episodes are added, exact
     * in size once merged.
     */
    private static final class Columns implements Serializable {
        // The whole-number columns, the text columns and the score columns, by position.
        static final int EPISODE = 0;
        static final int INTAKE_DAY = 1;
        static final int DISCHARGE_DAY = 2;
        static final int FIRST_DAY = 3;
        static final int LAST_DAY = 4;
        static final int ATTENDED_SESSIONS = 5;
        static final int N_SCORES = 6;
        static final int CLIENT_ID = 0;
        static final int APPROACH = 1;
        static final int CLINICIAN_ID = 2;
        static final int DISCHARGE_REASON = 3;
        static final int BASELINE = 0;
        static final int FINAL_SCORE = 1;

        int size;
        int[][] ints = new int[N_SCORES + 1][0];
        String[][] texts = new String[DISCHARGE_REASON + 1][0];
        double[][] scores = new double[FINAL_SCORE + 1][0];

        void add(int index, IntakeRecord intake, EpisodeOutcome outcome, int first, int last, int sessions) {
            if (size == ints[EPISODE].length) {
                resize(Math.max(16, 2 * size));
            }
            ints[EPISODE][size] = index;
            ints[INTAKE_DAY][size] = intake.intakeDay();
            ints[DISCHARGE_DAY][size] = intake.dischargeDay();
            ints[FIRST_DAY][size] = first;
            ints[LAST_DAY][size] = last;
            ints[ATTENDED_SESSIONS][size] = sessions;
            ints[N_SCORES][size] = outcome.nScores();
            texts[CLIENT_ID][size] = intake.clientId();
            texts[APPROACH][size] = intake.approach();
            texts[CLINICIAN_ID][size] = intake.clinicianId();
            texts[DISCHARGE_REASON][size] = intake.dischargeReason();
            scores[BASELINE][size] = outcome.baseline();
            scores[FINAL_SCORE][size] = outcome.finalScore();
            size++;
        }

        void addAll(Columns other) {
            int from = size;
            resize(Math.addExact(size, other.size));
            for (int c = 0; c < ints.length; c++) {
                System.arraycopy(other.ints[c], 0, ints[c], from, other.size);
            }
            for (int c = 0; c < texts.length; c++) {
                System.arraycopy(other.texts[c], 0, texts[c], from, other.size);
            }
            for (int c = 0; c < scores.length; c++) {
                System.arraycopy(other.scores[c], 0, scores[c], from, other.size);
            }
            size = from + other.size;
        }

        private void resize(int capacity) {
            for (int c = 0; c < ints.length; c++) {
                ints[c] = Arrays.copyOf(ints[c], capacity);
            }
            for (int c = 0; c < texts.length; c++) {
                texts[c] = Arrays.copyOf(texts[c], capacity);
            }
            for (int c = 0; c < scores.length; c++) {
                scores[c] = Arrays.copyOf(scores[c], capacity);
            }
        }

        /** Drops the room left for growth. */
        void trim() {
            if (ints[EPISODE].length != size) {
                resize(size);
            }
        }

        /** Written without the room left for growth: a partition's result goes through a file. */
        private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
            trim();
            out.defaultWriteObject();
        }

        /** The positions of the rows by client id, then episode index (unique: a total order). */
        int[] sortedByClientThenEpisode() {
            Integer[] positions = new Integer[size];
            for (int r = 0; r < size; r++) {
                positions[r] = r;
            }
            String[] clientId = texts[CLIENT_ID];
            int[] episode = ints[EPISODE];
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
            EpisodeOutcome outcome = EpisodeOutcome.of(instrument, c.scores[Columns.BASELINE][r],
                    c.scores[Columns.FINAL_SCORE][r], c.ints[Columns.N_SCORES][r]);
            String clientId = c.texts[Columns.CLIENT_ID][r];
            String approach = c.texts[Columns.APPROACH][r];
            String clinicianId = c.texts[Columns.CLINICIAN_ID][r];
            int firstDay = c.ints[Columns.FIRST_DAY][r];
            int lastDay = c.ints[Columns.LAST_DAY][r];
            OutcomeTables.EpisodeRow row;
            if (layout.byWave()) {
                // Dates, discharge and sessions stay empty: a wave-based analysis has none (RESEARCH.md).
                row = new OutcomeTables.EpisodeRow(clientId, approach, clinicianId, instrument.key(), outcome, null,
                        null, null, null, null, null, layout.waves.label(firstDay), layout.waves.label(lastDay));
            } else {
                row = new OutcomeTables.EpisodeRow(clientId, approach, clinicianId, instrument.key(), outcome,
                        LocalDate.ofEpochDay(c.ints[Columns.INTAKE_DAY][r]),
                        LocalDate.ofEpochDay(c.ints[Columns.DISCHARGE_DAY][r]), c.texts[Columns.DISCHARGE_REASON][r],
                        LocalDate.ofEpochDay(firstDay), LocalDate.ofEpochDay(lastDay),
                        c.ints[Columns.ATTENDED_SESSIONS][r]);
            }
            return categories == null ? row : row.withCategories(
                    categories.of(i, Arrays.binarySearch(pairedEpisodes[i], c.ints[Columns.EPISODE][r])));
        }
    }
}
