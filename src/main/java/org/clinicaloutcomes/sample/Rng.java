package org.clinicaloutcomes.sample;

import java.util.SplittableRandom;

/**
 * Random draws for one episode. Everything is derived from {@link SplittableRandom#nextLong()}
 * (SplitMix64, specified bit for bit) with plain integer and IEEE arithmetic, so the draws do not
 * depend on the JDK's bounded-int or Gaussian algorithms, nor on the machine.
 */
final class Rng {

    private SplittableRandom random = new SplittableRandom(0);

    /** Starts the independent stream of episode {@code index} of a run with {@code seed}. */
    void reseed(long seed, long index) {
        random = new SplittableRandom(mix(seed + mix(index + 0x9E3779B97F4A7C15L)));
    }

    /** The SplitMix64 finaliser (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        return random.nextLong();
    }

    /** Uniform in {@code [0, bound)}, {@code bound >= 1}. */
    int nextInt(int bound) {
        return (int) (((random.nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in {@code [lo, hi]}. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /**
     * A bell-shaped draw with mean 0 and SD 1: the scaled sum of three 21-bit uniforms cut from one
     * {@code nextLong()} (bounded at ±3, which suits measurement noise, and needs no logarithm).
     */
    double gauss() {
        long x = random.nextLong();
        long sum = (x & 0x1FFFFF) + ((x >>> 21) & 0x1FFFFF) + ((x >>> 42) & 0x1FFFFF);
        return (sum * 0x1.0p-21 - 1.5) * 2.0;
    }

    /** Index drawn with {@link #cumulative(double[])} weights. */
    int pickCumulative(double[] cumulative) {
        double u = nextDouble();
        int last = cumulative.length - 1;
        for (int i = 0; i < last; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return last;
    }

    /** Weights turned into cumulative shares for {@link #pickCumulative(double[])}. */
    static double[] cumulative(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] c = new double[weights.length];
        double run = 0;
        for (int i = 0; i < weights.length; i++) {
            run += weights[i];
            c[i] = run / total;
        }
        return c;
    }
}
