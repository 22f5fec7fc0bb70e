package org.clinicaloutcomes.metrics.significance;

import java.util.List;
import java.util.Objects;

/**
 * One method of {@link SignificanceMethod} applied to one instrument's complete pairs, as the
 * pipeline reports it (SIGNIFICANCE.md, section 11): every person's three-way category, the
 * five-way category of the combined approach with the method as the change criterion (section 7),
 * the cut-off that used and the critical value.
 *
 * <p>The statistics come from all pairs given, pooled over the groups (section 1.4); the caller
 * tabulates by group. The combined approach's cut-off is Jacobson &amp; Truax's of the
 * instrument's {@code cutoff_type} on observed scores (6.1), Hageman &amp; Arrindell's true-score
 * one for HA (6.3); for HLM it is computed from the HLM sample's first and last scores (3.6). The
 * percentage method has none.
 *
 * @param method        the method
 * @param categories    per person, in the order given (for HLM: {@link HlmFit#persons()}'s order)
 * @param combined      per person, the five-way category; {@code null} when there is no combined
 *                      approach (percentage) or its cut-off is not available ({@link #cutoffProblem})
 * @param cutoff        the cut-off of the combined approach; {@code null} when {@code combined} is
 * @param criticalValue {@code z2} (JT, GLN, HLL, EN, NK, HLM) or {@code z1} (HA); {@code null}
 *                      for percentage and anchor
 * @param cutoffProblem why the combined approach is left out although the method could run
 *                      (missing functional parameters, an undefined cut-off); {@code null} when it
 *                      is computed or the method has none
 */
public record MethodOutcome(SignificanceMethod method, Category[] categories, CombinedCategory[] combined,
        Double cutoff, Double criticalValue, String cutoffProblem) {

    public MethodOutcome {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(categories, "categories");
    }

    /**
     * A pre/post method (not HLM) on these pairs.
     *
     * @throws IllegalArgumentException when the method is undefined for the pairs (section 2.7,
     *                                  4: a pre score below 0) or its parameters are missing
     *                                  ({@link SignificanceMethod#missing}); the message names
     *                                  the method and the reason
     */
    public static MethodOutcome of(SignificanceMethod method, SignificanceParameters parameters, Direction direction,
            double[] pre, double[] post) {
        if (method == SignificanceMethod.HLM) {
            throw new IllegalArgumentException("HLM needs every score, not pairs: use ofHlm");
        }
        requireParameters(method, parameters);
        PairedSample sample = PairedSample.of(pre, post);
        IndividualMethod criterion;
        Double criticalValue = null;
        switch (method) {
            case PERCENTAGE -> criterion = new PercentageChange(direction, parameters.pctImprovement(),
                    parameters.pctDeterioration());
            case ANCHOR -> criterion = new AnchorChange(direction, parameters.midImprovement(),
                    parameters.midDeterioration());
            default -> {
                ReliableChange rci = ReliableChange.of(method.rci(), sample, direction, parameters.reliability(),
                        method == SignificanceMethod.NK ? parameters.nkReliabilityPost() : null,
                        CriticalValues.DEFAULT_ALPHA);
                criterion = rci;
                criticalValue = rci.criticalValue();
            }
        }
        Category[] categories = criterion.classify(pre, post);
        if (!method.hasCombinedApproach()) {
            return new MethodOutcome(method, categories, null, null, null, null);
        }
        return combined(method, parameters, direction, sample, categories, pre, post, criticalValue);
    }

    /**
     * HLM's outcome from its fit: the persons' categories, and the combined approach with the
     * cut-off of the HLM sample's first scores (section 3.6).
     */
    public static MethodOutcome ofHlm(SignificanceParameters parameters, Direction direction, HlmFit fit) {
        List<HlmFit.Person> persons = fit.persons();
        int n = persons.size();
        Category[] categories = new Category[n];
        double[] pre = new double[n];
        double[] post = new double[n];
        for (int i = 0; i < n; i++) {
            HlmFit.Person person = persons.get(i);
            categories[i] = person.category();
            pre[i] = person.pre();
            post[i] = person.post();
        }
        return combined(SignificanceMethod.HLM, parameters, direction, PairedSample.of(pre, post), categories, pre,
                post, fit.criticalValue());
    }

    private static MethodOutcome combined(SignificanceMethod method, SignificanceParameters parameters,
            Direction direction, PairedSample sample, Category[] categories, double[] pre, double[] post,
            Double criticalValue) {
        List<String> missing = parameters.missingForCutoff();
        String cutoffName = "cut-off " + parameters.cutoffType().name().toLowerCase(java.util.Locale.ROOT);
        if (!missing.isEmpty()) {
            return new MethodOutcome(method, categories, null, null, criticalValue,
                    "the combined approach needs " + cutoffName + ", and the instrument file gives no "
                            + String.join(" or ", missing));
        }
        ClinicalRange range;
        try {
            range = method == SignificanceMethod.HA
                    ? TrueScoreCutoff.of(parameters.cutoffType(), sample, direction, parameters.reliability(),
                            parameters.functionalMean(), parameters.functionalSd())
                    : Cutoff.of(parameters.cutoffType(), sample, direction, parameters.functionalMean(),
                            parameters.functionalSd());
        } catch (IllegalArgumentException undefined) {
            return new MethodOutcome(method, categories, null, null, criticalValue,
                    "the combined approach is left out: " + undefined.getMessage());
        }
        CombinedCategory[] combined = new CombinedApproach(range).classify(categories, pre, post);
        return new MethodOutcome(method, categories, combined, range.value(), criticalValue, null);
    }

    private static void requireParameters(SignificanceMethod method, SignificanceParameters parameters) {
        List<String> missing = method.missing(parameters);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(method.label() + " needs " + String.join(", ", missing)
                    + ", which the instrument file does not give");
        }
    }

    /** The three-way counts of the persons whose index {@code selected} is true (a group). */
    public Counts counts(boolean[] selected) {
        Category[] chosen = java.util.stream.IntStream.range(0, categories.length).filter(i -> selected[i])
                .mapToObj(i -> categories[i]).toArray(Category[]::new);
        return Counts.of(chosen);
    }

    /** The five-way counts of the selected persons; {@code null} without a combined approach. */
    public CombinedCounts combinedCounts(boolean[] selected) {
        if (combined == null) {
            return null;
        }
        CombinedCategory[] chosen = java.util.stream.IntStream.range(0, combined.length).filter(i -> selected[i])
                .mapToObj(i -> combined[i]).toArray(CombinedCategory[]::new);
        return CombinedCounts.of(chosen);
    }

    /** The person's category as {@code episode_outcomes.csv} writes it: five-way where there is a combined approach. */
    public String label(int person) {
        return combined != null ? combined[person].label() : categories[person].label();
    }
}
