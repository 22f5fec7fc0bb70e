package org.clinicaloutcomes.metrics.significance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The complete pre/post pairs of long data (SIGNIFICANCE.md, section 1, R's {@code .prep_data}).
 *
 * <ol>
 *   <li>The input is long data: (id, occasion, score[, group]); the caller names the {@code pre}
 *       and {@code post} occasions explicitly (the contract's choice; R would guess).</li>
 *   <li>One row per (id, occasion): a duplicate is an error.</li>
 *   <li>Complete pairs only: an id without a non-missing score at either occasion is dropped.
 *       {@code nOriginal} is the number of ids with a row at either occasion, {@code nUsed()} the
 *       number of complete pairs (claus_2020 BDI, occasions 1 and 4: 43 and 40).</li>
 *   <li>Grouping changes only the tabulation: the group of each pair is carried for the counts,
 *       the statistics ({@link #sample()}) are computed once from all pairs.</li>
 * </ol>
 * Pairs keep the order in which their ids first appear. Rows at other occasions are ignored. An
 * id's group is the group of its pre row (its post row's when the pre row has none).
 *
 * @param ids       the id of each pair
 * @param pre       the pre score of each pair, same order
 * @param post      the post score of each pair, same order
 * @param groups    the group of each pair ({@code null} entries for ungrouped data), same order
 * @param nOriginal ids with a row at the pre or the post occasion
 */
public record CompletePairs(List<String> ids, double[] pre, double[] post, List<String> groups, int nOriginal) {

    /** One row of long data; {@code score} is {@code null} when missing, {@code group} may be. */
    public record Row(String id, String occasion, Double score, String group) {
        public Row {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(occasion, "occasion");
        }
    }

    public CompletePairs {
        ids = List.copyOf(ids);
        pre = pre.clone();
        post = post.clone();
        groups = Collections.unmodifiableList(new ArrayList<>(groups));
        if (pre.length != ids.size() || post.length != ids.size() || groups.size() != ids.size()) {
            throw new IllegalArgumentException("ids, pre, post and groups differ in length");
        }
    }

    /**
     * The complete pairs of {@code rows} at the named occasions.
     *
     * @throws IllegalArgumentException when {@code pre} equals {@code post}, when an (id, occasion)
     *                                  has two rows, or when a score is not finite
     */
    public static CompletePairs of(List<Row> rows, String preOccasion, String postOccasion) {
        Objects.requireNonNull(preOccasion, "pre occasion");
        Objects.requireNonNull(postOccasion, "post occasion");
        if (preOccasion.equals(postOccasion)) {
            throw new IllegalArgumentException("pre and post must be different occasions, both are \""
                    + preOccasion + "\"");
        }
        Map<String, Row[]> byId = new LinkedHashMap<>();
        for (Row row : rows) {
            int slot = row.occasion().equals(preOccasion) ? 0 : row.occasion().equals(postOccasion) ? 1 : -1;
            if (slot < 0) {
                continue;
            }
            if (row.score() != null) {
                Checks.finite("score of id " + row.id() + " at occasion " + row.occasion(), row.score());
            }
            Row[] pair = byId.computeIfAbsent(row.id(), id -> new Row[2]);
            if (pair[slot] != null) {
                throw new IllegalArgumentException("duplicate row for id " + row.id() + " at occasion "
                        + row.occasion());
            }
            pair[slot] = row;
        }
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        double[] pre = new double[byId.size()];
        double[] post = new double[byId.size()];
        int n = 0;
        for (Map.Entry<String, Row[]> entry : byId.entrySet()) {
            Row[] pair = entry.getValue();
            if (pair[0] == null || pair[1] == null || pair[0].score() == null || pair[1].score() == null) {
                continue;
            }
            ids.add(entry.getKey());
            groups.add(pair[0].group() != null ? pair[0].group() : pair[1].group());
            pre[n] = pair[0].score();
            post[n] = pair[1].score();
            n++;
        }
        return new CompletePairs(ids, Arrays.copyOf(pre, n), Arrays.copyOf(post, n), groups, byId.size());
    }

    /** The number of complete pairs. */
    public int nUsed() {
        return ids.size();
    }

    /** The sample statistics of all complete pairs, pooled across groups (section 1.4). */
    public PairedSample sample() {
        return PairedSample.of(pre, post);
    }

    /** The distinct groups in order of first appearance (without {@code null}). */
    public List<String> groupNames() {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String group : groups) {
            if (group != null && seen.add(group)) {
                names.add(group);
            }
        }
        return List.copyOf(names);
    }

    @Override
    public double[] pre() {
        return pre.clone();
    }

    @Override
    public double[] post() {
        return post.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompletePairs that && ids.equals(that.ids) && Arrays.equals(pre, that.pre)
                && Arrays.equals(post, that.post) && groups.equals(that.groups) && nOriginal == that.nOriginal;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, Arrays.hashCode(pre), Arrays.hashCode(post), groups, nOriginal);
    }

    @Override
    public String toString() {
        return "CompletePairs[nUsed=" + ids.size() + ", nOriginal=" + nOriginal + "]";
    }
}
