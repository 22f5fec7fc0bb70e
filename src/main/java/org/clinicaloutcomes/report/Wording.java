package org.clinicaloutcomes.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the reports' fixed texts for the data they describe. The texts are written for
 * the practice's own data (clients, the practice); for a researcher's export (a research run on a
 * {@code long} or {@code wide} file) the same texts speak of participants and of the whole study
 * instead. Applied to the reports' own sentences and headers only, never to text from the input
 * (an approach or instrument name keeps its words).
 */
public final class Wording {

    /** The practice's words: texts unchanged. */
    static final Wording PRACTICE = new Wording(List.of());
    /** A researcher's export: participants, the whole study. */
    static final Wording NEUTRAL = new Wording(List.of(
            new Rule("\\bthis practice's\\b", "this study's"),
            new Rule("\\bthis practice\\b", "this study"),
            new Rule("\\bthe practice's\\b", "the study's"),
            new Rule("\\bThe practice's\\b", "The study's"),
            new Rule("\\bthe whole practice\\b", "the whole study"),
            new Rule("\\bthe practice rate\\b", "the overall rate"),
            new Rule("\\bpractice rate\\b", "overall rate"),
            new Rule("\\bthe practice\\b", "the overall rate"),
            new Rule("\\bPractice\\b", "Overall"),
            new Rule("\\bclients\\b", "participants"),
            new Rule("\\bClients\\b", "Participants"),
            new Rule("\\bclient\\b", "participant"),
            new Rule("\\bClient\\b", "Participant")));

    /**
     * An analysis by wave (RESEARCH.md): a researcher's export without dates, sessions or
     * discharges, whose every participant with an accepted row is in the analysis. The texts that
     * speak of discharge in the window speak of the participants in the analysis, and the closed
     * episodes of the outcome cohort are its participants; then the neutral words.
     */
    static final Wording BY_WAVE = new Wording(concat(List.of(
            new Rule("\\bclients discharged in the window\\b", "participants in the analysis"),
            new Rule("\\bclient discharged in the window\\b", "participant in the analysis"),
            new Rule("\\bclients discharged with\\b", "participants with"),
            new Rule("\\bdischarged in the window\\b", "in the analysis"),
            new Rule("\\bClosed episodes\\b", "Participants"),
            new Rule("\\bclosed episodes\\b", "participants"),
            new Rule("\\bClosed episode\\b", "Participant"),
            new Rule("\\bclosed episode\\b", "participant"),
            new Rule("\\bchance, dropout and missing scores\\b", "chance and missing scores"),
            new Rule("\\bEpisodes \\(n\\)", "Participants (n)"),
            new Rule("\\bAssessment \\(k\\)", "Wave position (k)")), NEUTRAL.rules));

    private static List<Rule> concat(List<Rule> first, List<Rule> then) {
        List<Rule> all = new java.util.ArrayList<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), Matcher.quoteReplacement(replacement));
        }
    }

    private final List<Rule> rules;

    private Wording(List<Rule> rules) {
        this.rules = rules;
    }

    /** The words for the practice's own data, or neutral ones. */
    static Wording of(boolean practiceData) {
        return practiceData ? PRACTICE : NEUTRAL;
    }

    /** The words for the practice's own data, neutral ones, or those of an analysis by wave. */
    static Wording of(boolean practiceData, boolean byWave) {
        return byWave ? BY_WAVE : of(practiceData);
    }

    /** A fixed text of the reports in these words; {@code null} stays {@code null}. */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Rule rule : rules) {
            result = rule.pattern().matcher(result).replaceAll(rule.replacement());
        }
        return result;
    }
}
