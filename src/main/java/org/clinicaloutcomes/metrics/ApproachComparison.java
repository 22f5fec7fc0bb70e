package org.clinicaloutcomes.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Tests comparing the approaches on one instrument (METRICS.md, "Comparing approaches"). Unless the
 * participants were randomised to the approaches (a research job file may say so), a difference is
 * an association, not a causal effect; the reports state which ({@code report/StudyDesign}).
 *
 * <p><b>One-way ANOVA</b> on change, {@code k} groups, {@code N} values:
 * {@code F = [Σ nᵢ (x̄ᵢ − x̄)² / (k − 1)] / [Σᵢ Σⱼ (xᵢⱼ − x̄ᵢ)² / (N − k)]}, p the upper tail of
 * F(k − 1, N − k) (Fisher 1925).
 *
 * <p><b>Kruskal–Wallis</b> (Kruskal &amp; Wallis 1952) on change, average ranks for ties:
 * {@code H = [12 / (N(N + 1)) Σ Rᵢ² / nᵢ − 3(N + 1)] / [1 − Σ(t³ − t) / (N³ − N)]}, with
 * {@code Rᵢ} the rank sum of group i and {@code t} the size of each group of tied values; p the
 * upper tail of χ²(k − 1). This is what R's {@code kruskal.test} and SciPy's
 * {@code scipy.stats.kruskal} compute.
 *
 * <p><b>Pearson χ² test of independence</b> of reliable improvement (yes/no) by approach, without
 * continuity correction (R's {@code chisq.test(correct = FALSE)}):
 * {@code χ² = Σ (O − E)² / E}, {@code E = row total × column total / N}, df = (rows − 1)(columns − 1),
 * p the upper tail of χ²(df) (Pearson 1900).
 *
 * <p>Not defined ({@code null}): fewer than two groups, or a statistic that is not finite — zero
 * variance within every group (F), all values tied (H), a row or column of the table all zero
 * (χ²). p values are {@code 1 − cdf} from Commons Math's distributions, accurate to about 1e-15
 * absolute.
 *
 * <p>References: W. H. Kruskal &amp; W. A. Wallis (1952), Use of ranks in one-criterion variance
 * analysis. JASA 47(260), 583–621. K. Pearson (1900), Philosophical Magazine 50(302), 157–175.
 */
public final class ApproachComparison {

    /** Smallest number of paired episodes for an approach to enter the comparison. */
    public static final int MIN_GROUP_SIZE = 2;

    /** One-way ANOVA result. */
    public record Anova(double f, int dfBetween, int dfWithin, double p) {
    }

    /** Kruskal–Wallis result (H tie-corrected). */
    public record KruskalWallis(double h, int df, double p) {
    }

    /** Pearson χ² test of independence result. */
    public record ChiSquare(double chi2, int df, double p) {
    }

    private ApproachComparison() {
    }

    /**
     * Compares the approaches of one instrument. The caller may pass every approach's group:
     * groups with fewer than {@link #MIN_GROUP_SIZE} paired episodes are left out here, and
     * without at least two remaining groups every cell is {@code null}.
     *
     * @param groups the paired outcomes of each approach (order does not matter)
     */
    public static ComparisonResult compare(Collection<? extends Collection<EpisodeOutcome>> groups) {
        List<double[]> changes = new ArrayList<>();
        List<long[]> riTable = new ArrayList<>();
        for (Collection<EpisodeOutcome> group : groups) {
            if (group.size() < MIN_GROUP_SIZE) {
                continue;
            }
            double[] values = new double[group.size()];
            long improved = 0;
            int i = 0;
            for (EpisodeOutcome outcome : group) {
                values[i++] = outcome.change();
                improved += outcome.reliableImprovement() ? 1 : 0;
            }
            changes.add(values);
            riTable.add(new long[] {improved, group.size() - improved});
        }
        if (changes.size() < 2) {
            return ComparisonResult.UNDEFINED;
        }
        return ComparisonResult.of(anova(changes), kruskalWallis(changes),
                chiSquareIndependence(riTable.toArray(new long[0][])));
    }

    /**
     * One-way ANOVA F test of the groups' means; {@code null} with fewer than two groups, no
     * degrees of freedom within groups, or a non-finite F (no variance within groups).
     *
     * @throws IllegalArgumentException when a group is empty
     */
    public static Anova anova(List<double[]> groups) {
        int k = groups.size();
        int total = totalSize(groups);
        if (k < 2 || total - k < 1) {
            return null;
        }
        double[] all = concatenate(groups, total);
        double grandMean = Statistics.mean(all);
        double ssBetween = 0.0;
        double ssWithin = 0.0;
        for (double[] group : groups) {
            double groupMean = Statistics.mean(group);
            ssBetween += group.length * (groupMean - grandMean) * (groupMean - grandMean);
            for (double value : group) {
                ssWithin += (value - groupMean) * (value - groupMean);
            }
        }
        int dfBetween = k - 1;
        int dfWithin = total - k;
        double f = (ssBetween / dfBetween) / (ssWithin / dfWithin);
        if (!Double.isFinite(f)) {
            return null;
        }
        double p = Statistics.upperTail(new FDistribution(null, dfBetween, dfWithin).cumulativeProbability(f));
        return new Anova(f, dfBetween, dfWithin, p);
    }

    /**
     * Kruskal–Wallis H test with the tie correction; {@code null} with fewer than two groups or
     * when all values are tied (H = 0 / 0).
     *
     * @throws IllegalArgumentException when a group is empty
     */
    public static KruskalWallis kruskalWallis(List<double[]> groups) {
        int k = groups.size();
        int total = totalSize(groups);
        if (k < 2) {
            return null;
        }
        double[] all = concatenate(groups, total);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);

        double sumRankSquaresOverN = 0.0;
        int offset = 0;
        for (double[] group : groups) {
            double rankSum = 0.0;
            for (int i = 0; i < group.length; i++) {
                rankSum += ranks[offset + i];
            }
            sumRankSquaresOverN += rankSum * rankSum / group.length;
            offset += group.length;
        }
        double nTotal = total;
        double h = 12.0 * sumRankSquaresOverN / (nTotal * (nTotal + 1.0)) - 3.0 * (nTotal + 1.0);
        double tieCorrection = 1.0 - tieSum(all) / (nTotal * nTotal * nTotal - nTotal);
        if (tieCorrection <= 0.0) {
            return null;
        }
        double corrected = h / tieCorrection;
        if (!Double.isFinite(corrected)) {
            return null;
        }
        // Rounding can leave -1e-15 where H is 0 (identical rank means).
        corrected = Math.max(0.0, corrected);
        int df = k - 1;
        double p = Statistics.upperTail(new ChiSquaredDistribution(null, df).cumulativeProbability(corrected));
        return new KruskalWallis(corrected, df, p);
    }

    /**
     * Pearson χ² test of independence of a contingency table (rows = groups), without continuity
     * correction; {@code null} when the table has fewer than two rows or columns, or a row or
     * column total is 0.
     *
     * @throws IllegalArgumentException when rows differ in length or a count is negative
     */
    public static ChiSquare chiSquareIndependence(long[][] table) {
        int rows = table.length;
        if (rows < 2) {
            return null;
        }
        int columns = table[0].length;
        double[] rowTotals = new double[rows];
        double[] columnTotals = new double[columns];
        double total = 0.0;
        for (int i = 0; i < rows; i++) {
            if (table[i].length != columns) {
                throw new IllegalArgumentException("table rows differ in length");
            }
            for (int j = 0; j < columns; j++) {
                if (table[i][j] < 0) {
                    throw new IllegalArgumentException("negative count in table: " + table[i][j]);
                }
                rowTotals[i] += table[i][j];
                columnTotals[j] += table[i][j];
                total += table[i][j];
            }
        }
        if (columns < 2) {
            return null;
        }
        double chi2 = 0.0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double expected = rowTotals[i] * columnTotals[j] / total;
                double difference = table[i][j] - expected;
                chi2 += difference * difference / expected;
            }
        }
        if (!Double.isFinite(chi2)) {
            return null;
        }
        int df = (rows - 1) * (columns - 1);
        double p = Statistics.upperTail(new ChiSquaredDistribution(null, df).cumulativeProbability(chi2));
        return new ChiSquare(chi2, df, p);
    }

    /** {@code Σ (t³ − t)} over the groups of tied values. */
    private static double tieSum(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0.0;
        int start = 0;
        while (start < sorted.length) {
            int end = start + 1;
            while (end < sorted.length && sorted[end] == sorted[start]) {
                end++;
            }
            double t = end - start;
            sum += t * t * t - t;
            start = end;
        }
        return sum;
    }

    private static int totalSize(List<double[]> groups) {
        int total = 0;
        for (double[] group : groups) {
            if (group.length == 0) {
                throw new IllegalArgumentException("a group without values");
            }
            total += group.length;
        }
        return total;
    }

    private static double[] concatenate(List<double[]> groups, int total) {
        double[] all = new double[total];
        int offset = 0;
        for (double[] group : groups) {
            System.arraycopy(group, 0, all, offset, group.length);
            offset += group.length;
        }
        return all;
    }
}
