package org.clinicaloutcomes.sample;

import java.util.Arrays;
import java.util.Locale;

/**
 * One simulated treatment episode: its intake fields and its scheduled sessions with their
 * scores. The object is reused from episode to episode (its arrays only grow), so memory stays
 * flat however many episodes are generated.
 *
 * <p>The clinical model, in short. A latent severity sets the true PCL-5 baseline (mean 54,
 * SD 11) and, partly, the other instruments' baselines. The planned PCL-5 reduction at a full
 * course depends on the response type (8.5 % deteriorate, about 17 % barely change, fewer with
 * the better clinicians, the rest respond), the approach (PE and CPT strongest on PCL-5), the
 * clinician (a fixed effect per clinician), prior trauma and chronic illness; dropouts get less.
 * Progress follows a saturating curve over attended sessions ({@code a(12+4) / (12(a+4))} after
 * {@code a} sessions beyond the first: a quarter at the 2nd, two thirds at the 5th, all at the
 * 13th), and every observed score adds measurement noise and is rounded and clamped to its range. DBT moves DERS-16 most, ACT moves AAQ-II most, PHQ-9 and GAD-7 follow
 * the PCL-5 response moderately. PCL-5 items follow a per-episode cluster profile and always add
 * up exactly to the total they were drawn from.
 *
 * <p>Not every clinician measures every client: in 3 % of episodes the PCL-5 (total and items)
 * is given at the first attended session only and in 1.5 % never, while the other questionnaires
 * are given as usual, so that a few clients with several sessions lack a repeated primary score
 * (the attention list's {@code no_measure}). Open episodes at the end of the data are those still
 * in treatment and the dropouts not yet discharged, who stopped coming weeks before
 * ({@code no_recent_session}).
 */
final class Episode {

    static final String[] APPROACHES = {"DBT", "CPT", "ACT", "PE"};
    static final String[] APPROACH_NAMES = {"Dialectical Behavior Therapy", "Cognitive Processing Therapy",
            "Acceptance and Commitment Therapy", "Prolonged Exposure"};
    static final int DBT = 0;
    static final int CPT = 1;
    static final int ACT = 2;
    static final int PE = 3;

    static final int CLINICIANS = 12;
    static final String[] CLINICIAN_IDS = new String[CLINICIANS];

    static {
        for (int i = 0; i < CLINICIANS; i++) {
            CLINICIAN_IDS[i] = String.format(Locale.ROOT, "CL%02d", i + 1);
        }
    }

    /** Approach mix per clinician (DBT, CPT, ACT, PE): each has one or two main approaches. */
    private static final double[][] CLINICIAN_APPROACHES = {
            {0.60, 0.10, 0.20, 0.10},
            {0.10, 0.55, 0.10, 0.25},
            {0.15, 0.15, 0.55, 0.15},
            {0.10, 0.25, 0.10, 0.55},
            {0.45, 0.05, 0.45, 0.05},
            {0.05, 0.45, 0.05, 0.45},
            {0.35, 0.25, 0.20, 0.20},
            {0.20, 0.20, 0.40, 0.20},
            {0.50, 0.20, 0.10, 0.20},
            {0.10, 0.40, 0.20, 0.30},
            {0.20, 0.20, 0.20, 0.40},
            {0.25, 0.25, 0.25, 0.25},
    };
    /** Multiplier of the planned improvement per clinician: some clinicians get better results. */
    private static final double[] CLINICIAN_EFFECT =
            {1.20, 0.95, 1.05, 0.85, 1.00, 1.25, 0.90, 1.05, 0.80, 1.15, 0.95, 1.00};
    /** Multiplier of the dropout probability per clinician. */
    private static final double[] CLINICIAN_DROPOUT =
            {0.85, 1.10, 0.95, 1.20, 1.00, 0.80, 1.15, 1.00, 1.25, 0.90, 1.00, 0.95};

