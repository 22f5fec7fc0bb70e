package org.clinicaloutcomes.batch;

/**
 * A run that cannot go on for a reason the user has to change (another run holds the output
 * folder, the output folder is not a report, the data leave nothing to report on): the job ends,
 * the user gets the message and exit code 2, and no advice to resume it, since a restart would
 * meet the same reason.
 */
public class RunRefused extends RuntimeException {

    public RunRefused(String message) {
        super(message, null, false, false);
    }
}
