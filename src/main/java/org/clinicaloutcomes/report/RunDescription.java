package org.clinicaloutcomes.report;

import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.ReportWindow;

/**
 * The facts about a run that reports print beside the numbers (the workbook's About sheet,
 * run.json).
 *
 * @param toolVersion       version of clinical-outcomes
 * @param job               {@code monthly} or {@code research}
 * @param commandLine       the arguments as given
 * @param window            the resolved window, label and activity period
 * @param instruments       the instrument configuration in force, in order
 * @param instrumentSource  where it came from (bundled defaults or a file)
 * @param approaches        the configured approaches, in order
 * @param primaryInstrument key of the primary instrument
 * @param suppression       whether small-number suppression is on
 * @param parameters        every resolved parameter, name to value, in a fixed order
 */
public record RunDescription(String toolVersion, String job, String commandLine, ReportWindow window,
                             List<Instrument> instruments, String instrumentSource, List<String> approaches,
                             String primaryInstrument, boolean suppression, Map<String, String> parameters) {

    /** The parameter of the attention list's contact days (MONITORING.md, {@code --contact-days}). */
    public static final String CONTACT_DAYS = "contact-days";

    public boolean monthly() {
        return window.reportMonth() != null;
    }

    /** The configured instrument of this key. */
    public Instrument instrument(String key) {
        for (Instrument instrument : instruments) {
            if (instrument.key().equals(key)) {
                return instrument;
            }
        }
        throw new IllegalArgumentException("instrument " + key + " is not configured");
    }

    /** The primary instrument. */
    public Instrument primary() {
        return instrument(primaryInstrument);
    }

    /** The attention list's contact days of a monthly run: its parameter, or the default. */
    public int contactDays() {
        String days = parameters.get(CONTACT_DAYS);
        return days == null ? AttentionReason.DEFAULT_CONTACT_DAYS : Integer.parseInt(days);
    }
}
