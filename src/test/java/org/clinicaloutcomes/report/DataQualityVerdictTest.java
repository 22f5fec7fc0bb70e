package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DataQualityVerdictTest {

    private static DataQuality quality(long read, long rejected, List<DataQuality.ReasonCount> reasons) {
        return new DataQuality(List.of(new DataQuality.FileCounts("intake.csv", "ab", 10, 100, 100, 0, 0),
                new DataQuality.FileCounts("sessions.csv", "cd", 10, read, read - rejected, rejected, 0)),
                reasons, List.of());
    }

    @Test
    void theReasonsOfAFileComeMostFrequentFirstAtMostTenLines() {
        List<DataQuality.ReasonCount> reasons = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            reasons.add(new DataQuality.ReasonCount("sessions.csv", i % 2 == 0 ? "pcl5" : "", "reason " + i, i));
        }
        List<String> lines = DataQualityVerdict.reasonLines(quality(1000, 78, reasons), "sessions.csv");
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("    12 reason 12 (pcl5)");
        assertThat(lines.get(1)).isEqualTo("    11 reason 11");
        assertThat(lines.get(10)).isEqualTo("    \u2026 2 more reasons (rejects.csv)");
        assertThat(DataQualityVerdict.reasonLines(quality(1000, 78, reasons), "intake.csv")).isEmpty();
    }

    @Test
    void moreThanTheShareOfRejectedRowsOrNoPairedPrimaryScoresIsAProblem() {
        // exactly 50 % is not more than 50 %
        assertThat(DataQualityVerdict.problem(quality(10, 5, List.of()), 50, "PCL-5", 3)).isNull();
        assertThat(DataQualityVerdict.problem(quality(10, 6, List.of()), 50, "PCL-5", 3)).isEqualTo(
                "look at the data first: sessions.csv: 60.0 % of its rows were rejected (more than "
                        + "--max-reject-pct=50); see rejects.csv and the Data quality sheet");
        assertThat(DataQualityVerdict.problem(quality(10, 0, List.of()), 50, "PHQ-9", 0)).isEqualTo(
                "look at the data first: no client has before-and-after PHQ-9 scores (the main questionnaire); see "
                        + "rejects.csv and the Data quality sheet");
        // both causes in one line; 0 % tolerates no reject at all, 100 % every reject
        assertThat(DataQualityVerdict.problem(quality(10, 1, List.of()), 0, "PCL-5", 0))
                .contains("10.0 % of its rows").contains("; no client has before-and-after PCL-5");
        assertThat(DataQualityVerdict.problem(quality(10, 10, List.of()), 100, "PCL-5", 3)).isNull();
        // an empty file has no share
        assertThat(DataQualityVerdict.problem(quality(0, 0, List.of()), 0, "PCL-5", 3)).isNull();
    }
}
