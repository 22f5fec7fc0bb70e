package org.clinicaloutcomes.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.clinicaloutcomes.config.ApproachCatalog;
import org.clinicaloutcomes.metrics.Instrument;

/**
 * The row rules of a researcher's export (RESEARCH.md, "Reading {@code long} and {@code wide}
 * files"), in their order: the de-identification gate and the field count, then the wave check,
 * then the participant rules of DATA.md ({@link IntakeRowValidator}), then
 * {@code conflicting participant value}; the duplicate rule needs the rows before and is the
 * caller's. The export is read twice: once for the participants ({@link #participant}), once for
 * their scores ({@link #assessments}), which settles each row the same way again and validates
 * its score cells one by one.
 */
public final class ExportRows {

    /** What the first reading makes of a row that passed the row rules, or of a skipped one. */
    public record Participant(IntakeRecord record, int wave) {

        /** A row at a wave not in {@code waves}: counted, not rejected. */
        public static final Participant SKIPPED = new Participant(null, ExportLayout.NOT_LISTED);

        public boolean skipped() {
            return record == null;
        }
    }

    /**
     * The assessments of a row that stands: one session per wave with a score (day = the wave's
     * position), the rejects of its bad cells, and the score cells read and rejected per
     * instrument. {@link #SETTLED} for a row the first reading rejected or skipped.
     *
     * @param wave long: the row's wave position; wide: {@link ExportLayout#NOT_LISTED}
     */
    public record Assessments(int episode, int wave, List<SessionRecord> sessions, List<Reject> cellRejects,
                              int[] cellsRead, int[] cellsRejected, long[] hash, long line) {

        public static final Assessments SETTLED = new Assessments(-1, ExportLayout.NOT_LISTED, List.of(), List.of(),
                new int[0], new int[0], new long[2], -1);

        public boolean settled() {
            return episode < 0;
        }
    }

    private final ExportLayout layout;
    private final IntakeRowValidator participants;
    private final List<Instrument> instruments;
    private final String file;
    private final int pcl5;

    /**
     * @param approaches the configured approaches, or null to take every approach the export
     *                   names (spelled as it first appears: {@link #settleApproach})
     */
    public ExportRows(ExportLayout layout, ApproachCatalog approaches) {
        this.layout = layout;
        this.participants = new IntakeRowValidator(layout, approaches);
        this.instruments = layout.instruments();
        this.file = layout.fileName();
        int pcl5 = -1;
        for (int i = 0; i < instruments.size(); i++) {
            if (instruments.get(i).key().equals(SessionRowValidator.PCL5)) {
                pcl5 = i;
            }
        }
        this.pcl5 = pcl5;
    }

    /** The first reading: the participant of a row, its reject, or {@link Participant#SKIPPED}. */
    public RowResult<Participant> participant(RawRow row) {
        RowResult<Participant> gate = RowGate.check(layout.header(), row);
        if (gate != null) {
            return gate;
        }
        int wave = ExportLayout.NOT_LISTED;
        if (!layout.wide()) {
            wave = layout.wavePosition(row.fields());
            if (wave == ExportLayout.NO_WAVE) {
                return RowResult.rejected(file, row.line(), layout.header().columnName(layout.waveColumn()),
                        Reject.MISSING_VALUE);
            }
            if (wave == ExportLayout.NOT_LISTED) {
                return new RowResult.Accepted<>(Participant.SKIPPED);
            }
        }
        RowResult<IntakeRecord> result = participants.validate(row);
        if (result instanceof RowResult.Rejected<IntakeRecord> rejected) {
            return new RowResult.Rejected<>(rejected.reject());
        }
        return new RowResult.Accepted<>(new Participant(((RowResult.Accepted<IntakeRecord>) result).record(), wave));
    }

    /**
     * The column of the first participant value of {@code later} that differs from the
     * participant's first row {@code first} (in DATA.md's column order, named as the export writes
     * it), or null; an empty later value never conflicts, nor does a clinician left empty.
     */
    public String conflict(IntakeRecord first, IntakeRecord later) {
        String column = null;
        if (!later.approach().equalsIgnoreCase(first.approach())) {
            column = "approach";
        } else if (!IntakeRowValidator.UNKNOWN_CLINICIAN.equals(later.clinicianId())
                && !later.clinicianId().equals(first.clinicianId())) {
            column = "clinician_id";
        } else if (differs(later.ageBand(), first.ageBand())) {
            column = "age_band";
        } else if (differs(later.gender(), first.gender())) {
            column = "gender";
        } else if (differs(later.state(), first.state())) {
            column = "state";
        } else if (differs(later.indexEvent(), first.indexEvent())) {
            column = "index_event";
        } else if (differs(later.chronicIllness(), first.chronicIllness())) {
            column = "chronic_illness";
        } else if (differs(later.priorTrauma(), first.priorTrauma())) {
            column = "prior_trauma";
        } else if (differs(later.childhoodMedical(), first.childhoodMedical())) {
            column = "childhood_medical";
        } else if (differs(later.marginalized(), first.marginalized())) {
            column = "marginalized";
        }
        if (column == null) {
            return null;
        }
        int at = layout.header().indexOf(column);
        return at < 0 ? column : layout.header().columnName(at);
    }

    private static boolean differs(Object later, Object first) {
        return later != null && !later.equals(first);
    }

    /**
     * The participant's approach as it is first written in the export when no approaches are
     * configured (matched ignoring case): {@code seen} holds the approaches in order of first
     * appearance, and gains this one when it is new.
     */
    public static String settleApproach(String approach, List<String> seen) {
        for (String known : seen) {
            if (known.equalsIgnoreCase(approach)) {
                return known;
            }
        }
        seen.add(approach);
        return approach;
    }

