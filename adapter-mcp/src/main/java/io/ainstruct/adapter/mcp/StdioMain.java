package io.ainstruct.adapter.mcp;

import io.ainstruct.bootstrap.AinstructApplication;
import io.micronaut.context.ApplicationContext;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Starts the MCP server on stdio, for agent hosts that launch it as a subprocess. Standard output carries the protocol
 * only: everything else anything prints goes to standard error.
 */
public final class StdioMain {
    private StdioMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try (ApplicationContext context = AinstructApplication.startWithoutServer(StdioMain.class, args)) {
            context.getBean(StdioServer.class).serve(System.in, protocolOut);
        }
    }
}
