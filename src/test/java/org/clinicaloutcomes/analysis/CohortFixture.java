package org.clinicaloutcomes.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.ReportWindow;

/**
 * A small hand-built practice for the analysis and writer tests. Instruments (scores in this
 * order on every session): {@code pcl5} (cut-off 33, RC 10), {@code phq9} (cut-off 10, RC 6),
 * {@code well} (a higher-is-better wellbeing scale, clinical at 40 or below, RC 8) and
 * {@code ders16} (no cut-off, RC 12). Approaches DBT, CPT, ACT (no episode at all), TAU. Monthly
 * window of 6 months ending 2026-06: 2026-01-01 … 2026-06-30, activity period June 2026.
 *
 * <pre>
 * idx client approach clin  intake      discharge             sessions (attended unless "missed"; scores pcl5/phq9/well/ders16)
 *  0  A1     DBT      CL1   2026-01-10  2026-05-20 completed  01-10 50i/15/30/60, 02-01 missed, 02-10 40/12, 03-10 30i/8/45/50, 05-20 no score
 *  1  A2     DBT      CL2   2026-02-01  2026-06-15 dropout    02-01 40/20, 03-01 52/20, 06-10 missed
 *  2  B1     CPT      CL1   2025-10-01  2026-01-15 referred   2025-10-01 60i/9/20, 2025-11-01 45, 2026-01-15 36i/-/22
 *  3  B2     CPT      CL3   2026-03-01  open                  03-01 30/5, 06-01 45/4
 *  4  B3     CPT      CL2   2026-04-01  2026-07-10 completed  04-01 -/5, 06-20 -/12, 07-05 -/3
 *  5  C1     TAU      CL3   2026-01-05  2026-06-30 completed  no sessions
 *  6  C2     TAU      CL1   2026-02-01  2026-06-05 other      02-01 45, 06-02 missed, 06-03 no score
 *  7  D1     DBT      CL2   2025-01-01  2025-12-31 completed  2025-01-01 70, 2025-06-01 20   (discharged before the window)
 *  8  B0     CPT      CL3   2026-01-20  2026-04-30 completed  01-20 55/14, 02-20 47/9
 *  9  C3     TAU      CL2   2026-06-10  open                  06-10 44, 06-17 missed
 * </pre>
 * {@code i} = the session carries the 20 PCL-5 items (pcl5 = their sum). Subgroups: A1 icu,
 * chronic Y, prior N, childhood unknown, marginalized Y; B1 cardiac, N, Y, Y, N; B0 icu, Y, Y, N,
 * unknown; C2 icu, flags unknown; the others unknown throughout.
 */
public final class CohortFixture {

    static final double NA = Double.NaN;

    public static final Instrument PCL5 = new Instrument("pcl5", "PCL-5", 0, 80, false, true, 33.0, 10);
    public static final Instrument PHQ9 = new Instrument("phq9", "PHQ-9", 0, 27, false, true, 10.0, 6);
    public static final Instrument WELL = new Instrument("well", "Wellbeing", 14, 70, true, true, 40.0, 8);
    public static final Instrument DERS16 = new Instrument("ders16", "DERS-16", 16, 80, false, true, null, 12);
    public static final List<Instrument> INSTRUMENTS = List.of(PCL5, PHQ9, WELL, DERS16);
    public static final List<String> APPROACHES = List.of("DBT", "CPT", "ACT", "TAU");
    public static final ReportWindow WINDOW = ReportWindow.monthly(YearMonth.of(2026, 6), 6);

