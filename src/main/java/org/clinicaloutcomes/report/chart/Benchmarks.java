package org.clinicaloutcomes.report.chart;

/**
 * The published figures the report compares the practice with, written once for the About sheet's
 * definitions and the charts that draw them as reference lines.
 */
public final class Benchmarks {

    /**
     * Pre–post effect sizes of trauma-focused therapies on PTSD measures in trials: about 1.0 to
     * 1.4 (Watts et al. 2013, J. Clin. Psychiatry 74(6), e541–e550; routine care reaches about half
     * of that, Stewart &amp; Chambless 2009, J. Consult. Clin. Psychol. 77(4), 595–606).
     */
    public static final double TRIAL_PTSD_EFFECT_LOW = 1.0;
    public static final double TRIAL_PTSD_EFFECT_HIGH = 1.4;
    /** The instrument the trial band applies to (a PTSD measure). */
    public static final String PTSD_INSTRUMENT = "pcl5";

    private Benchmarks() {
    }
}
