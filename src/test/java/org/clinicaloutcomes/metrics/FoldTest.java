package org.clinicaloutcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldTest {

    @Test
    void knownCrc32Values() {
        // Computed independently: python3 -c "import zlib; print(zlib.crc32(b'E0000001'), zlib.crc32(b'C042'))"
        // → 1405035105 4285755176. 1405035105 is odd → fold 1; 4285755176 is even → fold 0.
        assertThat(Fold.crc32("E0000001")).isEqualTo(1_405_035_105L);
        assertThat(Fold.fold("E0000001")).isEqualTo(1);
        // Above 2³¹: the unsigned value, not a negative int.
        assertThat(Fold.crc32("C042")).isEqualTo(4_285_755_176L);
        assertThat(Fold.fold("C042")).isEqualTo(0);
        // The standard check value of CRC-32: "123456789" → 0xCBF43926.
        assertThat(Fold.crc32("123456789")).isEqualTo(0xCBF43926L);
    }

    @Test
    void idIsTrimmed() {
        assertThat(Fold.crc32("  E0000001\t")).isEqualTo(1_405_035_105L);
    }
}
