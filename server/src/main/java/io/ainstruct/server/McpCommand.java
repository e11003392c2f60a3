package io.ainstruct.server;

import io.ainstruct.adapter.mcp.StdioServer;
import io.ainstruct.bootstrap.AinstructApplication;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code mcp}: the MCP server on stdio, for agent hosts that launch it as a subprocess. Standard output carries the
 * protocol only: everything else anything prints goes to standard error.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serve MCP on stdio for an agent host, with the token in AINSTRUCT_TOKEN.",
                "One JSON-RPC message per line on standard input and output, until standard input closes, on the "
                        + "server's database (DATABASE_URL, or the embedded one of AINSTRUCT_DATA_DIR)."})
final class McpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try (ApplicationContext context = AinstructApplication.startWithoutServer(Ainstruct.class)) {
            context.getBean(StdioServer.class).serve(System.in, protocolOut);
        }
        return 0;
    }
}
