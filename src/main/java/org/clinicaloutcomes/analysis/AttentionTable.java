package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.DeteriorationAlert;
import org.clinicaloutcomes.metrics.ExpectedRecovery;
import org.clinicaloutcomes.metrics.Instrument;

/**
 * {@code attention.csv} (monthly runs; MONITORING.md, "Attention list", readings 36–41): one row
 * per episode open at the end of the report month ({@link DeteriorationAlert#isOpenAt}) that meets
 * at least one {@link AttentionReason}, judged on its sessions up to the month's last day
 * ({@link MonthEndScores}); not on track by the models of {@link ExpectedRecoveryTable} at
 * {@code min(k, 20)}. Rows by the rank of the most urgent reason, then clinician id, then client
 * id (ids are ASCII, so {@link String#compareTo} is code point order).
 *
 * <p>Memory: per open episode its ids, days and month-end scores, until the models are known.
 * The dates are made in {@link #result} (not from {@link DayDates}, which only {@code add} may use):
 * the list is short.
 */
final class AttentionTable implements TableAccumulator<AttentionTable, List<OutcomeTables.AttentionRow>> {

    private static final Comparator<OutcomeTables.AttentionRow> ORDER = Comparator
            .comparingInt((OutcomeTables.AttentionRow row) -> row.mostUrgent().rank())
            .thenComparing(OutcomeTables.AttentionRow::clinicianId)
            .thenComparing(OutcomeTables.AttentionRow::clientId);

    /** An open episode, waiting for the models. */
    private record OpenEpisode(String clientId, String approach, String clinicianId, int intakeDay,
                               MonthEndScores scores) implements Serializable {
    }

    private final CohortLayout layout;
    private final int monthEndDay;
    private final int contactDays;
    private final ExpectedRecoveryTable expectedRecovery;
    private final List<OpenEpisode> open = new ArrayList<>();

    /**
     * @param monthEndDay      the last day of the report month (epoch day)
     * @param contactDays      {@code --contact-days}
     * @param expectedRecovery the models that judge the open episodes
     */
    AttentionTable(CohortLayout layout, int monthEndDay, int contactDays,
                   ExpectedRecoveryTable expectedRecovery) {
        if (!AttentionReason.isValidContactDays(contactDays)) {
            throw new IllegalArgumentException("contact days must be " + AttentionReason.MIN_CONTACT_DAYS + "-"
                    + AttentionReason.MAX_CONTACT_DAYS + ": " + contactDays);
        }
        this.layout = layout;
        this.monthEndDay = monthEndDay;
        this.contactDays = contactDays;
        this.expectedRecovery = expectedRecovery;
    }

    @Override
    public void add(ScoredEpisode episode) {
        IntakeRecord intake = episode.intake;
        if (DeteriorationAlert.isOpenAt(monthEndDay, intake.intakeDay(), intake.isClosed(), intake.dischargeDay())) {
            open.add(new OpenEpisode(intake.clientId(), intake.approach(), intake.clinicianId(), intake.intakeDay(),
                    episode.monthEnd(monthEndDay)));
        }
    }

    /**
     * The open episodes are judged one by one and their rows sorted in a total order (client ids
     * are unique): any order merges. The models are this table's {@code expectedRecovery}, merged
     * by the caller.
     */
    @Override
    public void merge(AttentionTable other) {
        open.addAll(other.open);
    }

    @Override
    public List<OutcomeTables.AttentionRow> result() {
        ExpectedRecoveryTable.Result models = expectedRecovery.result();
        List<OutcomeTables.AttentionRow> rows = new ArrayList<>();
        for (OpenEpisode episode : open) {
            OutcomeTables.AttentionRow row = judge(episode, models);
            if (row != null) {
                rows.add(row);
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    private OutcomeTables.AttentionRow judge(OpenEpisode episode, ExpectedRecoveryTable.Result models) {
        MonthEndScores s = episode.scores();
        List<String> deteriorated = new ArrayList<>();
        List<String> notOnTrack = new ArrayList<>();
        Double primaryExpected = null;
        Double primaryThreshold = null;
        for (int i = 0; i < layout.instrumentCount; i++) {
            Instrument instrument = layout.instruments.get(i);
            if (DeteriorationAlert.isAlert(instrument, s.count[i], s.baseline[i], s.latest[i])) {
                deteriorated.add(instrument.key());
            }
            ExpectedRecovery model = models.judging(i, s.count[i]);
            if (model == null) {
                continue;
            }
            if (model.notOnTrack(instrument, s.baseline[i], s.latest[i])) {
                notOnTrack.add(instrument.key());
            }
            if (i == layout.primary) {
                primaryExpected = model.expected(s.baseline[i]);
                primaryThreshold = model.threshold(instrument, s.baseline[i]);
            }
        }
        Long lastAttended = s.attendedSessions == 0 ? null : (long) s.lastAttendedDay;
        List<AttentionReason> reasons = new ArrayList<>();
        if (!deteriorated.isEmpty()) {
            reasons.add(AttentionReason.DETERIORATED);
        }
        if (!notOnTrack.isEmpty()) {
            reasons.add(AttentionReason.NOT_ON_TRACK);
        }
        if (AttentionReason.noRecentSession(episode.intakeDay(), lastAttended, monthEndDay, contactDays)) {
            reasons.add(AttentionReason.NO_RECENT_SESSION);
        }
        int primaryScores = s.count[layout.primary];
        if (AttentionReason.noMeasure(s.attendedSessions, primaryScores)) {
            reasons.add(AttentionReason.NO_MEASURE);
        }
        if (reasons.isEmpty()) {
            return null;
        }
        Double primaryBaseline = primaryScores == 0 ? null : s.baseline[layout.primary];
        Double primaryLatest = primaryScores == 0 ? null : s.latest[layout.primary];
        return new OutcomeTables.AttentionRow(episode.clientId(), episode.approach(), episode.clinicianId(),
                LocalDate.ofEpochDay(episode.intakeDay()),
                lastAttended == null ? null : LocalDate.ofEpochDay(s.lastAttendedDay),
                s.attendedSessions, reasons, deteriorated, notOnTrack, primaryBaseline, primaryLatest,
                primaryExpected, primaryThreshold, primaryScores);
    }

    /**
     * The Summary's counts of the attention list: per clinician (by id) with a row, then ALL, the
     * clients on the list and per reason those who meet it.
     */
    static List<OutcomeTables.AttentionCountRow> counts(List<OutcomeTables.AttentionRow> rows) {
        int reasons = AttentionReason.IN_RANK_ORDER.size();
        TreeMap<String, int[]> byClinician = new TreeMap<>();
        int[] all = new int[reasons + 1];
        for (OutcomeTables.AttentionRow row : rows) {
            int[] clinician = byClinician.computeIfAbsent(row.clinicianId(), id -> new int[reasons + 1]);
            for (int[] counts : List.of(clinician, all)) {
                counts[0]++;
                for (AttentionReason reason : row.reasons()) {
                    counts[1 + reason.ordinal()]++;
                }
            }
        }
        List<OutcomeTables.AttentionCountRow> out = new ArrayList<>();
        byClinician.forEach((id, counts) -> out.add(countRow(id, counts)));
        out.add(countRow(OutcomeTables.ALL, all));
        return out;
    }

    private static OutcomeTables.AttentionCountRow countRow(String clinicianId, int[] counts) {
        List<Integer> byReason = new ArrayList<>();
        for (int r = 1; r < counts.length; r++) {
            byReason.add(counts[r]);
        }
        return new OutcomeTables.AttentionCountRow(clinicianId, counts[0], byReason);
    }
}
