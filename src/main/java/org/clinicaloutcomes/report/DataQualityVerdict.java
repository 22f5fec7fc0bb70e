package org.clinicaloutcomes.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What the console says about the data at the end of every run (RESEARCH.md, "Data quality is
 * never silent"): the reject reasons of each file with their counts, most frequent first, and
 * whether the run must end with exit code 3 ("report written, but look at the data first"):
 * more than {@code --max-reject-pct} of a file's rows rejected (over all rows read), or no
 * paired score on the primary instrument. Plain Java; the numbers come from {@link DataQuality}.
 *
 * <p>Not yet here: the share of an instrument's non-empty cells rejected (cell-level rejects
 * come with the research export readers; a canonical file rejects whole rows, counted above).
 */
public final class DataQualityVerdict {

    /** Default of {@code --max-reject-pct}. */
    public static final int DEFAULT_MAX_REJECT_PCT = 50;
    public static final int MIN_MAX_REJECT_PCT = 0;
    public static final int MAX_MAX_REJECT_PCT = 100;
    /** Reason lines per file on the console; the rest are summed up in one line. */
    static final int MAX_REASON_LINES = 10;

    private DataQualityVerdict() {
    }

    /**
     * The reject reasons of one file, most frequent first (as {@link DataQuality#reasonsOf} orders
     * them), one line each, at most {@value #MAX_REASON_LINES}: {@code "  142 unknown client
     * (client_id)"}; then {@code "  … 3 more reasons (rejects.csv)"}.
     */
    public static List<String> reasonLines(DataQuality quality, String file) {
        List<DataQuality.ReasonCount> reasons = quality.reasonsOf(file);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(reasons.size(), MAX_REASON_LINES); i++) {
            DataQuality.ReasonCount r = reasons.get(i);
            lines.add("    " + r.rows() + " " + r.reason() + (r.column().isEmpty() ? "" : " (" + r.column() + ")"));
        }
        if (reasons.size() > MAX_REASON_LINES) {
            int more = reasons.size() - MAX_REASON_LINES;
            lines.add("    \u2026 " + more + " more reason" + (more == 1 ? "" : "s") + " (" + ReportFolder.REJECTS_FILE
                    + ")");
        }
        return lines;
    }

    /**
     * The one line of exit code 3, or {@code null} when the data give no cause: every file whose
     * rejected rows are more than {@code maxRejectPct} % of its rows read, and a primary
     * instrument without paired scores.
     *
     * @param primaryPaired episodes with paired scores on the primary instrument in the outcome
     *                      cohort (all approaches)
     */
    public static String problem(DataQuality quality, int maxRejectPct, String primaryName, long primaryPaired) {
        return problem(quality, maxRejectPct, primaryName, primaryPaired, List.of(), UnaryOperator.identity());
    }

    /**
     * The score cells of one instrument in a researcher's export (RESEARCH.md: a bad score cell
     * rejects that cell only, counted apart from the rows).
     *
     * @param read     cells with a value
     * @param rejected of those, the ones rejected
     */
    public record ScoreCells(String file, String key, String name, long read, long rejected) {

        /** {@code "phq9 (PHQ-9): 790 of 2,000 score cells rejected"}. */
        public String describe() {
            return key + " (" + name + "): " + rejected + " of " + read + " score cells rejected";
        }
    }

    /**
     * As {@link #problem(DataQuality, int, String, long)}, and also every instrument of an export
     * whose rejected score cells are more than {@code maxRejectPct} % of its cells with a value;
     * the verdict's own words in the run's wording ({@code words}: for an export, participants
     * instead of clients; file names are left as they are).
     */
    public static String problem(DataQuality quality, int maxRejectPct, String primaryName, long primaryPaired,
                                 List<ScoreCells> cells, UnaryOperator<String> words) {
        List<String> causes = new ArrayList<>();
        for (DataQuality.FileCounts file : quality.files()) {
            if (tooMany(file.rejected(), file.read(), maxRejectPct)) {
                causes.add(file.file() + ": " + percent(file.rejected(), file.read())
                        + " of its rows were rejected (more than --max-reject-pct=" + maxRejectPct + ")");
            }
        }
        for (ScoreCells cell : cells) {
            if (tooMany(cell.rejected(), cell.read(), maxRejectPct)) {
                causes.add(cell.file() + ": " + percent(cell.rejected(), cell.read()) + " of the " + cell.name()
                        + " score cells were rejected (more than --max-reject-pct=" + maxRejectPct + ")");
            }
        }
        if (primaryPaired == 0) {
            causes.add(words.apply(noPairs(primaryName)));
        }
        if (causes.isEmpty()) {
            return null;
        }
        return "look at the data first: " + String.join("; ", causes) + "; see " + ReportFolder.REJECTS_FILE
                + " and the Data quality sheet";
    }

    /** The cause of exit code 3 when the primary instrument has no pairs, in the practice's words. */
    private static String noPairs(String primaryName) {
        return "no client has before-and-after " + primaryName + " scores (the main questionnaire)";
    }

    private static boolean tooMany(long rejected, long read, int maxRejectPct) {
        return read > 0 && rejected * 100.0 > maxRejectPct * (double) read;
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f", 100.0 * part / whole) + " %";
    }

    /** Whether {@code pct} is a valid {@code --max-reject-pct}. */
    public static boolean isValidMaxRejectPct(int pct) {
        return pct >= MIN_MAX_REJECT_PCT && pct <= MAX_MAX_REJECT_PCT;
    }
}
