package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.ChartBaselines;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.ExpectedRecovery;
import org.clinicaloutcomes.metrics.FlagCheck;
import org.clinicaloutcomes.metrics.Fold;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.LinearFit;

/**
 * {@code expected_recovery.csv} and {@code expected_recovery_check.csv} (monthly runs;
 * MONITORING.md, "Expected recovery" and "How well the flag predicts", readings 21–35), and the
 * models that judge the open episodes ({@link AttentionTable}).
 *
 * <p><b>Reference episodes</b>: every accepted episode discharged on or before the last day
 * {@code L} of the report month, in the window or not; on an instrument, those with at least two
 * scores (all their attended sessions, none after the discharge). For {@code k = 2 … 20} the
 * pair (baseline, {@code k}-th score) of every reference episode with at least {@code k} scores
 * goes into the {@link LinearFit} of its fold ({@link Fold}); the model at {@code k} is fitted on
 * both folds merged ({@link LinearFit#plus}, fold 0 then fold 1), the check's models on one fold
 * each. Nothing per episode is kept but, for the check, the count of reference episodes with at
 * least four scores per (fold, baseline, 3rd score, actual outcome) ({@link ScorePairCounts}): the
 * check judges a point once whatever how many episodes share it, and the counts add exactly.
 *
 * <p><b>The check</b>: an episode of fold {@code f} with at least four scores is judged at its
 * 3rd score by the model at {@code k = 3} of fold {@code 1 − f} (same minimum n), when that
 * model exists; its outcome is its reliable improvement and deterioration from baseline to final
 * ({@link EpisodeOutcome}). One row per instrument in file order, also when nothing is judged.
 *
 * <p>The chart's baselines ({@link ChartBaselines}) are the quartiles of the reference episodes'
 * baselines on the primary instrument.
 */
final class ExpectedRecoveryTable implements TableAccumulator<ExpectedRecoveryTable, ExpectedRecoveryTable.Result> {

    /** The assessment at which the check judges a reference episode (its 3rd score). */
    static final int CHECK_K = 3;
    /** Scores a reference episode needs to be judged by the check (a 3rd score and a later one). */
    static final int CHECK_MIN_SCORES = 4;
    private static final int FOLDS = 2;
    private static final int MAX_K = ExpectedRecovery.MAX_K;

    /** The outcome classes of a judged episode, as indexes of a check point's counts. */
    private static final int NEITHER = 0;
    private static final int IMPROVED = 1;
    private static final int DETERIORATED = 2;

    /**
     * The models and the check.
     *
     * @param models           per instrument (file order) and {@code k} (index {@code k}, 0 and 1
     *                         unused): the model, {@code null} where there is none
     * @param rows             {@code expected_recovery.csv}
     * @param check            {@code expected_recovery_check.csv}
     * @param primaryBaselines the chart's three baselines, {@code null} without a reference episode
     *                         on the primary instrument
     */
    record Result(ExpectedRecovery[][] models, List<OutcomeTables.ExpectedRecoveryRow> rows,
                  List<OutcomeTables.FlagCheckRow> check, ChartBaselines primaryBaselines) {

        /** The model that judges an open episode with {@code k} scores on instrument {@code i}, or {@code null}. */
        ExpectedRecovery judging(int i, int k) {
            OptionalInt at = ExpectedRecovery.assessmentIndex(k);
            return at.isPresent() ? models[i][at.getAsInt()] : null;
        }
    }

    private final CohortLayout layout;
    private final int monthEndDay;
    private final int minN;
    /** [fold][instrument][k]. */
    private final LinearFit.Builder[][][] fits;
    /** [fold × instruments + instrument]: per (baseline, 3rd score), counts per outcome class ({@link #NEITHER}, ...). */
    private final List<ScorePairCounts> checkPoints = new ArrayList<>();
    /** The primary instrument's reference baselines: per (baseline, baseline), the episodes (one class). */
    private final ScorePairCounts primaryBaselines;

    // One episode's scan, reused.
    private final int[] count;
    private final double[] baseline;
    private final double[] third;
    private final double[] last;

    private Result result;

    /**
     * @param monthEndDay the last day of the report month (epoch day)
     * @param minN        {@code --expected-min-n}
     */
    ExpectedRecoveryTable(CohortLayout layout, int monthEndDay, int minN) {
        if (!ExpectedRecovery.isValidMinN(minN)) {
            throw new IllegalArgumentException("the minimum n of a model must be " + ExpectedRecovery.MIN_N_LOWEST
                    + "-" + ExpectedRecovery.MIN_N_HIGHEST + ": " + minN);
        }
        this.layout = layout;
        this.monthEndDay = monthEndDay;
        this.minN = minN;
        int instruments = layout.instrumentCount;
        this.fits = new LinearFit.Builder[FOLDS][instruments][MAX_K + 1];
        for (LinearFit.Builder[][] fold : fits) {
            for (LinearFit.Builder[] instrument : fold) {
                for (int k = 0; k <= MAX_K; k++) {
                    instrument[k] = new LinearFit.Builder();
                }
            }
        }
        for (int f = 0; f < FOLDS * instruments; f++) {
            checkPoints.add(ScorePairCounts.of(layout.instruments.get(f % instruments), 3));
        }
        this.primaryBaselines = ScorePairCounts.of(layout.instruments.get(layout.primary), 1);
        this.count = new int[instruments];
        this.baseline = new double[instruments];
        this.third = new double[instruments];
        this.last = new double[instruments];
    }

