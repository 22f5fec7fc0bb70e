package org.clinicaloutcomes.sample;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What to generate: the same settings always give the same bytes.
 *
 * @param seed     seed of every random draw
 * @param episodes number of treatment episodes (intake rows, not counting the deliberate
 *                 duplicate-client_id rows); about 11 scheduled sessions each on average
 * @param endMonth last month of the data: intakes are spread over the
 *                 {@value SampleDataGenerator#MONTHS} months ending with it and no date lies after
 *                 its last day
 */
public record SampleDataSettings(long seed, int episodes, YearMonth endMonth) {

    public SampleDataSettings {
        if (episodes < 0) {
            throw new IllegalArgumentException("episodes must not be negative: " + episodes);
        }
        Objects.requireNonNull(endMonth, "endMonth");
        if (endMonth.getYear() < 1903 || endMonth.getYear() > 9998) {
            throw new IllegalArgumentException("endMonth out of the supported range: " + endMonth);
        }
    }
}
