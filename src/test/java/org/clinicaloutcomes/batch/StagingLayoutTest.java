package org.clinicaloutcomes.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where the sessions of an episode are staged, with and without analysis partitions (issue 19). */
class StagingLayoutTest {

    @Test
    void onePartitionStagesContiguousRangesOfEpisodesAsBefore() {
        StagingLayout layout = StagingLayout.of(4, 1, 10, null);
        assertThat(layout.files()).isEqualTo(4);
        List<Integer> files = new ArrayList<>();
        for (int episode = 0; episode < 10; episode++) {
            files.add(layout.fileOf(episode));
        }
        // episode × 4 / 10
        assertThat(files).containsExactly(0, 0, 0, 1, 1, 2, 2, 2, 3, 3);
    }

    @Test
    void eachPartitionOwnsItsBlocksAndEveryFileHoldsOnePartitionsEpisodesInIndexOrder() {
        int[] partitionOf = {2, 0, 1, 2, 2, 0, 1, 0, 2, 1};
        // 5 files asked for 3 partitions: 2 blocks each, 6 files
        StagingLayout layout = StagingLayout.of(5, 3, partitionOf.length, partitionOf);
        assertThat(layout.blocks()).isEqualTo(2);
        assertThat(layout.files()).isEqualTo(6);
        int previousFile = -1;
        for (int p = 0; p < 3; p++) {
            int previousEpisodeFile = layout.firstFile(p);
            for (int episode = 0; episode < partitionOf.length; episode++) {
                if (partitionOf[episode] != p) {
                    continue;
                }
                int file = layout.fileOf(episode);
                assertThat(file).isBetween(layout.firstFile(p), layout.firstFile(p) + layout.blocks() - 1);
                assertThat(file).isGreaterThanOrEqualTo(previousEpisodeFile);
                previousEpisodeFile = file;
            }
            assertThat(layout.firstFile(p)).isGreaterThan(previousFile);
            previousFile = layout.firstFile(p);
        }
        assertThat(layout.fileOf(0)).isEqualTo(4); // partition 2, first half
        assertThat(layout.fileOf(9)).isEqualTo(3); // partition 1, second half
    }

    @Test
    void aRestartKeepsTheCommittedFileCountWhenItIsWholeBlocks() {
        StagingLayout layout = StagingLayout.of(5, 3, 10, new int[10]);
        assertThat(layout.withFiles(9).blocks()).isEqualTo(3);
        assertThatThrownBy(() -> layout.withFiles(8)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("8 files");
        assertThatThrownBy(() -> StagingLayout.of(5, 3, 10, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