    @Override
    public void add(ScoredEpisode episode) {
        IntakeRecord intake = episode.intake;
        if (!intake.isClosed() || intake.dischargeDay() > monthEndDay) {
            return;
        }
        int fold = Fold.fold(intake.clientId());
        LinearFit.Builder[][] foldFits = fits[fold];
        int instruments = layout.instrumentCount;
        Arrays.fill(count, 0);
        for (SessionRecord session : episode.sessions) {
            if (!session.attended()) {
                continue;
            }
            double[] scores = session.scores();
            for (int i = 0; i < instruments; i++) {
                double score = scores[i];
                if (Double.isNaN(score)) {
                    continue;
                }
                int k = ++count[i];
                if (k == 1) {
                    baseline[i] = score;
                } else if (k <= MAX_K) {
                    foldFits[i][k].add(baseline[i], score);
                }
                if (k == CHECK_K) {
                    third[i] = score;
                }
                last[i] = score;
            }
        }
        for (int i = 0; i < instruments; i++) {
            if (count[i] >= 2 && i == layout.primary) {
                primaryBaselines.add(baseline[i], baseline[i], 0);
            }
            if (count[i] >= CHECK_MIN_SCORES) {
                EpisodeOutcome outcome = EpisodeOutcome.of(layout.instruments.get(i), baseline[i], last[i], count[i]);
                int outcomeClass = outcome.reliableImprovement() ? IMPROVED
                        : outcome.reliableDeterioration() ? DETERIORATED : NEITHER;
                checkPoints.get(fold * instruments + i).add(baseline[i], third[i], outcomeClass);
            }
        }
    }

    @Override
    public void merge(ExpectedRecoveryTable other) {
        if (result != null) {
            throw new IllegalStateException("the models were computed already");
        }
        for (int fold = 0; fold < FOLDS; fold++) {
            for (int i = 0; i < layout.instrumentCount; i++) {
                for (int k = 0; k <= MAX_K; k++) {
                    fits[fold][i][k].merge(other.fits[fold][i][k]);
                }
            }
        }
        for (int f = 0; f < checkPoints.size(); f++) {
            checkPoints.get(f).merge(other.checkPoints.get(f));
        }
        primaryBaselines.merge(other.primaryBaselines);
    }

    /** The models and the check, computed once (the attention list asks for them too). */
    @Override
    public Result result() {
        if (result == null) {
            result = compute();
        }
        return result;
    }

    private Result compute() {
        int instruments = layout.instrumentCount;
        ExpectedRecovery[][] models = new ExpectedRecovery[instruments][MAX_K + 1];
        List<OutcomeTables.ExpectedRecoveryRow> rows = new ArrayList<>();
        List<OutcomeTables.FlagCheckRow> check = new ArrayList<>();
        for (int i = 0; i < instruments; i++) {
            Instrument instrument = layout.instruments.get(i);
            for (int k = ExpectedRecovery.MIN_K; k <= MAX_K; k++) {
                ExpectedRecovery model = ExpectedRecovery.of(fits[0][i][k].build().plus(fits[1][i][k].build()), minN)
                        .orElse(null);
                models[i][k] = model;
                if (model != null) {
                    rows.add(new OutcomeTables.ExpectedRecoveryRow(instrument.key(), k, model));
                }
            }
            FlagCheck[] counts = {FlagCheck.EMPTY};
            for (int fold = 0; fold < FOLDS; fold++) {
                ExpectedRecovery otherFold = ExpectedRecovery.of(fits[1 - fold][i][CHECK_K].build(), minN).orElse(null);
                if (otherFold == null) {
                    continue;
                }
                checkPoints.get(fold * instruments + i).forEach((x, third, byOutcome) ->
                        counts[0] = counts[0].plus(judged(otherFold.notOnTrack(instrument, x, third), byOutcome)));
            }
            check.add(OutcomeTables.FlagCheckRow.of(instrument.key(), counts[0]));
        }
        return new Result(models, rows, check, chartBaselines());
    }

    /** The counts of the episodes of one check point, all flagged or all not. */
    private static FlagCheck judged(boolean flagged, long[] byOutcome) {
        long noRi = byOutcome[NEITHER] + byOutcome[DETERIORATED];
        long ri = byOutcome[IMPROVED];
        long rd = byOutcome[DETERIORATED];
        return flagged ? new FlagCheck(noRi, ri, 0, 0, rd, 0) : new FlagCheck(0, 0, noRi, ri, 0, rd);
    }

    private ChartBaselines chartBaselines() {
        // Counted, not expanded: at 2.7 million reference episodes an array of every baseline (and
        // Percentile's copy of it) would be two large allocations at the run's fullest moment.
        SortedMap<Double, Long> counts = new TreeMap<>();
        primaryBaselines.forEach((x, same, episodes) -> counts.merge(x, episodes[0], Long::sum));
        return ChartBaselines.ofCounted(counts);
    }
}
