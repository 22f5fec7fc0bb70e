package org.clinicaloutcomes.sample;

/**
 * What {@link SampleDataGenerator#generate} wrote.
 *
 * @param episodes data rows written to {@code intake.csv} (one per episode, plus the few
 *                 deliberate duplicate-client_id rows; the header is not counted)
 * @param sessions data rows written to {@code sessions.csv} (the deliberate bad rows included,
 *                 the header not counted)
 */
public record GenerationSummary(long episodes, long sessions) {
}
