package org.clinicaloutcomes.metrics;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The practice's expected-change model at one assessment {@code k} of one instrument
 * (MONITORING.md, "Expected recovery", readings 21–29): the least squares line of the
 * {@code k}-th score {@code y_k} on the baseline {@code x} over the reference episodes with at
 * least {@code k} scores ({@link LinearFit}), and the not-on-track rule of an open episode.
 * <pre>
 *   E_k(x) = a_k + b_k x                                   (expected score)
 *   T_k(x) = E_k(x) + 1.2816 × s_k    higher is worse      (not-on-track threshold)
 *          = E_k(x) − 1.2816 × s_k    higher is better
 *   not on track  ⇔  y &gt; T_k(x) strictly (higher is worse), y &lt; T_k(x) strictly (higher is better)
 * </pre>
 * 1.2816 is the literal of the spec (≈ the 0.90 normal quantile: a score worse than about 9 in
 * 10 similar clients of this practice at that assessment), not the exact quantile. A residual SD
 * of 0 (a perfect fit) is a model: then {@code T = E} and only a score strictly worse than
 * {@code E} is flagged (reading 24).
 *
 * <p>An open episode with {@code k} scores is judged by the model at
 * {@link #assessmentIndex(int) min(k, 20)}, only when {@code k ≥ 2}, and only when that model
 * exists — no borrowing from another {@code k} (reading 25). A model needs at least
 * {@code max(minN, 3)} episodes whose baselines are not all equal (readings 23, 24); the
 * configured minimum {@code --expected-min-n} is {@value #MIN_N_LOWEST}–{@value #MIN_N_HIGHEST},
 * default {@value #DEFAULT_MIN_N}.
 *
 * <p>Reference: the expected treatment response / "not on track" approach of M. J. Lambert et al.
 * (2001), The effects of providing therapists with feedback on patient progress during
 * psychotherapy: are outcomes enhanced? Psychotherapy Research 11(1), 49–68; here with the
 * practice's own regression per assessment (as MONITORING.md prescribes).
 *
 * @param model the fitted line at this assessment ({@code a_k}, {@code b_k}, {@code s_k}, {@code n_k})
 */
public record ExpectedRecovery(LinearFit.Model model) {

    /** The last assessment with a model; later scores are judged by the model at 20. */
    public static final int MAX_K = 20;
    /** The first assessment that is judged ({@code k = 1} is the baseline itself, {@code E_1(x) = x}). */
    public static final int MIN_K = 2;
    /** Default of {@code --expected-min-n}. */
    public static final int DEFAULT_MIN_N = 30;
    /** Lowest valid {@code --expected-min-n} (MIN_N_RANGE = 3..100000). */
    public static final int MIN_N_LOWEST = 3;
    /** Highest valid {@code --expected-min-n} (MIN_N_RANGE = 3..100000). */
    public static final int MIN_N_HIGHEST = 100_000;
    /** The z of the not-on-track threshold, the literal 1.2816. */
    public static final double Z_NOT_ON_TRACK = 1.2816;

    public ExpectedRecovery {
        Objects.requireNonNull(model, "model");
    }

    /**
     * The model at one assessment from its accumulated (baseline, k-th score) pairs; empty with
     * fewer than {@code max(minN, 3)} pairs or when all baselines are equal.
     */
    public static Optional<ExpectedRecovery> of(LinearFit fit, int minN) {
        return fit.model(minN).map(ExpectedRecovery::new);
    }

    /** Whether {@code minN} is a valid {@code --expected-min-n} ({@value #MIN_N_LOWEST}–{@value #MIN_N_HIGHEST}). */
    public static boolean isValidMinN(int minN) {
        return minN >= MIN_N_LOWEST && minN <= MIN_N_HIGHEST;
    }

    /**
     * The assessment whose model judges an open episode with {@code k} scores: {@code min(k, 20)};
     * empty for {@code k < 2} (never judged).
     */
    public static OptionalInt assessmentIndex(int k) {
        return k < MIN_K ? OptionalInt.empty() : OptionalInt.of(Math.min(k, MAX_K));
    }

    /** {@code E_k(x) = a_k + b_k x}. */
    public double expected(double x) {
        return model.predict(x);
    }

    /**
     * {@code T_k(x) = E_k(x) + 1.2816 × s_k} when higher is worse, {@code E_k(x) − 1.2816 × s_k}
     * when higher is better.
     */
    public double threshold(Instrument instrument, double x) {
        double margin = Z_NOT_ON_TRACK * model.residualSd();
        double expected = expected(x);
        return instrument.higherIsBetter() ? expected - margin : expected + margin;
    }

    /**
     * Whether the latest score {@code y} of an episode with baseline {@code x} is not on track:
     * {@code y > T_k(x)} strictly (higher is worse), {@code y < T_k(x)} strictly (higher is better).
     */
    public boolean notOnTrack(Instrument instrument, double x, double y) {
        double threshold = threshold(instrument, x);
        return instrument.higherIsBetter() ? y < threshold : y > threshold;
    }

    /**
     * The chart's three baselines: type 7 Q1, median and Q3 of the reference baselines
     * ({@link Quantiles}), each rounded to a whole point, halves away from zero (reading 35);
     * {@code null} for no baseline. See {@link ChartBaselines#of(double[])}.
     */
    public static ChartBaselines chartBaselines(double[] baselines) {
        return ChartBaselines.of(baselines);
    }
}
