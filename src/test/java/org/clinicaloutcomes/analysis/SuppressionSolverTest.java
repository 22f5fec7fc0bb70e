package org.clinicaloutcomes.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.clinicaloutcomes.analysis.SuppressedCells.Kind;
import org.junit.jupiter.api.Test;

/** The cell-suppression engine on its own: primary, complementary, merges and the audit. */
class SuppressionSolverTest {

    private final SuppressionSolver solver = new SuppressionSolver();

    private int cell(long value, int row) {
        return solver.cell(value, "t.csv", row, "n");
    }

    @Test
    void oneToTenIsHiddenZeroAndElevenAreNot() {
        int zero = cell(0, 0);
        int one = cell(1, 1);
        int ten = cell(10, 2);
        int eleven = cell(11, 3);
        solver.solve();
        assertThat(solver.kind(zero)).isNull();
        assertThat(solver.kind(one)).isEqualTo(Kind.SMALL);
        assertThat(solver.kind(ten)).isEqualTo(Kind.SMALL);
        assertThat(solver.kind(eleven)).isNull();
        assertThat(solver.hidden(-1)).isFalse();
        assertThat(solver.hiddenCells()).containsOnlyKeys(new SuppressedCells.Cell("t.csv", 1, "n"),
                new SuppressedCells.Cell("t.csv", 2, "n"));
    }

    @Test
    void theNextSmallestNonZeroPartIsHiddenWithALoneSmallOne() {
        int total = cell(85, 0);
        int a = cell(30, 1);
        int b = cell(20, 2);
        int c = cell(5, 3);
        int d = cell(0, 4);
        int e = cell(30, 5);
        solver.sum(total, List.of(a, b, c, d, e));
        solver.solve();
        assertThat(solver.kind(c)).isEqualTo(Kind.SMALL);
        assertThat(solver.kind(b)).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(solver.kind(a)).isNull();
        assertThat(solver.kind(d)).isNull();
        assertThat(solver.kind(e)).isNull();
        assertThat(solver.kind(total)).isNull();
    }

    @Test
    void aPartMarkedToBeHiddenFirstIsTheComplementWhateverItsSize() {
        // n_paired = RI + RD + no reliable change: a small RD is protected by the no-change count
        // (the larger part), so the reliable-improvement count stays shown.
        int paired = cell(100, 0);
        int ri = cell(30, 1);
        int rd = cell(5, 2);
        int noChange = cell(65, 3);
        solver.hideFirstAsComplement(noChange);
        solver.sum(paired, List.of(ri, rd, noChange));
        solver.solve();
        assertThat(solver.kind(rd)).isEqualTo(Kind.SMALL);
        assertThat(solver.kind(noChange)).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(solver.kind(ri)).isNull();
        assertThat(solver.kind(paired)).isNull();

        // Unmarked, the smallest shown part is the complement.
        SuppressionSolver plain = new SuppressionSolver();
        int paired2 = plain.cell(100L, "t.csv", 0, "n");
        int ri2 = plain.cell(30L, "t.csv", 1, "n");
        int rd2 = plain.cell(5L, "t.csv", 2, "n");
        int noChange2 = plain.cell(65L, "t.csv", 3, "n");
        plain.sum(paired2, List.of(ri2, rd2, noChange2));
        plain.solve();
        assertThat(plain.kind(ri2)).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(plain.kind(noChange2)).isNull();
    }

    @Test
    void twoSmallPartsAreEnoughUnlessTheirSumPinsThem() {
        SuppressionSolver free = new SuppressionSolver();
        int total = free.cell(50L, "t.csv", 0, "n");
        int a = free.cell(4L, "t.csv", 1, "n");
        int b = free.cell(7L, "t.csv", 2, "n");
        int c = free.cell(39L, "t.csv", 3, "n");
        free.sum(total, List.of(a, b, c));
        free.solve();
        assertThat(free.hidden(c)).isFalse(); // 11 = 4 + 7: each could be 1 to 10

        int total2 = cell(22, 0);
        int x = cell(1, 1);
        int y = cell(1, 2);
        int z = cell(20, 3);
        solver.sum(total2, List.of(x, y, z));
        solver.solve();
        assertThat(solver.kind(z)).isEqualTo(Kind.COMPLEMENTARY); // 2 = 1 + 1 would pin both
    }

    @Test
    void aMergedCountIsHiddenEverywhereAndCarriesItsConstraints() {
        // n_closed of one approach on two instrument rows; only the second row is in a total.
        int first = cell(25, 0);
        int second = cell(25, 1);
        int small = cell(3, 2);
        int total = cell(28, 3);
        solver.same(first, second);
        solver.sum(total, List.of(second, small));
        int other = cell(40, 4);
        solver.same(first, other); // different value: not the same count, ignored
        solver.solve();
        assertThat(solver.kind(small)).isEqualTo(Kind.SMALL);
        assertThat(solver.kind(first)).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(solver.kind(second)).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(solver.kind(other)).isNull();
        // 28 = (11 or more) + (1 to 10), no further cell: 25 + 3, 24 + 4, ... all fit.
        assertThat(solver.kind(total)).isNull();
    }

    @Test
    void aQuantityWithoutCellHidesOnlyWhatDependsOnIt() {
        int total = cell(40, 0);
        int shown = cell(35, 1);
        int dropouts = solver.hiddenQuantity(5);
        solver.sum(total, List.of(shown, dropouts));
        solver.solve();
        assertThat(solver.kind(dropouts)).isEqualTo(Kind.SMALL);
        assertThat(solver.kind(shown)).isEqualTo(Kind.COMPLEMENTARY);
        assertThat(solver.hiddenCells()).containsOnlyKeys(new SuppressedCells.Cell("t.csv", 1, "n"));
    }

    @Test
    void anIdentityTheValuesDoNotSatisfyIsIgnored() {
        int total = cell(50, 0);
        int a = cell(5, 1);
        int b = cell(30, 2);
        solver.sum(total, List.of(a, b)); // 35, not 50
        solver.solve();
        assertThat(solver.kind(a)).isEqualTo(Kind.SMALL);
        assertThat(solver.kind(b)).isNull();
    }

    @Test
    void chainsOfTotalsAreFollowed() {
        // rows: a1 + a2 = A (row total), b1 + b2 = B; columns: a1 + b1 = C1, a2 + b2 = C2.
        int a1 = cell(4, 0);
        int a2 = cell(30, 1);
        int b1 = cell(25, 2);
        int b2 = cell(40, 3);
        int rowA = cell(34, 4);
        int rowB = cell(65, 5);
        int c1 = cell(29, 6);
        int c2 = cell(70, 7);
        solver.sum(rowA, List.of(a1, a2));
        solver.sum(rowB, List.of(b1, b2));
        solver.sum(c1, List.of(a1, b1));
        solver.sum(c2, List.of(a2, b2));
        solver.solve();
        // a1 hidden; then a2 (row A) and b1 (column 1); then b2 closes the rectangle.
        assertThat(List.of(solver.kind(a1), solver.kind(a2), solver.kind(b1), solver.kind(b2)))
                .containsExactly(Kind.SMALL, Kind.COMPLEMENTARY, Kind.COMPLEMENTARY, Kind.COMPLEMENTARY);
        assertThat(List.of(rowA, rowB, c1, c2)).allSatisfy(q -> assertThat(solver.hidden(q)).isFalse());
    }

    @Test
    void solveOnce() {
        solver.solve();
        assertThatThrownBy(solver::solve).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> solver.hiddenQuantity(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
