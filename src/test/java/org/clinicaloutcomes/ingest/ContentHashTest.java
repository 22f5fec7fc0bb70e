package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The row hash that tells exact from conflicting duplicates compares trimmed fields. */
class ContentHashTest {

    @Test
    void fieldsEqualAfterTrimmingHashTheSame() {
        assertThat(ContentHash.of(new String[] {"E1", "2025-01-13", "1", "Y", "50"}))
                .isEqualTo(ContentHash.of(new String[] {" E1 ", "2025-01-13  ", "  1", "Y", "\t50 "}));
    }

    @Test
    void anyDifferentFieldChangesTheHash() {
        long[] base = ContentHash.of(new String[] {"E1", "2025-01-13", "1", "Y", "50"});

        assertThat(ContentHash.of(new String[] {"E1", "2025-01-13", "1", "Y", "51"})).isNotEqualTo(base);
        assertThat(ContentHash.of(new String[] {"E1", "2025-01-13", "1", "y", "50"})).isNotEqualTo(base);
        assertThat(ContentHash.of(new String[] {"e1", "2025-01-13", "1", "Y", "50"})).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesMatter() {
        assertThat(ContentHash.of(new String[] {"ab", "c"})).isNotEqualTo(ContentHash.of(new String[] {"a", "bc"}));
        assertThat(ContentHash.of(new String[] {"a", ""})).isNotEqualTo(ContentHash.of(new String[] {"", "a"}));
        assertThat(ContentHash.of(new String[] {"a", ""})).isNotEqualTo(ContentHash.of(new String[] {"a"}));
    }
}
