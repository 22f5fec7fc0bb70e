package org.clinicaloutcomes.analysis;

/**
 * The rows of one output table, collected one episode at a time: {@link CohortAnalysis} gives
 * every accumulator every episode, in intake order, then asks each for its rows once.
 *
 * <p>{@link #add} appends to the table's groups in the order it is called, and {@link #result}
 * computes the statistics from those values in that order, so the same episodes give
 * bit-identical rows however the caller batches them. {@link #result} only reads what {@link #add}
 * collected: it may run on another thread once the last episode is added. Not thread-safe.
 *
 * @param <T> the table's rows
 */
interface TableAccumulator<T> {

    /** Takes one accepted episode (open or closed, inside the window or not). */
    void add(ScoredEpisode episode);

    /** The table's rows, in the table's fixed row order. Called once, after the last {@link #add}. */
    T result();
}
