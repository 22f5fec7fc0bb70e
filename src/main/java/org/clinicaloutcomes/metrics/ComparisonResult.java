package org.clinicaloutcomes.metrics;

/**
 * The tests comparing approaches on one instrument: one row of {@code csv/approach_comparison.csv}
 * after the {@code instrument} column, components in column order. A test that is not defined
 * (fewer than two approaches with {@code n ≥ 2}, or a statistic that is not finite) has all its
 * cells {@code null}. Built by {@link ApproachComparison#compare(java.util.Collection)}.
 *
 * @param anovaF          one-way ANOVA F on change
 * @param anovaDfBetween  k − 1
 * @param anovaDfWithin   N − k
 * @param anovaP          upper tail of F(k − 1, N − k)
 * @param kruskalH        Kruskal–Wallis H with tie correction
 * @param kruskalDf       k − 1
 * @param kruskalP        upper tail of χ²(k − 1)
 * @param chi2            Pearson χ² of reliable improvement (yes/no) by approach, no continuity
 *                        correction
 * @param chi2Df          (k − 1)(2 − 1) = k − 1
 * @param chi2P           upper tail of χ²(df)
 */
public record ComparisonResult(Double anovaF, Integer anovaDfBetween, Integer anovaDfWithin, Double anovaP,
                               Double kruskalH, Integer kruskalDf, Double kruskalP,
                               Double chi2, Integer chi2Df, Double chi2P) {

    /** No test defined: every cell empty. */
    public static final ComparisonResult UNDEFINED =
            new ComparisonResult(null, null, null, null, null, null, null, null, null, null);

    /** Assembles a row from the three tests, each possibly {@code null} (not defined). */
    public static ComparisonResult of(ApproachComparison.Anova anova, ApproachComparison.KruskalWallis kruskal,
                                      ApproachComparison.ChiSquare chiSquare) {
        return new ComparisonResult(
                anova == null ? null : anova.f(),
                anova == null ? null : anova.dfBetween(),
                anova == null ? null : anova.dfWithin(),
                anova == null ? null : anova.p(),
                kruskal == null ? null : kruskal.h(),
                kruskal == null ? null : kruskal.df(),
                kruskal == null ? null : kruskal.p(),
                chiSquare == null ? null : chiSquare.chi2(),
                chiSquare == null ? null : chiSquare.df(),
                chiSquare == null ? null : chiSquare.p());
    }
}
