package org.clinicaloutcomes;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the contract's worked example and the published data sets: the project's
 * shared folder beside the checkout ({@code ../shared}, as CI provides it) when it is there, else
 * the copy of the files the tests use in {@code src/test/shared}, so that a clone anywhere runs the
 * whole suite. {@code SharedFilesTest} keeps the copy equal to the shared folder.
 */
public final class SharedFiles {

    /** The shared folder beside the checkout, whether or not it exists. */
    public static final Path BESIDE_CHECKOUT = Path.of("..", "shared").toAbsolutePath().normalize();
    /** The copy kept with the tests. */
    public static final Path COPY = Path.of("src", "test", "shared").toAbsolutePath().normalize();
    /** The folder the tests read: {@link #BESIDE_CHECKOUT} when present, else {@link #COPY}. */
    public static final Path ROOT = Files.isDirectory(BESIDE_CHECKOUT.resolve("spec").resolve("example"))
            ? BESIDE_CHECKOUT : COPY;

    private SharedFiles() {
    }
}
