package org.clinicaloutcomes.metrics.significance;

/** Jacobson &amp; Truax's cut-off types a, b and c (SIGNIFICANCE.md, section 6.1). */
public enum CutoffType {
    /** Two SDs beyond the clinical mean, toward health. */
    A,
    /** Within two SDs of the functional mean; needs {@code M_func} and {@code SD_func}. */
    B,
    /** The point between the two populations weighted by their SDs; needs both. */
    C;

    /**
     * The type named as in the instrument file's {@code cutoff_type}: {@code a}, {@code b} or
     * {@code c}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static CutoffType ofName(String name) {
        if (name != null) {
            switch (name) {
                case "a": return A;
                case "b": return B;
                case "c": return C;
                default: break;
            }
        }
        throw new IllegalArgumentException("cutoff_type must be a, b or c, got "
                + (name == null ? "null" : "\"" + name + "\""));
    }

    /** Whether the type needs the functional population's mean and SD. */
    public boolean needsFunctional() {
        return this != A;
    }
}
