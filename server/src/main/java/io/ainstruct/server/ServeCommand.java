package io.ainstruct.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code serve}, also what runs without a command. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve REST, MCP over HTTP and the dashboard (the default).",
                "REST under /api/v1, MCP at /mcp and the dashboard under /app on MICRONAUT_SERVER_PORT (default 8080), on "
                        + "DATABASE_URL or else the embedded PostgreSQL of AINSTRUCT_DATA_DIR (default ./data)."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Ainstruct launcher;

    @Override
    public Integer call() {
        return launcher.serve();
    }
}
