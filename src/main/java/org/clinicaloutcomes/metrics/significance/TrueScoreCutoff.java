package org.clinicaloutcomes.metrics.significance;

import java.util.Objects;

/**
 * Hageman &amp; Arrindell's true-score cut-offs and their individual criterion {@code CS_indiv}
 * (SIGNIFICANCE.md, section 6.3; R's {@code cutoff_method = "HA"}), with the clinical population
 * the sample's pre scores.
 * <pre>
 *   SE     = SD_clin × sqrt(1 − r)
 *   r_clin = (SD_clin² − SE²) / SD_clin²          (= r)
 *   r_func = (SD_func² − SE²) / SD_func²
 *   r_post = (SD_post² − SE²) / SD_post²
 *   s1 = SD_clin × sqrt(r_clin),  s0 = SD_func × sqrt(r_func)
 *
 *   a_true = M_clin + d × 2 × s1
 *   b_true = M_func − d × 2 × s0                  (R: s1, as for b)
 *   c_true = (s1 × M_func + s0 × M_clin) / (s1 + s0)
 *
 *   CS_indiv      = (M_post + (post − M_post) × r_post − cutoff) / (sqrt(r_post) × SE)
 *   clinical_pre  = d × pre &lt; d × cutoff               (observed pre score)
 *   improved      = clinical_pre and d × CS_indiv &gt;  z1
 *   deteriorated  = not clinical_pre and d × CS_indiv &lt; −z1
 *   unchanged     = otherwise
 * </pre>
 * In the combined approach, {@code functional_post = clinical_pre and d × CS_indiv > z1} and
 * {@code clinical_post = not clinical_pre and d × CS_indiv < −z1} (section 7).
 *
 * <p>Undefined, rejected: {@code SE = 0} (r = 1 or {@code SD_clin = 0}); {@code r_post ≤ 0}
 * (including {@code SD_post = 0}); for b or c, {@code r_func ≤ 0} (including {@code SD_func = 0});
 * fewer than 2 pairs; b or c without {@code M_func} and {@code SD_func}.
 *
 * <p>Reference: W. J. Hageman &amp; W. A. Arrindell (1999), Establishing clinically significant
 * change. Behav. Res. Ther. 37(12), 1169–1193.
 *
 * @param type          a, b or c
 * @param direction     the direction of benefit
 * @param value         the true-score cut-off
 * @param mPost         {@code M_post} of the sample
 * @param rPost         {@code r_post}
 * @param se            {@code SE}
 * @param criticalValue {@code z1}
 */
public record TrueScoreCutoff(CutoffType type, Direction direction, double value, double mPost, double rPost,
        double se, double criticalValue) implements ClinicalRange {

    /** The cut-off at {@code alpha = 0.05}. */
    public static TrueScoreCutoff of(CutoffType type, PairedSample sample, Direction direction, double r,
            Double functionalMean, Double functionalSd) {
        return of(type, sample, direction, r, functionalMean, functionalSd, CriticalValues.DEFAULT_ALPHA);
    }

    /**
     * The true-score cut-off of {@code type} for {@code sample}.
     *
     * @throws IllegalArgumentException when a parameter is missing or out of range (section 8),
     *                                  or the cut-off or {@code CS_indiv} is undefined
     */
    public static TrueScoreCutoff of(CutoffType type, PairedSample sample, Direction direction, double r,
            Double functionalMean, Double functionalSd, double alpha) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(direction, "direction");
        Checks.reliability("reliability", r);
        Cutoff.Functional functional = Cutoff.Functional.of(type, functionalMean, functionalSd);
        double z1 = CriticalValues.oneSided(alpha);
        String name = "HA true-score cut-off " + type.name().toLowerCase(java.util.Locale.ROOT);
        if (sample.n() < 2) {
            throw new IllegalArgumentException(name + " is undefined: fewer than 2 complete pairs (n = "
                    + sample.n() + ")");
        }
        double sdClin = sample.sdPre();
        double mClin = sample.mPre();
        double se = sdClin * Math.sqrt(1 - r);
        if (se == 0) {
            throw new IllegalArgumentException(name + " is undefined: the standard error is 0 ("
                    + (r == 1 ? "reliability 1" : "the SD of the pre scores is 0") + ")");
        }
        double se2 = se * se;
        double sdClin2 = sdClin * sdClin;
        double rClin = (sdClin2 - se2) / sdClin2;
        double sdPost = sample.sdPost();
        double sdPost2 = sdPost * sdPost;
        double rPost = (sdPost2 - se2) / sdPost2;
        if (!(rPost > 0)) {
            throw new IllegalArgumentException(name + " is undefined: r_post is " + rPost + " (must be > 0)");
        }
        double s1 = sdClin * Math.sqrt(rClin);
        int d = direction.d();
        double value;
        if (type == CutoffType.A) {
            value = mClin + d * 2 * s1;
        } else {
            double sdFunc2 = functional.sd() * functional.sd();
            double rFunc = (sdFunc2 - se2) / sdFunc2;
            if (!(rFunc > 0)) {
                throw new IllegalArgumentException(name + " is undefined: r_func is " + rFunc + " (must be > 0)");
            }
            double s0 = functional.sd() * Math.sqrt(rFunc);
            value = type == CutoffType.B
                    ? functional.mean() - d * 2 * s0
                    : (s1 * functional.mean() + s0 * mClin) / (s1 + s0);
        }
        return new TrueScoreCutoff(type, direction, value, sample.mPost(), rPost, se, z1);
    }

    /** {@code CS_indiv} of a post score. */
    public double csIndiv(double post) {
        return (mPost + (post - mPost) * rPost - value) / (Math.sqrt(rPost) * se);
    }

    @Override
    public boolean clinicalPre(double pre) {
        return direction.d() * pre < direction.d() * value;
    }

    /** {@code clinical_pre and d × CS_indiv > z1}. */
    @Override
    public boolean functionalPost(double pre, double post) {
        return clinicalPre(pre) && direction.d() * csIndiv(post) > criticalValue;
    }

    /** {@code not clinical_pre and d × CS_indiv < −z1}. */
    @Override
    public boolean clinicalPost(double pre, double post) {
        return !clinicalPre(pre) && direction.d() * csIndiv(post) < -criticalValue;
    }

    @Override
    public Category classify(double pre, double post) {
        if (functionalPost(pre, post)) {
            return Category.IMPROVED;
        }
        if (clinicalPost(pre, post)) {
            return Category.DETERIORATED;
        }
        return Category.UNCHANGED;
    }
}
