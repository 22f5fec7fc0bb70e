package org.clinicaloutcomes.analysis;

import java.io.Serializable;

/**
 * The rows of one output table, collected one episode at a time: {@link CohortAnalysis} gives
 * every accumulator every episode, in intake order, then asks each for its rows once.
 *
 * <p>{@link #add} appends to the table's groups in the order it is called, and {@link #result}
 * computes the statistics from those values in that order, so the same episodes give
 * bit-identical rows however the caller batches them. {@link #result} only reads what {@link #add}
 * collected: it may run on another thread once the last episode is added. Not thread-safe.
 *
 * <p>{@link #merge} takes in what another accumulator of the same table (and settings) collected
 * from other episodes: afterwards this one holds exactly what one accumulator given all the
 * episodes of both, in index order, would hold, so its rows have the same bits (issue 19: the
 * partitions of an analysis merge into the single pass). Counts and histograms add up; a group's
 * values merge by episode index ({@link EpisodeMerge}); sums kept for a statistic are exact.
 *
 * @param <A> the accumulator itself
 * @param <T> the table's rows
 */
interface TableAccumulator<A extends TableAccumulator<A, T>, T> extends Serializable {

    /** Takes one accepted episode (open or closed, inside the window or not). */
    void add(ScoredEpisode episode);

    /**
     * Takes in what {@code other} collected from other episodes (disjoint from this one's).
     * Called before {@link #result}; {@code other} is not used afterwards.
     */
    void merge(A other);

    /** The table's rows, in the table's fixed row order. Called once, after the last {@link #add}. */
    T result();
}
