package org.clinicaloutcomes.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Objects;

/**
 * {@code generate …}: write synthetic sample data ({@code intake.csv}, {@code sessions.csv}).
 *
 * @param seed     random seed; the same seed gives the same data (default {@value #DEFAULT_SEED})
 * @param episodes number of treatment episodes, 1 to {@value #MAX_EPISODES} (default {@value #DEFAULT_EPISODES})
 * @param endMonth the last calendar month the data covers (required)
 * @param output   folder to write to, relative to the working directory unless absolute, normalised
 *                 (default {@code sample-data})
 */
public record GenerateCommand(long seed, int episodes, YearMonth endMonth, Path output) implements Command {

    public static final long DEFAULT_SEED = 20261L;
    public static final int DEFAULT_EPISODES = 500;
    public static final int MAX_EPISODES = 10_000_000;
    public static final Path DEFAULT_OUTPUT = Path.of("sample-data");

    public GenerateCommand {
        Objects.requireNonNull(endMonth, "endMonth");
        Objects.requireNonNull(output, "output");
    }
}
