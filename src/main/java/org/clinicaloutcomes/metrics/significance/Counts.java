package org.clinicaloutcomes.metrics.significance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Three-way counts (SIGNIFICANCE.md, section 1.4: counts are the normative output; grouping
 * changes only the tabulation).
 *
 * @param improved     number improved
 * @param unchanged    number unchanged
 * @param deteriorated number deteriorated
 */
public record Counts(int improved, int unchanged, int deteriorated) {

    /** The counts of {@code categories}. */
    public static Counts of(Category... categories) {
        int improved = 0;
        int unchanged = 0;
        int deteriorated = 0;
        for (Category category : categories) {
            switch (Objects.requireNonNull(category, "category")) {
                case IMPROVED -> improved++;
                case UNCHANGED -> unchanged++;
                case DETERIORATED -> deteriorated++;
            }
        }
        return new Counts(improved, unchanged, deteriorated);
    }

    /**
     * The counts per group, groups in order of first appearance ({@code groups[i]} is the group
     * of {@code categories[i]}; a {@code null} group is counted under {@code null}).
     */
    public static Map<String, Counts> byGroup(Category[] categories, List<String> groups) {
        if (categories.length != groups.size()) {
            throw new IllegalArgumentException("categories and groups differ in length");
        }
        Map<String, List<Category>> split = new LinkedHashMap<>();
        for (int i = 0; i < categories.length; i++) {
            split.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(categories[i]);
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        split.forEach((group, list) -> counts.put(group, of(list.toArray(Category[]::new))));
        return counts;
    }

    /** {@code improved + unchanged + deteriorated}. */
    public int n() {
        return improved + unchanged + deteriorated;
    }
}
