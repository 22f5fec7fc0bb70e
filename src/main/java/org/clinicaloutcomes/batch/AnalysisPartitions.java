package org.clinicaloutcomes.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.clinicaloutcomes.analysis.CohortAnalysis;
import org.clinicaloutcomes.ingest.EpisodeRegistry;
import org.clinicaloutcomes.ingest.EpisodeRegistryFile;
import org.clinicaloutcomes.ingest.IntakeRecord;
import org.clinicaloutcomes.metrics.Fold;

/**
 * What the analysis partitions of a run share, and how they hand their analyses to the outcomes
 * step (issue 19). On this process's threads: the staged episodes, loaded once, with each
 * partition's episodes ({@link Fold#partition} of the client id, as {@link StagingLayout}), and
 * each partition's analysis, kept in memory until the outcomes step takes them all. In a remote
 * worker ({@code --remote-workers}): only the partition's own episodes, and its analysis left as
 * a file in the run's work folder. One run at a time per process (a state folder is held by one
 * run; a worker runs one partition at a time); a run's partitions are recomputed on every
 * restart, so nothing here outlives the run.
 */
final class AnalysisPartitions {

    /** The classes a partition's file may hold: the analysis's own and the JDK's. */
    private static final ObjectInputFilter ANALYSIS_CLASSES =
            ObjectInputFilter.Config.createFilter("org.clinicaloutcomes.**;java.**;!*");

    /** The staged episodes and, per partition, its episodes' indexes in increasing order. */
    private record Episodes(EpisodeRegistry registry, int[][] ofPartition) {
    }

    /** A partition's episodes' indexes in increasing order, and each one's record. */
    record Own(int[] episodes, IntFunction<IntakeRecord> record) {
    }

    /** A partition's analysis and how many episodes it was given, as a remote worker leaves it. */
    private record Partition(CohortAnalysis analysis, int episodes) implements Serializable {
    }

    /** The analysis of every partition merged, and how many episodes it was given. */
    record Merged(CohortAnalysis analysis, int episodes) {
    }

    private long jobExecutionId = -1;
    private Episodes episodes;
    private CohortAnalysis[] analysed;

    /**
     * A partition's episodes, in increasing index order, and their records. On this process's
     * threads the partitions share the run's staged episodes, loaded once by the first that asks;
     * a remote worker loads only its partition's, so its memory grows with the partition.
     */
    Own episodesOf(RunSupport support, long jobExecutionId, int partition) throws IOException {
        int partitions = support.run().partitions();
        Path file = support.work().episodes();
        if (support.run().remoteWorkers()) {
            EpisodeRegistryFile.PartitionEpisodes own = EpisodeRegistryFile.loadPartition(file, partition, partitions);
            return new Own(own.episodes(), own::get);
        }
        Episodes all = episodes(jobExecutionId, file, partitions);
        return new Own(all.ofPartition()[partition], all.registry()::get);
    }

    /** The run's staged episodes, loaded from {@code file} by the first partition that asks. */
    private synchronized Episodes episodes(long jobExecutionId, Path file, int partitions) throws IOException {
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

    /**
     * Keeps a partition's analysis for the outcomes step: in memory, or, from a remote worker, in
     * the work folder (written whole, then renamed into place, so the manager never reads half a
     * file).
     */
    void analysed(RunSupport support, long jobExecutionId, int partition, CohortAnalysis analysis, int episodes)
            throws IOException {
        if (support.run().remoteWorkers()) {
            Path file = support.work().analysis(partition);
            Path part = file.resolveSibling(file.getFileName() + ".part");
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(part),
                    1 << 16))) {
                out.writeObject(new Partition(analysis, episodes));
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        synchronized (this) {
            if (jobExecutionId != this.jobExecutionId || analysed == null) {
                throw new IllegalStateException("partition " + partition + " of another run");
            }
            analysed[partition] = analysis;
        }
    }

    /**
     * Every partition's analysis of the run merged ({@link CohortAnalysis#merge}: the analysis of
     * one pass over every episode), letting go of all of them (the registry too).
     *
     * @throws IllegalStateException when a partition has not been analysed
     */
    Merged merged(RunSupport support, long jobExecutionId) throws IOException {
        return support.run().remoteWorkers() ? mergedFromFiles(support) : mergedInMemory(jobExecutionId);
    }

    /**
     * Neighbours pairwise, then the pairs pairwise: each value is copied about log2(N) times
     * rather than up to N times; the merge is exact, so the order of merging changes nothing.
     */
    private synchronized Merged mergedInMemory(long jobExecutionId) {
        if (jobExecutionId != this.jobExecutionId || analysed == null) {
            throw new IllegalStateException("the analysis partitions of this run were not computed in this process");
        }
        CohortAnalysis[] parts = analysed;
        for (int p = 0; p < parts.length; p++) {
            if (parts[p] == null) {
                throw new IllegalStateException("analysis partition " + p + " was not computed");
            }
        }
        int count = episodes.registry().size();
        this.jobExecutionId = -1;
        episodes = null;
        analysed = null;
        for (int width = 1; width < parts.length; width *= 2) {
            for (int p = 0; p + width < parts.length; p += 2 * width) {
                parts[p].merge(parts[p + width]);
                parts[p + width] = null;
            }
        }
        return new Merged(parts[0], count);
    }

    /** The remote workers' files, read and merged one at a time, so at most two are in memory. */
    private static Merged mergedFromFiles(RunSupport support) throws IOException {
        CohortAnalysis merged = null;
        int count = 0;
        for (int p = 0; p < support.run().partitions(); p++) {
            Partition partition = read(support.work().analysis(p), p);
            count += partition.episodes();
            if (merged == null) {
                merged = partition.analysis();
            } else {
                merged.merge(partition.analysis());
            }
        }
        return new Merged(merged, count);
    }

    private static Partition read(Path file, int partition) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("analysis partition " + partition + " left no result in " + file.getParent());
        }
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.setObjectInputFilter(ANALYSIS_CLASSES);
            return (Partition) in.readObject();
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IllegalStateException("the result of analysis partition " + partition + " in " + file.getParent()
                    + " was written by another version of clinical-outcomes: resume the run with --restart", e);
        }
    }

    private void forRun(long jobExecutionId, int partitions) {
        if (jobExecutionId != this.jobExecutionId) {
            this.jobExecutionId = jobExecutionId;
            episodes = null;
            analysed = new CohortAnalysis[partitions];
        }
    }
}
