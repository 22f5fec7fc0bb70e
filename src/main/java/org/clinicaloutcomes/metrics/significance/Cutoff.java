package org.clinicaloutcomes.metrics.significance;

import java.util.Objects;

/**
 * Jacobson &amp; Truax's cut-offs on observed scores (SIGNIFICANCE.md, sections 6.1 and 6.2). The
 * clinical population is the sample's pre scores ({@code M_clin = M_pre}, {@code SD_clin =
 * SD_pre}); {@code M_func} and {@code SD_func} are supplied.
 * <pre>
 *   a = M_clin + d × 2 × SD_clin                          2 SD beyond the clinical mean, toward health
 *   b = M_func − d × 2 × SD_func                          2 SD of the functional mean, toward illness
 *   c = (SD_clin × M_func + SD_func × M_clin) / (SD_clin + SD_func)
 *
 *   clinical_pre    = d × pre  &lt; d × cutoff
 *   functional_post = d × post &gt; d × cutoff
 *   improved        = clinical_pre and functional_post
 *   deteriorated    = not clinical_pre and not functional_post
 *   unchanged       = otherwise (clinical → clinical, functional → functional)
 * </pre>
 * Both comparisons are strict: a score exactly at the cut-off is neither clinical at pre nor
 * functional at post (R's source; no published number tests the tie).
 *
 * <p>Cut-off b uses the functional SD, as Jacobson &amp; Truax (1991) define it ("within two
 * standard deviations of the mean of the functional population"); R and the package's 2022
 * vignette use the clinical SD (SIGNIFICANCE.md section 9, row 1; no published result uses b).
 *
 * <p>Undefined, rejected: fewer than 2 pairs (no {@code SD_clin}); c with
 * {@code SD_clin + SD_func = 0}; b or c without {@code M_func} and {@code SD_func} (section 8).
 *
 * <p>Reference: N. S. Jacobson &amp; P. Truax (1991), JCCP 59(1), 12–19.
 *
 * @param type      a, b or c
 * @param direction the direction of benefit
 * @param value     the cut-off score
 */
public record Cutoff(CutoffType type, Direction direction, double value) implements ClinicalRange {

    public Cutoff {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        Checks.finite("cut-off", value);
    }

    /**
     * The cut-off of {@code type} for {@code sample}.
     *
     * @param functionalMean {@code M_func}; needed for b and c, else may be {@code null}
     * @param functionalSd   {@code SD_func}, {@code >= 0}; needed for b and c, else may be {@code null}
     * @throws IllegalArgumentException when a needed parameter is missing or out of range, or the
     *                                  cut-off is undefined
     */
    public static Cutoff of(CutoffType type, PairedSample sample, Direction direction, Double functionalMean,
            Double functionalSd) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(direction, "direction");
        Functional functional = Functional.of(type, functionalMean, functionalSd);
        double sdClin = sample.sdPre();
        if (!(sdClin >= 0)) {
            throw new IllegalArgumentException("cut-off " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " is undefined: fewer than 2 complete pairs (n = " + sample.n() + ")");
        }
        double mClin = sample.mPre();
        int d = direction.d();
        double value = switch (type) {
            case A -> mClin + d * 2 * sdClin;
            case B -> functional.mean() - d * 2 * functional.sd();
            case C -> {
                if (sdClin + functional.sd() == 0) {
                    throw new IllegalArgumentException("cut-off c is undefined: SD_clin + SD_func = 0");
                }
                yield (sdClin * functional.mean() + functional.sd() * mClin) / (sdClin + functional.sd());
            }
        };
        return new Cutoff(type, direction, value);
    }

    @Override
    public boolean clinicalPre(double pre) {
        return direction.d() * pre < direction.d() * value;
    }

    /** {@code d × post > d × cutoff} (strict). */
    public boolean functionalPost(double post) {
        return direction.d() * post > direction.d() * value;
    }

    @Override
    public boolean functionalPost(double pre, double post) {
        return functionalPost(post);
    }

    /** Not functional at post: {@code d × post ≤ d × cutoff}. */
    @Override
    public boolean clinicalPost(double pre, double post) {
        return !functionalPost(post);
    }

    @Override
    public Category classify(double pre, double post) {
        boolean clinicalPre = clinicalPre(pre);
        boolean functionalPost = functionalPost(post);
        if (clinicalPre && functionalPost) {
            return Category.IMPROVED;
        }
        if (!clinicalPre && !functionalPost) {
            return Category.DETERIORATED;
        }
        return Category.UNCHANGED;
    }

    /** The functional population's parameters, checked for the cut-off type (section 8). */
    record Functional(double mean, double sd) {

        static Functional of(CutoffType type, Double mean, Double sd) {
            String name = "cut-off " + type.name().toLowerCase(java.util.Locale.ROOT);
            if (type.needsFunctional() && (mean == null || sd == null)) {
                throw new IllegalArgumentException(name + " needs functional_mean and functional_sd, "
                        + (mean == null && sd == null ? "both are" : mean == null ? "functional_mean is"
                        : "functional_sd is") + " missing");
            }
            double m = mean == null ? Double.NaN : Checks.finite("functional_mean", mean);
            double s = sd == null ? Double.NaN : Checks.nonNegative("functional_sd", sd);
            return new Functional(m, s);
        }
    }
}
