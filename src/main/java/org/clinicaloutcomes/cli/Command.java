package org.clinicaloutcomes.cli;

/**
 * What the command line asks for: show the help text, run a report job, or generate sample data.
 * Produced by {@link CommandLineParser#parse(String[])}.
 */
public sealed interface Command permits HelpCommand, RunCommand, GenerateCommand {
}
