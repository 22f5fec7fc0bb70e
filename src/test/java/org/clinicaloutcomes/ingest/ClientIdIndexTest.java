package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client ids get dense indexes in the order they are added; an id added again keeps its first. */
class ClientIdIndexTest {

    @Test
    void idsGetIndexesInOrderAndAreFoundAgain() {
        ClientIdIndex index = new ClientIdIndex();

        assertThat(index.add("E1")).isZero();
        assertThat(index.add("E2")).isEqualTo(1);
        assertThat(index.add("E1")).isEqualTo(-1);
        assertThat(index.add("e1")).isEqualTo(2);

        assertThat(index.size()).isEqualTo(3);
        assertThat(index.indexOf("E1")).isZero();
        assertThat(index.indexOf("e1")).isEqualTo(2);
        assertThat(index.indexOf("E3")).isEqualTo(-1);
    }

    @Test
    void idsWithTheSameHashCodeAreTold() {
        ClientIdIndex index = new ClientIdIndex();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

        assertThat(index.add("Aa")).isZero();
        assertThat(index.add("BB")).isEqualTo(1);
        assertThat(index.add("BB")).isEqualTo(-1);

        assertThat(index.indexOf("Aa")).isZero();
        assertThat(index.indexOf("BB")).isEqualTo(1);
    }

    @Test
    void everyIdIsFoundAfterTheTableGrows() {
        ClientIdIndex index = new ClientIdIndex();
        for (int i = 0; i < 100_000; i++) {
            assertThat(index.add("C" + i)).isEqualTo(i);
        }

        for (int i = 0; i < 100_000; i++) {
            assertThat(index.indexOf("C" + i)).isEqualTo(i);
        }
        assertThat(index.indexOf("C100000")).isEqualTo(-1);
        assertThat(index.add("C99999")).isEqualTo(-1);
    }
}
