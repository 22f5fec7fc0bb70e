package org.clinicaloutcomes.metrics.significance;

/** The parameter rules of SIGNIFICANCE.md, section 8, with their messages. */
final class Checks {

    private Checks() {
    }

    /** A reliability in [0, 1]. */
    static double reliability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + value);
        }
        return value;
    }

    /** A proportion in [0, 1] ({@code p_imp}, {@code p_det}). */
    static double fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + value);
        }
        return value;
    }

    /** A finite value {@code >= 0} (MIDs, SDs). */
    static double nonNegative(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** A finite value (means, scores). */
    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    /** A confidence level in (0, 1). */
    static double level(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must lie in (0, 1), got " + value);
        }
        return value;
    }
}
