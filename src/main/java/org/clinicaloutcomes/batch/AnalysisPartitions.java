package org.clinicaloutcomes.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.ingest.EpisodeRegistryFile;
import org.clinicaloutcomes.metrics.Fold;

/**
 * What the analysis partitions of a run share, and hand to the outcomes step, in this process's
 * memory (the partitions run on its threads, issue 19): the staged episodes, loaded once, with
 * each partition's episodes ({@link Fold#partition} of the client id, as {@link StagingLayout});
 * then each partition's analysis, until the outcomes step takes them all. One run at a time (a
 * state folder is held by one run); a run's partitions are recomputed on every restart, so
 * nothing here outlives the process.
 */
final class AnalysisPartitions {

    /** The staged episodes and, per partition, its episodes' indexes in increasing order. */
    record Episodes(EpisodeRegistry registry, int[][] ofPartition) {
    }

    /** Every partition's analysis, in partition order, and how many episodes they were given. */
    record Analysed(CohortAnalysis[] partitions, int episodes) {
    }

    private long jobExecutionId = -1;
    private Episodes episodes;
    private CohortAnalysis[] analysed;

    /** The run's staged episodes, loaded from {@code file} by the first partition that asks. */
    synchronized Episodes episodes(long jobExecutionId, Path file, int partitions) throws IOException {
        forRun(jobExecutionId, partitions);
        if (episodes == null) {
            EpisodeRegistry registry = EpisodeRegistryFile.load(file);
            IntStream.Builder[] builders = new IntStream.Builder[partitions];
            for (int p = 0; p < partitions; p++) {
                builders[p] = IntStream.builder();
            }
            for (int episode = 0; episode < registry.size(); episode++) {
                builders[Fold.partition(registry.get(episode).clientId(), partitions)].add(episode);
            }
            int[][] ofPartition = new int[partitions][];
            for (int p = 0; p < partitions; p++) {
                ofPartition[p] = builders[p].build().toArray();
            }
            episodes = new Episodes(registry, ofPartition);
        }
        return episodes;
    }

    /** Keeps a partition's analysis for the outcomes step. */
    synchronized void analysed(long jobExecutionId, int partition, CohortAnalysis analysis) {
        if (jobExecutionId != this.jobExecutionId || analysed == null) {
            throw new IllegalStateException("partition " + partition + " of another run");
        }
        analysed[partition] = analysis;
    }

    /**
     * Takes every partition's analysis of the run, and lets go of all of it (the registry too).
     *
     * @throws IllegalStateException when a partition has not been analysed in this process
     */
    synchronized Analysed take(long jobExecutionId) {
        if (jobExecutionId != this.jobExecutionId || analysed == null) {
            throw new IllegalStateException("the analysis partitions of this run were not computed in this process");
        }
        for (int p = 0; p < analysed.length; p++) {
            if (analysed[p] == null) {
                throw new IllegalStateException("analysis partition " + p + " was not computed");
            }
        }
        Analysed taken = new Analysed(analysed, episodes.registry().size());
        this.jobExecutionId = -1;
        episodes = null;
        analysed = null;
        return taken;
    }

    private void forRun(long jobExecutionId, int partitions) {
        if (jobExecutionId != this.jobExecutionId) {
            this.jobExecutionId = jobExecutionId;
            episodes = null;
            analysed = new CohortAnalysis[partitions];
        }
    }
}
