package org.clinicaloutcomes.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A small, independent reader of the generated files for the tests: it applies the DATA.md rules
 * (enough of them to classify the generator's bad rows), and computes the PCL-5 outcome rates of
 * METRICS.md over all closed episodes.
 */
final class SampleFileCheck {

    static final Map<String, String> APPROACHES = Map.of(
            "dbt", "DBT", "cpt", "CPT", "act", "ACT", "pe", "PE",
            "dialectical behavior therapy", "DBT", "cognitive processing therapy", "CPT",
            "acceptance and commitment therapy", "ACT", "prolonged exposure", "PE");
    static final String[] INSTRUMENTS = {"pcl5", "phq9", "gad7", "ders16", "aaq2"};
    static final int[] MIN = {0, 0, 0, 16, 7};
    static final int[] MAX = {80, 27, 21, 80, 49};

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]@[^@\\s]*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]\\d{4}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final Pattern INT = Pattern.compile("-?[0-9]+");
    private static final Set<String> AGE = Set.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    private static final Set<String> EVENTS = Set.of("icu", "cardiac", "birth", "cancer", "chronic_illness",
            "surgery", "accident", "covid", "pediatric", "other");
    private static final Set<String> REASONS = Set.of("completed", "dropout", "referred", "other");
    private static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
            "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI");

    static final class EpisodeData {
        String id;
        LocalDate intake;
        /** Null without a referral date. */
        LocalDate referral;
        String approach;
        String clinician;
        LocalDate discharge;
        String reason;
        /** Per instrument: scores as {date epoch day, session number or -1, line, value}. */
        final List<List<long[]>> scores = new ArrayList<>();
        int attended;

        EpisodeData() {
            for (int i = 0; i < INSTRUMENTS.length; i++) {
                scores.add(new ArrayList<>());
            }
        }

        /** Scores of instrument {@code k} in METRICS.md order. */
        List<long[]> ordered(int k) {
            List<long[]> l = new ArrayList<>(scores.get(k));
            l.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                    : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
            return l;
        }
    }

    final Map<String, EpisodeData> episodes = new HashMap<>();
    final List<String> intakeOrder = new ArrayList<>();
    final TreeMap<String, Integer> intakeRejects = new TreeMap<>();
    final TreeMap<String, Integer> sessionRejects = new TreeMap<>();
    int intakeRead;
    int sessionRead;
    int exactDuplicates;
    LocalDate latestSession;
    LocalDate latestAnyDate;

    static SampleFileCheck read(Path folder) throws IOException {
        SampleFileCheck c = new SampleFileCheck();
        c.readIntake(folder.resolve("intake.csv"));
        c.readSessions(folder.resolve("sessions.csv"));
        return c;
    }

    /** Splits one line with RFC 4180 quoting (the generator never puts a line break in a field). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>(32);
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        b.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    b.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        out.add(b.toString());
        return out;
    }

    private static LocalDate date(String s) {
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean identifier(List<String> f) {
        for (String v : f) {
            if (EMAIL.matcher(v).find() || PHONE.matcher(v).find()) {
                return true;
            }
        }
        return false;
    }

    private static void count(Map<String, Integer> m, String reason) {
        m.merge(reason, 1, Integer::sum);
    }

    private void readIntake(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!SampleDataGenerator.INTAKE_HEADER.equals(header)) {
                throw new AssertionError("intake header: " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                intakeRead++;
                String reason = intakeRow(split(line));
                if (reason != null) {
                    count(intakeRejects, reason);
                }
            }
        }
    }

    private String intakeRow(List<String> f) {
        if (identifier(f)) {
            return "possible identifier";
        }
        if (f.size() != 15) {
            return "wrong number of fields";
        }
        if (!ID.matcher(f.get(0)).matches() || !ID.matcher(f.get(4)).matches()) {
            return "bad id";
        }
        LocalDate intake = date(f.get(1));
        if (intake == null) {
            return "bad date";
        }
        LocalDate referral = null;
        if (!f.get(2).isEmpty()) {
            referral = date(f.get(2));
            if (referral == null) {
                return "bad date";
            }
        }
        String approach = APPROACHES.get(f.get(3).toLowerCase(Locale.ROOT));
        if (approach == null) {
            return "unknown approach";
        }
        if (!f.get(5).isEmpty() && !AGE.contains(f.get(5))
                || !f.get(7).isEmpty() && !STATES.contains(f.get(7))
                || !f.get(8).isEmpty() && !EVENTS.contains(f.get(8))
                || !f.get(14).isEmpty() && !REASONS.contains(f.get(14))) {
            return "bad code";
        }
        for (int i = 9; i < 13; i++) {
            if (!f.get(i).isEmpty() && !f.get(i).equals("Y") && !f.get(i).equals("N")) {
                return "bad flag";
            }
        }
        if (f.get(6).length() > 32) {
            return "bad gender";
        }
        LocalDate discharge = null;
        if (!f.get(13).isEmpty()) {
            discharge = date(f.get(13));
            if (discharge == null) {
                return "bad date";
            }
            if (discharge.isBefore(intake)) {
                return "discharge before intake";
            }
        }
        if (referral != null && referral.isAfter(intake)) {
            return "referral after intake";
        }
        if (discharge != null && f.get(14).isEmpty()) {
            return "discharge without reason";
        }
        if (discharge == null && !f.get(14).isEmpty()) {
            return "reason without discharge";
        }
        if (episodes.containsKey(f.get(0))) {
            return "duplicate client_id";
        }
        EpisodeData e = new EpisodeData();
        e.id = f.get(0);
        e.intake = intake;
        e.referral = referral;
        e.approach = approach;
        e.clinician = f.get(4);
        e.discharge = discharge;
        e.reason = f.get(14).isEmpty() ? null : f.get(14);
        episodes.put(e.id, e);
        intakeOrder.add(e.id);
        return null;
    }

    private void readSessions(Path file) throws IOException {
        Map<String, String> seen = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!SampleDataGenerator.SESSIONS_HEADER.equals(header)) {
                throw new AssertionError("sessions header: " + header);
            }
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                sessionRead++;
                String reason = sessionRow(split(line), line, lineNo, seen);
                if (reason != null) {
                    count(sessionRejects, reason);
                }
            }
        }
    }

    private String sessionRow(List<String> f, String line, int lineNo, Map<String, String> seen) {
        if (identifier(f)) {
            return "possible identifier";
        }
        if (f.size() != 29) {
            return "wrong number of fields";
        }
        if (!ID.matcher(f.get(0)).matches()) {
            return "bad id";
        }
        LocalDate d = date(f.get(1));
        if (d == null) {
            return "bad date";
        }
        if (!f.get(2).isEmpty() && (!INT.matcher(f.get(2)).matches() || Integer.parseInt(f.get(2)) < 1)) {
            return "bad session number";
        }
        String att = f.get(3);
        if (!att.isEmpty() && !att.equals("Y") && !att.equals("N")) {
            return "bad flag";
        }
        int[] v = new int[5];
        for (int k = 0; k < 5; k++) {
            String s = f.get(4 + k);
            if (s.isEmpty()) {
                v[k] = -1;
            } else if (!INT.matcher(s).matches()) {
                return "not an integer";
            } else {
                v[k] = Integer.parseInt(s);
            }
        }
        int[] items = new int[20];
        int present = 0;
        for (int i = 0; i < 20; i++) {
            String s = f.get(9 + i);
            if (s.isEmpty()) {
                items[i] = -1;
            } else if (!INT.matcher(s).matches()) {
                return "not an integer";
            } else {
                items[i] = Integer.parseInt(s);
                present++;
            }
        }
        for (int k = 0; k < 5; k++) {
            if (v[k] != -1 && (v[k] < MIN[k] || v[k] > MAX[k])) {
                return "out of range";
            }
        }
        int sum = 0;
        for (int i = 0; i < 20; i++) {
            if (items[i] != -1 && (items[i] < 0 || items[i] > 4)) {
                return "out of range";
            }
            sum += Math.max(items[i], 0);
        }
        if (present != 0 && present != 20) {
            return "incomplete items";
        }
        if (present == 20) {
            if (v[0] == -1) {
                v[0] = sum;
            } else if (v[0] != sum) {
                return "item sum mismatch";
            }
        }
        EpisodeData e = episodes.get(f.get(0));
        if (e == null) {
            return "unknown client";
        }
        if (d.isBefore(e.intake)) {
            return "session before intake";
        }
        if (e.discharge != null && d.isAfter(e.discharge)) {
            return "session after discharge";
        }
        boolean missed = att.equals("N");
        boolean anyScore = present > 0;
        for (int k = 0; k < 5; k++) {
            anyScore |= v[k] != -1;
        }
        if (missed && anyScore) {
            return "scores on a missed session";
        }
        String key = f.get(0) + "|" + f.get(1) + "|" + f.get(2);
        String earlier = seen.putIfAbsent(key, line);
        if (earlier != null) {
            if (earlier.equals(line)) {
                exactDuplicates++;
                return null;
            }
            return "conflicting duplicate";
        }
        if (latestSession == null || d.isAfter(latestSession)) {
            latestSession = d;
        }
        if (!missed) {
            e.attended++;
            long number = f.get(2).isEmpty() ? -1 : Long.parseLong(f.get(2));
            for (int k = 0; k < 5; k++) {
                if (v[k] != -1) {
                    e.scores.get(k).add(new long[] {d.toEpochDay(), number, lineNo, v[k]});
                }
            }
        }
        return null;
    }

    int acceptedSessions() {
        int rejected = sessionRejects.values().stream().mapToInt(Integer::intValue).sum();
        return sessionRead - rejected - exactDuplicates;
    }

    /** PCL-5 (and other) outcome figures over all closed episodes. */
    static final class Outcomes {
        int closed;
        int dropouts;
        int paired;
        int reliableImprovement;
        int reliableDeterioration;
        int casesAtBaseline;
        int recovered;
        final Map<String, double[]> changeSum = new TreeMap<>();  // approach -> per instrument sum
        final Map<String, int[]> changeN = new TreeMap<>();
        final Map<String, double[]> clinicianRi = new TreeMap<>(); // clinician -> {paired, ri}

        double pct(int num, int den) {
            return 100.0 * num / den;
        }

        double riPct() {
            return pct(reliableImprovement, paired);
        }

        double rdPct() {
            return pct(reliableDeterioration, paired);
        }

        double recoveryPct() {
            return pct(recovered, casesAtBaseline);
        }

        double dropoutPct() {
            return pct(dropouts, closed);
        }

        /** Mean change (final − baseline) of instrument {@code k} for an approach. */
        double meanChange(String approach, int k) {
            return changeSum.get(approach)[k] / changeN.get(approach)[k];
        }
    }

    Outcomes outcomes() {
        Outcomes o = new Outcomes();
        for (String id : intakeOrder) {
            EpisodeData e = episodes.get(id);
            if (e.discharge == null) {
                continue;
            }
            o.closed++;
            if ("dropout".equals(e.reason)) {
                o.dropouts++;
            }
            double[] sums = o.changeSum.computeIfAbsent(e.approach, a -> new double[5]);
            int[] ns = o.changeN.computeIfAbsent(e.approach, a -> new int[5]);
            for (int k = 0; k < 5; k++) {
                List<long[]> s = e.ordered(k);
                if (s.size() < 2) {
                    continue;
                }
                long baseline = s.get(0)[3];
                long last = s.get(s.size() - 1)[3];
                sums[k] += last - baseline;
                ns[k]++;
                if (k == 0) {
                    o.paired++;
                    long reduction = baseline - last;
                    double[] cl = o.clinicianRi.computeIfAbsent(e.clinician, c -> new double[2]);
                    cl[0]++;
                    if (reduction >= 10) {
                        o.reliableImprovement++;
                        cl[1]++;
                    }
                    if (-reduction >= 10) {
                        o.reliableDeterioration++;
                    }
                    if (baseline >= 33) {
                        o.casesAtBaseline++;
                        if (last < 33) {
                            o.recovered++;
                        }
                    }
                }
            }
        }
        return o;
    }

    Set<String> approachesSeen() {
        Set<String> s = new HashSet<>();
        for (EpisodeData e : episodes.values()) {
            s.add(e.approach);
        }
        return s;
    }
}
