package org.clinicaloutcomes.batch;

import org.springframework.batch.core.step.StepContribution;

/**
 * The step counters of Spring Batch as this pipeline uses them, so that the job repository's
 * tables tell the truth: a row read is counted read; one that passes is written (staged, or
 * accepted); one rejected by a rule of DATA.md is a process skip (it has a reject record); an exact
 * duplicate, dropped by the rule, is filtered.
 */
final class StepCounts {

    private StepCounts() {
    }

    /** A batch of rows read, of which {@code passed} went on and the rest were rejected. */
    static void rows(StepContribution contribution, int read, int passed) {
        read(contribution, read);
        contribution.incrementWriteCount(passed);
        contribution.incrementProcessSkipCount(read - passed);
    }

    /**
     * A batch of rows read, of which {@code passed} went on, {@code filtered} were dropped by a
     * rule without a reject (a researcher's rows at a wave not listed) and the rest were rejected.
     */
    static void rows(StepContribution contribution, int read, int passed, long filtered) {
        read(contribution, read);
        contribution.incrementWriteCount(passed);
        contribution.incrementFilterCount(filtered);
        contribution.incrementProcessSkipCount(read - passed - filtered);
    }

    /** Spring Batch counts reads one at a time. */
    static void read(StepContribution contribution, long items) {
        for (long i = 0; i < items; i++) {
            contribution.incrementReadCount();
        }
    }
}
