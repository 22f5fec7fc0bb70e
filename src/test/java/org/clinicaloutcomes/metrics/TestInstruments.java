package org.clinicaloutcomes.metrics;

/** The default instruments of METRICS.md, and a higher-is-better one, for tests. */
final class TestInstruments {

    static final Instrument PCL5 = new Instrument("pcl5", "PCL-5", 0, 80, false, true, 33.0, 10);
    static final Instrument PHQ9 = new Instrument("phq9", "PHQ-9", 0, 27, false, true, 10.0, 6);
    static final Instrument GAD7 = new Instrument("gad7", "GAD-7", 0, 21, false, true, 8.0, 4);
    static final Instrument DERS16 = new Instrument("ders16", "DERS-16", 16, 80, false, true, null,
            Instrument.jacobsonTruax(13.1, 0.85));
    static final Instrument AAQ2 = new Instrument("aaq2", "AAQ-II", 7, 49, false, true, 24.0,
            Instrument.jacobsonTruax(9.9, 0.81));
    /** Dyadic Adjustment Scale as in Jacobson &amp; Truax (1991): higher is better, decimals allowed. */
    static final Instrument DAS = new Instrument("das", "DAS", 0, 151, true, false, 105.2,
            Instrument.jacobsonTruax(11.83, 0.84));

    static final Instrument[] DEFAULTS = {PCL5, PHQ9, GAD7, DERS16, AAQ2};

    private TestInstruments() {
    }
}
