package org.clinicaloutcomes.metrics.significance;

import java.util.ArrayList;
import java.util.List;

/**
 * The methods a research run may ask for with {@code --significance} (SIGNIFICANCE.md, section
 * 11), in the contract's order, which is also the order of their rows in
 * {@code clinical_significance.csv} and of their {@code category_<method>} columns.
 */
public enum SignificanceMethod {
    JT("JT", RciMethod.JT),
    GLN("GLN", RciMethod.GLN),
    HLL("HLL", RciMethod.HLL),
    EN("EN", RciMethod.EN),
    NK("NK", RciMethod.NK),
    HA("HA", RciMethod.HA),
    /** Section 3: the slope deviation of a random-intercept-and-slope model, over every score. */
    HLM("HLM", null),
    /** Section 4. Has no combined approach (section 11). */
    PERCENTAGE("percentage", null),
    /** Section 5.1; as the change criterion of the combined approach, the package's "CWB". */
    ANCHOR("anchor", null);

    /** The default of a research run (section 11). */
    public static final List<SignificanceMethod> DEFAULT = List.of(JT);

    private final String label;
    private final RciMethod rci;

    SignificanceMethod(String label, RciMethod rci) {
        this.label = label;
        this.rci = rci;
    }

    /** The name as the contract, the command line and the output write it ({@code JT}, {@code percentage}). */
    public String label() {
        return label;
    }

    /** The reliable-change method, or {@code null} for HLM, percentage and anchor. */
    public RciMethod rci() {
        return rci;
    }

    /** Whether the method has the combined five-way categories (all but percentage). */
    public boolean hasCombinedApproach() {
        return this != PERCENTAGE;
    }

    /**
     * The method of this name, ignoring case ({@code jt}, {@code Percentage}).
     *
     * @throws IllegalArgumentException for any other name, naming the allowed ones
     */
    public static SignificanceMethod ofName(String name) {
        for (SignificanceMethod method : values()) {
            if (method.label.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown clinical-significance method "
                + (name == null ? "null" : "'" + name + "'") + "; expected " + names());
    }

    /**
     * The methods of a comma-separated list, in the contract's order whatever the list's order.
     *
     * @throws IllegalArgumentException for an empty list, an empty item, an unknown name or a
     *                                  method named twice
     */
    public static List<SignificanceMethod> listOf(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            throw new IllegalArgumentException("the list of clinical-significance methods is empty; expected "
                    + "some of " + names());
        }
        boolean[] named = new boolean[values().length];
        for (String item : commaSeparated.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("the list of clinical-significance methods '" + commaSeparated
                        + "' has an empty item");
            }
            SignificanceMethod method = ofName(item);
            if (named[method.ordinal()]) {
                throw new IllegalArgumentException("the list of clinical-significance methods names "
                        + method.label + " twice");
            }
            named[method.ordinal()] = true;
        }
        List<SignificanceMethod> methods = new ArrayList<>();
        for (SignificanceMethod method : values()) {
            if (named[method.ordinal()]) {
                methods.add(method);
            }
        }
        return List.copyOf(methods);
    }

    /** The labels of {@code methods} joined with commas (the job parameter's and run.json's form). */
    public static String joined(List<SignificanceMethod> methods) {
        return String.join(",", methods.stream().map(SignificanceMethod::label).toList());
    }

    /** Every label, comma-separated, for messages and the help text. */
    public static String names() {
        return joined(List.of(values()));
    }

    /**
     * The instrument-file columns this method needs that {@code parameters} lack, in column
     * order; empty when it can run. The combined approach's cut-off is not a need of the method:
     * without it only the five-way cells stay empty ({@link SignificanceParameters#missingForCutoff()}).
     */
    public List<String> missing(SignificanceParameters parameters) {
        return switch (this) {
            case JT, GLN, HLL, EN, NK, HA -> parameters.reliability() == null
                    ? List.of(SignificanceParameters.RELIABILITY) : List.of();
            case HLM -> List.of();
            case PERCENTAGE -> parameters.pctImprovement() == null
                    ? List.of(SignificanceParameters.PCT_IMPROVEMENT) : List.of();
            case ANCHOR -> parameters.midImprovement() == null
                    ? List.of(SignificanceParameters.MID_IMPROVEMENT) : List.of();
        };
    }
}
