package org.clinicaloutcomes.batch;

import java.util.function.Consumer;

import org.clinicaloutcomes.ingest.Reject;
import org.clinicaloutcomes.ingest.RowResult;

/** How the ingest steps take a batch of checked rows: in file order, each passed row or its reject. */
final class RowResults {

    private RowResults() {
    }

    static <T> void forEach(RowResult<T>[] results, int size, Consumer<T> passed, Consumer<Reject> rejected) {
        for (int i = 0; i < size; i++) {
            RowResult<T> result = results[i];
            if (result instanceof RowResult.Accepted<T> accepted) {
                passed.accept(accepted.record());
            } else if (result instanceof RowResult.Rejected<T> rejectedRow) {
                rejected.accept(rejectedRow.reject());
            }
        }
    }
}
