package org.clinicaloutcomes.analysis;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.ingest.SessionRecord;
import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.significance.CombinedCounts;
import org.clinicaloutcomes.metrics.significance.Counts;
import org.clinicaloutcomes.metrics.significance.CriticalValues;
import org.clinicaloutcomes.metrics.significance.Direction;
import org.clinicaloutcomes.metrics.significance.HlmFit;
import org.clinicaloutcomes.metrics.significance.HlmResult;
import org.clinicaloutcomes.metrics.significance.MethodOutcome;
import org.clinicaloutcomes.metrics.significance.SignificanceMethod;
import org.clinicaloutcomes.metrics.significance.SignificanceParameters;

/**
 * {@code clinical_significance.csv} and the {@code category_<method>} columns of
 * {@code episode_outcomes.csv} (SIGNIFICANCE.md, section 11), for a research run.
 *
 * <p>Per instrument, the pairs are the paired episodes of the outcome cohort ({@code pre} =
 * baseline, {@code post} = final, as {@link EpisodeOutcome}); the statistics of every method are
 * computed once from all of them, pooled over the approaches, and the counts reported per
 * approach (configured order) and ALL. HLM takes every score of the paired episodes with at
 * least 3 scores on the instrument; its time is, by wave, the wave's label where every label is a
 * number, else the wave's position from 1, and for dated sessions the days since the episode's
 * first score on the instrument divided by 7. Two scores of one episode on one day are one
 * occasion to the model (one row per id and occasion, section 1.2): the later of the day is used,
 * as the score order puts it last, and one warning line says how many episodes that concerned.
 *
 * <p>A method whose parameters the instrument file does not give is left out for that instrument
 * (no rows) with one warning line; an undefined case (section 2.7, 4, 8) leaves the method's cells
 * empty, with one warning line naming the instrument, the method and the reason.
 */
final class ClinicalSignificanceTable implements TableAccumulator<ClinicalSignificanceTable, ClinicalSignificanceTable.Result> {

    private static final double DAYS_PER_WEEK = 7.0;

    /** The results and each paired episode's category per method. */
    record Result(ClinicalSignificance significance, EpisodeCategories categories) {
    }

    private final CohortLayout layout;
    private final SignificanceSettings settings;
    private final boolean hlm;
    /** By wave: the time of each wave ({@link WaveDesign#times()}). */
    private final double[] waveTimes;
    private final IntList[] approaches;
    private final IntList[] episodes;
    private final DoubleList[] pre;
    private final DoubleList[] post;
    private final List<List<HlmFit.Score>> hlmScores;
    private final int[] sameDayEpisodes;

    ClinicalSignificanceTable(CohortLayout layout, SignificanceSettings settings) {
        if (settings.parameters().size() != layout.instrumentCount) {
            throw new IllegalArgumentException("significance parameters for " + settings.parameters().size()
                    + " instruments, " + layout.instrumentCount + " configured");
        }
        this.layout = layout;
        this.settings = settings;
        this.hlm = settings.methods().contains(SignificanceMethod.HLM);
        this.waveTimes = layout.byWave() ? layout.waves.times() : null;
        int instruments = layout.instrumentCount;
        this.approaches = new IntList[instruments];
        this.episodes = new IntList[instruments];
        this.pre = new DoubleList[instruments];
        this.post = new DoubleList[instruments];
        this.hlmScores = new ArrayList<>();
        this.sameDayEpisodes = new int[instruments];
        for (int i = 0; i < instruments; i++) {
            approaches[i] = new IntList();
            episodes[i] = new IntList();
            pre[i] = new DoubleList();
            post[i] = new DoubleList();
            hlmScores.add(new ArrayList<>());
        }
    }

    @Override
    public void add(ScoredEpisode episode) {
        if (!episode.closedInWindow) {
            return;
        }
        EpisodeScores scores = episode.scores();
        for (int i = 0; i < layout.instrumentCount; i++) {
            EpisodeOutcome outcome = scores.outcomes[i];
            if (outcome == null) {
                continue;
            }
            approaches[i].add(episode.approach);
            episodes[i].add(episode.index);
            pre[i].add(outcome.baseline());
            post[i].add(outcome.finalScore());
            if (hlm && scores.count[i] >= 3) {
                addHlmScores(episode, scores, i);
            }
        }
    }

