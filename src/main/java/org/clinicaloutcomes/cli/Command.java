package org.clinicaloutcomes.cli;

/**
 * What the command line asks for: show the help text, run a report job, generate sample data, or
 * serve as a worker of other processes' report jobs.
 * Produced by {@link CommandLineParser#parse(String[])}.
 */
public sealed interface Command permits HelpCommand, RunCommand, GenerateCommand, WorkerCommand {
}
