package org.clinicaloutcomes.metrics;

/**
 * The two counts of a rate: {@code k} of {@code n} (for example {@code n_reliable_improvement} of
 * {@code n_paired}, or {@code n_recovered} of {@code n_cases}, of one month). Its rate is
 * {@link Statistics#percent(long, long) 100.0 × k / n}, not defined when {@code n = 0}.
 *
 * @param k the numerator, {@code 0 ≤ k ≤ n}
 * @param n the denominator, {@code ≥ 0}
 */
public record Proportion(long k, long n) {

    /** No episode: {@code 0 of 0}. */
    public static final Proportion EMPTY = new Proportion(0, 0);

    public Proportion {
        if (k < 0 || n < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
        }
    }

    /** {@code 100.0 × k / n}; {@code null} when {@code n = 0}. */
    public Double percent() {
        return Statistics.percent(k, n);
    }

    /** The pooled counts {@code (k + other.k) of (n + other.n)}, exact (overflow throws). */
    public Proportion plus(Proportion other) {
        return new Proportion(Math.addExact(k, other.k), Math.addExact(n, other.n));
    }
}