    /** Mean fraction of the PCL-5 baseline removed in a full course by a responder. */
    private static final double[] PCL_FRACTION = {0.47, 0.61, 0.46, 0.63};
    /** Fraction of the distance above the floor removed in a full course by a typical responder. */
    private static final double[] PHQ_FRACTION = {0.38, 0.40, 0.38, 0.36};
    private static final double[] GAD_FRACTION = {0.38, 0.36, 0.36, 0.38};
    private static final double[] DERS_FRACTION = {0.48, 0.22, 0.26, 0.20};
    private static final double[] AAQ_FRACTION = {0.24, 0.18, 0.44, 0.18};

    static final String[] AGE_BANDS = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    private static final double[] AGE_WEIGHTS = {0.11, 0.22, 0.22, 0.19, 0.15, 0.11};

    static final String[] INDEX_EVENTS = {"icu", "cardiac", "birth", "cancer", "chronic_illness", "surgery",
            "accident", "covid", "pediatric", "other"};
    private static final double[] EVENT_WEIGHTS = {0.15, 0.12, 0.11, 0.14, 0.10, 0.11, 0.10, 0.06, 0.06, 0.05};
    private static final int EVENT_BIRTH = 2;
    private static final int EVENT_CANCER = 3;
    private static final int EVENT_CHRONIC = 4;
    private static final int EVENT_PEDIATRIC = 8;

    private static final String[] GENDERS = {"female", "male", "nonbinary", "", "transgender man",
            "transgender woman", "genderqueer", "nonbinary, she/they", "Female", "M"};
    private static final double[] GENDER_WEIGHTS = {0.54, 0.31, 0.05, 0.06, 0.008, 0.008, 0.006, 0.004, 0.012, 0.012};

    private static final String[] STATES = {"CA", "TX", "FL", "NY", "PA", "IL", "OH", "GA", "NC", "MI", "NJ", "VA",
            "WA", "AZ", "MA", "TN", "IN", "MD", "MO", "WI", "CO", "MN", "OR", "UT", "DC", "PR", "NM", "VT", ""};
    private static final double[] STATE_WEIGHTS = {0.12, 0.09, 0.07, 0.07, 0.05, 0.05, 0.04, 0.04, 0.04, 0.03, 0.03,
            0.03, 0.05, 0.04, 0.03, 0.03, 0.02, 0.02, 0.02, 0.02, 0.03, 0.02, 0.03, 0.01, 0.005, 0.005, 0.01, 0.005,
            0.025};

    private static final double[][] CLINICIAN_APPROACH_CUMULATIVE = new double[CLINICIANS][];
    private static final double[] AGE_CUMULATIVE = Rng.cumulative(AGE_WEIGHTS);
    private static final double[] GENDER_CUMULATIVE = Rng.cumulative(GENDER_WEIGHTS);
    private static final double[] STATE_CUMULATIVE = Rng.cumulative(STATE_WEIGHTS);
    private static final double[] EVENT_CUMULATIVE = Rng.cumulative(EVENT_WEIGHTS);

    static {
        for (int i = 0; i < CLINICIANS; i++) {
            CLINICIAN_APPROACH_CUMULATIVE[i] = Rng.cumulative(CLINICIAN_APPROACHES[i]);
        }
    }

    static final String[] REASONS = {"completed", "dropout", "referred", "other"};
    static final int COMPLETED = 0;
    static final int DROPOUT = 1;
    static final int REFERRED = 2;
    static final int OTHER = 3;

    /** Flag codes of {@link #flags}. */
    static final byte BLANK = 0;
    static final byte YES = 1;
    static final byte NO = 2;

    /** Value of a score array: not measured in this session. */
    static final int ABSENT = -1;
    /** Value of {@link #dischargeDay} for an open episode. */
    static final int OPEN = Integer.MIN_VALUE;
    /** Value of {@link #referralDay} for an intake without a referral date. */
    static final int NO_REFERRAL = Integer.MIN_VALUE;
    /** Share of intakes written without a referral date. */
    private static final double NO_REFERRAL_SHARE = 0.07;
    /**
     * Share of episodes whose clinician gives the PCL-5 at the first attended session only (the
     * other questionnaires as usual).
     */
    private static final double PCL_FIRST_ONLY_SHARE = 0.03;
    /** Share of episodes whose clinician never gives the PCL-5 (the other questionnaires as usual). */
    private static final double PCL_NEVER_SHARE = 0.015;

