package org.clinicaloutcomes.metrics;

/**
 * Wilson score interval of a proportion {@code k / n} (Wilson 1927), 95%, in percent.
 *
 * <pre>
 *   p      = k / n
 *   center = (p + z² / (2n)) / (1 + z² / n)
 *   half   = z × sqrt(p (1 − p) / n + z² / (4n²)) / (1 + z² / n)
 *   CI     = 100 × (center ± half), clamped to [0, 100]
 * </pre>
 * with {@code z} the exact 0.975 normal quantile ({@link Statistics#Z_975}). The operations run
 * in exactly this order (the order of statsmodels' {@code proportion_confint(method="wilson")}),
 * which reproduces the reference bit for bit, including lower ends such as 5.551115123125783e-15
 * for 0 of 7 where the exact value is 0: both are the literal formula, and the clamp only removes
 * values outside [0, 100], it does not round.
 *
 * <p>Reference: E. B. Wilson (1927), Probable inference, the law of succession, and statistical
 * inference. JASA 22(158), 209–212.
 */
public final class Wilson {

    private Wilson() {
    }

    /**
     * The 95% Wilson interval of {@code k} successes out of {@code n}, in percent; {@code null}
     * when {@code n = 0}.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ k ≤ n}
     */
    public static Interval percentInterval(long k, long n) {
        if (k < 0 || n < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
        }
        if (n == 0) {
            return null;
        }
        double z = Statistics.Z_975;
        double z2 = z * z;
        double p = (double) k / n;
        double denominator = 1.0 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
        double low = 100.0 * (center - half);
        double high = 100.0 * (center + half);
        return new Interval(clampPercent(low), clampPercent(high));
    }

    private static double clampPercent(double value) {
        return Math.max(0.0, Math.min(100.0, value));
    }
}
