package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void numbersAreWrittenExactlyAsDoubleToStringWritesThem() {
        double[] edges = {0.0, 1.0, -1.0, 45.0, -12.0, 0.5, -0.5, 9_999_999.0, 10_000_000.0, -9_999_999.0,
                -10_000_000.0, 1e7 + 1, 123_456_789.0, 1e-3, 9.99e-4, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, 0.1 + 0.2, 2.0 / 3.0, 100.0 * 7 / 9, Math.nextUp(45.0), Math.nextDown(45.0)};
        for (double value : edges) {
            assertThat(CsvCells.number(value)).as("%s", value).isEqualTo(Double.toString(value));
            assertThat(CsvCells.number(Double.valueOf(value))).isEqualTo(Double.toString(value));
        }
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 200_000; i++) {
            double whole = random.nextInt(-20_000_000, 20_000_000);
            double score = random.nextInt(0, 400) / 4.0;
            double any = Double.longBitsToDouble(random.nextLong());
            for (double value : new double[] {whole, -whole, score, score - 40, any}) {
                if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                    assertThat(CsvCells.number(value)).isEqualTo(Double.toString(value));
                }
            }
        }
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertThat(CsvCells.number(-0.0)).isEqualTo("-0.0");
        assertThat(CsvCells.number(0.0)).isEqualTo("0.0");
    }

    @Test
    void undefinedNumbersAreEmptyCells() {
        assertThat(CsvCells.number((Double) null)).isEmpty();
        assertThat(CsvCells.number(Double.NaN)).isEmpty();
        assertThat(CsvCells.number(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(CsvCells.number(Double.NEGATIVE_INFINITY)).isEmpty();
    }
}
