package org.clinicaloutcomes.cli;

import java.util.Objects;

/** {@code monthly …} or {@code research …} (or no arguments at all): run a report job. */
public record RunCommand(RunSettings settings) implements Command {
    public RunCommand {
        Objects.requireNonNull(settings, "settings");
    }
}
