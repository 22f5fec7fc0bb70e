package org.clinicaloutcomes.metrics;

/**
 * Pre–post effect sizes of one group (METRICS.md, "Per group"). {@code reduction} is the
 * improvement in points (positive = better, whatever the instrument's direction), so a positive
 * effect size always means improvement.
 *
 * <pre>
 *   d  = mean(reduction) / SD(baseline)          pre–post d, the routine-care benchmark convention
 *   dz = mean(reduction) / SD(reduction)         standardised mean change of the differences
 *   J  = 1 − 3 / (4(n − 1) − 1)                  small-sample correction, n ≥ 3
 *   g  = d × J
 *   CI = g ± z × sqrt(2(1 − r) / n + g² / (2n))  r = Pearson(baseline, final), z = exact 0.975 quantile
 * </pre>
 * The variance of g is Becker's (1988) large-sample variance of the standardised mean change with
 * raw-score standardisation, as metafor's {@code escalc(measure = "SMCR")} computes it.
 *
 * <p>Undefined values are {@code null}: {@code d} when SD(baseline) is 0 or {@code n < 2};
 * {@code dz} when SD(reduction) is 0 or {@code n < 2}; {@code g} when {@code d} is undefined
 * or {@code n < 3}; the CI of g when g is undefined or r is (an SD of baseline or final of 0).
 *
 * <p>References: B. J. Becker (1988), Synthesizing standardized mean-change measures. British
 * Journal of Mathematical and Statistical Psychology 41, 257–278. W. Viechtbauer (2010),
 * Conducting meta-analyses in R with the metafor package. J. Stat. Softw. 36(3).
 * L. V. Hedges (1981), Distribution theory for Glass's estimator of effect size (J).
 *
 * @param d       mean reduction over the SD of the baseline scores
 * @param g       d with Hedges' small-sample correction J
 * @param gCiLow  lower end of the 95% CI of g
 * @param gCiHigh upper end of the 95% CI of g
 * @param dz      mean reduction over the SD of the reductions
 */
public record EffectSizes(Double d, Double g, Double gCiLow, Double gCiHigh, Double dz) {

    /** All undefined, as for a group with fewer than two paired episodes. */
    public static final EffectSizes UNDEFINED = new EffectSizes(null, null, null, null, null);

    /**
     * Effect sizes from paired scores.
     *
     * @param baseline    baseline score per episode
     * @param finalScores final score per episode, same order
     * @param reduction   improvement in points per episode, same order
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static EffectSizes of(double[] baseline, double[] finalScores, double[] reduction) {
        int n = baseline.length;
        if (finalScores.length != n || reduction.length != n) {
            throw new IllegalArgumentException("baseline, final and reduction differ in length: "
                    + n + ", " + finalScores.length + ", " + reduction.length);
        }
        if (n < 2) {
            return UNDEFINED;
        }
        double meanReduction = Statistics.mean(reduction);
        Double d = ratio(meanReduction, Statistics.sampleSd(baseline));
        Double dz = ratio(meanReduction, Statistics.sampleSd(reduction));
        Double j = hedgesJ(n);
        Double g = d == null || j == null ? null : Statistics.finiteOrNull(d * j);
        Interval gCi = g == null ? null : gInterval(g, Statistics.pearson(baseline, finalScores), n);
        return new EffectSizes(d, g,
                Interval.lowOf(gCi), Interval.highOf(gCi), dz);
    }

    /** Hedges' correction {@code J = 1 − 3 / (4(n − 1) − 1)}; {@code null} for {@code n < 3}. */
    public static Double hedgesJ(int n) {
        if (n < 3) {
            return null;
        }
        return 1.0 - 3.0 / (4.0 * (n - 1) - 1.0);
    }

    /**
     * 95% CI of g: {@code g ± z × sqrt(2(1 − r)/n + g²/(2n))}; {@code null} when {@code r} is
     * {@code null} or the result is not finite.
     */
    public static Interval gInterval(double g, Double r, int n) {
        if (r == null || n < 1) {
            return null;
        }
        double half = Statistics.Z_975 * Math.sqrt(2.0 * (1.0 - r) / n + g * g / (2.0 * n));
        return Interval.ofFinite(g - half, g + half);
    }

    private static Double ratio(double numerator, Double sd) {
        if (sd == null || sd == 0.0) {
            return null;
        }
        return Statistics.finiteOrNull(numerator / sd);
    }
}
