package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.clinicaloutcomes.report.WorkbookStyles.Kind;
import org.junit.jupiter.api.Test;

/**
 * The lengths that size the workbook's columns: counted without formatting, they must equal the
 * lengths of the formatted values.
 */
class SheetWriterTest {

    @Test
    void numberLengthsAreTheLengthsOfTheFormattedNumbers() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.00499999, 0.9949,
                0.995, 0.99499999, -0.995, 9.995, 9.994999, 99.995, 99.99, 99.95, 99.949, 0.99995, 9.99995, 0.05,
                0.95, 9.95, -9.95, 0.049, 1e-9, -1e-9, 1.0, 10.0, 100.0, 999.999, 1234567.891, 999999999.995,
                1e9, -1e9, 1e12 + 0.5, 1e15, 123456789012345.67, 1e20, 0.15, 0.25, 0.35, 2.675, 1.005, 1.015));
        Random random = new Random(20261031);
        for (int i = 0; i < 20_000; i++) {
            double scale = Math.pow(10, random.nextInt(12) - 4);
            values.add((random.nextDouble() * 2 - 1) * scale);
            // Values near a carry into the whole part.
            values.add(random.nextInt(1000) + 0.99 + random.nextDouble() * 0.01);
            values.add(-(random.nextInt(1000) + 0.9999 + random.nextDouble() * 0.0001));
        }
        for (double v : values) {
            assertThat(SheetWriter.shownLength(v, Kind.DECIMAL)).as("%.2f of %s", v)
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", v).length());
            assertThat(SheetWriter.shownLength(v, Kind.P_VALUE)).as("%.4f of %s", v)
                    .isEqualTo(String.format(Locale.ROOT, "%.4f", v).length());
            assertThat(SheetWriter.shownLength(v / 100, Kind.PERCENT)).as("%.1f%% of %s", v)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f%%", v / 100 * 100).length());
        }
    }
}
