package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Episodes get dense indexes in the order they are added; a client id added again keeps its first episode. */
class EpisodeIndexTest {

    @Test
    void idsGetIndexesInOrderAndAreFoundAgain() {
        EpisodeIndex index = new EpisodeIndex();

        assertThat(index.add("E1", 20_000, IntakeRecord.OPEN)).isZero();
        assertThat(index.add("E2", 20_000, IntakeRecord.OPEN)).isEqualTo(1);
        assertThat(index.add("E1", 20_000, IntakeRecord.OPEN)).isEqualTo(-1);
        assertThat(index.add("e1", 20_000, IntakeRecord.OPEN)).isEqualTo(2);

        assertThat(index.size()).isEqualTo(3);
        assertThat(index.indexOf("E1")).isZero();
        assertThat(index.indexOf("e1")).isEqualTo(2);
        assertThat(index.indexOf("E3")).isEqualTo(-1);
    }

    @Test
    void idsWithTheSameHashCodeAreTold() {
        EpisodeIndex index = new EpisodeIndex();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

        assertThat(index.add("Aa", 20_000, IntakeRecord.OPEN)).isZero();
        assertThat(index.add("BB", 20_000, IntakeRecord.OPEN)).isEqualTo(1);
        assertThat(index.add("BB", 20_000, IntakeRecord.OPEN)).isEqualTo(-1);

        assertThat(index.indexOf("Aa")).isZero();
        assertThat(index.indexOf("BB")).isEqualTo(1);
    }

    @Test
    void everyIdIsFoundAfterTheTableGrows() {
        EpisodeIndex index = new EpisodeIndex();
        for (int i = 0; i < 100_000; i++) {
            assertThat(index.add("C" + i, 20_000, IntakeRecord.OPEN)).isEqualTo(i);
        }

        for (int i = 0; i < 100_000; i++) {
            assertThat(index.indexOf("C" + i)).isEqualTo(i);
        }
        assertThat(index.indexOf("C100000")).isEqualTo(-1);
        assertThat(index.add("C99999", 20_000, IntakeRecord.OPEN)).isEqualTo(-1);
    }

    @Test
    void anEpisodeKeepsTheDatesItWasAddedWith() {
        EpisodeIndex index = new EpisodeIndex();
        index.add("E1", 20_000, 20_090);
        index.add("E2", 20_005, IntakeRecord.OPEN);
        index.add("E1", 19_000, 19_001);

        assertThat(index.intakeDay(0)).isEqualTo(20_000);
        assertThat(index.dischargeDay(0)).isEqualTo(20_090);
        assertThat(index.intakeDay(1)).isEqualTo(20_005);
        assertThat(index.dischargeDay(1)).isEqualTo(IntakeRecord.OPEN);
        assertThatThrownBy(() -> index.intakeDay(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
