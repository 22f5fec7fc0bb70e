package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clinicaloutcomes.analysis.OutcomeTables.AttentionCountRow;
import org.clinicaloutcomes.analysis.OutcomeTables.ExpectedRecoveryRow;
import org.clinicaloutcomes.analysis.OutcomeTables.FlagCheckRow;
import org.clinicaloutcomes.metrics.ChartBaselines;
import org.clinicaloutcomes.metrics.ExpectedRecovery;
import org.clinicaloutcomes.metrics.FlagCheck;
import org.clinicaloutcomes.metrics.LinearFit;
import org.junit.jupiter.api.Test;

/** Small-number suppression of the expected-recovery models, the flag check and the Summary's attention counts. */
class MonitoringSuppressionTest {

    private static final String COUNTS = TableSchemas.ATTENTION_COUNTS.file();
    private static final String CHECK = TableSchemas.EXPECTED_RECOVERY_CHECK.file();

    private static OutcomeTables tables(List<ExpectedRecoveryRow> models, List<FlagCheckRow> check,
                                        List<AttentionCountRow> counts) {
        return new OutcomeTables(0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), SuppressedCells.NONE, List.of(), List.of(), models, check, List.of(),
                counts, new ChartBaselines(30, 40, 50));
    }

    private static ExpectedRecoveryRow model(String instrument, int k, long n) {
        return new ExpectedRecoveryRow(instrument, k, new ExpectedRecovery(new LinearFit.Model(1.0, 0.8, 5.0, n)));
    }

    @Test
    void attentionCountsHideOneToTenAndTheNextSmallestPartOfATotal() {
        // given two clinicians: no_recent_session 3 and 14 (ALL 17), clients 12 and 20 (ALL 32)
        List<AttentionCountRow> counts = List.of(
                new AttentionCountRow("CL1", 12, List.of(0, 12, 3, 0)),
                new AttentionCountRow("CL2", 20, List.of(5, 15, 14, 0)),
                new AttentionCountRow(OutcomeTables.ALL, 32, List.of(5, 27, 17, 0)));
        // when
        SuppressedCells hidden = SmallNumberSuppression.apply(tables(List.of(), List.of(), counts)).suppressed();
        // then 3 and 5 are <11; 14 hides too (>10), else 17 − 14 gives the 3 back; and 5 of ALL's
        // deteriorated is the same 5 as CL2's: with CL1's 0 shown, ALL 5 is the hidden 5, so <11
        assertThat(hidden.text(COUNTS, 0, "n_no_recent_session")).isEqualTo("<11");
        assertThat(hidden.text(COUNTS, 1, "n_no_recent_session")).isEqualTo(">10");
        assertThat(hidden.text(COUNTS, 1, "n_deteriorated")).isEqualTo("<11");
        assertThat(hidden.text(COUNTS, 2, "n_deteriorated")).isEqualTo("<11");
        // and counts of 0 and above 10 with no small part stay shown
        assertThat(hidden.contains(COUNTS, 0, "n_clients")).isFalse();
        assertThat(hidden.contains(COUNTS, 2, "n_not_on_track")).isFalse();
        assertThat(hidden.contains(COUNTS, 2, "n_no_measure")).isFalse();
        assertThat(hidden.contains(COUNTS, 2, "n_no_recent_session")).isFalse();
    }

    @Test
    void theCheckHidesSmallCountsAndEveryRateOverOne() {
        // given 9 flagged (8 without RI, 3 of them RD) and 150 not flagged (50 without RI, 20 RD)
        FlagCheck check = new FlagCheck(8, 1, 50, 100, 3, 20);
        List<FlagCheckRow> rows = List.of(FlagCheckRow.of("pcl5", check), FlagCheckRow.of("phq9", FlagCheck.EMPTY));
        // when
        OutcomeTables suppressed = SmallNumberSuppression.apply(tables(List.of(), rows, List.of()));
        // then n_flagged 9 is <11, and with n_judged shown the not flagged (150) are hidden too
        assertThat(suppressed.suppressed().text(CHECK, 0, "n_flagged")).isEqualTo("<11");
        assertThat(suppressed.suppressed().contains(CHECK, 0, "n_judged")).isFalse();
        FlagCheckRow row = suppressed.expectedRecoveryCheck().get(0);
        assertThat(row.flaggedNoRiPct()).isNull();        // 8 of 9
        assertThat(row.unflaggedNoRiPct()).isNull();      // of the hidden 150
        assertThat(row.sensitivityNoRiPct()).isNull();    // 8 of 58
        assertThat(row.specificityNoRiPct()).isEqualTo(check.specificityNoRiPct()); // 100 of 101
        assertThat(row.deterioratedFlaggedPct()).isNull(); // 3 of 23
        // and nothing judged stays 0 with empty rates
        assertThat(suppressed.expectedRecoveryCheck().get(1).nJudged()).isZero();
        assertThat(suppressed.suppressed().contains(CHECK, 1, "n_judged")).isFalse();
    }

    @Test
    void aModelOnOneToTenEpisodesIsLeftOutAndTheChartGoesWithThePrimaryModelAtTwo() {
        // given models of pcl5 (primary) at k = 2 on 8 episodes and of phq9 on 40
        OutcomeTables plain = tables(List.of(model("pcl5", 2, 8), model("phq9", 2, 40)), List.of(), List.of());
        OutcomeTables withSubgroups = new OutcomeTables(0, 0, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(new OutcomeTables.SubgroupRow("ALL", "pcl5", "index_event", "icu", 0, 0, null, null,
                        0, null)), List.of(), List.of(), List.of(), SuppressedCells.NONE, List.of(), List.of(),
                plain.expectedRecovery(), List.of(), List.of(), List.of(), plain.recoveryBaselines());
        // when
        OutcomeTables suppressed = SmallNumberSuppression.apply(withSubgroups);
        // then the pcl5 model is left out, and its chart's baselines with it
        assertThat(suppressed.expectedRecovery()).extracting(ExpectedRecoveryRow::instrument).containsExactly("phq9");
        assertThat(suppressed.recoveryBaselines()).isNull();
        // and on 30 episodes it stays, baselines too
        OutcomeTables enough = SmallNumberSuppression.apply(new OutcomeTables(0, 0, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), withSubgroups.subgroups(), List.of(), List.of(), List.of(),
                SuppressedCells.NONE, List.of(), List.of(), List.of(model("pcl5", 2, 30)), List.of(), List.of(),
                List.of(), plain.recoveryBaselines()));
        assertThat(enough.expectedRecovery()).hasSize(1);
        assertThat(enough.recoveryBaselines()).isEqualTo(new ChartBaselines(30, 40, 50));
    }
}
