package org.clinicaloutcomes.metrics.significance;

/**
 * The three-way individual category of the RCI, percentage, anchor and cut-off methods
 * (SIGNIFICANCE.md, section 0), in the contract's order.
 */
public enum Category {
    IMPROVED("improved"),
    UNCHANGED("unchanged"),
    DETERIORATED("deteriorated");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The contract's lower-case name, as in an output cell. */
    public String label() {
        return label;
    }
}
