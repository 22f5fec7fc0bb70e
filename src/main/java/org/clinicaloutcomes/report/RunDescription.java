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
 * @param randomised        whether the job file states that participants were randomised to the
 *                          approaches (parameter {@value #RANDOMISED}; the reports' wording only,
 *                          {@link StudyDesign})
 * @param practiceData      whether the data are the practice's own: a monthly run, or a research
 *                          run on the canonical input (parameter {@value #LAYOUT} absent or
 *                          {@value #CANONICAL}); else a researcher's export ({@code long},
 *                          {@code wide}), whose reports say nothing of trauma or the practice
 */
public record RunDescription(String toolVersion, String job, String commandLine, ReportWindow window,
                             List<Instrument> instruments, String instrumentSource, List<String> approaches,
                             String primaryInstrument, boolean suppression, Map<String, String> parameters,
                             boolean randomised, boolean practiceData) {

    /** The parameter of the attention list's contact days (MONITORING.md, {@code --contact-days}). */
    public static final String CONTACT_DAYS = "contact-days";
    /** The parameter of the job file's {@code randomised} key: {@code true} or {@code false}. */
    public static final String RANDOMISED = "randomised";
    /** The parameter of the job file's {@code layout} key: {@code canonical}, {@code long} or {@code wide}. */
    public static final String LAYOUT = "layout";
    /** The parameter of an analysis by wave's wave labels, comma-separated in time order. */
    public static final String WAVES = "waves";
    /** The layout of the practice's two files, the default. */
    public static final String CANONICAL = "canonical";

    /**
     * A run of the practice's own data, not randomised: the facts as {@link #randomised(Map)} and
     * {@link #practiceData(ReportWindow, Map)} read them off these parameters.
     */
    public RunDescription(String toolVersion, String job, String commandLine, ReportWindow window,
                          List<Instrument> instruments, String instrumentSource, List<String> approaches,
                          String primaryInstrument, boolean suppression, Map<String, String> parameters) {
        this(toolVersion, job, commandLine, window, instruments, instrumentSource, approaches, primaryInstrument,
                suppression, parameters, randomised(parameters), practiceData(window, parameters));
    }

    /** Whether the parameters say the participants were randomised: {@value #RANDOMISED} is {@code true}. */
    public static boolean randomised(Map<String, String> parameters) {
        return "true".equalsIgnoreCase(parameters.getOrDefault(RANDOMISED, "false").trim());
    }

    /**
     * Whether a run reads the practice's own data: a monthly run, or a layout that is absent or
     * {@value #CANONICAL}.
     */
    public static boolean practiceData(ReportWindow window, Map<String, String> parameters) {
        String layout = parameters.get(LAYOUT);
        return window.reportMonth() != null || layout == null || layout.isBlank()
                || CANONICAL.equalsIgnoreCase(layout.trim());
    }

    /** How the reports state the study design (randomised or not). */
    public StudyDesign design() {
        return new StudyDesign(randomised, practiceData);
    }

    /** A fixed text of the reports in the words for this run's data ({@link Wording}). */
    public String words(String text) {
        return wording().apply(text);
    }

    /** The words of the reports' fixed texts for this run's data ({@link Wording}). */
    Wording wording() {
        return Wording.of(practiceData, byWave());
    }

    /**
     * Whether this is an analysis by wave (RESEARCH.md): no dates, sessions or discharges, so the
     * reports leave out everything that needs them.
     */
    public boolean byWave() {
        return window.byWave();
    }

    /**
     * The run's period in words, as every title, header and caption gives it: {@code 2024-01-01 to
     * 2026-10-31}, or {@code all waves (1, 2, 3, 4)} ({@link ReportWindow#span(List)}).
     */
    public String span() {
        return window.span(waveLabels());
    }

    /** The wave labels of an analysis by wave, in order (the job file's {@code waves}); empty for dated data. */
    public List<String> waveLabels() {
        String labels = parameters.get(WAVES);
        if (labels == null || labels.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(labels.split(",")).map(String::trim).toList();
    }

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