    private static final int PROGRESS_HALF = 4;
    private static final int FULL_COURSE = 12;

    // ---- intake ----
    int index;
    String clientId;
    int intakeDay;
    int approach;
    /** The approach as written in the file (mostly the code, sometimes lower case or spelled out). */
    String approachText;
    int clinician;
    int ageBand;
    String gender;
    String state;
    int indexEvent;
    /** chronic_illness, prior_trauma, childhood_medical, marginalized. */
    final byte[] flags = new byte[4];
    int reason;
    int dischargeDay;
    /**
     * The referral date, on or before the intake day, or {@link #NO_REFERRAL}: the wait from
     * referral to intake is mostly 2 to 10 weeks (see {@link #referralWait}).
     */
    int referralDay;

    // ---- sessions, in date order ----
    int sessionCount;
    int attendedCount;
    int[] day = new int[32];
    /** Session number, 0 when written blank. */
    int[] number = new int[32];
    /** 'Y', ' ' (blank = attended) or 'N'. */
    char[] attended = new char[32];
    int[] pcl = new int[32];
    boolean[] pclWritten = new boolean[32];
    boolean[] hasItems = new boolean[32];
    byte[] items = new byte[32 * 20];
    int[] phq = new int[32];
    int[] gad = new int[32];
    int[] ders = new int[32];
    int[] aaq = new int[32];

    private final double[] itemProfile = new double[20];
    private final double[] clusterShift = new double[20];

    /** Fills this episode with episode {@code index}, all dates in {@code [firstDay, lastDay]}. */
    void simulate(Rng r, int index, int firstDay, int lastDay) {
        this.index = index;
        clientId = clientId(index);
        intakeDay = weekday(firstDay + r.nextInt(lastDay - firstDay + 1), lastDay);

        clinician = r.nextInt(CLINICIANS);
        approach = r.pickCumulative(CLINICIAN_APPROACH_CUMULATIVE[clinician]);
        double u = r.nextDouble();
        approachText = u < 0.03 ? APPROACHES[approach].toLowerCase(Locale.ROOT)
                : u < 0.045 ? APPROACH_NAMES[approach] : APPROACHES[approach];

        ageBand = r.pickCumulative(AGE_CUMULATIVE);
        gender = GENDERS[r.pickCumulative(GENDER_CUMULATIVE)];
        state = STATES[r.pickCumulative(STATE_CUMULATIVE)];
        indexEvent = r.pickCumulative(EVENT_CUMULATIVE);
        if (indexEvent == EVENT_BIRTH && ageBand >= 4) {
            indexEvent = 1; // a birth trauma at 55+ is rare: make it cardiac
        }
        if (indexEvent == EVENT_PEDIATRIC && (ageBand == 0 || ageBand == 5)) {
            indexEvent = 0; // parents of sick children are mostly 25-54
        }
        double chronicP = indexEvent == EVENT_CHRONIC ? 0.9 : indexEvent == EVENT_CANCER ? 0.55 : 0.3;
        flags[0] = flag(r, chronicP, 0.15);
        flags[1] = flag(r, 0.45, 0.20);
        flags[2] = flag(r, indexEvent == EVENT_PEDIATRIC ? 0.35 : 0.18, 0.30);
        flags[3] = flag(r, 0.28, 0.30);

        // planned course
        double dropoutP = 0.225 * CLINICIAN_DROPOUT[clinician];
        double rest = 1.0 - dropoutP;
        double u2 = r.nextDouble();
        reason = u2 < dropoutP ? DROPOUT : u2 < dropoutP + rest * 0.80 ? COMPLETED
                : u2 < dropoutP + rest * 0.91 ? REFERRED : OTHER;
        int targetAttended;
        double missP;
        switch (reason) {
            case COMPLETED -> {
                targetAttended = switch (approach) {
                    case PE -> r.between(9, 16);
                    case CPT -> r.between(11, 16);
                    case DBT -> r.between(12, 21);
                    default -> r.between(9, 16);
                };
                missP = 0.08;
            }
            case DROPOUT -> {
                targetAttended = r.between(1, 7);
                missP = 0.20;
            }
            case REFERRED -> {
                targetAttended = r.between(2, 11);
                missP = 0.10;
            }
            default -> {
                targetAttended = r.between(2, 13);
                missP = 0.10;
            }
        }

        simulateScores(r, targetAttended, missP, lastDay);

        // discharge
        int last = sessionCount == 0 ? intakeDay : day[sessionCount - 1];
        boolean truncated = attendedCount < targetAttended;
        int gap = switch (reason) {
            case COMPLETED -> r.between(1, 14);
            case DROPOUT -> r.between(21, 60);
            case REFERRED -> r.between(1, 21);
            default -> r.between(1, 30);
        };
        int discharge = last + gap;
        if (truncated || discharge > lastDay) {
            dischargeDay = OPEN;
            reason = -1;
        } else {
            dischargeDay = discharge;
        }

        // referral: drawn after the sessions, so the rest of the episode does not depend on it
        referralDay = r.chance(NO_REFERRAL_SHARE) ? NO_REFERRAL
                : weekday(intakeDay - referralWait(r), intakeDay);

        // a few clinicians skip the PCL-5: drawn last, so nothing else of the episode depends on it
        double m = r.nextDouble();
        if (m < PCL_NEVER_SHARE) {
            dropPcl(0);
        } else if (m < PCL_NEVER_SHARE + PCL_FIRST_ONLY_SHARE) {
            dropPcl(1);
        }
    }

