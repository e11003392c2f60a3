package io.ainstruct.adapter.mcp;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.domain.usage.EntryPoint;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * MCP over stdio: one JSON-RPC message per line in, one per line out. The token comes from {@code AINSTRUCT_TOKEN}
 * and is checked on every call, so revoking it takes effect at once, as over HTTP.
 */
@Singleton
public class StdioServer {
    private final McpProtocol protocol;
    private final Authenticator authenticator;
    private final McpJsonMapper json;
    private final String token;

    StdioServer(McpProtocol protocol, Authenticator authenticator, McpJsonMapper json,
                @Nullable @Property(name = "ainstruct.token") String token) {
        this.protocol = protocol;
        this.authenticator = authenticator;
        this.json = json;
        this.token = token;
    }

    /** Serves until the client closes standard input. */
    public void serve(InputStream in, PrintStream out) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            McpSchema.JSONRPCResponse response;
            try {
                response = protocol.handle(McpSchema.deserializeJsonRpcMessage(json, line),
                        () -> authenticator.authenticate(token, EntryPoint.MCP)).orElse(null);
            } catch (IOException | IllegalArgumentException malformed) {
                response = McpProtocol.error(null, McpSchema.ErrorCodes.PARSE_ERROR, "Not a JSON-RPC message: " + malformed.getMessage());
            }
            if (response != null) {
                out.println(json.writeValueAsString(response));
                out.flush();
            }
        }
    }
}
