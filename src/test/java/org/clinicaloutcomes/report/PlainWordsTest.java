package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.metrics.EpisodeOutcome;
import org.clinicaloutcomes.metrics.GroupOutcomes;
import org.clinicaloutcomes.metrics.Instrument;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

    private static final Instrument PCL5 = new Instrument("pcl5", "PCL-5", 0, 80, false, true, 33.0, 10);

    /** {@code improved} of {@code n} paired episodes reliably improved (50 -> 30), the rest unchanged. */
    private static GroupOutcomes group(int improved, int n) {
        List<EpisodeOutcome> paired = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paired.add(EpisodeOutcome.of(PCL5, 50, i < improved ? 30 : 48, 2));
        }
        return GroupOutcomes.of(PCL5, paired, n, new int[n], 0);
    }

    @Test
    void headlineIsAWholePercentageWithItsN() {
        // 10 of 13 = 76.9 %: "77 %", not "8 in 10".
        assertThat(PlainWords.headline("PE", group(10, 13), PCL5))
                .isEqualTo("PE: 77 % of 13 clients discharged with before-and-after PCL-5 scores improved reliably.");
        assertThat(PlainWords.headline("ALL", group(11, 20), PCL5))
                .isEqualTo("All approaches: 55 % of 20 clients discharged with before-and-after PCL-5 scores "
                        + "improved reliably.");
        assertThat(PlainWords.headline("PE", group(11, 20), PCL5, ">10"))
                .isEqualTo("PE: 55 % of n >10 clients discharged with before-and-after PCL-5 scores improved reliably.");
    }

    @Test
    void smallAndEmptyGroupsSaySo() {
        assertThat(PlainWords.headline("DBT", group(3, 6), PCL5)).isEqualTo("DBT: too few clients to say (n = 6).");
        assertThat(PlainWords.headline("DBT", group(0, 0), PCL5))
                .isEqualTo("DBT: no client discharged in the window has before-and-after PCL-5 scores.");
    }

    @Test
    void percentagesNearTheEndsAreNotRoundedOntoThem() {
        assertThat(PlainWords.percent(0.0)).isEqualTo("0 %");
        assertThat(PlainWords.percent(0.4)).isEqualTo("under 1 %");
        assertThat(PlainWords.percent(99.6)).isEqualTo("over 99 %");
        assertThat(PlainWords.percent(100.0)).isEqualTo("100 %");
        assertThat(PlainWords.percent(76.923)).isEqualTo("77 %");
    }
}
