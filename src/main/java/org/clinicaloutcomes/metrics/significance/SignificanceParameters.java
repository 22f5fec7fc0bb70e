package org.clinicaloutcomes.metrics.significance;

import java.io.Serializable;
import java.util.List;

/**
 * An instrument's parameters of the clinical-significance methods (SIGNIFICANCE.md, section 11):
 * the optional columns of the instrument file after METRICS.md's ten. {@code null} is "not
 * given"; the defaults of section 11 are applied here once, so every reader sees the resolved
 * value ({@code reliability} falls back on {@code rc_reliability}, the deteriorations on the
 * improvements, {@code cutoff_type} on {@code a}).
 *
 * @param reliability      {@code r} of sections 2–3, in [0, 1]
 * @param reliabilityPost  {@code r_post} of NK, in [0, 1]; {@code null}: NK uses {@code r} (section 9, row 8)
 * @param functionalMean   {@code M_func} (cut-offs b and c, HA's true-score ones)
 * @param functionalSd     {@code SD_func}, {@code >= 0}
 * @param cutoffType       the cut-off of the combined approach; never null
 * @param midImprovement   {@code MID_imp} of the anchor, points, {@code >= 0}
 * @param midDeterioration {@code MID_det}, points, {@code >= 0}; {@code MID_imp} when not given
 * @param pctImprovement   {@code p_imp} of the percentage method, in [0, 1]
 * @param pctDeterioration {@code p_det}, in [0, 1]; {@code p_imp} when not given
 */
public record SignificanceParameters(Double reliability, Double reliabilityPost, Double functionalMean,
        Double functionalSd, CutoffType cutoffType, Double midImprovement, Double midDeterioration,
        Double pctImprovement, Double pctDeterioration) implements Serializable {

    public static final String RELIABILITY = "reliability";
    public static final String RELIABILITY_POST = "reliability_post";
    public static final String FUNCTIONAL_MEAN = "functional_mean";
    public static final String FUNCTIONAL_SD = "functional_sd";
    public static final String CUTOFF_TYPE = "cutoff_type";
    public static final String MID_IMPROVEMENT = "mid_improvement";
    public static final String MID_DETERIORATION = "mid_deterioration";
    public static final String PCT_IMPROVEMENT = "pct_improvement";
    public static final String PCT_DETERIORATION = "pct_deterioration";
    /** The optional columns of the instrument file, in the contract's order. */
    public static final List<String> COLUMNS = List.of(RELIABILITY, RELIABILITY_POST, FUNCTIONAL_MEAN,
            FUNCTIONAL_SD, CUTOFF_TYPE, MID_IMPROVEMENT, MID_DETERIORATION, PCT_IMPROVEMENT, PCT_DETERIORATION);

    /** No parameter given: only HLM can run, and the combined approach with cut-off a. */
    public static final SignificanceParameters NONE =
            new SignificanceParameters(null, null, null, null, null, null, null, null, null);

    /**
     * @throws IllegalArgumentException naming the column when a value is out of its range
     *                                  (section 8)
     */
    public SignificanceParameters {
        cutoffType = cutoffType == null ? CutoffType.A : cutoffType;
        if (reliability != null) {
            Checks.reliability(RELIABILITY, reliability);
        }
        if (reliabilityPost != null) {
            Checks.reliability(RELIABILITY_POST, reliabilityPost);
        }
        if (functionalMean != null) {
            Checks.finite(FUNCTIONAL_MEAN, functionalMean);
        }
        if (functionalSd != null) {
            Checks.nonNegative(FUNCTIONAL_SD, functionalSd);
        }
        if (midImprovement != null) {
            Checks.nonNegative(MID_IMPROVEMENT, midImprovement);
        }
        if (midDeterioration != null) {
            Checks.nonNegative(MID_DETERIORATION, midDeterioration);
        }
        if (pctImprovement != null) {
            Checks.fraction(PCT_IMPROVEMENT, pctImprovement);
        }
        if (pctDeterioration != null) {
            Checks.fraction(PCT_DETERIORATION, pctDeterioration);
        }
        midDeterioration = midDeterioration == null ? midImprovement : midDeterioration;
        pctDeterioration = pctDeterioration == null ? pctImprovement : pctDeterioration;
    }

    /** {@code r_post} of NK: the given one, else {@code r} (section 9, row 8). */
    public Double nkReliabilityPost() {
        return reliabilityPost == null ? reliability : reliabilityPost;
    }

    /**
     * The columns the combined approach's cut-off needs that are missing: {@code functional_mean}
     * and {@code functional_sd} for types b and c; empty for a.
     */
    public List<String> missingForCutoff() {
        if (!cutoffType.needsFunctional()) {
            return List.of();
        }
        if (functionalMean == null && functionalSd == null) {
            return List.of(FUNCTIONAL_MEAN, FUNCTIONAL_SD);
        }
        return functionalMean == null ? List.of(FUNCTIONAL_MEAN)
                : functionalSd == null ? List.of(FUNCTIONAL_SD) : List.of();
    }

    /** These parameters with {@code r} as the reliability when none is given ({@code rc_reliability}). */
    public SignificanceParameters withDefaultReliability(Double rcReliability) {
        if (reliability != null || rcReliability == null) {
            return this;
        }
        return new SignificanceParameters(rcReliability, reliabilityPost, functionalMean, functionalSd, cutoffType,
                midImprovement, midDeterioration, pctImprovement, pctDeterioration);
    }
}