    /**
     * Removes the PCL-5 (total and items) from every attended session after the first {@code keep}
     * attended ones; the other instruments stay.
     */
    private void dropPcl(int keep) {
        int seen = 0;
        for (int s = 0; s < sessionCount; s++) {
            if (attended[s] != 'N' && seen++ >= keep) {
                pcl[s] = ABSENT;
                pclWritten[s] = false;
                hasItems[s] = false;
            }
        }
    }

    /**
     * Days from referral to intake: a few on the intake day itself (urgent or in-house), most 2 to
     * 10 weeks, some 10 to 18 weeks, and some longer than 18 weeks (the 18-week standard missed).
     * The first attended session follows the intake by 0 to 2 weeks, so waiting times to treatment
     * are a little longer.
     */
    private static int referralWait(Rng r) {
        double u = r.nextDouble();
        if (u < 0.04) {
            return 0;
        }
        if (u < 0.12) {
            return r.between(1, 13);
        }
        if (u < 0.80) {
            return r.between(14, 70);
        }
        if (u < 0.93) {
            return r.between(71, 126);
        }
        return r.between(127, 250);
    }

    private void simulateScores(Rng r, int targetAttended, double missP, int lastDay) {
        double severity = r.gauss();
        double pclBase = clamp(54 + 11 * severity, 20, 78);
        double clinicianEffect = CLINICIAN_EFFECT[clinician];
        double effect = clinicianEffect
                * (flags[1] == YES ? 0.93 : 1.0)
                * (flags[0] == YES ? 0.95 : 1.0);
        double typeDraw = r.nextDouble();
        double pclDrop; // planned PCL-5 reduction over a full course, in points
        if (typeDraw < 0.085) {
            pclDrop = -(9 + 12 * r.nextDouble());
        } else if (typeDraw < 0.085 + 0.17 / (clinicianEffect * clinicianEffect)) {
            pclDrop = pclBase * (0.04 + 0.07 * r.gauss());
        } else {
            pclDrop = pclBase * clamp(PCL_FRACTION[approach] * effect + 0.15 * r.gauss(), 0.05, 0.95);
        }
        if (reason == DROPOUT) {
            pclDrop *= 0.7;
        }
        double response = pclDrop / pclBase / PCL_FRACTION[approach];

        double phqBase = clamp(14 + 4.5 * (0.65 * severity + 0.76 * r.gauss()), 1, 27);
        double gadBase = clamp(12 + 3.8 * (0.6 * severity + 0.8 * r.gauss()), 1, 21);
        double dersBase = clamp(50 + 12 * (0.5 * severity + 0.87 * r.gauss()), 18, 80);
        double aaqBase = clamp(30 + 8.5 * (0.5 * severity + 0.87 * r.gauss()), 8, 49);
        double phqDrop = phqBase * secondary(r, PHQ_FRACTION[approach], response);
        double gadDrop = gadBase * secondary(r, GAD_FRACTION[approach], response);
        double dersDrop = (dersBase - 16) * secondary(r, DERS_FRACTION[approach], response);
        double aaqDrop = (aaqBase - 7) * secondary(r, AAQ_FRACTION[approach], response);

        // PCL-5 item profile: cluster levels and item levels around the mean item score; with
        // progress, PE relieves avoidance (C) and CPT negative cognitions (D) a little faster.
        double[] cluster = {r.gauss() * 0.3, r.gauss() * 0.3, r.gauss() * 0.3, r.gauss() * 0.3};
        double profileSum = 0;
        double shiftSum = 0;
        for (int i = 0; i < 20; i++) {
            int c = cluster(i);
            itemProfile[i] = cluster[c] + 0.3 * r.gauss();
            clusterShift[i] = (approach == PE && c == 1) || (approach == CPT && c == 2) ? -0.5 : 0.0;
            profileSum += itemProfile[i];
            shiftSum += clusterShift[i];
        }
        for (int i = 0; i < 20; i++) { // centred, so that the rounded items add up nearly to the total
            itemProfile[i] -= profileSum / 20;
            clusterShift[i] -= shiftSum / 20;
        }

        boolean itemsEpisode = r.chance(0.75);
        boolean blankAttendedEpisode = r.chance(0.25);
        int extraInterval = r.between(3, 4);
        boolean numberGaps = r.chance(0.01);

        sessionCount = 0;
        attendedCount = 0;
        int d = weekday(intakeDay + (r.chance(0.45) ? 0 : r.between(1, 14)), Integer.MAX_VALUE);
        int trailingMissed = reason == DROPOUT ? r.between(0, 2) : 0;
        while (attendedCount < targetAttended || trailingMissed > 0) {
            if (d > lastDay) {
                break;
            }
            boolean missed = attendedCount >= targetAttended || (attendedCount > 0 && r.chance(missP));
            if (attendedCount >= targetAttended) {
                trailingMissed--;
            }
            int s = sessionCount++;
            grow(sessionCount);
            day[s] = d;
            number[s] = numberGaps && r.chance(0.2) ? 0 : s + 1;
            pcl[s] = phq[s] = gad[s] = ders[s] = aaq[s] = ABSENT;
            pclWritten[s] = false;
            hasItems[s] = false;
            if (missed) {
                attended[s] = 'N';
            } else {
                int a = attendedCount++;
                boolean last = attendedCount == targetAttended;
                attended[s] = blankAttendedEpisode ? (r.chance(0.9) ? ' ' : 'Y') : (r.chance(0.95) ? 'Y' : ' ');
                double g = progress(a);
                boolean keyVisit = a == 0 || (last && reason == COMPLETED);
                if (r.chance(keyVisit ? 0.97 : 0.9)) {
                    int total = score(pclBase - pclDrop * g + 4.5 * r.gauss(), 0, 80);
                    pcl[s] = total;
                    if (itemsEpisode && r.chance(0.94)) {
                        hasItems[s] = true;
                        pclWritten[s] = r.chance(0.82);
                        fillItems(r, s, total, g);
                    } else {
                        pclWritten[s] = true;
                    }
                }
                if (r.chance(keyVisit ? 0.95 : 0.88)) {
                    phq[s] = score(phqBase - phqDrop * g + 2.0 * r.gauss(), 0, 27);
                }
                if (r.chance(keyVisit ? 0.9 : 0.8)) {
                    gad[s] = score(gadBase - gadDrop * g + 1.7 * r.gauss(), 0, 21);
                }
                boolean extra = a % extraInterval == 0 || (last && reason == COMPLETED);
                if (extra && r.chance(0.85)) {
                    ders[s] = score(dersBase - dersDrop * g + 4.0 * r.gauss(), 16, 80);
                }
                if (extra && r.chance(0.85)) {
                    aaq[s] = score(aaqBase - aaqDrop * g + 3.0 * r.gauss(), 7, 49);
                }
            }
            d = weekday(d + interval(r), Integer.MAX_VALUE);
        }
    }

