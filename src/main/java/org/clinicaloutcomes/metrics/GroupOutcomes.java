package org.clinicaloutcomes.metrics;

import java.util.List;

/**
 * The outcomes of one group (an approach, or ALL approaches) on one instrument: one row of
 * {@code csv/outcomes_by_approach.csv}. The components up to {@code dropoutPct} are, in the same
 * order, the columns after {@code approach} and {@code instrument} (REPORTS.md); the last two are the
 * counts two of its rates rest on that are not columns ({@code nDropout} under {@code dropoutPct},
 * {@code nPositiveBaseline} under {@code responsePct}), carried so that no reader (the small-number
 * suppression in particular) has to work a count back out of a rate. Build it with
 * {@link #of(Instrument, List, int, int[], int)}.
 *
 * <p>Definitions (METRICS.md, "Per group"), with {@code n} = episodes with paired scores:
 * <ul>
 *   <li>{@code completeness = 100 × n / n_closed}; {@code dropout = 100 × dropouts / n_closed}.</li>
 *   <li>Means (n ≥ 1) and sample SDs (n ≥ 2) of baseline, final and change; the 95% t CI of
 *       the mean change, {@code mean ± t(0.975, n − 1) × SD / sqrt(n)} ({@link Interval}).</li>
 *   <li>d, g and its CI, dz: see {@link EffectSizes} (Becker 1988; metafor SMCR).</li>
 *   <li>Rates in percent, {@code 100 × k / denominator}, with 95% Wilson intervals
 *       ({@link Wilson}, Wilson 1927): reliable improvement and deterioration over {@code n};
 *       recovery and reliable recovery over the cases at baseline; response over the episodes
 *       with a baseline above 0.</li>
 *   <li>Sessions: type 7 median and quartiles of the attended sessions per closed episode
 *       ({@link Quantiles}, Hyndman &amp; Fan 1996).</li>
 * </ul>
 * Empty versus zero: a count over an empty group is {@code 0}; a count that does not apply is
 * {@code null} (the caseness counts of an instrument without cut-off, the response count and
 * {@code nPositiveBaseline} of a higher-is-better instrument); any rate, mean, SD, interval or effect
 * size that is not defined is {@code null}.
 */
