package org.clinicaloutcomes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportRunnerTest {

    @Test
    void anOutOfMemoryErrorSaysWhatToDoAboutIt() {
        String line = ReportRunner.describe(new OutOfMemoryError("Java heap space"));

        assertThat(line).startsWith("out of memory (Java heap space): ").contains("-Xmx");
    }

    @Test
    void anyOtherFailureIsItsMessageOrItsKind() {
        assertThat(ReportRunner.describe(new IllegalStateException("analysis partition 3 left no result")))
                .isEqualTo("analysis partition 3 left no result");
        assertThat(ReportRunner.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
