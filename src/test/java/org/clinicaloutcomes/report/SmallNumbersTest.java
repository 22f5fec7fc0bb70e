package org.clinicaloutcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallNumbersTest {

    @Test
    void countsFromOneToTenAreHiddenAndZeroIsShown() {
        // read 502 = accepted 490 + rejected 12 + duplicates 0: nothing small
        assertThat(SmallNumbers.hide(502, new long[] {490, 12, 0})).containsExactly(null, null, null, null);
        // 5468 = 5334 + 130 + 4: the 4 is hidden, and alone, so the next smallest (130) is hidden too
        assertThat(SmallNumbers.hide(5468, new long[] {5334, 130, 4})).containsExactly(null, ">10", "<11", null);
    }

    @Test
    void aLoneHiddenPartWithNoOtherNonZeroPartHidesTheTotal() {
        // 40 = 37 + 3 + 0: the 3 is hidden, and the only other non-zero part, 37, with it
        assertThat(SmallNumbers.hide(40, new long[] {37, 3, 0})).containsExactly(">10", "<11", null, null);
        // 3 = 0 + 3 + 0: the total is itself small
        assertThat(SmallNumbers.hide(3, new long[] {0, 3, 0})).containsExactly(null, "<11", null, "<11");
    }

    @Test
    void twoHiddenPartsNeedNothingMore() {
        assertThat(SmallNumbers.hide(100, new long[] {90, 4, 6})).containsExactly(null, "<11", "<11", null);
    }
}
