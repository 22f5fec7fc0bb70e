package org.clinicaloutcomes.metrics.significance;

/**
 * The five-way category of the combined approach (SIGNIFICANCE.md, sections 0 and 7), in the
 * contract's order.
 */
public enum CombinedCategory {
    RECOVERED("recovered"),
    IMPROVED("improved"),
    UNCHANGED("unchanged"),
    DETERIORATED("deteriorated"),
    HARMED("harmed");

    private final String label;

    CombinedCategory(String label) {
        this.label = label;
    }

    /** The contract's lower-case name, as in an output cell. */
    public String label() {
        return label;
    }
}
