package io.ainstruct.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.ainstruct.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After importing a legacy database (with the reindex that ends a migration), the real server lets its users log in
 * with their old passwords and accepts their old PATs and CATs on REST and MCP; imported documents are searchable.
 */
class LegacyAccountsAfterMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Row i of the generator's tokens hashes {@code pat_live_} / {@code cat_live_} + i on 32 digits. */
    private static final String PAT_OF_USER0 = "pat_live_" + "0".repeat(32);
    private static final String EXPIRED_PAT_OF_USER1 = "pat_live_" + "0".repeat(31) + "1";
    private static final String CAT_0 = "cat_live_" + "0".repeat(32);

    @TempDir
    static Path directory;
    static String target;
    static MigrateCommandTest.Run migration;
    static EmbeddedServer server;

    @BeforeAll
    static void migrateAndStartTheServer() throws Exception {
        Path legacy = LegacyFixture.generate(directory, 24, false);
        target = LegacyFixture.freshTarget();
        migration = MigrateCommandTest.Run.cli("migrate", "--from", legacy.toString(), "--to", target,
                "--accept-quarantine");
        Map<String, Object> properties = new HashMap<>(TestDatabase.micronautProperties(target));
        properties.put("micronaut.server.port", -1);
        properties.put("ainstruct.jwt-secret", "test-secret-that-is-long-enough-for-hs256!");
        // Above the legacy hashes' cost of 4, so that a login re-hashes them.
        properties.put("ainstruct.bcrypt-cost", 5);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Test
    void theMigrationBuiltChunksAndVectorsForEveryImportedDocument() throws Exception {
        assertThat(migration.exitCode()).as(migration.output()).isZero();
        assertThat(migration.output()).contains("Reindexed 23 documents", "23 chunked and embedded");
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM documents WHERE chunk_count = 0")).isZero();
        assertThat(LegacyFixture.count(target, "SELECT count(*) FROM embedding_model")).isEqualTo(1);
    }

    @Test
    void aLegacyUserLogsInWithTheOldPasswordWhichIsThenRehashed() throws Exception {
        String before = passwordHash("user2");
        assertThat(before).startsWith("$2b$04$");

        HttpResponse<String> login = post("/api/v1/auth/login", null, Map.of("username", "user2", "password", "password-2"));

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String accessToken = JSON.readTree(login.body()).get("access_token").asText();
        assertThat(json(get("/api/v1/auth/profile", accessToken)).get("username").asText()).isEqualTo("user2");
        assertThat(passwordHash("user2")).isNotEqualTo(before).doesNotStartWith("$2b$04$");
        assertThat(post("/api/v1/auth/login", null, Map.of("username", "user2@example.com", "password", "password-2"))
                .statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/auth/login", null, Map.of("username", "user2", "password", "password-3")).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/auth/login", null, Map.of("username", "user1", "password", "password-1")).body())
                .contains("ACCOUNT_DISABLED");
    }

    @Test
    void legacyTokensWorkOnRest() throws Exception {
        assertThat(json(get("/api/v1/auth/profile", PAT_OF_USER0)).get("username").asText()).isEqualTo("user0");
        JsonNode owned = json(get("/api/v1/documents", PAT_OF_USER0));
        assertThat(owned.get("total").asLong()).isEqualTo(LegacyFixture.count(target, "SELECT count(*) FROM documents d "
                + "JOIN collections c ON c.id = d.collection_id JOIN users u ON u.id = c.user_id WHERE u.username = 'user0'"));
        JsonNode search = json(post("/api/v1/documents/search", PAT_OF_USER0, Map.of("query", "postgres vector index")));
        assertThat(search.get("results")).isNotEmpty();

        JsonNode throughCat = json(get("/api/v1/documents", CAT_0));
        assertThat(throughCat.get("total").asLong()).isEqualTo(LegacyFixture.count(target, "SELECT count(*) FROM documents "
                + "WHERE collection_id = (SELECT collection_id FROM cats WHERE label = 'cat 0')"));
        assertThat(get("/api/v1/documents", EXPIRED_PAT_OF_USER1).statusCode()).isEqualTo(401);
    }

    @Test
    void legacyTokensWorkOnMcp() {
        try (McpSyncClient personal = mcp(PAT_OF_USER0); McpSyncClient collection = mcp(CAT_0)) {
            assertThat(personal.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("list_collections_tool", "store_document_tool");
            McpSchema.CallToolResult collections = personal.callTool(new McpSchema.CallToolRequest("list_collections_tool", Map.of()));
            assertThat(collections.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(collection.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("search_documents_tool", "get_document_tool", "list_documents_tool");
            McpSchema.CallToolResult documents = collection.callTool(new McpSchema.CallToolRequest("list_documents_tool", Map.of()));
            assertThat(documents.isError()).isNotEqualTo(Boolean.TRUE);
        }
    }

    private static McpSyncClient mcp(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.getURI().toString())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                // The SDK's default validator of output schemas needs a newer library than the BOM's; none is declared here.
                .jsonSchemaValidator((schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
                .clientInfo(new McpSchema.Implementation("ainstruct-migration-tests", "1.0.0")).build();
        client.initialize();
        return client;
    }

    private static String passwordHash(String username) throws Exception {
        try (var connection = LegacyFixture.connect(target);
             var select = connection.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token, Map<String, Object> body) throws Exception {
        return HTTP.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURI() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
