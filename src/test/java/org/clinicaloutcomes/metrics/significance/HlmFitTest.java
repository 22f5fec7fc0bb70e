package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.SharedFiles;
import org.clinicaloutcomes.metrics.significance.HlmFit.Category;
import org.clinicaloutcomes.metrics.significance.HlmFit.Score;
import org.junit.jupiter.api.Test;

class HlmFitTest {

    private static final Path CLAUS = SharedFiles.ROOT.resolve("external").resolve("claus_2020.csv");

    /** claus_2020's rows for one instrument column: id, time and the score (NA as NaN). */
    static List<Score> claus(String column) throws IOException {
        List<String> lines = Files.readAllLines(CLAUS);
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        int id = header.indexOf("id");
        int time = header.indexOf("time");
        int score = header.indexOf(column);
        List<Score> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",", -1);
            String value = cells[score];
            rows.add(new Score(cells[id], Double.parseDouble(cells[time]),
                    value.equals("NA") ? Double.NaN : Double.parseDouble(value)));
        }
        return rows;
    }

    static HlmFit fitted(List<Score> rows, int direction) {
        HlmResult result = HlmFit.fit(rows, direction, 0.05);
        assertThat(result).isInstanceOf(HlmFit.class);
        return (HlmFit) result;
    }

    @Test
    void clausBdiReproducesThePublishedFit() throws IOException {
        HlmFit fit = fitted(claus("bdi"), -1);
        assertThat(fit.remlCriterion()).isCloseTo(1106.347, within(5e-4));
        assertThat(fit.interceptSd()).isCloseTo(6.344, within(5e-4));
        assertThat(fit.slopeSd()).isCloseTo(2.766, within(5e-4));
        assertThat(fit.correlation()).isCloseTo(-0.08, within(5e-3));
        assertThat(fit.residualSd()).isCloseTo(5.316, within(5e-4));
        // balanced data: b̂ is the OLS line through the wave means, 37.6625 (printed 37.663), likewise the slope
        assertThat(fit.intercept()).isCloseTo(37.6625, within(1e-9));
        assertThat(fit.slope()).isCloseTo(-3.3975, within(1e-9)); // printed -3.398
        assertThat(fit.n()).isEqualTo(40);
        assertThat(fit.count(Category.IMPROVED)).isEqualTo(5);
        assertThat(fit.count(Category.UNCHANGED)).isEqualTo(32);
        assertThat(fit.count(Category.DETERIORATED)).isEqualTo(3);
        assertThat(fit.criticalValue()).isEqualTo(1.959963984540054);
    }
}
