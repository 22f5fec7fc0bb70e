package org.clinicaloutcomes.batch;

import org.clinicaloutcomes.metrics.Fold;

/**
 * Which staging file a session goes to (issue 19). The files are the blocks of the analysis
 * partitions: partition {@code p} (of {@code partitions}, by {@link Fold#partition} of the
 * client id) owns files {@code p × blocks} to {@code p × blocks + blocks − 1}, and block {@code b}
 * holds the partition's episodes of the {@code b}-th contiguous range of episode indexes. So every
 * file holds whole episodes (the duplicate rule settles each file alone, in memory), and reading
 * a partition's files in order visits its episodes in increasing index order. With one partition
 * the files are contiguous ranges of episodes, as before partitions existed.
 *
 * @param partitions         analysis partitions, at least 1
 * @param blocks             files per partition, at least 1
 * @param episodes           accepted episodes
 * @param partitionOfEpisode each episode's partition; {@code null} with one partition
 */
record StagingLayout(int partitions, int blocks, long episodes, int[] partitionOfEpisode) {

    StagingLayout {
        if (partitions < 1 || blocks < 1) {
            throw new IllegalArgumentException("partitions and blocks must be at least 1: " + partitions + ", " + blocks);
        }
        if ((partitionOfEpisode == null) != (partitions == 1)) {
            throw new IllegalArgumentException("each episode's partition is needed with more than one partition");
        }
    }

    /**
     * The layout of about {@code files} files (one per block of the input's size) over
     * {@code partitions} partitions: each partition gets {@code ⌈files / partitions⌉} blocks.
     */
    static StagingLayout of(int files, int partitions, long episodes, int[] partitionOfEpisode) {
        return new StagingLayout(partitions, Math.max(1, (files + partitions - 1) / partitions), episodes,
                partitionOfEpisode);
    }

    /**
     * The same layout with {@code files} files in all (what a restarted step committed).
     *
     * @throws IllegalStateException when they are not whole blocks of every partition
     */
    StagingLayout withFiles(int files) {
        return new StagingLayout(partitions, blocks(files, partitions), episodes, partitionOfEpisode);
    }

    /**
     * The files per partition of {@code files} staged files.
     *
     * @throws IllegalStateException when they are not whole blocks of every partition
     */
    static int blocks(int files, int partitions) {
        if (files < partitions || files % partitions != 0) {
            throw new IllegalStateException("the staged sessions are in " + files + " files, not blocks of "
                    + partitions + " partitions");
        }
        return files / partitions;
    }

    int files() {
        return partitions * blocks;
    }

    /** The file of an episode's sessions. */
    int fileOf(int episode) {
        int partition = partitionOfEpisode == null ? 0 : partitionOfEpisode[episode];
        return partition * blocks + (int) ((long) episode * blocks / Math.max(1, episodes));
    }

    /** The first file of a partition. */
    int firstFile(int partition) {
        return firstFile(partition, blocks);
    }

    /** The first file of a partition with {@code blocks} files per partition. */
    static int firstFile(int partition, int blocks) {
        return partition * blocks;
    }
}
