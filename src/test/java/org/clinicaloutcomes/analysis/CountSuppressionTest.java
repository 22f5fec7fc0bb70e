package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The data-quality counts through the tables' engine: a total and its parts, as the workbook shows them. */
class CountSuppressionTest {

    @Test
    void countsFromOneToTenAreHiddenAndZeroIsShown() {
        // read 502 = accepted 490 + rejected 12 + duplicates 0: nothing small
        assertThat(markers(502, 490, 12, 0)).containsExactly(null, null, null, null);
        // 5468 = 5334 + 130 + 4: the 4 is hidden, and alone, so the next smallest (130) is hidden too
        assertThat(markers(5468, 5334, 130, 4)).containsExactly(null, ">10", "<11", null);
    }

    @Test
    void aLoneHiddenPartWithNoOtherNonZeroPartHidesTheTotal() {
        // 40 = 37 + 3 + 0: the 3 is hidden, and the only other non-zero part, 37, with it
        assertThat(markers(40, 37, 3, 0)).containsExactly(">10", "<11", null, null);
        // 3 = 0 + 3 + 0: the total is itself small
        assertThat(markers(3, 0, 3, 0)).containsExactly(null, "<11", null, "<11");
    }

    @Test
    void twoHiddenPartsNeedNothingMore() {
        assertThat(markers(100, 90, 4, 6)).containsExactly(null, "<11", "<11", null);
    }

    @Test
    void twoSmallPartsThatCanOnlyBeTenAndTenAreProtectedByOneMore() {
        // 120 = 100 + 10 + 10: both 10s are hidden, but 120 - 100 = 20 leaves them only 10 and 10,
        // so the audit hides one more count (the old per-sheet rule showed 100 and 120).
        String[] markers = markers(120, 100, 10, 10);
        assertThat(markers[1]).isEqualTo("<11");
        assertThat(markers[2]).isEqualTo("<11");
        assertThat(Arrays.asList(markers[0], markers[3])).containsOnlyOnce(">10");
    }

    @Test
    void aCountHiddenWithAnotherFollowsIt() {
        // rejected 4 (hidden) of which 4 rows by one reason: the reason count is hidden with it,
        // and a reason count of 0 stays shown.
        CountSuppression counts = new CountSuppression();
        int rejected = counts.count(4);
        int reason = counts.count(4);
        int none = counts.count(0);
        counts.hiddenWith(rejected, reason);
        counts.hiddenWith(rejected, none);
        counts.solve();
        assertThat(counts.text(rejected)).isEqualTo("<11");
        assertThat(counts.text(reason)).isEqualTo("<11");
        assertThat(counts.text(none)).isNull();
    }

    @Test
    void aLargeCountHiddenWithASmallOneIsShownAsMoreThanTen() {
        CountSuppression counts = new CountSuppression();
        int rejected = counts.count(7);
        int rows = counts.count(25);
        counts.hiddenWith(rejected, rows);
        counts.solve();
        assertThat(counts.text(rows)).isEqualTo(">10");
    }

    /** Markers of the parts, then of the total, as the input-files table lists them. */
    private static String[] markers(long total, long... parts) {
        CountSuppression counts = new CountSuppression();
        int[] handles = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            handles[i] = counts.count(parts[i]);
        }
        int all = counts.count(total);
        counts.total(all, handles);
        counts.solve();
        String[] markers = new String[parts.length + 1];
        for (int i = 0; i < parts.length; i++) {
            markers[i] = counts.text(handles[i]);
        }
        markers[parts.length] = counts.text(all);
        return markers;
    }
}