    // Items of the four itemised PCL-5s (B = 1-5, C = 6-7, D = 8-14, E = 15-20).
    /** A1 baseline: B 14, C 6, D 16, E 14 = 50; provisional diagnosis yes. */
    static final int[] A1_BASELINE = {3, 3, 3, 3, 2, 3, 3, 3, 2, 2, 2, 2, 2, 3, 2, 2, 2, 2, 3, 3};
    /** A1 final: B 7, C 2, D 12, E 9 = 30; no C item ≥ 2, so no diagnosis. */
    static final int[] A1_FINAL = {2, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 2, 2, 1, 1, 2, 1};
    /** B1 baseline: B 18, C 8, D 19, E 15 = 60; diagnosis yes. */
    static final int[] B1_BASELINE = {4, 4, 4, 3, 3, 4, 4, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3, 2, 2, 2};
    /** B1 final: B 10, C 4, D 11, E 11 = 36; diagnosis yes. */
    static final int[] B1_FINAL = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 1};

    private CohortFixture() {
    }

    /** The ten episodes, in index order. */
    public static List<EpisodeData> episodes() {
        List<EpisodeData> episodes = new ArrayList<>();
        episodes.add(new Builder(0, "A1", "DBT", "CL1", "2026-01-10").discharged("2026-05-20", "completed")
                .event("icu").flags(true, false, null, true)
                .items("2026-01-10", A1_BASELINE, 15, 30, 60)
                .missed("2026-02-01")
                .attended("2026-02-10", 40, 12, NA, NA)
                .items("2026-03-10", A1_FINAL, 8, 45, 50)
                .attended("2026-05-20", NA, NA, NA, NA)
                .data());
        episodes.add(new Builder(1, "A2", "DBT", "CL2", "2026-02-01").discharged("2026-06-15", "dropout")
                .attended("2026-02-01", 40, 20, NA, NA)
                .attended("2026-03-01", 52, 20, NA, NA)
                .missed("2026-06-10")
                .data());
        episodes.add(new Builder(2, "B1", "CPT", "CL1", "2025-10-01").discharged("2026-01-15", "referred")
                .event("cardiac").flags(false, true, true, false)
                .items("2025-10-01", B1_BASELINE, 9, 20, NA)
                .attended("2025-11-01", 45, NA, NA, NA)
                .items("2026-01-15", B1_FINAL, NA, 22, NA)
                .data());
        episodes.add(new Builder(3, "B2", "CPT", "CL3", "2026-03-01")
                .attended("2026-03-01", 30, 5, NA, NA)
                .attended("2026-06-01", 45, 4, NA, NA)
                .data());
        episodes.add(new Builder(4, "B3", "CPT", "CL2", "2026-04-01").discharged("2026-07-10", "completed")
                .attended("2026-04-01", NA, 5, NA, NA)
                .attended("2026-06-20", NA, 12, NA, NA)
                .attended("2026-07-05", NA, 3, NA, NA)
                .data());
        episodes.add(new Builder(5, "C1", "TAU", "CL3", "2026-01-05").discharged("2026-06-30", "completed")
                .data());
        episodes.add(new Builder(6, "C2", "TAU", "CL1", "2026-02-01").discharged("2026-06-05", "other")
                .event("icu")
                .attended("2026-02-01", 45, NA, NA, NA)
                .missed("2026-06-02")
                .attended("2026-06-03", NA, NA, NA, NA)
                .data());
        episodes.add(new Builder(7, "D1", "DBT", "CL2", "2025-01-01").discharged("2025-12-31", "completed")
                .attended("2025-01-01", 70, NA, NA, NA)
                .attended("2025-06-01", 20, NA, NA, NA)
                .data());
        episodes.add(new Builder(8, "B0", "CPT", "CL3", "2026-01-20").discharged("2026-04-30", "completed")
                .event("icu").flags(true, true, false, null)
                .attended("2026-01-20", 55, 14, NA, NA)
                .attended("2026-02-20", 47, 9, NA, NA)
                .data());
        episodes.add(new Builder(9, "C3", "TAU", "CL2", "2026-06-10")
                .attended("2026-06-10", 44, NA, NA, NA)
                .missed("2026-06-17")
                .data());
        return episodes;
    }

    /** Runs the fixture through a new analysis. */
    public static OutcomeTables analyse(boolean monthly) {
        return analyse(episodes(), monthly ? WINDOW : research(), monthly);
    }

    /** The research window with the same dates as {@link #WINDOW}. */
    public static ReportWindow research() {
        return ReportWindow.research(WINDOW.from(), WINDOW.to(), null, null);
    }

    public static OutcomeTables analyse(List<EpisodeData> episodes, ReportWindow window, boolean monthly) {
        CohortAnalysis analysis = new CohortAnalysis(INSTRUMENTS, APPROACHES, "pcl5", window, monthly);
        episodes.forEach(analysis::add);
        return analysis.finish();
    }

    static int day(String isoDate) {
        return (int) LocalDate.parse(isoDate).toEpochDay();
    }

    /** Builds one episode; sessions must be given in date order. */
    public static final class Builder {
        private final int index;
        private final String client;
        private final String approach;
        private final String clinician;
        private final int intakeDay;
        private int dischargeDay = IntakeRecord.OPEN;
        private String reason;
        private int referralDay = IntakeRecord.NO_REFERRAL;
        private String event;
        private Boolean[] flags = new Boolean[4];
        private final List<SessionRecord> sessions = new ArrayList<>();

        public Builder(int index, String client, String approach, String clinician, String intakeDate) {
            this.index = index;
            this.client = client;
            this.approach = approach;
            this.clinician = clinician;
            this.intakeDay = day(intakeDate);
        }

        public Builder discharged(String date, String dischargeReason) {
            dischargeDay = day(date);
            reason = dischargeReason;
            return this;
        }

        public Builder referred(String date) {
            referralDay = day(date);
            return this;
        }

        public Builder event(String indexEvent) {
            event = indexEvent;
            return this;
        }

        public Builder flags(Boolean chronicIllness, Boolean priorTrauma, Boolean childhoodMedical, Boolean marginalized) {
            flags = new Boolean[] {chronicIllness, priorTrauma, childhoodMedical, marginalized};
            return this;
        }

        /** An attended session with scores (NaN = not given), in instrument order. */
        public Builder attended(String date, double... scores) {
            return add(date, true, scores.clone(), null);
        }

        /** An attended session with the 20 PCL-5 items; pcl5 is their sum. */
        public Builder items(String date, int[] items, double phq9, double well, double ders16) {
            byte[] bytes = new byte[items.length];
            int sum = 0;
            for (int i = 0; i < items.length; i++) {
                bytes[i] = (byte) items[i];
                sum += items[i];
            }
            return add(date, true, new double[] {sum, phq9, well, ders16}, bytes);
        }

        public Builder missed(String date) {
            return add(date, false, new double[] {NA, NA, NA, NA}, null);
        }

        private Builder add(String date, boolean attended, double[] scores, byte[] items) {
            long number = sessions.size() + 1;
            sessions.add(new SessionRecord(index, day(date), number, attended, scores, items,
                    1000L * index + number, 0, 0));
            return this;
        }

        public IntakeRecord intake() {
            return new IntakeRecord(client, intakeDay, approach, clinician, null, null, null, event,
                    flags[0], flags[1], flags[2], flags[3], dischargeDay, reason, index + 2L, referralDay);
        }

        public EpisodeData data() {
            return new EpisodeData(index, intake(), List.copyOf(sessions));
        }
    }
}
