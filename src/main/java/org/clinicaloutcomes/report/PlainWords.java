package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.FunnelBand;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.report.chart.Benchmarks;
import org.clinicaloutcomes.report.chart.ChartText;

/** The plain-language text of the workbook: headline sentences and the definitions of the About sheet. */
final class PlainWords {

    /** A term and what it means. */
    record Definition(String term, String meaning) {
    }

    private PlainWords() {
    }

    /**
     * One sentence on a group's reliable improvement rate, as a whole percentage with its n (a
     * rounding to "x in 10" would turn a 2-point gap into a full step): for example "PE: 77 % of
     * 13 clients discharged with before-and-after PCL-5 scores improved reliably"; for n ≤ 10 "too
     * few clients to say (n = 6)". Discharged clients include those who dropped out.
     */
    static String headline(String approach, GroupOutcomes g, Instrument instrument) {
        return headline(approach, g, instrument, Integer.toString(g.nPaired()));
    }

    /**
     * As {@link #headline(String, GroupOutcomes, Instrument)}, with the group size as shown
     * ({@code <11} when small-number suppression hides it).
     */
    static String headline(String approach, GroupOutcomes g, Instrument instrument, String shownN) {
        return headline(approach, g, instrument, shownN, Wording.PRACTICE);
    }

    /**
     * As {@link #headline(String, GroupOutcomes, Instrument, String)}, its own words in {@code
     * words} (the approach and instrument names as they are).
     */
    static String headline(String approach, GroupOutcomes g, Instrument instrument, String shownN, Wording words) {
        String subject = OutcomeTables.ALL.equals(approach) ? "All approaches" : approach;
        int n = g.nPaired();
        if (n == 0) {
            return subject + words.apply(": no client discharged in the window has before-and-after ")
                    + instrument.name() + " scores.";
        }
        if (SmallNumbers.isSmall(n)) {
            return subject + words.apply(": too few clients to say (n ") + (shownN.startsWith("<") ? "" : "= ") + shownN + ").";
        }
        if (g.reliableImprovementPct() == null) {
            return subject + ": not shown (small-number suppression).";
        }
        boolean hidden = shownN.startsWith("<") || shownN.startsWith(">");
        return subject + ": " + percent(g.reliableImprovementPct()) + " of " + (hidden ? "n " : "") + shownN
                + words.apply(" clients discharged with before-and-after ") + instrument.name()
                + " scores improved reliably.";
    }

    /** A rate as a whole percentage, "77 %"; below 1 and above 99 kept apart from 0 and 100. */
    static String percent(double pct) {
        long whole = Math.round(pct);
        if (whole == 0 && pct > 0) {
            return "under 1 %";
        }
        if (whole == 100 && pct < 100) {
            return "over 99 %";
        }
        return whole + " %";
    }

    /**
     * A clinician's funnel band in words (MONITORING.md: "the workbook says the band in words"):
     * where the rate lies against the limits around the practice rate, without calling it better
     * or worse (which side is better depends on the rate); {@code null} (an empty cell) for no band.
     */
    static String band(FunnelBand band) {
        if (band == null) {
            return null;
        }
        return switch (band) {
            case ABOVE_998 -> "well above the practice (beyond the 99.8% limit)";
            case ABOVE_95 -> "above the practice (beyond the 95% limit)";
            case WITHIN -> "within the limits (chance variation)";
            case BELOW_95 -> "below the practice (beyond the 95% limit)";
            case BELOW_998 -> "well below the practice (beyond the 99.8% limit)";
        };
    }

