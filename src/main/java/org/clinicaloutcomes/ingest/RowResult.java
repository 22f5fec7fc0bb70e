package org.clinicaloutcomes.ingest;

/** What validation made of one row: the accepted record, or the reject. */
public sealed interface RowResult<T> {

    record Accepted<T>(T record) implements RowResult<T> {
    }

    record Rejected<T>(Reject reject) implements RowResult<T> {
    }

    static <T> RowResult<T> rejected(String file, long line, String column, String reason) {
        return new Rejected<>(new Reject(file, line, column, reason));
    }
}
