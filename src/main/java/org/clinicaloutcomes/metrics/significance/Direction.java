package org.clinicaloutcomes.metrics.significance;

/**
 * The direction of benefit {@code d} (SIGNIFICANCE.md, section 0): {@code d = −1} when lower
 * scores are better (R's default, {@code better_is = "lower"}), {@code d = +1} when higher scores
 * are better. Every rule of the package is written with {@code d × score}, so that one comparison
 * serves both directions.
 */
public enum Direction {

    /** Lower scores are better, {@code d = −1}. */
    LOWER_IS_BETTER(-1),
    /** Higher scores are better, {@code d = +1}. */
    HIGHER_IS_BETTER(+1);

    private final int d;

    Direction(int d) {
        this.d = d;
    }

    /** {@code d}: −1 or +1. */
    public int d() {
        return d;
    }

    /**
     * The direction named as R's {@code better_is}: {@code "lower"} or {@code "higher"}.
     *
     * @throws IllegalArgumentException for any other text (section 8)
     */
    public static Direction ofBetterIs(String betterIs) {
        if ("lower".equals(betterIs)) {
            return LOWER_IS_BETTER;
        }
        if ("higher".equals(betterIs)) {
            return HIGHER_IS_BETTER;
        }
        throw new IllegalArgumentException("better_is must be \"lower\" or \"higher\", got " +
                (betterIs == null ? "null" : "\"" + betterIs + "\""));
    }

    /** The direction of an instrument whose {@code higherIsBetter} flag is given. */
    public static Direction of(boolean higherIsBetter) {
        return higherIsBetter ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }
}
