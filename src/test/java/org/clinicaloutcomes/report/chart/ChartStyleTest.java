package org.clinicaloutcomes.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.junit.jupiter.api.Test;

/** The look every chart shares: the bundled font and a fixed colour per approach. */
class ChartStyleTest {

    @Test
    void chartsUseTheBundledFont() {
        assertThat(ChartStyle.REGULAR_FACE.getFamily()).isEqualTo("DejaVu Sans");
        assertThat(ChartStyle.BOLD_FACE.getFontName()).isEqualTo("DejaVu Sans Bold");
        assertThat(ChartStyle.NOTE_FONT.getSize2D()).isGreaterThanOrEqualTo(12f);
        assertThat(ChartStyle.TICK_FONT.getSize2D()).isGreaterThanOrEqualTo(12f);
    }

    @Test
    void eachApproachKeepsItsColourAndAllIsGrey() {
        List<String> approaches = List.of("DBT", "CPT", "ACT", "PE");
        assertThat(ChartStyle.colour(approaches, "DBT")).isEqualTo(new Color(0xE6, 0x9F, 0x00));
        assertThat(ChartStyle.colour(approaches, "PE")).isEqualTo(new Color(0x00, 0x72, 0xB2));
        assertThat(ChartStyle.colour(approaches, OutcomeTables.ALL)).isEqualTo(ChartStyle.ALL_COLOUR);
        Set<Color> distinct = new HashSet<>();
        for (String approach : approaches) {
            distinct.add(ChartStyle.colour(approaches, approach));
        }
        assertThat(distinct).hasSize(4).doesNotContain(ChartStyle.ALL_COLOUR);
    }
}