    /**
     * The second reading: the assessments of a row that stands, after the first reading filled
     * {@code registry} (read only here, so that rows may be read on several threads).
     */
    public RowResult<Assessments> assessments(RawRow row, EpisodeRegistry registry) {
        RowResult<Participant> first = participant(row);
        if (!(first instanceof RowResult.Accepted<Participant> accepted) || accepted.record().skipped()) {
            return new RowResult.Accepted<>(Assessments.SETTLED);
        }
        Participant participant = accepted.record();
        int episode = registry.indexOf(participant.record().clientId());
        if (episode < 0) {
            return new RowResult.Accepted<>(Assessments.SETTLED);
        }
        IntakeRecord registered = registry.get(episode);
        boolean standing = layout.wide() ? registered.line() == row.line()
                : conflict(registered, participant.record()) == null;
        if (!standing) {
            return new RowResult.Accepted<>(Assessments.SETTLED);
        }
        String[] fields = row.fields();
        int[] read = new int[instruments.size()];
        int[] rejected = new int[instruments.size()];
        List<Reject> rejects = new ArrayList<>(0);
        List<SessionRecord> sessions = new ArrayList<>(layout.wide() ? layout.waveCount() : 1);
        long[] hash = row.hash();
        int fromWave = layout.wide() ? 0 : participant.wave();
        int toWave = layout.wide() ? layout.waveCount() - 1 : participant.wave();
        for (int wave = fromWave; wave <= toWave; wave++) {
            double[] scores = new double[instruments.size()];
            boolean any = false;
            for (int i = 0; i < instruments.size(); i++) {
                scores[i] = Double.NaN;
                int column = layout.scoreColumn(wave, i);
                String cell = layout.cleaned(fields, column);
                if (Values.isNoValue(cell)) {
                    continue;
                }
                read[i]++;
                Instrument instrument = instruments.get(i);
                String reason = SessionRowValidator.typeReason(instrument, cell);
                double value = reason == null ? SessionRowValidator.value(instrument, cell) : Double.NaN;
                if (reason == null && !instrument.inRange(value)) {
                    reason = Reject.OUT_OF_RANGE;
                }
                if (reason != null) {
                    rejected[i]++;
                    rejects.add(new Reject(file, row.line(), layout.header().columnName(column), reason));
                    continue;
                }
                scores[i] = value;
                any = true;
            }
            byte[] items = items(fields, wave, row.line(), scores, rejects, read, rejected);
            any |= items != null || (pcl5 >= 0 && !Double.isNaN(scores[pcl5]));
            if (any || !layout.wide()) {
                sessions.add(new SessionRecord(episode, wave, SessionRecord.NO_NUMBER, true, scores, items,
                        row.line(), hash[0], hash[1]));
            }
        }
        return new RowResult.Accepted<>(new Assessments(episode, layout.wide() ? ExportLayout.NOT_LISTED : fromWave,
                List.copyOf(sessions), List.copyOf(rejects), read, rejected, hash, row.line()));
    }

    /**
     * The PCL-5 items of a wave, cell by cell: a bad item, incomplete items or a PCL-5 score that
     * is not their sum rejects the cell (the first bad item, the first missing item, or the
     * score) and leaves the wave without items; a blank PCL-5 score is the items' sum.
     */
    private byte[] items(String[] fields, int wave, long line, double[] scores, List<Reject> rejects,
                         int[] read, int[] rejected) {
        int[] columns = layout.itemColumns(wave);
        if (columns == null) {
            return null;
        }
        byte[] items = new byte[columns.length];
        int present = 0;
        int firstMissing = -1;
        for (int i = 0; i < columns.length; i++) {
            String cell = layout.cleaned(fields, columns[i]);
            if (Values.isNoValue(cell)) {
                if (firstMissing < 0) {
                    firstMissing = i;
                }
                continue;
            }
            String reason = Values.isInteger(cell) ? null : Reject.NOT_AN_INTEGER;
            long value = reason == null ? Values.parseSmallInteger(cell) : 0;
            if (reason == null && (value < 0 || value > SessionRowValidator.MAX_ITEM)) {
                reason = Reject.OUT_OF_RANGE;
            }
            if (reason != null) {
                rejects.add(new Reject(file, line, layout.header().columnName(columns[i]), reason));
                return null;
            }
            items[i] = (byte) value;
            present++;
        }
        if (present == 0) {
            return null;
        }
        if (present < columns.length) {
            rejects.add(new Reject(file, line, layout.header().columnName(columns[firstMissing]),
                    Reject.INCOMPLETE_ITEMS));
            return null;
        }
        if (pcl5 >= 0) {
            int sum = 0;
            for (byte item : items) {
                sum += item;
            }
            int scoreColumn = layout.scoreColumn(wave, pcl5);
            if (Double.isNaN(scores[pcl5])) {
                String cell = layout.cleaned(fields, scoreColumn);
                if (Values.isNoValue(cell)) {
                    read[pcl5]++;
                    scores[pcl5] = sum;
                }
            } else if (scores[pcl5] != sum) {
                scores[pcl5] = Double.NaN;
                rejected[pcl5]++;
                rejects.add(new Reject(file, line, layout.header().columnName(scoreColumn),
                        Reject.ITEM_SUM_MISMATCH));
                return null;
            }
        }
        return items;
    }

    public ExportLayout layout() {
        return layout;
    }

    @Override
    public String toString() {
        return "ExportRows[" + Objects.toString(file) + "]";
    }
}
