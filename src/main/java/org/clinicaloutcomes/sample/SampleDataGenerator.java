package org.clinicaloutcomes.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a deterministic, clinically plausible sample export: {@code intake.csv} and
 * {@code sessions.csv} in the shape of DATA.md (UTF-8 without BOM, {@code \n} line ends, RFC 4180
 * quoting where a value needs it).
 *
 * <p>Intakes are spread over the {@value #MONTHS} months ending with {@link SampleDataSettings#endMonth()}
 * (enough for a 24-month monthly series whose first month already has a full rolling 12 months of
 * discharges behind it); no session or discharge lies after its last day. Most intakes carry a
 * referral date a few weeks before the intake ({@link Episode#referralDay}). Episodes are simulated one at a time from their
 * own random stream (seeded from the run's seed and the episode's index) and their rows are
 * written at once, so memory stays flat and the output depends on nothing but the settings.
 * {@code sessions.csv} is grouped by client, in date order with an occasional pair of neighbouring
 * rows swapped. The clinical model is described on {@link Episode} (including the few episodes
 * not measured on the PCL-5 after the first session, or at all); a few deliberately bad rows of
 * each kind of {@link BadRow} (one per 250 episodes and kind) are mixed in.
 *
 * <p>Not thread-safe: use one instance per thread.
 */
public final class SampleDataGenerator {

    static final String INTAKE_HEADER = "client_id,intake_date,referral_date,approach,clinician_id,age_band,gender,state,"
            + "index_event,chronic_illness,prior_trauma,childhood_medical,marginalized,discharge_date,"
            + "discharge_reason";
    static final String SESSIONS_HEADER;

    static {
        StringBuilder b = new StringBuilder(
                "client_id,session_date,session_number,attended,pcl5,phq9,gad7,ders16,aaq2");
        for (int i = 1; i <= 20; i++) {
            b.append(",pcl5_").append(i);
        }
        SESSIONS_HEADER = b.toString();
    }

    /** Months of intakes. */
    public static final int MONTHS = 40;

    private static final int WRITE_BUFFER = 1 << 20;
    private static final int SESSION_FIELDS = 29;
    private static final int INTAKE_FIELDS = 15;
    // Fields of an intake row (positions in INTAKE_HEADER and in intakeOverride).
    private static final int F_INTAKE = 1;
    private static final int F_REFERRAL = 2;
    private static final int F_APPROACH = 3;
    private static final int F_GENDER = 6;
    private static final int F_DISCHARGE = 13;
    private static final int F_REASON = 14;
    private static final BadRow[] KINDS = BadRow.values();
    private static final String[] EMAILS = {"jane.doe@example.com", "j.smith@example.org", "pat.lee@example.net"};
    private static final String[] UNKNOWN_APPROACHES = {"CBT-X", "EMDR", "IPT"};
    private static final String[] FLAG_TEXT = {"", "Y", "N"};

    // ---- per-run state ----
    private Rng rng;
    private Episode ep;
    private CsvLine intakeLine;
    private CsvLine sessionLines;
    private int firstDay;
    private int lastDay;
    private long intakeRows;
    private long sessionRows;
    private int[] pending;
    private int[] used;

    // ---- per-episode bad-row edits ----
    private final String[] intakeOverride = new String[INTAKE_FIELDS];
    private boolean duplicateIntake;
    private int editRow;
    private final String[] rowOverride = new String[SESSION_FIELDS];
    private int fieldDelta;
    private int repeatRow;
    private final String[] repeatOverride = new String[SESSION_FIELDS];
    private int[] rowStart = new int[64];

    /**
     * Writes {@code folder/intake.csv} and {@code folder/sessions.csv}, creating the folder and
     * replacing the files if they exist.
     *
     * @return the data rows written to each file
     */
    public GenerationSummary generate(SampleDataSettings s, Path folder) throws IOException {
        Objects.requireNonNull(s, "settings");
        Files.createDirectories(folder);
        YearMonth end = s.endMonth();
        firstDay = (int) end.minusMonths(MONTHS - 1).atDay(1).toEpochDay();
        lastDay = (int) end.atEndOfMonth().toEpochDay();
        rng = new Rng();
        ep = new Episode();
        intakeLine = new CsvLine(firstDay - 400, lastDay);
        sessionLines = new CsvLine(firstDay - 400, lastDay);
        intakeRows = 0;
        sessionRows = 0;
        pending = new int[KINDS.length];
        used = new int[KINDS.length];

        int episodes = s.episodes();
        long slots = (long) BadRow.perKind(episodes) * KINDS.length;
        int rotation = (int) Math.floorMod(Rng.mix(s.seed() ^ 0x5DEECE66DL), (long) KINDS.length);

        try (Writer intake = open(folder.resolve("intake.csv"));
             Writer sessions = open(folder.resolve("sessions.csv"))) {
            intake.write(INTAKE_HEADER);
            intake.write('\n');
            sessions.write(SESSIONS_HEADER);
            sessions.write('\n');
            for (int i = 0; i < episodes; i++) {
                if (slots > 0) {
                    long released = ceilDiv((i + 1) * slots, episodes) - ceilDiv(i * slots, episodes);
                    for (long k = 0; k < released; k++) {
                        long slot = ceilDiv(i * slots, episodes) + k;
                        pending[(int) ((slot + rotation) % KINDS.length)]++;
                    }
                }
                rng.reseed(s.seed(), i);
                ep.simulate(rng, i, firstDay, lastDay);
                chooseBadRow(i);
                writeIntake(intake);
                writeSessions(sessions);
            }
        }
        return new GenerationSummary(intakeRows, sessionRows);
    }

    /** How many rows of each kind the last {@link #generate} call made bad (for tests). */
    int[] badRowCounts() {
        return used.clone();
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                WRITE_BUFFER);
    }

    // ------------------------------------------------------------------ bad rows

    /** Applies the first pending kind of bad row that suits this episode, if any. */
    private void chooseBadRow(int index) {
        Arrays.fill(intakeOverride, null);
        duplicateIntake = false;
        editRow = -1;
        repeatRow = -1;
        fieldDelta = 0;
        Arrays.fill(rowOverride, null);
        Arrays.fill(repeatOverride, null);
        for (int k = 0; k < KINDS.length; k++) {
            int kind = (index + k) % KINDS.length;
            if (pending[kind] > 0 && apply(KINDS[kind], used[kind])) {
                pending[kind]--;
                used[kind]++;
                return;
            }
        }
    }

    private boolean apply(BadRow kind, int occurrence) {
        Rng r = rng;
        Episode e = ep;
        switch (kind) {
            case UNKNOWN_APPROACH -> intakeOverride[F_APPROACH] = UNKNOWN_APPROACHES[occurrence % UNKNOWN_APPROACHES.length];
            case BAD_DATE -> {
                LocalDate d = LocalDate.ofEpochDay(e.intakeDay);
                int year = d.getYear();
                intakeOverride[F_INTAKE] = switch (occurrence % 3) {
                    case 0 -> year + "-02-30";
                    case 1 -> Year.isLeap(year) ? year + "-04-31" : year + "-02-29";
                    default -> String.format(Locale.ROOT, "%02d/%02d/%d", d.getMonthValue(), d.getDayOfMonth(),
                            year);
                };
            }
            case BAD_REFERRAL -> {
                if (occurrence % 2 == 0) {
                    // referral after intake: a date after the intake day, still within the data
                    int latest = Math.min(e.intakeDay + 30, lastDay);
                    if (latest <= e.intakeDay) {
                        return false;
                    }
                    intakeOverride[F_REFERRAL] = LocalDate.ofEpochDay(r.between(e.intakeDay + 1, latest)).toString();
                } else {
                    // a referral date that is no ISO date
                    LocalDate d = LocalDate.ofEpochDay(e.intakeDay - r.between(14, 70));
                    intakeOverride[F_REFERRAL] = occurrence % 4 == 1 ? d.getYear() + "-02-30"
                            : String.format(Locale.ROOT, "%02d/%02d/%d", d.getMonthValue(), d.getDayOfMonth(),
                                    d.getYear());
                }
            }
            case DISCHARGE_BEFORE_INTAKE -> {
                intakeOverride[F_DISCHARGE] = LocalDate.ofEpochDay(e.intakeDay - r.between(1, 45)).toString();
                intakeOverride[F_REASON] = Episode.REASONS[e.reason >= 0 ? e.reason : Episode.COMPLETED];
            }
            case REASON_WITHOUT_DISCHARGE -> {
                intakeOverride[F_DISCHARGE] = "";
                intakeOverride[F_REASON] = Episode.REASONS[e.reason >= 0 ? e.reason : Episode.DROPOUT];
            }
            case DUPLICATE_CLIENT_ID -> duplicateIntake = true;
            case INTAKE_IDENTIFIER -> intakeOverride[F_GENDER] = EMAILS[occurrence % EMAILS.length];
            default -> {
                return applySessionKind(kind, occurrence, r, e);
            }
        }
        return true;
    }

    private boolean applySessionKind(BadRow kind, int occurrence, Rng r, Episode e) {
        if (e.attendedCount < 2) {
            return false;
        }
        boolean needItems = kind == BadRow.INCOMPLETE_ITEMS || kind == BadRow.ITEM_SUM_MISMATCH;
        int row = pickScoredRow(r, e, needItems);
        if (row < 0) {
            return false;
        }
        editRow = row;
        switch (kind) {
            case OUT_OF_RANGE -> {
                switch (occurrence % 4) {
                    case 0 -> rowOverride[5] = Integer.toString(r.between(28, 35));
                    case 1 -> rowOverride[6] = Integer.toString(r.between(22, 25));
                    case 2 -> rowOverride[8] = Integer.toString(r.between(50, 56));
                    default -> {
                        if (e.hasItems[row]) {
                            rowOverride[9 + r.nextInt(20)] = Integer.toString(r.between(5, 6));
                        } else {
                            rowOverride[4] = Integer.toString(r.between(81, 88));
                        }
                    }
                }
            }
            case NON_INTEGER -> {
                int v = e.phq[row] >= 0 ? Math.min(e.phq[row], 26) : 12;
                rowOverride[5] = v + ".5";
            }
            case INCOMPLETE_ITEMS -> {
                int blanks = r.between(1, 4);
                for (int k = 0; k < blanks; k++) {
                    rowOverride[9 + r.nextInt(20)] = "";
                }
            }
            case ITEM_SUM_MISMATCH -> {
                int sum = e.itemSum(row);
                int delta = r.between(2, 6);
                rowOverride[4] = Integer.toString(sum + delta <= 80 ? sum + delta : sum - delta);
            }
            case UNKNOWN_CLIENT -> rowOverride[0] = occurrence % 2 == 0 ? "X" + e.clientId
                    : e.clientId.toLowerCase(Locale.ROOT);
            case SESSION_BEFORE_INTAKE -> {
                editRow = 0;
                rowOverride[1] = LocalDate.ofEpochDay(e.intakeDay - r.between(1, 20)).toString();
            }
            case SCORES_ON_MISSED -> rowOverride[3] = "N";
            case EXACT_DUPLICATE -> {
                editRow = -1;
                repeatRow = row;
            }
            case CONFLICTING_DUPLICATE -> {
                editRow = -1;
                repeatRow = row;
                int v = e.phq[row] >= 0 ? e.phq[row] : 10;
                repeatOverride[5] = Integer.toString(v >= 3 ? v - r.between(1, 3) : v + r.between(1, 3));
            }
            case WRONG_FIELD_COUNT -> fieldDelta = occurrence % 2 == 0 ? -1 : 1;
            case SESSION_IDENTIFIER -> rowOverride[2] = occurrence % 2 == 0
                    ? "call 555-010-01" + r.between(10, 99)
                    : "(555) 010-01" + r.between(10, 99);
            default -> throw new IllegalStateException(kind.name());
        }
        return true;
    }

    /** A random attended row with a PCL-5 score (and items when asked), or -1. */
    private static int pickScoredRow(Rng r, Episode e, boolean needItems) {
        int count = 0;
        for (int s = 0; s < e.sessionCount; s++) {
            if (e.pcl[s] >= 0 && (!needItems || e.hasItems[s])) {
                count++;
            }
        }
        if (count == 0) {
            return -1;
        }
        int k = r.nextInt(count);
        for (int s = 0; s < e.sessionCount; s++) {
            if (e.pcl[s] >= 0 && (!needItems || e.hasItems[s]) && k-- == 0) {
                return s;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ intake.csv

    private void writeIntake(Writer out) throws IOException {
        Episode e = ep;
        CsvLine l = intakeLine;
        l.clear();
        appendIntake(l, e, e.intakeDay, e.referralDay, e.approachText, e.dischargeDay, e.reason, intakeOverride);
        intakeRows++;
        if (duplicateIntake) {
            int from = e.dischargeDay != Episode.OPEN ? e.dischargeDay : e.intakeDay;
            int again = Episode.weekday(Math.min(from + rng.between(20, 90), lastDay), lastDay);
            Arrays.fill(intakeOverride, null);
            int otherApproach = (e.approach + 1 + rng.nextInt(3)) % Episode.APPROACHES.length;
            // the re-referral: referred again a few weeks before its own intake
            int referredAgain = Episode.weekday(again - rng.between(7, 42), again);
            appendIntake(l, e, again, referredAgain, Episode.APPROACHES[otherApproach], Episode.OPEN, -1,
                    intakeOverride);
            intakeRows++;
        }
        l.writeTo(out);
    }

    private static void appendIntake(CsvLine l, Episode e, int intakeDay, int referralDay, String approach,
                                     int dischargeDay, int reason, String[] ov) {
        field(l, ov[0], e.clientId).comma();
        if (ov[F_INTAKE] != null) {
            l.text(ov[F_INTAKE]);
        } else {
            l.date(intakeDay);
        }
        l.comma();
        if (ov[F_REFERRAL] != null) {
            l.text(ov[F_REFERRAL]);
        } else if (referralDay != Episode.NO_REFERRAL) {
            l.date(referralDay);
        }
        l.comma();
        field(l, ov[F_APPROACH], approach).comma();
        field(l, ov[4], Episode.CLINICIAN_IDS[e.clinician]).comma();
        field(l, ov[5], Episode.AGE_BANDS[e.ageBand]).comma();
        field(l, ov[F_GENDER], e.gender).comma();
        field(l, ov[7], e.state).comma();
        field(l, ov[8], Episode.INDEX_EVENTS[e.indexEvent]);
        for (int f = 0; f < 4; f++) {
            l.comma();
            field(l, ov[9 + f], FLAG_TEXT[e.flags[f]]);
        }
        l.comma();
        if (ov[F_DISCHARGE] != null) {
            l.text(ov[F_DISCHARGE]);
        } else if (dischargeDay != Episode.OPEN) {
            l.date(dischargeDay);
        }
        l.comma();
        field(l, ov[F_REASON], reason >= 0 ? Episode.REASONS[reason] : "");
        l.newline();
    }

    private static CsvLine field(CsvLine l, String override, String value) {
        return l.text(override != null ? override : value);
    }

    // ------------------------------------------------------------------ sessions.csv

    private void writeSessions(Writer out) throws IOException {
        Episode e = ep;
        CsvLine l = sessionLines;
        l.clear();
        int rows = 0;
        for (int s = 0; s < e.sessionCount; s++) {
            if (rows + 2 >= rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
            }
            rowStart[rows++] = l.length();
            if (s == editRow) {
                appendSessionSlow(l, e, s, rowOverride, fieldDelta);
            } else {
                appendSession(l, e, s);
            }
            if (s == repeatRow) {
                int start = rowStart[rows - 1];
                int end = l.length();
                rowStart[rows++] = end;
                if (repeatOverride[5] == null) {
                    l.copyRange(start, end);
                } else {
                    appendSessionSlow(l, e, s, repeatOverride, 0);
                }
            }
        }
        rowStart[rows] = l.length();
        sessionRows += rows;
        // a little local disorder: now and then two neighbouring rows change places
        int swap = rows >= 2 && rng.chance(0.05) ? rng.nextInt(rows - 1) : -1;
        if (swap < 0) {
            l.writeTo(out);
            return;
        }
        l.writeTo(out, 0, rowStart[swap]);
        l.writeTo(out, rowStart[swap + 1], rowStart[swap + 2]);
        l.writeTo(out, rowStart[swap], rowStart[swap + 1]);
        l.writeTo(out, rowStart[swap + 2], rowStart[rows]);
    }

    /** The fast path: one ordinary row. */
    private static void appendSession(CsvLine l, Episode e, int s) {
        l.reserve(e.clientId.length() + 12 + 12 + 36 + 41);
        l.putRaw(e.clientId);
        l.put(',');
        l.putDate(e.day[s]);
        l.put(',');
        if (e.number[s] > 0) {
            if (e.number[s] < 100) {
                l.putSmall(e.number[s]);
            } else {
                l.putRaw(Integer.toString(e.number[s]));
            }
        }
        l.put(',');
        char att = e.attended[s];
        if (att == 'N') {
            l.put('N');
            for (int i = 0; i < 25; i++) {
                l.put(',');
            }
            l.put('\n');
            return;
        }
        if (att == 'Y') {
            l.put('Y');
        }
        l.put(',');
        if (e.pclWritten[s]) {
            l.putSmall(e.pcl[s]);
        }
        score(l, e.phq[s]);
        score(l, e.gad[s]);
        score(l, e.ders[s]);
        score(l, e.aaq[s]);
        if (e.hasItems[s]) {
            byte[] items = e.items;
            for (int i = s * 20, end = i + 20; i < end; i++) {
                l.put(',');
                l.put((char) ('0' + items[i]));
            }
        } else {
            for (int i = 0; i < 20; i++) {
                l.put(',');
            }
        }
        l.put('\n');
    }

    /** A comma and a score 0-99 (nothing when absent), unchecked: within the row's reserve. */
    private static void score(CsvLine l, int v) {
        l.put(',');
        if (v >= 0) {
            l.putSmall(v);
        }
    }

    /** A row with edits: overridden fields, one field too few (-1) or too many (+1). */
    private static void appendSessionSlow(CsvLine l, Episode e, int s, String[] ov, int delta) {
        int start = l.length();
        appendSession(l, e, s);
        String row = new String(charsOf(l, start), 0, l.length() - start - 1);
        l.truncate(start);
        String[] fields = row.split(",", -1);
        int n = fields.length + delta;
        for (int f = 0; f < n; f++) {
            if (f > 0) {
                l.comma();
            }
            if (f < fields.length) {
                l.text(f < ov.length && ov[f] != null ? ov[f] : fields[f]);
            }
        }
        l.newline();
    }

    private static char[] charsOf(CsvLine l, int start) {
        java.io.CharArrayWriter w = new java.io.CharArrayWriter(l.length() - start);
        try {
            l.writeTo(w, start, l.length());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return w.toCharArray();
    }
}
