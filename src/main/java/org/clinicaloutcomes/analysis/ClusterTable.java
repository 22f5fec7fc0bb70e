package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.metrics.ExactMoments;
import org.clinicaloutcomes.metrics.Pcl5Clusters;
import org.clinicaloutcomes.metrics.Statistics;

/**
 * {@code pcl5_clusters.csv} (instrument key {@link CohortAnalysis#PCL5}): closed episodes of the
 * window with paired PCL-5 scores whose baseline and final PCL-5 rows both carry the 20 items;
 * per approach and ALL and cluster B–E, means (and SDs) of the baseline, final and change of the
 * cluster sum ({@link Pcl5Clusters}); the provisional diagnosis rate at baseline and at final over
 * the same episodes. No rows without a PCL-5 instrument.
 */
final class ClusterTable implements TableAccumulator<ClusterTable, List<OutcomeTables.ClusterRow>> {

    private static final Pcl5Clusters.Cluster[] CLUSTERS = Pcl5Clusters.Cluster.values();

    private final CohortLayout layout;
    private final Group[] groups;

    ClusterTable(CohortLayout layout) {
        this.layout = layout;
        this.groups = new Group[layout.groups()];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new Group();
        }
    }

    @Override
    public void add(ScoredEpisode episode) {
        int pcl5 = layout.pcl5;
        if (!episode.closedInWindow || pcl5 < 0) {
            return;
        }
        EpisodeScores scores = episode.scores();
        if (scores.outcomes[pcl5] == null || !scores.pcl5First.hasItems() || !scores.pcl5Last.hasItems()) {
            return;
        }
        Pcl5Clusters baseline = Pcl5Clusters.of(items(scores.pcl5First.items()));
        Pcl5Clusters last = Pcl5Clusters.of(items(scores.pcl5Last.items()));
        groups[episode.approach].add(baseline, last);
        groups[layout.all].add(baseline, last);
    }

    @Override
    public void merge(ClusterTable other) {
        for (int g = 0; g < groups.length; g++) {
            groups[g].merge(other.groups[g]);
        }
    }

    @Override
    public List<OutcomeTables.ClusterRow> result() {
        List<OutcomeTables.ClusterRow> rows = new ArrayList<>();
        if (layout.pcl5 < 0) {
            return rows;
        }
        for (int g = 0; g <= layout.all; g++) {
            Group group = groups[g];
            int n = group.n;
            Double diagnosisBaseline = Statistics.percent(group.diagnosisBaseline, n);
            Double diagnosisFinal = Statistics.percent(group.diagnosisFinal, n);
            for (Pcl5Clusters.Cluster cluster : CLUSTERS) {
                int c = cluster.ordinal();
                ExactMoments baseline = group.baseline[c].build();
                ExactMoments last = group.last[c].build();
                ExactMoments change = group.change[c].build();
                rows.add(new OutcomeTables.ClusterRow(layout.groupName(g), cluster, n,
                        baseline.mean(), baseline.sampleSd(), last.mean(), last.sampleSd(),
                        change.mean(), change.sampleSd(),
                        group.diagnosisBaseline, diagnosisBaseline, group.diagnosisFinal, diagnosisFinal));
            }
        }
        return rows;
    }

    private static int[] items(byte[] items) {
        int[] values = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            values[i] = items[i];
        }
        return values;
    }

    private static final class Group implements Serializable {
        int n;
        int diagnosisBaseline;
        int diagnosisFinal;
        final ExactMoments.Builder[] baseline = moments();
        final ExactMoments.Builder[] last = moments();
        final ExactMoments.Builder[] change = moments();

        void add(Pcl5Clusters first, Pcl5Clusters end) {
            n++;
            diagnosisBaseline += first.provisionalDiagnosis() ? 1 : 0;
            diagnosisFinal += end.provisionalDiagnosis() ? 1 : 0;
            for (Pcl5Clusters.Cluster cluster : CLUSTERS) {
                int c = cluster.ordinal();
                baseline[c].add(first.sum(cluster));
                last[c].add(end.sum(cluster));
                change[c].add(end.sum(cluster) - first.sum(cluster));
            }
        }

        void merge(Group other) {
            n += other.n;
            diagnosisBaseline += other.diagnosisBaseline;
            diagnosisFinal += other.diagnosisFinal;
            for (int c = 0; c < CLUSTERS.length; c++) {
                baseline[c].merge(other.baseline[c]);
                last[c].merge(other.last[c]);
                change[c].merge(other.change[c]);
            }
        }

        private static ExactMoments.Builder[] moments() {
            ExactMoments.Builder[] lists = new ExactMoments.Builder[CLUSTERS.length];
            for (int i = 0; i < lists.length; i++) {
                lists[i] = ExactMoments.builder();
            }
            return lists;
        }
    }
}