    /** Fraction of a secondary instrument's range removed in a full course. */
    private static double secondary(Rng r, double typical, double response) {
        return clamp(typical * (0.6 * response + 0.4 * (1 + 0.5 * r.gauss())), -0.6, 0.95);
    }

    /** Share of the full-course change reached after {@code a} attended sessions beyond the first. */
    static double progress(int a) {
        return a * (double) (FULL_COURSE + PROGRESS_HALF) / (FULL_COURSE * (double) (a + PROGRESS_HALF));
    }

    /** Days to the next scheduled session: weekly mostly. */
    private static int interval(Rng r) {
        double u = r.nextDouble();
        if (u < 0.68) {
            return 7;
        }
        if (u < 0.76) {
            return u < 0.72 ? 6 : 8;
        }
        if (u < 0.88) {
            return 14;
        }
        if (u < 0.93) {
            return r.between(3, 5);
        }
        if (u < 0.97) {
            return r.between(10, 12);
        }
        return 21;
    }

    /** Twenty 0-4 items with the episode's profile that add up exactly to {@code total}. */
    private void fillItems(Rng r, int s, int total, double progress) {
        int base = s * 20;
        double mean = total / 20.0;
        int sum = 0;
        long noise = r.nextLong(); // 3 random bits per item: a jitter of 0 to 7/16 around the mean
        for (int i = 0; i < 20; i++) {
            double jitter = (int) ((noise >>> (3 * i)) & 7) * 0.0625;
            double v = mean + itemProfile[i] + clusterShift[i] * progress + jitter + 0.28125;
            int iv = v < 1 ? 0 : v >= 4 ? 4 : (int) v; // rounded, clamped to 0-4
            items[base + i] = (byte) iv;
            sum += iv;
        }
        int diff = total - sum;
        int tries = 0;
        while (diff != 0) {
            int j = tries++ < 200 ? r.nextInt(20) : tries % 20;
            byte v = items[base + j];
            if (diff > 0 && v < 4) {
                items[base + j] = (byte) (v + 1);
                diff--;
            } else if (diff < 0 && v > 0) {
                items[base + j] = (byte) (v - 1);
                diff++;
            }
        }
    }

