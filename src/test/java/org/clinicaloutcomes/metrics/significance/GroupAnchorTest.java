package org.clinicaloutcomes.metrics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.clinicaloutcomes.metrics.significance.GroupAnchor.GroupCategory;
import org.junit.jupiter.api.Test;

class GroupAnchorTest {

    private static final Direction LOWER = Direction.LOWER_IS_BETTER;
    private static final Direction HIGHER = Direction.HIGHER_IS_BETTER;
    // changes −3, −5, −7, −9: mean −6, SD sqrt(20/3) = 2.581989, SE = 1.290994, df 3,
    // t(0.975, 3) = 3.182446: −6 ± 4.108521 = [−10.108521, −1.891479]
    private static final double[] PRE = {20, 20, 20, 20};
    private static final double[] POST = {17, 15, 13, 11};

    private static GroupCategory categoryAt(double mid) {
        return GroupAnchor.within(PRE, POST, LOWER, mid, 0.95).category();
    }

    @Test
    void pairedInterval() {
        GroupAnchor result = GroupAnchor.within(PRE, POST, LOWER, 5, 0.95);
        assertThat(result.difference()).isEqualTo(-6.0);
        assertThat(result.df()).isEqualTo(3.0);
        assertThat(result.lower()).isCloseTo(-10.108520513521041, within(1e-12));
        assertThat(result.upper()).isCloseTo(-1.891479486478959, within(1e-12));
    }

    @Test
    void everyRuleLowerIsBetter() {
        assertThat(categoryAt(12)).isEqualTo(GroupCategory.SIGNIFICANT_NOT_RELEVANT);            // −10.1 > −12
        assertThat(categoryAt(7)).isEqualTo(GroupCategory.NOT_SIGNIFICANTLY_BEYOND_THRESHOLD);   // −6 > −7
        assertThat(categoryAt(5)).isEqualTo(GroupCategory.PROBABLY_CLINICALLY_SIGNIFICANT);      // −6 < −5 < −1.9
        assertThat(categoryAt(1)).isEqualTo(GroupCategory.LARGE_CLINICALLY_SIGNIFICANT);         // −1.9 < −1
        assertThat(categoryAt(6)).isEqualTo(GroupCategory.UNCLASSIFIED);                          // diff = thr
        // changes −2, −4, −6: −4 ± 4.302653 × 1.154701 straddles 0
        assertThat(GroupAnchor.within(new double[] {10, 10, 10}, new double[] {8, 6, 4}, LOWER, 1, 0.95)
                .category()).isEqualTo(GroupCategory.NOT_SIGNIFICANT);
    }

    @Test
    void higherIsBetterMirrors() {
        double[] post = {23, 25, 27, 29};
        assertThat(GroupAnchor.within(PRE, post, HIGHER, 5, 0.95).category())
                .isEqualTo(GroupCategory.PROBABLY_CLINICALLY_SIGNIFICANT);
        assertThat(GroupAnchor.within(PRE, post, HIGHER, 7, 0.95).category())
                .isEqualTo(GroupCategory.NOT_SIGNIFICANTLY_BEYOND_THRESHOLD);
        assertThat(GroupCategory.NOT_SIGNIFICANTLY_BEYOND_THRESHOLD.label(HIGHER))
                .isEqualTo("Not significantly greater than the threshold");
        assertThat(GroupCategory.NOT_SIGNIFICANTLY_BEYOND_THRESHOLD.label(LOWER))
                .isEqualTo("Not significantly less than the threshold");
        // improvement on a higher-is-better scale, a worsening here: significant, not relevant
        assertThat(GroupAnchor.within(PRE, POST, HIGHER, 5, 0.95).category())
                .isEqualTo(GroupCategory.SIGNIFICANT_NOT_RELEVANT);
        // not significant in this direction too (R: NA or a clinical label)
        assertThat(GroupAnchor.within(new double[] {10, 10, 10}, new double[] {12, 14, 16}, HIGHER, 9, 0.95)
                .category()).isEqualTo(GroupCategory.NOT_SIGNIFICANT);
    }

    @Test
    void welchIntervalOfPostScores() {
        // reference 1, 2, 3 (mean 2, var 1), comparison 2, 4, 6, 8 (mean 5, var 20/3):
        // SE² = 1/3 + 5/3 = 2, df = 4 / ((1/9)/2 + (25/9)/3) = 4 / 0.981481 = 4.075472
        GroupAnchor result = GroupAnchor.between(new double[] {1, 2, 3}, new double[] {2, 4, 6, 8}, LOWER, 1, 0.95);
        assertThat(result.difference()).isEqualTo(3.0);
        assertThat(result.df()).isCloseTo(4.0 / (1.0 / 18 + 25.0 / 27), within(1e-12));
        assertThat(result.upper() - result.difference()).isCloseTo(result.difference() - result.lower(),
                within(1e-12));
    }

    @Test
    void antidepressantsWaitListVersusInactivePlacebo() {
        List<CompletePairs.Row> rows = PublishedData.antidepressants();
        CompletePairs pairs = CompletePairs.of(rows, "Before", "After");
        List<Double> waitList = new ArrayList<>();
        List<Double> placebo = new ArrayList<>();
        double[] post = pairs.post();
        for (int i = 0; i < pairs.nUsed(); i++) {
            if ("Wait List".equals(pairs.groups().get(i))) {
                waitList.add(post[i]);
            } else if ("Inactive Placebo".equals(pairs.groups().get(i))) {
                placebo.add(post[i]);
            }
        }
        GroupAnchor result = GroupAnchor.between(toArray(waitList), toArray(placebo), LOWER, 8,
                GroupAnchor.DEFAULT_CI);
        assertThat(result.difference()).isCloseTo(-11.81, within(0.005));
        assertThat(result.lower()).isCloseTo(-13.44, within(0.005));
        assertThat(result.upper()).isCloseTo(-10.18, within(0.005));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void parameters() {
        assertThatThrownBy(() -> GroupAnchor.within(PRE, POST, LOWER, -1, 0.95))
                .hasMessage("mid_improvement must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> GroupAnchor.within(PRE, POST, LOWER, 1, 1.0))
                .hasMessage("ci must lie in (0, 1), got 1.0");
        assertThatThrownBy(() -> GroupAnchor.within(PRE, PRE, LOWER, 1, 0.95))
                .hasMessage("group anchor is undefined: the SD of the changes is 0");
        assertThatThrownBy(() -> GroupAnchor.between(new double[] {1}, new double[] {1, 2}, LOWER, 1, 0.95))
                .hasMessage("group anchor is undefined: fewer than 2 scores in a group (1 reference, 2 comparison)");
    }
}
