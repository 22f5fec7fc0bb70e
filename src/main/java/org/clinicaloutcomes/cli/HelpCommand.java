package org.clinicaloutcomes.cli;

import java.util.Objects;

/**
 * {@code --help}, {@code -h} or {@code help}: print {@link #text()} to standard output and exit 0.
 *
 * @param text the full help text, lines separated by {@code \n}, ending with {@code \n}
 */
public record HelpCommand(String text) implements Command {
    public HelpCommand {
        Objects.requireNonNull(text, "text");
    }
}