    /** The terms of the monthly report's own measures (the Summary's first block, Over time, Alerts, Attention). */
    private static final Set<String> MONTHLY_TERMS = Set.of("Month at a glance", "Over time (the monthly series)",
            "Signals (against the usual)", "Waiting time", "Alerts", "Expected recovery (not on track)",
            "How well the flag predicts", "Attention list");
    private static final String PCL5_CLUSTERS_TERM = "PCL-5 symptom clusters";
    /** The terms of the clinician view. */
    private static final Set<String> CLINICIAN_TERMS = Set.of("Funnel plot and limits",
            "Against the practice (clinicians)", "Open episodes and sessions with a score (clinicians)");
    private static final String EFFECT_SIZE_GUIDE = "Rough guide: 0.2 small, 0.5 medium, 0.8 large.";

    /** Every measure of the report in plain words, as the About sheet of the practice's own data gives them. */
    static List<Definition> definitions() {
        return definitions(true, true, true);
    }

    /**
     * The measures of a report in plain words, for the About sheet: of a researcher's export
     * ({@code practiceData} false) in neutral words ({@link Wording}), without the monthly
     * report's measures and the trial band of trauma-focused therapies; the PCL-5 clusters only
     * with their data, the clinician view only with a known clinician.
     */
    static List<Definition> definitions(boolean practiceData, boolean clusters, boolean clinicians) {
        Wording words = Wording.of(practiceData);
        List<Definition> definitions = new ArrayList<>();
        for (Definition d : unworded(practiceData, clusters, clinicians)) {
            definitions.add(new Definition(words.apply(d.term()), words.apply(d.meaning())));
        }
        return List.copyOf(definitions);
    }

    /** The definitions of {@link #definitions(boolean, boolean, boolean)} in the practice's words. */
    private static List<Definition> unworded(boolean practiceData, boolean clusters, boolean clinicians) {
        List<Definition> definitions = new ArrayList<>();
        for (Definition d : allDefinitions()) {
            if (!practiceData && MONTHLY_TERMS.contains(d.term())
                    || !clusters && d.term().equals(PCL5_CLUSTERS_TERM)
                    || !clinicians && CLINICIAN_TERMS.contains(d.term())) {
                continue;
            }
            String meaning = d.meaning();
            if (!practiceData && meaning.contains(EFFECT_SIZE_GUIDE)) {
                meaning = meaning.substring(0, meaning.indexOf(EFFECT_SIZE_GUIDE) + EFFECT_SIZE_GUIDE.length());
            }
            definitions.add(new Definition(d.term(), meaning));
        }
        return definitions;
    }

    /** The terms an analysis by wave leaves out: they need dates, sessions or discharge reasons (RESEARCH.md). */
    private static final Set<String> DATED_TERMS = Set.of("Dropout", "Sessions", "Activity",
            "Open episodes and sessions with a score (clinicians)");

    /**
     * The measures of an analysis by wave in plain words (RESEARCH.md, "What a wave-based analysis
     * computes"), for the About sheet: those of a researcher's export ({@link #definitions(boolean,
     * boolean, boolean)}) without what needs dates, sessions or discharge reasons, with the cohort,
     * the paired scores and the trajectories as the waves define them.
     *
     * @param baselineWave the job file's {@code baseline.wave}, or {@code null}
     * @param finalWave    the job file's {@code final.wave}, or {@code null}
     */
    static List<Definition> definitionsByWave(boolean clusters, boolean clinicians, String baselineWave,
                                              String finalWave) {
        Wording words = Wording.BY_WAVE;
        List<Definition> definitions = new ArrayList<>();
        for (Definition d : unworded(false, clusters, clinicians)) {
            if (DATED_TERMS.contains(d.term())) {
                continue;
            }
            Definition byWave = switch (d.term()) {
                case "Window and closed episodes" -> new Definition("Participants in the analysis",
                        "Every participant with an accepted row of the export is in the outcome figures, with "
                                + "scores or without; the window is every wave the job file lists (there are no "
                                + "dates).");
                case "Before-and-after (paired) scores" -> new Definition(d.term(),
                        "A participant counts for a questionnaire when it has scores at two different waves. The "
                                + "baseline is the score at " + (baselineWave != null ? "wave " + baselineWave
                                + " (the job file's baseline wave)" : "the first wave with a score")
                                + "; the final score is the score at " + (finalWave != null ? "wave " + finalWave
                                + " (the job file's final wave)" : "the last wave with a score after the baseline's")
                                + ". Change = final \u2212 baseline. n is the number of such participants.");
                case "Trajectories" -> new Definition(d.term(),
                        "Mean score at each wave of the participants with before-and-after scores, with a 95% CI; "
                                + "k is the wave's position in the job file's waves (1 = the first), shown with the "
                                + "wave's label. A wave includes those of them with a score at it.");
                case "Funnel plot and limits" -> new Definition(d.term(),
                        "Each clinician's reliable improvement rate against their number of participants, with "
                                + "the overall rate and limits within which 95% and 99.8% of clinicians would fall "
                                + "by chance alone. A clinician outside the limits is worth a conversation, not a "
                                + "verdict: case mix is not adjusted for. Higher reliable improvement is better.");
                default -> new Definition(words.apply(d.term()), words.apply(d.meaning()));
            };
            definitions.add(byWave);
        }
        return List.copyOf(definitions);
    }

