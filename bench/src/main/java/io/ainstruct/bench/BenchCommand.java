package io.ainstruct.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The benchmark harness: one command, one subcommand per benchmark. Measurements, not tests: nothing here passes or fails. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the running server against raw baselines from the same run.",
        subcommands = {IngestSearchCommand.class, MatrixCommand.class, RetrievalCommand.class, QdrantAdapterCommand.class})
public final class BenchCommand {

    public static void main(String[] args) {
        // The shell scripts pass their defaults first; an option given again on their command line overrides it.
        System.exit(new CommandLine(new BenchCommand()).setOverwrittenOptionsAllowed(true).execute(args));
    }
}
