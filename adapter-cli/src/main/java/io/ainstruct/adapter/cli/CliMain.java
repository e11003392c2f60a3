package io.ainstruct.adapter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar ainstruct-cli.jar <command>}: the operator's tools. */
@Command(name = "ainstruct", mixinStandardHelpOptions = true, version = "ainstruct 0.1.0",
        description = "Operate an ainstruct installation: import a legacy SQLite database, rebuild the vector index, back up and restore.",
        subcommands = {MigrateCommand.class, ReindexCommand.class, BackupCommand.class, RestoreCommand.class})
public final class CliMain {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code, without exiting: for tests and embedding. */
    public static int execute(String... args) {
        return new CommandLine(new CliMain())
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    command.getErr().println("error: " + failure.getMessage());
                    return 1;
                })
                .execute(args);
    }
}