    private static List<Definition> allDefinitions() {
        return List.of(
                new Definition("Window and closed episodes",
                        "Outcomes count every episode of care discharged inside the window (a closed episode). "
                                + "Episodes still open are not in the outcome figures."),
                new Definition("Before-and-after (paired) scores",
                        "A closed episode counts for a questionnaire when the client filled it in at least twice. "
                                + "The first score is the baseline, the last is the final score; change = final "
                                + "\u2212 baseline. n is the number of such clients."),
                new Definition("Reliable improvement",
                        "The score improved by at least the questionnaire's reliable-change threshold (see the "
                                + "table below): more than measurement error alone would explain. The rate is the "
                                + "share of clients with before-and-after scores."),
                new Definition("Reliable deterioration",
                        "The score got worse by at least the reliable-change threshold."),
                new Definition("No reliable change",
                        "Neither: the change was smaller than the threshold."),
                new Definition("Clinical range (caseness)",
                        "A score at or above the questionnaire's cut-off (at or below it when higher scores are "
                                + "better) suggests a clinically significant problem."),
                new Definition("Recovery",
                        "The client started in the clinical range and finished outside it. The rate is the share "
                                + "of clients who started in the clinical range."),
                new Definition("Reliable recovery",
                        "Recovered and reliably improved (the standard of NHS Talking Therapies)."),
                new Definition("Response",
                        "The final score is at most half the baseline score (questionnaires where higher is "
                                + "worse only)."),
                new Definition("Effect size d",
                        "Mean improvement in points divided by the spread (SD) of the baseline scores: the "
                                + "pre\u2013post d used by routine-care benchmarks. " + EFFECT_SIZE_GUIDE
                                + " In trials, trauma-focused therapies reach about "
                                + ChartText.number(Benchmarks.TRIAL_PTSD_EFFECT_LOW) + " to "
                                + ChartText.number(Benchmarks.TRIAL_PTSD_EFFECT_HIGH) + " on PTSD measures (the "
                                + "band on the effect-size chart of PCL-5); routine care about half of that."),
                new Definition("Effect size g",
                        "d corrected for small groups (Hedges' g), with a 95% confidence interval (Becker 1988). "
                                + "Needs at least 3 clients."),
                new Definition("Effect size dz",
                        "Mean improvement divided by the spread (SD) of the individual improvements."),
                new Definition("95% confidence interval (CI)",
                        "The range of values the data are compatible with. Rates use the Wilson interval, means "
                                + "the t interval. Wide intervals mean few clients."),
                new Definition("Completeness",
                        "Share of closed episodes with before-and-after scores. When it is low, the outcome "
                                + "figures may not represent all clients."),
                new Definition("Dropout",
                        "Share of closed episodes discharged with the reason 'dropout'."),
                new Definition("Sessions",
                        "Attended sessions per closed episode: median and quartiles (Q1, Q3)."),
                new Definition("Trajectories",
                        "Mean score at the first, second, third \u2026 assessment (k) of each closed episode with "
                                + "before-and-after scores, with a 95% CI. k counts questionnaires, not sessions. "
                                + "Later assessments include fewer clients: those who stayed longer."),
                new Definition("PCL-5 symptom clusters",
                        "The PCL-5's four DSM-5 clusters: B intrusion (items 1\u20135), C avoidance (6\u20137), D "
                                + "negative changes in thinking and mood (8\u201314), E arousal and reactivity "
                                + "(15\u201320). Mean cluster sums at baseline and final. Probable PTSD: an item "
                                + "scored 2 or more counts as a symptom; at least 1 B, 1 C, 2 D and 2 E symptoms."),
                new Definition("Funnel plot and limits",
                        "Each clinician's reliable improvement rate (and, in a second plot, dropout rate) against "
                                + "their number of clients, with the practice rate and limits within which 95% and "
                                + "99.8% of clinicians would fall by chance alone. A clinician outside the limits is "
                                + "worth a conversation, not a verdict: case mix is not adjusted for. Higher "
                                + "reliable improvement is better; lower dropout is better."),
                new Definition("Against the practice (clinicians)",
                        "Where a clinician's rate lies against those limits: within them, above or below the 95% "
                                + "limit, or well above or below (beyond the 99.8% limit). Clinicians are listed by "
                                + "id, not ranked: compare each with the limits at their own number of clients."),
                new Definition("Open episodes and sessions with a score (clinicians)",
                        "Open episodes: clients still in treatment at the end of the window. Sessions with a "
                                + "score: the share of attended sessions in the window, of all the clinician's "
                                + "clients, at which the primary questionnaire was filled in."),
                new Definition("Comparing approaches",
                        "ANOVA (means) and Kruskal\u2013Wallis (ranks) on change, and a \u03c7\u00b2 test of "
                                + "reliable improvement by approach, over approaches with at least 2 clients. A "
                                + "small p says the approaches' results differ more than chance would explain, "
                                + "not why."),
                new Definition("Small n",
                        "Groups of 10 clients or fewer are marked 'small n' and drawn lighter or hatched: their "
                                + "figures can change a lot with one client, so draw no conclusions from them."),
                new Definition("Activity",
                        "For the report month (a research run: the window): intakes, discharges by reason, "
                                + "caseload (clients with at least one attended session), attended and missed "
                                + "sessions."),
                new Definition("Month at a glance",
                        "Monthly report only: the first block of the Summary. The report month, the month before, "
                                + "the same month a year before and the last 12 months side by side, for all "
                                + "approaches together. A month's rates are of the clients discharged in it "
                                + "(dropouts included), each with the n it is of."),
                new Definition("Over time (the monthly series)",
                        "Monthly report only: month by month over the months of the series (the 24 ending with "
                                + "the report month unless the parameters below say otherwise), per "
                                + "approach and all together: intakes, discharges, caseload, sessions, the "
                                + "outcomes of the clients discharged in each month, the rolling 12-month rates "
                                + "(the same rates over the 12 months ending with the month) and waiting times."),
                new Definition("Signals (against the usual)",
                        "A p-chart of each month's reliable improvement: the average of the series and limits of "
                                + "3 standard errors at the month's n. A month above or below the limits is "
                                + "'unusually high' or 'unusually low'; 7 months in a row above or below the "
                                + "average, or rising or falling for 7 months, are signals too (NHS England's "
                                + "'Making Data Count' rules). Anything else is 'within the usual variation': "
                                + "such a month is not called better or worse."),
                new Definition("Waiting time",
                        "Days from the referral date to the first attended session, for the clients who started "
                                + "treatment in the month and have a referral date; the shares who waited 6 weeks "
                                + "(42 days) or less and 18 weeks (126 days) or less, the marks of the NHS Talking "
                                + "Therapies waiting-time standards (75 % within 6 weeks, 95 % within 18)."),
                new Definition("Alerts",
                        "Monthly report only: clients still in treatment whose latest score is a reliable "
                                + "deterioration from their first score. For the clinical team to review."),
                new Definition("Expected recovery (not on track)",
                        "Monthly report only: from this practice's own discharged clients, the score expected at "
                                + "each questionnaire (the 2nd, 3rd \u2026 20th) given the starting score, a "
                                + "straight line per assessment, built once 30 or more discharged clients reached "
                                + "that assessment. A client still in treatment is 'not on track' when the latest "
                                + "score is worse than about 9 in 10 similar clients had at that point (the "
                                + "expected score plus 1.28 times the spread around it). It is an early warning, "
                                + "not a verdict: the Attention sheet lists these clients."),
                new Definition("How well the flag predicts",
                        "The practice's discharged clients are split in two halves at random (by a code of the "
                                + "client ID). Each half is checked against the curves of the other half at its "
                                + "third score, and its actual outcome is looked up: of those flagged, how many "
                                + "ended without reliable improvement, against those not flagged. The larger the "
                                + "gap, the more the flag is worth acting on; the Attention sheet says the result."),
                new Definition("Attention list",
                        "Monthly report only: clients still in treatment at the end of the month who need a "
                                + "look, most urgent first: reliably worse than at the start; not on track; no "
                                + "attended session for the contact days (30 unless the parameters say otherwise) "
                                + "although the intake was that long ago; seen 3 or more times with fewer than 2 "
                                + "scores on the main questionnaire."),
                new Definition("ALL",
                        "Every approach together."));
    }

