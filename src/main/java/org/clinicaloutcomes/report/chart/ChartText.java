package org.clinicaloutcomes.report.chart;

import java.util.Locale;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.metrics.Instrument;

/** The wording the charts share: numbers in labels, group labels and caption lines. */
public final class ChartText {

    private ChartText() {
    }

    /** A number as labels print it: whole numbers without decimals, others with one. */
    public static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : fixed(value, 1);
    }

    /** A number with its sign, the minus sign a true one (U+2212). */
    static String signed(double value) {
        return (value > 0 ? "+" : value < 0 ? "\u2212" : "") + number(Math.abs(value));
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * The direction of "better" on an axis of an instrument's scores or score changes: every chart
     * says it, since a fall in symptoms is downwards on some questionnaires and upwards on others.
     */
    static String better(Instrument instrument) {
        return instrument.higherIsBetter() ? "higher is better" : "lower is better";
    }

    static String groupLabel(String group, int n) {
        return (OutcomeTables.ALL.equals(group) ? "All approaches" : group) + " (n = " + n + ")";
    }

    /** The lines of a caption, one per line; {@code null} lines are left out. */
    static String lines(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line);
        }
        return text.toString();
    }
}