    private void addHlmScores(ScoredEpisode episode, EpisodeScores scores, int i) {
        String id = Integer.toString(episode.index);
        List<HlmFit.Score> rows = new ArrayList<>();
        if (layout.byWave()) {
            double[] atWave = scores.firstScores[i];
            for (int k = 0; k < atWave.length; k++) {
                if (!Double.isNaN(atWave[k])) {
                    rows.add(new HlmFit.Score(id, waveTimes[k], atWave[k]));
                }
            }
        } else {
            int firstDay = Integer.MIN_VALUE;
            int lastDay = Integer.MIN_VALUE;
            boolean sameDay = false;
            for (SessionRecord session : episode.sessions) {
                double score = session.scores()[i];
                if (!session.attended() || Double.isNaN(score)) {
                    continue;
                }
                if (firstDay == Integer.MIN_VALUE) {
                    firstDay = session.day();
                }
                HlmFit.Score row = new HlmFit.Score(id, (session.day() - firstDay) / DAYS_PER_WEEK, score);
                if (session.day() == lastDay) {
                    rows.set(rows.size() - 1, row);
                    sameDay = true;
                } else {
                    rows.add(row);
                }
                lastDay = session.day();
            }
            sameDayEpisodes[i] += sameDay ? 1 : 0;
        }
        if (rows.size() >= 3) {
            hlmScores.get(i).addAll(rows);
        }
    }

    /** The pairs and HLM's scores merge by episode index, so the pairs' positions are one pass's. */
    @Override
    public void merge(ClinicalSignificanceTable other) {
        for (int i = 0; i < layout.instrumentCount; i++) {
            int[] order = EpisodeMerge.order(episodes[i].toArray(), episodes[i].size(),
                    other.episodes[i].toArray(), other.episodes[i].size());
            IntList mergedApproaches = new IntList();
            IntList mergedEpisodes = new IntList();
            DoubleList mergedPre = new DoubleList();
            DoubleList mergedPost = new DoubleList();
            for (int from : order) {
                ClinicalSignificanceTable side = from >= 0 ? this : other;
                int k = from >= 0 ? from : ~from;
                mergedApproaches.add(side.approaches[i].get(k));
                mergedEpisodes.add(side.episodes[i].get(k));
                mergedPre.add(side.pre[i].get(k));
                mergedPost.add(side.post[i].get(k));
            }
            approaches[i] = mergedApproaches;
            episodes[i] = mergedEpisodes;
            pre[i] = mergedPre;
            post[i] = mergedPost;
            hlmScores.set(i, mergedByEpisode(hlmScores.get(i), other.hlmScores.get(i)));
            sameDayEpisodes[i] += other.sameDayEpisodes[i];
        }
    }

    /** Two lists of HLM scores (an episode's scores together, episodes in index order) as one. */
    private static List<HlmFit.Score> mergedByEpisode(List<HlmFit.Score> left, List<HlmFit.Score> right) {
        int[] order = EpisodeMerge.order(episodesOf(left), left.size(), episodesOf(right), right.size());
        List<HlmFit.Score> merged = new ArrayList<>(order.length);
        for (int from : order) {
            merged.add(from >= 0 ? left.get(from) : right.get(~from));
        }
        return merged;
    }

    private static int[] episodesOf(List<HlmFit.Score> scores) {
        return scores.stream().mapToInt(score -> Integer.parseInt(score.id())).toArray();
    }

