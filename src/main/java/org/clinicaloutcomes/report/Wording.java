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