    /**
     * An attention reason in words for the clinical team (the CSV keeps the codes):
     * {@code contactDays} and the main questionnaire name the thresholds.
     */
    static String reason(AttentionReason reason, int contactDays, Instrument primary) {
        return switch (reason) {
            case DETERIORATED -> "reliably worse";
            case NOT_ON_TRACK -> "not on track";
            case NO_RECENT_SESSION -> "no session in " + contactDays + " days";
            case NO_MEASURE -> "not measured on " + primary.name();
        };
    }

    /**
     * What the two-fold check of the flag found on one questionnaire, in one or two sentences: "Of the
     * clients flagged at their third PCL-5, 62 % ended without reliable improvement, against 21 %
     * of those not flagged (218 discharged clients checked)."
     *
     * @param shownJudged the number checked as shown ({@code <11} when suppression hides it)
     */
    static List<String> flagCheck(OutcomeTables.FlagCheckRow row, Instrument instrument, String shownJudged) {
        if (row.nJudged() == 0) {
            return List.of(instrument.name() + ": too few discharged clients with 4 or more scores to check the flag "
                    + "yet.");
        }
        if (row.flaggedNoRiPct() == null || row.unflaggedNoRiPct() == null) {
            return List.of(instrument.name() + ": " + (row.nFlagged() == 0 ? "no client was flagged at the third score"
                    : "not shown (too few clients on one side, or small-number suppression)") + " ("
                    + shownJudged + " discharged clients checked).");
        }
        String compared = "Of the clients flagged at their third " + instrument.name() + ", "
                + percent(row.flaggedNoRiPct()) + " ended without reliable improvement, against "
                + percent(row.unflaggedNoRiPct()) + " of those not flagged (" + shownJudged
                + " discharged clients checked).";
        if (row.sensitivityNoRiPct() == null) {
            return List.of(compared);
        }
        return List.of(compared, "The flag caught " + percent(row.sensitivityNoRiPct()) + " of those who ended "
                + "without reliable improvement" + (row.deterioratedFlaggedPct() == null ? "."
                : " and " + percent(row.deterioratedFlaggedPct()) + " of those who ended reliably worse."));
    }
}
