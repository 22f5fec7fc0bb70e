package org.clinicaloutcomes.metrics.significance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Five-way counts of the combined approach (SIGNIFICANCE.md, section 7).
 *
 * @param recovered    reliably improved and clinical → functional
 * @param improved     reliably improved, not recovered
 * @param unchanged    no reliable change
 * @param deteriorated reliably worse, not harmed
 * @param harmed       reliably worse and functional → clinical
 */
public record CombinedCounts(int recovered, int improved, int unchanged, int deteriorated, int harmed) {

    /** The counts of {@code categories}. */
    public static CombinedCounts of(CombinedCategory... categories) {
        int[] counts = new int[CombinedCategory.values().length];
        for (CombinedCategory category : categories) {
            counts[Objects.requireNonNull(category, "category").ordinal()]++;
        }
        return new CombinedCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** The counts per group, groups in order of first appearance (see {@link Counts#byGroup}). */
    public static Map<String, CombinedCounts> byGroup(CombinedCategory[] categories, List<String> groups) {
        if (categories.length != groups.size()) {
            throw new IllegalArgumentException("categories and groups differ in length");
        }
        Map<String, List<CombinedCategory>> split = new LinkedHashMap<>();
        for (int i = 0; i < categories.length; i++) {
            split.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(categories[i]);
        }
        Map<String, CombinedCounts> counts = new LinkedHashMap<>();
        split.forEach((group, list) -> counts.put(group, of(list.toArray(CombinedCategory[]::new))));
        return counts;
    }

    /** All five counts. */
    public int n() {
        return recovered + improved + unchanged + deteriorated + harmed;
    }
}
