package org.clinicaloutcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SharedFilesTest {

    @Test
    void theCopyWithTheTestsEqualsTheSharedFolderBesideTheCheckout() throws IOException {
        assumeTrue(Files.isDirectory(SharedFiles.BESIDE_CHECKOUT), "no shared folder beside the checkout");
        List<Path> copied;
        try (Stream<Path> files = Files.walk(SharedFiles.COPY)) {
            copied = files.filter(Files::isRegularFile).toList();
        }
        assertThat(copied).hasSizeGreaterThan(5);
        for (Path file : copied) {
            Path original = SharedFiles.BESIDE_CHECKOUT.resolve(SharedFiles.COPY.relativize(file));
            assertThat(Files.readAllBytes(file)).as("%s", original).isEqualTo(Files.readAllBytes(original));
        }
    }
}
