package org.clinicaloutcomes.metrics.significance;

/**
 * The reliable-change methods of SIGNIFICANCE.md, section 2 (HLM, section 3, is not a method of
 * this package), in the contract's order; {@link ReliableChange} holds their formulas.
 */
public enum RciMethod {
    /** Jacobson &amp; Truax (1991). */
    JT,
    /** Gulliksen, Lord &amp; Novick (Hsu 1989, 1995). */
    GLN,
    /** Hsu, Linn &amp; Lord (Hsu 1989). */
    HLL,
    /** Edwards &amp; Nunnally (Speer 1992). */
    EN,
    /** Nunnally &amp; Kotsch (1983). */
    NK,
    /** Hageman &amp; Arrindell (1999), one-sided. */
    HA;

    /**
     * The method named as in the contract and the job file ({@code JT}, {@code GLN}, {@code HLL},
     * {@code EN}, {@code NK}, {@code HA}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static RciMethod ofName(String name) {
        for (RciMethod method : values()) {
            if (method.name().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown reliable change method " + (name == null ? "null"
                : "\"" + name + "\"") + "; expected one of JT, GLN, HLL, EN, NK, HA");
    }
}