    @Override
    public Result result() {
        List<OutcomeTables.SignificanceRow> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<SignificanceMethod> methods = settings.methods();
        int[] pairs = new int[layout.instrumentCount];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = pre[i].size();
        }
        EpisodeCategories categories = new EpisodeCategories(pairs, methods.size());
        for (int i = 0; i < layout.instrumentCount; i++) {
            Instrument instrument = layout.instruments.get(i);
            SignificanceParameters parameters = settings.parameters().get(i);
            Direction direction = Direction.of(instrument.higherIsBetter());
            int[] pairApproach = approaches[i].toArray();
            int[] pairEpisode = episodes[i].toArray();
            double[] pairPre = pre[i].toArray();
            double[] pairPost = post[i].toArray();
            for (int m = 0; m < methods.size(); m++) {
                SignificanceMethod method = methods.get(m);
                String where = "clinical significance, " + instrument.key() + " (" + instrument.name() + "), "
                        + method.label() + ": ";
                List<String> missing = method.missing(parameters);
                if (!missing.isEmpty()) {
                    warnings.add(where + "left out, the instrument file gives no " + String.join(" or ", missing));
                    continue;
                }
                MethodOutcome outcome;
                int[] personPosition;
                try {
                    if (method == SignificanceMethod.HLM) {
                        HlmFit fit = hlmFit(i, direction);
                        outcome = MethodOutcome.ofHlm(parameters, direction, fit);
                        personPosition = positionsOf(fit, pairEpisode);
                        if (sameDayEpisodes[i] > 0) {
                            warnings.add(where + sameDayEpisodes[i] + " episode(s) had two scores on one day; "
                                    + "the model used the later score of the day");
                        }
                    } else {
                        outcome = MethodOutcome.of(method, parameters, direction, pairPre, pairPost);
                        personPosition = java.util.stream.IntStream.range(0, pairPre.length).toArray();
                    }
                } catch (IllegalArgumentException undefined) {
                    warnings.add(where + "not computed, " + undefined.getMessage());
                    addEmptyRows(rows, instrument.key(), method);
                    continue;
                }
                if (outcome.cutoffProblem() != null) {
                    warnings.add(where + outcome.cutoffProblem() + " (its five-way cells are empty)");
                }
                int[] personApproach = new int[personPosition.length];
                for (int p = 0; p < personPosition.length; p++) {
                    categories.set(i, m, personPosition[p], outcome.label(p));
                    personApproach[p] = pairApproach[personPosition[p]];
                }
                addRows(rows, instrument.key(), outcome, personApproach);
            }
        }
        return new Result(new ClinicalSignificance(methods, rows, warnings), categories);
    }

    /** HLM's fit on instrument {@code i}. @throws IllegalArgumentException with the reason when undefined */
    private HlmFit hlmFit(int i, Direction direction) {
        HlmResult result = HlmFit.fit(hlmScores.get(i), direction, CriticalValues.DEFAULT_ALPHA);
        if (result instanceof HlmResult.Undefined undefined) {
            throw new IllegalArgumentException("HLM is undefined: " + undefined.reason());
        }
        return (HlmFit) result;
    }

    /**
     * Each HLM person's position among the instrument's pairs (every HLM person is a paired
     * episode; the pairs come in increasing episode index, the order {@link #add} saw them).
     */
    private static int[] positionsOf(HlmFit fit, int[] pairEpisode) {
        return fit.persons().stream().mapToInt(person -> {
            int position = java.util.Arrays.binarySearch(pairEpisode, Integer.parseInt(person.id()));
            if (position < 0) {
                throw new IllegalStateException("HLM person " + person.id() + " is not a paired episode");
            }
            return position;
        }).toArray();
    }

    private void addRows(List<OutcomeTables.SignificanceRow> rows, String instrument, MethodOutcome outcome,
                         int[] personApproach) {
        for (int group = 0; group <= layout.approachCount; group++) {
            boolean[] selected = new boolean[personApproach.length];
            for (int p = 0; p < personApproach.length; p++) {
                selected[p] = group == layout.all || personApproach[p] == group;
            }
            Counts counts = outcome.counts(selected);
            CombinedCounts combined = outcome.combinedCounts(selected);
            rows.add(new OutcomeTables.SignificanceRow(instrument, outcome.method().label(), groupName(group),
                    counts.n(), counts.improved(), counts.unchanged(), counts.deteriorated(),
                    combined == null ? null : combined.recovered(), combined == null ? null : combined.improved(),
                    combined == null ? null : combined.harmed(), outcome.cutoff(), outcome.criticalValue()));
        }
    }

    private void addEmptyRows(List<OutcomeTables.SignificanceRow> rows, String instrument, SignificanceMethod method) {
        for (int group = 0; group <= layout.approachCount; group++) {
            rows.add(new OutcomeTables.SignificanceRow(instrument, method.label(), groupName(group), null, null, null,
                    null, null, null, null, null, null));
        }
    }

    private String groupName(int group) {
        return group == layout.all ? OutcomeTables.ALL : layout.approaches.get(group);
    }
}
