package org.clinicaloutcomes.metrics;

/**
 * Summary of the k-th scores of a set of episodes: one row of {@code csv/trajectories.csv} after
 * {@code approach}, {@code instrument} and {@code k} (METRICS.md, "Trajectories").
 * {@code mean ± t(0.975, n − 1) × SD / sqrt(n)} is the 95% t interval ({@link Interval#tMean}).
 * The mean needs {@code n ≥ 1}; SD and interval need {@code n ≥ 2}. Mean and SD come from the
 * exact sums of the scores ({@link ExactMoments}), so they do not depend on the order of the
 * scores, and the scores themselves need not be kept (issue 19).
 *
 * @param n      number of scores
 * @param mean   mean score, {@code null} when {@code n = 0}
 * @param sd     sample SD (divisor n − 1), {@code null} when {@code n < 2}
 * @param ciLow  lower end of the 95% t CI of the mean, {@code null} when {@code n < 2}
 * @param ciHigh upper end of the 95% t CI of the mean, {@code null} when {@code n < 2}
 */
public record TrajectoryPoint(int n, Double mean, Double sd, Double ciLow, Double ciHigh) {

    /** Summary of {@code scores}. */
    public static TrajectoryPoint of(double[] scores) {
        ExactMoments.Builder moments = ExactMoments.builder();
        for (double score : scores) {
            moments.add(score);
        }
        return of(moments.build());
    }

    /** Summary of the scores whose exact moments these are. */
    public static TrajectoryPoint of(ExactMoments scores) {
        Double mean = scores.mean();
        Double sd = scores.sampleSd();
        int n = Math.toIntExact(scores.n());
        Interval ci = mean == null || sd == null ? null : Interval.tMean(mean, sd, n);
        return new TrajectoryPoint(n, mean, sd, Interval.lowOf(ci), Interval.highOf(ci));
    }
}
