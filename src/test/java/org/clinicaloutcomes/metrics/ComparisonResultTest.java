package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ComparisonResultTest {

    @Test
    void componentsFollowTheCsvColumns() {
        String columns = "anova_f,anova_df_between,anova_df_within,anova_p,kruskal_h,kruskal_df,kruskal_p,chi2,chi2_df,chi2_p";
        String names = String.join(",", Arrays.stream(ComparisonResult.class.getRecordComponents())
                .map(component -> component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase())
                .toList());
        assertThat(names).isEqualTo(columns);
    }

    @Test
    void undefinedTestsLeaveTheirCellsEmpty() {
        ComparisonResult result = ComparisonResult.of(new ApproachComparison.Anova(2.5, 2, 9, 0.13), null,
                new ApproachComparison.ChiSquare(1.5, 2, 0.47));
        assertThat(result).isEqualTo(new ComparisonResult(2.5, 2, 9, 0.13, null, null, null, 1.5, 2, 0.47));
        assertThat(ComparisonResult.of(null, null, null)).isEqualTo(ComparisonResult.UNDEFINED);
    }
}
