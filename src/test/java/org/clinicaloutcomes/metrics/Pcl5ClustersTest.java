package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Pcl5ClustersTest {

    @Test
    void clusterSumsOfAWorkedExample() {
        // Items 1–20: 1,1,2,2,0 | 2,1 | 2,0,2,1,1,2,2 | 2,2,1,2,1,0 (first session row of the example).
        // B = 1 + 1 + 2 + 2 + 0 = 6; C = 2 + 1 = 3; D = 2 + 0 + 2 + 1 + 1 + 2 + 2 = 10;
        // E = 2 + 2 + 1 + 2 + 1 + 0 = 8; total 27.
        // Endorsed (≥ 2): B 2 (≥ 1), C 1 (≥ 1), D 4 (≥ 2), E 3 (≥ 2): provisional diagnosis.
        Pcl5Clusters clusters = Pcl5Clusters.of(new int[] {1, 1, 2, 2, 0, 2, 1, 2, 0, 2, 1, 1, 2, 2, 2, 2, 1, 2, 1, 0});
        assertThat(clusters).isEqualTo(new Pcl5Clusters(6, 3, 10, 8, true));
        assertThat(clusters.total()).isEqualTo(27);
        assertThat(clusters.sum(Pcl5Clusters.Cluster.D)).isEqualTo(10);
    }

    @Test
    void diagnosisNeedsEveryCluster() {
        // Minimal positive pattern: one B, one C, two D, two E items at 2, the rest 0.
        int[] minimal = new int[20];
        minimal[0] = 2;  // B item 1
        minimal[5] = 2;  // C item 6
        minimal[7] = 2;  // D item 8
        minimal[8] = 2;  // D item 9
        minimal[14] = 2; // E item 15
        minimal[15] = 2; // E item 16
        assertThat(Pcl5Clusters.of(minimal).provisionalDiagnosis()).isTrue();

        int[] oneD = minimal.clone();
        oneD[8] = 1; // a 1 ("a little bit") is not endorsed
        assertThat(Pcl5Clusters.of(oneD).provisionalDiagnosis()).isFalse();

        int[] noC = minimal.clone();
        noC[5] = 1;
        assertThat(Pcl5Clusters.of(noC).provisionalDiagnosis()).isFalse();

        int[] oneE = minimal.clone();
        oneE[15] = 0;
        assertThat(Pcl5Clusters.of(oneE).provisionalDiagnosis()).isFalse();
    }

    @Test
    void highTotalWithoutTheClusterPatternIsNoDiagnosis() {
        // Every item 1 except all of B at 4: total 20 + 15 = 35, but C, D, E have no endorsed item.
        int[] items = new int[20];
        java.util.Arrays.fill(items, 1);
        for (int i = 0; i < 5; i++) {
            items[i] = 4;
        }
        Pcl5Clusters clusters = Pcl5Clusters.of(items);
        assertThat(clusters.total()).isEqualTo(35);
        assertThat(clusters.provisionalDiagnosis()).isFalse();
    }

    @Test
    void extremes() {
        assertThat(Pcl5Clusters.of(new int[20])).isEqualTo(new Pcl5Clusters(0, 0, 0, 0, false));
        int[] max = new int[20];
        java.util.Arrays.fill(max, 4);
        assertThat(Pcl5Clusters.of(max)).isEqualTo(new Pcl5Clusters(20, 8, 28, 24, true));
    }

    @Test
    void clustersCoverTheTwentyItemsOnce() {
        int covered = 0;
        int next = 1;
        for (Pcl5Clusters.Cluster cluster : Pcl5Clusters.Cluster.values()) {
            assertThat(cluster.firstItem()).isEqualTo(next);
            covered += cluster.lastItem() - cluster.firstItem() + 1;
            next = cluster.lastItem() + 1;
        }
        assertThat(covered).isEqualTo(20);
    }

    @Test
    void rejectsMalformedItems() {
        assertThatThrownBy(() -> Pcl5Clusters.of(new int[19])).isInstanceOf(IllegalArgumentException.class);
        int[] five = new int[20];
        five[3] = 5;
        assertThatThrownBy(() -> Pcl5Clusters.of(five)).isInstanceOf(IllegalArgumentException.class);
    }
}
