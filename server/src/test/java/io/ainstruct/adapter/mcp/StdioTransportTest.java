package io.ainstruct.adapter.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ainstruct.testsupport.TestDatabase;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestServerProperties;
import io.ainstruct.testsupport.server.TestUser;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.ainstruct.adapter.mcp.Mcp.args;
import static io.ainstruct.adapter.mcp.Mcp.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MCP over stdio, as an agent host runs it: {@code java -jar ainstruct.jar mcp} with the token in
 * {@code AINSTRUCT_TOKEN} and the database of the test server. Each test starts a JVM, so there are few of them.
 */
class StdioTransportTest {
    @RegisterExtension
    static final TestServer server = TestServer.shared();

    @Test
    void aPersonalTokenStoresAndReadsADocumentOverStdio() {
        TestUser person = server.users().register("stdio");
        ConcurrentLinkedQueue<String> stderr = new ConcurrentLinkedQueue<>();
        try (McpSyncClient client = Mcp.sync(transport(server.users().pat(person).secret(), stderr))) {
            McpSchema.InitializeResult init = initialize(client, stderr);
            assertThat(init.serverInfo().name()).isEqualTo("ainstruct");
            assertThat(init.capabilities().tools()).isNotNull();

            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrderElementsOf(McpToolListTest.READ_WRITE_PAT_TOOLS);

            String content = "# Über stdio 🚀\n\nOne JSON-RPC message per line; 日本語 and עברית survive the pipe.";
            Map<String, Object> stored = ok(client, "store_document_tool", args("title", "Stdio note", "content", content,
                    "doc_metadata", Map.of("via", "stdio")));
            assertThat(stored).containsEntry("collection_id", server.users().defaultCollection(person)).containsEntry("created", true);
            Map<String, Object> document = ok(client, "get_document_tool", args("document_id", stored.get("id")));
            assertThat(document).containsEntry("title", "Stdio note").containsEntry("content", content)
                    .containsEntry("metadata", Map.of("via", "stdio"));

            Mcp.call(client, "get_document_tool", args("document_id", "nope")).failsWith("INVALID_ID", "document_id");
            assertThat(ok(client, "list_documents_tool", args())).as("the session survives a tool error").containsEntry("total", 1);
        }
        try (McpSyncClient http = Mcp.connect(server, server.users().pat(person).secret())) {
            assertThat(ok(http, "list_documents_tool", args())).as("what stdio stored, HTTP sees").containsEntry("total", 1);
        }
    }

    @Test
    void aBadTokenIsRefusedWithAClearMessageAndTheServerKeepsServing() {
        ConcurrentLinkedQueue<String> stderr = new ConcurrentLinkedQueue<>();
        try (McpSyncClient client = Mcp.sync(transport("pat_live_this-token-does-not-exist-0123456789abcdef", stderr))) {
            assertThat(initialize(client, stderr).serverInfo().name()).isEqualTo("ainstruct");

            Mcp.assertUnauthenticated(client::listTools, "tools/list with a bad token", Mcp.INVALID_TOKEN);

            assertThat(client.ping()).as("the process keeps serving").isNotNull();
            Mcp.call(client, "list_documents_tool", args()).failsWith("INVALID_TOKEN", "token is invalid, expired or revoked");
            assertThat(client.ping()).isNotNull();
        }
    }

    /** Initializes, or fails with what the server process wrote to standard error. */
    private static McpSchema.InitializeResult initialize(McpSyncClient client, ConcurrentLinkedQueue<String> stderr) {
        try {
            return client.initialize();
        } catch (RuntimeException e) {
            throw new AssertionError("the stdio server did not initialize; its standard error ended with:\n"
                    + String.join("\n", stderr), e);
        }
    }

    private static StdioClientTransport transport(String token, ConcurrentLinkedQueue<String> stderr) {
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", server.databaseUrl());
        if (TestDatabase.username() != null) {
            env.put("DATASOURCES_DEFAULT_USERNAME", TestDatabase.username());
        }
        if (TestDatabase.password() != null) {
            env.put("DATASOURCES_DEFAULT_PASSWORD", TestDatabase.password());
        }
        env.put("AINSTRUCT_JWT_SECRET", TestServerProperties.JWT_SECRET);
        env.put("AINSTRUCT_BCRYPT_COST", "4");
        env.put("AINSTRUCT_TOKEN", token);
        ServerParameters parameters = ServerParameters.builder(javaExecutable())
                .args(List.of("-Xmx512m", "-cp", classpath(), "io.ainstruct.server.Ainstruct", "mcp"))
                .env(env)
                .build();
        StdioClientTransport transport = new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(line -> {
            System.err.println("[stdio server] " + line);
            stderr.add(line);
            if (stderr.size() > 200) {
                stderr.poll();
            }
        });
        return transport;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