public record GroupOutcomes(
        int nClosed,
        int nPaired,
        Double completenessPct,
        Double baselineMean,
        Double baselineSd,
        Double finalMean,
        Double finalSd,
        Double changeMean,
        Double changeSd,
        Double changeCiLow,
        Double changeCiHigh,
        Double d,
        Double g,
        Double gCiLow,
        Double gCiHigh,
        Double dz,
        int nReliableImprovement,
        Double reliableImprovementPct,
        Double reliableImprovementCiLow,
        Double reliableImprovementCiHigh,
        int nReliableDeterioration,
        Double reliableDeteriorationPct,
        Integer nCases,
        Integer nRecovered,
        Double recoveryPct,
        Double recoveryCiLow,
        Double recoveryCiHigh,
        Integer nReliableRecovery,
        Double reliableRecoveryPct,
        Integer nResponse,
        Double responsePct,
        Double sessionsMedian,
        Double sessionsQ1,
        Double sessionsQ3,
        Double dropoutPct,
        int nDropout,
        Integer nPositiveBaseline) {

    /**
     * The outcomes of a group.
     *
     * @param instrument                       the instrument of every outcome in {@code paired}
     * @param paired                           outcomes of the group's closed episodes with paired
     *                                         scores on the instrument
     * @param nClosed                          closed episodes of the group (paired or not)
     * @param attendedSessionsPerClosedEpisode attended sessions of each closed episode, one entry
     *                                         per closed episode (so its length is {@code nClosed})
     * @param nDropout                         closed episodes discharged with reason dropout
     * @throws IllegalArgumentException when the counts are inconsistent
     */
    public static GroupOutcomes of(Instrument instrument, List<EpisodeOutcome> paired, int nClosed,
                                   int[] attendedSessionsPerClosedEpisode, int nDropout) {
        IntegerHistogram.Builder sessions = IntegerHistogram.builder();
        for (int attended : attendedSessionsPerClosedEpisode) {
            sessions.add(attended);
        }
        return of(instrument, paired, nClosed, sessions.build(), nDropout);
    }

    /**
     * The outcomes of a group whose attended sessions per closed episode are given as their
     * {@link IntegerHistogram} (the same quartiles, without an entry per episode; issue 19).
     *
     * @throws IllegalArgumentException when the counts are inconsistent
     */
    public static GroupOutcomes of(Instrument instrument, List<EpisodeOutcome> paired, int nClosed,
                                   IntegerHistogram attendedSessionsPerClosedEpisode, int nDropout) {
        int n = paired.size();
        if (nClosed < n) {
            throw new IllegalArgumentException("more paired episodes (" + n + ") than closed (" + nClosed + ")");
        }
        if (attendedSessionsPerClosedEpisode.n() != nClosed) {
            throw new IllegalArgumentException("need one session count per closed episode: "
                    + attendedSessionsPerClosedEpisode.n() + " for " + nClosed);
        }
        if (nDropout < 0 || nDropout > nClosed) {
            throw new IllegalArgumentException("dropouts (" + nDropout + ") not within 0.." + nClosed);
        }

        double[] baseline = new double[n];
        double[] finalScores = new double[n];
        double[] change = new double[n];
        double[] reduction = new double[n];
        int nRi = 0;
        int nRd = 0;
        int nCases = 0;
        int nRecovered = 0;
        int nReliableRecovery = 0;
        int nResponse = 0;
        int nPositiveBaseline = 0;
        for (int i = 0; i < n; i++) {
            EpisodeOutcome outcome = paired.get(i);
            baseline[i] = outcome.baseline();
            finalScores[i] = outcome.finalScore();
            change[i] = outcome.change();
            reduction[i] = outcome.reduction();
            nRi += outcome.reliableImprovement() ? 1 : 0;
            nRd += outcome.reliableDeterioration() ? 1 : 0;
            nCases += isTrue(outcome.caseAtBaseline()) ? 1 : 0;
            nRecovered += isTrue(outcome.recovered()) ? 1 : 0;
            nReliableRecovery += isTrue(outcome.reliableRecovery()) ? 1 : 0;
            nResponse += isTrue(outcome.response()) ? 1 : 0;
            nPositiveBaseline += outcome.baseline() > 0 ? 1 : 0;
        }

        Double changeMean = Statistics.mean(change);
        Double changeSd = Statistics.sampleSd(change);
        Interval changeCi = changeMean == null || changeSd == null ? null : Interval.tMean(changeMean, changeSd, n);
        EffectSizes effects = EffectSizes.of(baseline, finalScores, reduction);
        Interval riCi = Wilson.percentInterval(nRi, n);

        boolean caseness = instrument.hasCutoff();
        Interval recoveryCi = caseness ? Wilson.percentInterval(nRecovered, nCases) : null;
        boolean response = !instrument.higherIsBetter();
        Quantiles sessions = attendedSessionsPerClosedEpisode.quartiles();

        return new GroupOutcomes(
                nClosed,
                n,
                Statistics.percent(n, nClosed),
                Statistics.mean(baseline),
                Statistics.sampleSd(baseline),
                Statistics.mean(finalScores),
                Statistics.sampleSd(finalScores),
                changeMean,
                changeSd,
                Interval.lowOf(changeCi),
                Interval.highOf(changeCi),
                effects.d(),
                effects.g(),
                effects.gCiLow(),
                effects.gCiHigh(),
                effects.dz(),
                nRi,
                Statistics.percent(nRi, n),
                Interval.lowOf(riCi),
                Interval.highOf(riCi),
                nRd,
                Statistics.percent(nRd, n),
                caseness ? nCases : null,
                caseness ? nRecovered : null,
                caseness ? Statistics.percent(nRecovered, nCases) : null,
                Interval.lowOf(recoveryCi),
                Interval.highOf(recoveryCi),
                caseness ? nReliableRecovery : null,
                caseness ? Statistics.percent(nReliableRecovery, nCases) : null,
                response ? nResponse : null,
                response ? Statistics.percent(nResponse, nPositiveBaseline) : null,
                sessions == null ? null : sessions.median(),
                sessions == null ? null : sessions.q1(),
                sessions == null ? null : sessions.q3(),
                Statistics.percent(nDropout, nClosed),
                nDropout,
                response ? nPositiveBaseline : null);
    }

    /**
     * The same outcomes for data without sessions or discharge reasons (RESEARCH.md, a wave-based
     * analysis): sessions per episode and the dropout rate are not defined, not zero.
     */
    public GroupOutcomes withoutSessionsOrDropout() {
        return new GroupOutcomes(nClosed, nPaired, completenessPct, baselineMean, baselineSd, finalMean, finalSd,
                changeMean, changeSd, changeCiLow, changeCiHigh, d, g, gCiLow, gCiHigh, dz, nReliableImprovement,
                reliableImprovementPct, reliableImprovementCiLow, reliableImprovementCiHigh, nReliableDeterioration,
                reliableDeteriorationPct, nCases, nRecovered, recoveryPct, recoveryCiLow, recoveryCiHigh,
                nReliableRecovery, reliableRecoveryPct, nResponse, responsePct, null, null, null, null, 0,
                nPositiveBaseline);
    }

    /**
     * Paired episodes with neither reliable improvement nor reliable deterioration (METRICS.md,
     * "No reliable change": {@code n_no_reliable_change = n − RI − RD}).
     */
    public int nNoReliableChange() {
        return nPaired - nReliableImprovement - nReliableDeterioration;
    }

    /**
     * {@link #nNoReliableChange()} as a percentage of the paired episodes; empty over 0, and empty
     * whenever the reliable improvement or deterioration rate is (a suppressed table empties those
     * when a count this rate is made of is hidden).
     */
    public Double noReliableChangePct() {
        if (reliableImprovementPct == null || reliableDeteriorationPct == null) {
            return null;
        }
        return Statistics.percent(nNoReliableChange(), nPaired);
    }

    private static boolean isTrue(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