    int itemSum(int s) {
        int sum = 0;
        for (int i = 0; i < 20; i++) {
            sum += items[s * 20 + i];
        }
        return sum;
    }

    /** DSM-5 cluster of PCL-5 item {@code i} (0-based): B, C, D, E = 0..3. */
    private static int cluster(int i) {
        return i < 5 ? 0 : i < 7 ? 1 : i < 14 ? 2 : 3;
    }

    private static byte flag(Rng r, double yes, double blank) {
        double u = r.nextDouble();
        return u < blank ? BLANK : u < blank + (1 - blank) * yes ? YES : NO;
    }

    static int score(double v, int min, int max) {
        long x = Math.round(v);
        return (int) (x < min ? min : Math.min(x, max));
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    static String clientId(int index) {
        String digits = Integer.toString(index);
        return digits.length() >= 7 ? "E" + digits : "E" + "0000000".substring(digits.length()) + digits;
    }

    /** Moves a Saturday or Sunday to the next Monday, or to the Friday before when past {@code max}. */
    static int weekday(int epochDay, int max) {
        int dow = Math.floorMod(epochDay + 3, 7); // 0 = Monday
        if (dow < 5) {
            return epochDay;
        }
        int monday = epochDay + 7 - dow;
        return monday <= max ? monday : epochDay - (dow - 4);
    }

    private void grow(int n) {
        if (n <= day.length) {
            return;
        }
        int cap = Math.max(n, day.length * 2);
        day = Arrays.copyOf(day, cap);
        number = Arrays.copyOf(number, cap);
        attended = Arrays.copyOf(attended, cap);
        pcl = Arrays.copyOf(pcl, cap);
        pclWritten = Arrays.copyOf(pclWritten, cap);
        hasItems = Arrays.copyOf(hasItems, cap);
        items = Arrays.copyOf(items, cap * 20);
        phq = Arrays.copyOf(phq, cap);
        gad = Arrays.copyOf(gad, cap);
        ders = Arrays.copyOf(ders, cap);
        aaq = Arrays.copyOf(aaq, cap);
    }
}
