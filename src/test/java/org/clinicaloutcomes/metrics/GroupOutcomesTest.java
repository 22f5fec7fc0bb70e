package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class GroupOutcomesTest {

    private static final double TOLERANCE = 1e-11;

    private static List<EpisodeOutcome> outcomes(Instrument instrument, double[][] baselineFinal) {
        return java.util.Arrays.stream(baselineFinal)
                .map(pair -> EpisodeOutcome.of(instrument, pair[0], pair[1], 2))
                .toList();
    }

    @Test
    void workedExampleOfThreePairedOfFourClosed() {
        // PCL-5 (cut-off 33, RC 10). Paired: 50 → 30, 40 → 35, 36 → 18; a fourth closed episode
        // has fewer than two scores. Attended sessions 12, 8, 10, 3; one dropout.
        List<EpisodeOutcome> paired = outcomes(TestInstruments.PCL5, new double[][] {{50, 30}, {40, 35}, {36, 18}});
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.PCL5, paired, 4, new int[] {12, 8, 10, 3}, 1);

        // completeness = 100 × 3 / 4 = 75.
        assertThat(group.nClosed()).isEqualTo(4);
        assertThat(group.nPaired()).isEqualTo(3);
        assertThat(group.completenessPct()).isEqualTo(75.0);
        // baseline: mean 126 / 3 = 42; deviations 8, −2, −6: SD = sqrt(104 / 2) = sqrt(52) = 7.2111.
        assertThat(group.baselineMean()).isEqualTo(42.0);
        assertThat(group.baselineSd()).isCloseTo(Math.sqrt(52), within(TOLERANCE));
        // final: mean 83 / 3 = 27.667; deviations 2.333, 7.333, −9.667: SD = sqrt(152.667 / 2) = 8.7369.
        assertThat(group.finalMean()).isCloseTo(83.0 / 3, within(TOLERANCE));
        assertThat(group.finalSd()).isCloseTo(Math.sqrt(458.0 / 6), within(TOLERANCE));
        // change −20, −5, −18: mean −43 / 3 = −14.333; deviations −5.667, 9.333, −3.667:
        // SD = sqrt(132.667 / 2) = 8.1445; CI = −14.333 ± 4.302653 × 8.1445 / sqrt 3
        //    = −34.565462 .. 5.898795.
        assertThat(group.changeMean()).isCloseTo(-43.0 / 3, within(TOLERANCE));
        assertThat(group.changeSd()).isCloseTo(Math.sqrt(398.0 / 6), within(TOLERANCE));
        assertThat(group.changeCiLow()).isCloseTo(-34.565462023588125, within(TOLERANCE));
        assertThat(group.changeCiHigh()).isCloseTo(5.898795356921456, within(TOLERANCE));
        // d = 14.333 / 7.2111 = 1.987676; J = 4/7: g = 1.135815; dz = 14.333 / 8.1445 = 1.759873.
        // r(baseline, final) = 0.492043; half = 1.959964 × sqrt(2 × 0.507957 / 3 + 1.290075 / 6)
        //   = 1.959964 × 0.7435630 = 1.457364: CI −0.321549 .. 2.593179.
        assertThat(group.d()).isCloseTo(1.9876757031404044, within(TOLERANCE));
        assertThat(group.g()).isCloseTo(1.1358146875088024, within(TOLERANCE));
        assertThat(group.gCiLow()).isCloseTo(-0.322549476022141, within(TOLERANCE));
        assertThat(group.gCiHigh()).isCloseTo(2.5941788510397457, within(TOLERANCE));
        assertThat(group.dz()).isCloseTo(1.7598728445006249, within(TOLERANCE));
        // RI: reductions 20, 5, 18 against 10: 2 of 3 = 66.667 %, Wilson 2/3. RD: none.
        assertThat(group.nReliableImprovement()).isEqualTo(2);
        assertThat(group.reliableImprovementPct()).isEqualTo(100.0 * 2 / 3);
        Interval wilson = Wilson.percentInterval(2, 3);
        assertThat(group.reliableImprovementCiLow()).isEqualTo(wilson.low());
        assertThat(group.reliableImprovementCiHigh()).isEqualTo(wilson.high());
        assertThat(group.nReliableDeterioration()).isZero();
        assertThat(group.reliableDeteriorationPct()).isEqualTo(0.0);
        // All three baselines ≥ 33: 3 cases. Finals 30 and 18 < 33: 2 recovered, both with RI.
        assertThat(group.nCases()).isEqualTo(3);
        assertThat(group.nRecovered()).isEqualTo(2);
        assertThat(group.recoveryPct()).isEqualTo(100.0 * 2 / 3);
        assertThat(group.recoveryCiLow()).isEqualTo(wilson.low());
        assertThat(group.nReliableRecovery()).isEqualTo(2);
        assertThat(group.reliableRecoveryPct()).isEqualTo(100.0 * 2 / 3);
        // Response: 30 ≤ 25 no; 35 ≤ 20 no; 18 ≤ 18 yes: 1 of 3 positive baselines.
        assertThat(group.nResponse()).isEqualTo(1);
        assertThat(group.responsePct()).isEqualTo(100.0 / 3);
        // Sessions sorted 3, 8, 10, 12: median 9, q1 6.75, q3 10.5 (type 7). Dropout 1 / 4 = 25 %.
        assertThat(group.sessionsMedian()).isEqualTo(9.0);
        assertThat(group.sessionsQ1()).isEqualTo(6.75);
        assertThat(group.sessionsQ3()).isEqualTo(10.5);
        assertThat(group.dropoutPct()).isEqualTo(25.0);
    }

    @Test
    void reproducesTheExampleRowDbtAaq2WithOnePairedEpisode() {
        // outcomes_by_approach.csv, DBT,aaq2: 8 closed, one paired 13 → 13, 2 dropouts, sessions
        // with median 13, q1 9.5, q3 15.5. With n = 1: means defined, SDs and everything built on
        // them empty; 13 < 24 is no case, so the caseness counts are 0 with empty rates; the
        // response rate is 0 of 1.
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.AAQ2, outcomes(TestInstruments.AAQ2, new double[][] {{13, 13}}),
                8, new int[] {20, 5, 13, 8, 17, 10, 15, 13}, 2);
        assertThat(group).isEqualTo(new GroupOutcomes(8, 1, 12.5, 13.0, null, 13.0, null, 0.0, null, null, null,
                null, null, null, null, null, 0, 0.0, 0.0, 79.34506856227625, 0, 0.0, 0, 0, null, null, null, 0, null,
                0, 0.0, 13.0, 9.5, 15.5, 25.0, 2, 1));
    }

    @Test
    void reproducesTheExampleRowCptAaq2WithOneRecoveredCase() {
        // CPT,aaq2: 9 closed, one paired 27 → 18 (reduction 9 < RC 11.96, case 27 ≥ 24, 18 < 24
        // recovered, so recovery 1 of 1 = 100 %, Wilson 20.65 .. 100); 2 dropouts of 9.
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.AAQ2, outcomes(TestInstruments.AAQ2, new double[][] {{27, 18}}),
                9, new int[] {4, 7, 9, 9, 10, 10, 11, 12, 14}, 2);
        assertThat(group).isEqualTo(new GroupOutcomes(9, 1, 11.11111111111111, 27.0, null, 18.0, null, -9.0, null,
                null, null, null, null, null, null, null, 0, 0.0, 0.0, 79.34506856227625, 0, 0.0, 1, 1, 100.0,
                20.654931437723747, 100.0, 0, 0.0, 0, 0.0, 10.0, 9.0, 11.0, 22.22222222222222, 2, 1));
    }

    @Test
    void reproducesTheExampleRowCptDers16WithNoPairedEpisode() {
        // CPT,ders16: 9 closed, none paired, no cut-off: counts that apply are 0 (RI, RD,
        // response), counts that do not apply are empty, every rate and statistic is empty.
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.DERS16, List.of(), 9,
                new int[] {4, 7, 9, 9, 10, 10, 11, 12, 14}, 2);
        assertThat(group).isEqualTo(new GroupOutcomes(9, 0, 0.0, null, null, null, null, null, null, null, null,
                null, null, null, null, null, 0, null, null, null, 0, null, null, null, null, null, null, null, null,
                0, null, 10.0, 9.0, 11.0, 22.22222222222222, 2, 0));
    }

    @Test
    void reproducesTheExampleRowActDers16WithTwoPairedEpisodes() {
        // ACT,ders16: 40 → 32 and 46 → 42 give the reported means 43 / 37, SDs 3√2 / 5√2, change
        // −6 (SD 2√2). t(0.975, 1) = 12.7062: CI −6 ± 12.7062 × 2.8284 / √2 = −31.4124 .. 19.4124.
        // d = 6 / 3√2 = √2; g needs n ≥ 3; dz = 6 / 2√2.
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.DERS16,
                outcomes(TestInstruments.DERS16, new double[][] {{40, 32}, {46, 42}}), 8,
                new int[] {9, 11, 11, 13, 13, 14, 14, 16}, 1);
        GroupOutcomes expected = new GroupOutcomes(8, 2, 25.0, 43.0, 4.242640687119285, 37.0, 7.0710678118654755,
                -6.0, 2.8284271247461903, -31.412409472349378, 19.412409472349378, 1.4142135623730951, null, null,
                null, 2.1213203435596424, 0, 0.0, 0.0, 65.76197724933469, 0, 0.0, null, null, null, null, null, null,
                null, 0, 0.0, 13.0, 11.0, 14.0, 12.5, 1, 2);
        assertSameRow(group, expected);
    }

    @Test
    void emptyGroupWithCutoffHasZeroCountsAndEmptyRates() {
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.PCL5, List.of(), 0, new int[0], 0);
        assertThat(group.nPaired()).isZero();
        assertThat(group.completenessPct()).isNull();
        assertThat(group.nCases()).isZero();
        assertThat(group.nRecovered()).isZero();
        assertThat(group.nReliableRecovery()).isZero();
        assertThat(group.recoveryPct()).isNull();
        assertThat(group.nResponse()).isZero();
        assertThat(group.responsePct()).isNull();
        assertThat(group.sessionsMedian()).isNull();
        assertThat(group.sessionsQ1()).isNull();
        assertThat(group.dropoutPct()).isNull();
    }

    @Test
    void higherIsBetterHasNoResponseCount() {
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.DAS,
                outcomes(TestInstruments.DAS, new double[][] {{90, 110}, {100, 100}, {80, 60}}), 3, new int[] {10, 10, 10}, 0);
        assertThat(group.nResponse()).isNull();
        assertThat(group.responsePct()).isNull();
        // 90 → 110 improves by 20 ≥ 13.12; 80 → 60 deteriorates by 20.
        assertThat(group.nReliableImprovement()).isEqualTo(1);
        assertThat(group.nReliableDeterioration()).isEqualTo(1);
        // 100 → 100 is the one with neither: 1 of 3 paired.
        assertThat(group.nNoReliableChange()).isEqualTo(1);
        assertThat(group.noReliableChangePct()).isEqualTo(100.0 / 3);
        // Cases (≤ 105.2): all three; recovered: 90 → 110 only.
        assertThat(group.nCases()).isEqualTo(3);
        assertThat(group.nRecovered()).isEqualTo(1);
        // Mean reduction (20 + 0 − 20) / 3 = 0: d = 0.
        assertThat(group.d()).isEqualTo(0.0);
        assertThat(group.changeMean()).isEqualTo(0.0);
    }

    @Test
    void everyoneImprovingEquallyHasNoDzButARateOfOneHundred() {
        // Reductions 12, 12, 12: SD(change) = 0, so dz is undefined and the change CI is a point.
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.PCL5,
                outcomes(TestInstruments.PCL5, new double[][] {{50, 38}, {45, 33}, {40, 28}}), 3, new int[] {8, 9, 10}, 0);
        assertThat(group.changeSd()).isEqualTo(0.0);
        assertThat(group.changeCiLow()).isEqualTo(-12.0);
        assertThat(group.changeCiHigh()).isEqualTo(-12.0);
        assertThat(group.dz()).isNull();
        assertThat(group.d()).isCloseTo(12.0 / 5.0, within(TOLERANCE));
        assertThat(group.reliableImprovementPct()).isEqualTo(100.0);
        assertThat(group.reliableImprovementCiHigh()).isEqualTo(100.0);
        assertThat(group.dropoutPct()).isEqualTo(0.0);
    }

    @Test
    void responseRateCountsOnlyPositiveBaselines() {
        // PHQ-9 0 → 0 and 10 → 4: response 1 of 1 positive baseline, not 1 of 2.
        GroupOutcomes group = GroupOutcomes.of(TestInstruments.PHQ9,
                outcomes(TestInstruments.PHQ9, new double[][] {{0, 0}, {10, 4}}), 2, new int[] {5, 6}, 0);
        assertThat(group.nResponse()).isEqualTo(1);
        assertThat(group.responsePct()).isEqualTo(100.0);
        // Only 10 ≥ 10 is a case; baseline SD 7.07 and final SD 2.83 are positive: g needs n ≥ 3.
        assertThat(group.nCases()).isEqualTo(1);
        assertThat(group.g()).isNull();
    }

    @Test
    void rejectsInconsistentCounts() {
        List<EpisodeOutcome> two = outcomes(TestInstruments.PCL5, new double[][] {{50, 30}, {40, 35}});
        assertThatThrownBy(() -> GroupOutcomes.of(TestInstruments.PCL5, two, 1, new int[] {3}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupOutcomes.of(TestInstruments.PCL5, two, 2, new int[] {3}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupOutcomes.of(TestInstruments.PCL5, two, 2, new int[] {3, 4}, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void componentsFollowTheCsvColumnsThenTheCountsUnderTwoRates() {
        // The components are the CSV's columns in their order, then the two counts that are not columns.
        String columns = "n_closed,n_paired,completeness_pct,baseline_mean,baseline_sd,final_mean,final_sd,"
                + "change_mean,change_sd,change_ci_low,change_ci_high,d,g,g_ci_low,g_ci_high,dz,"
                + "n_reliable_improvement,reliable_improvement_pct,reliable_improvement_ci_low,"
                + "reliable_improvement_ci_high,n_reliable_deterioration,reliable_deterioration_pct,n_cases,"
                + "n_recovered,recovery_pct,recovery_ci_low,recovery_ci_high,n_reliable_recovery,"
                + "reliable_recovery_pct,n_response,response_pct,sessions_median,sessions_q1,sessions_q3,dropout_pct,"
                + "n_dropout,n_positive_baseline";
        List<String> names = java.util.Arrays.stream(GroupOutcomes.class.getRecordComponents())
                .map(component -> component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase())
                .toList();
        assertThat(String.join(",", names)).isEqualTo(columns);
    }

    /** Component by component, to 1e-9 relative (the contract's tolerance), nulls exactly. */
    static void assertSameRow(Record actual, Record expected) {
        var components = actual.getClass().getRecordComponents();
        for (var component : components) {
            try {
                Object a = component.getAccessor().invoke(actual);
                Object e = component.getAccessor().invoke(expected);
                if (e == null || a == null) {
                    assertThat(a).as(component.getName()).isEqualTo(e);
                } else if (e instanceof Double expectedValue) {
                    assertThat((Double) a).as(component.getName())
                            .isCloseTo(expectedValue, within(1e-9 * Math.max(1.0, Math.abs(expectedValue))));
                } else {
                    assertThat(a).as(component.getName()).isEqualTo(e);
                }
            } catch (ReflectiveOperationException ex) {
                throw new AssertionError(ex);
            }
        }
    }
}
