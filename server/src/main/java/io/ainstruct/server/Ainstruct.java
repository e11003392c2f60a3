package io.ainstruct.server;

import io.ainstruct.adapter.cli.OperatorCommands;
import io.ainstruct.application.migration.LegacyImport;
import io.ainstruct.bootstrap.AinstructApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code java -jar ainstruct.jar [command]}: the one runnable artifact. Without a command it serves. */
@Command(name = "ainstruct", mixinStandardHelpOptions = true, version = "ainstruct 0.1.0",
        description = "Document memory for AI agents. Without a command: serve.",
        subcommands = {ServeCommand.class, McpCommand.class})
public final class Ainstruct implements Callable<Integer> {
    private boolean serving;

    public static void main(String[] args) {
        Ainstruct launcher = new Ainstruct();
        int exit = launcher.commandLine().execute(args);
        // A started server lives on its own threads until a signal stops it (AinstructApplication exits with
        // 128 + the signal then); every other command is done when it returns.
        if (!launcher.serving) {
            System.exit(exit);
        }
    }

    /** Runs a command and returns its exit code, without exiting: for tests. */
    public static int execute(String... args) {
        return new Ainstruct().commandLine().execute(args);
    }

    @Override
    public Integer call() {
        return serve();
    }

    /** Starts the HTTP server (REST, MCP, the dashboard) on the configured database, or on the embedded defaults. */
    int serve() {
        AinstructApplication.run(Ainstruct.class);
        serving = true;
        return 0;
    }

    private CommandLine commandLine() {
        CommandLine line = new CommandLine(this);
        OperatorCommands.all(new CommandContexts(), new LegacyImport(new LegacyDatabases())).forEach(line::addSubcommand);
        return line.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println("error: " + failure.getMessage());
            return 1;
        });
    }
}
