package io.ainstruct.adapter.rest;

import io.ainstruct.server.Ainstruct;
import io.ainstruct.testsupport.LegacySqlite;
import io.ainstruct.testsupport.server.TestServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A legacy SQLite database imported with {@code migrate} (whose reindex builds chunks and vectors), then the real
 * server on it: users log in with their old passwords (re-hashed on the way), their old PATs and CATs work on REST
 * and MCP, and the imported documents are searchable.
 */
class LegacyAccountsAfterMigrationTest {
    private static final String PAT_OF_USER0 = LegacySqlite.token("pat_live_", 0);
    /** Row 1: inactive, and expired in 2025. */
    private static final String PAT_OF_USER1 = LegacySqlite.token("pat_live_", 1);
    private static final String CAT_0 = LegacySqlite.token("cat_live_", 0);

    @TempDir
    static Path directory;
    static String database;
    static int migrationExit;
    static String migrationOutput;
    static TestServer server;
    static Api api;

    @BeforeAll
    static void migrateAndStartTheServer() throws Exception {
        Path legacy = LegacySqlite.generate(directory, 24, false);
        database = LegacySqlite.freshDatabaseUrl();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            migrationExit = Ainstruct.execute("migrate", "--from", legacy.toString(), "--to", database, "--accept-quarantine");
        } finally {
            System.setOut(original);
        }
        migrationOutput = captured.toString(StandardCharsets.UTF_8);
        // Above the legacy hashes' cost of 4, so that a login re-hashes them. The migration ran with no model set, so
        // it embedded with a new installation's default; the server must run that model (its guard refuses another).
        server = TestServer.on(database, Map.of("ainstruct.bcrypt-cost", 5,
                "ainstruct.embedding.local-model", "bge-small-en-v15-q"));
        api = new Api(server.uri());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theMigrationBuiltChunksAndVectorsForEveryImportedDocument() throws Exception {
        assertThat(migrationExit).as(migrationOutput).isZero();
        assertThat(migrationOutput).contains("Reindexed 23 documents", "23 chunked and embedded");
        assertThat(count("SELECT count(*) FROM documents WHERE chunk_count = 0")).isZero();
        assertThat(count("SELECT count(*) FROM embedding_model")).isEqualTo(1);
    }

    @Test
    void aLegacyUserLogsInWithTheOldPasswordWhichIsThenRehashed() throws Exception {
        String before = passwordHash("user2");
        assertThat(before).startsWith("$2b$04$");

        Api.Response login = api.post("/api/v1/auth/login", null, Map.of("username", "user2", "password", "password-2"));

        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/profile", login.text("access_token")).text("username")).isEqualTo("user2");
        assertThat(passwordHash("user2")).isNotEqualTo(before).doesNotStartWith("$2b$04$");
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "user2@example.com", "password", "password-2"))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "user2", "password", "password-3")).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "user1", "password", "password-1")).errorCode())
                .isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void legacyTokensWorkOnRest() throws Exception {
        assertThat(api.get("/api/v1/auth/profile", PAT_OF_USER0).text("username")).isEqualTo("user0");
        Api.Response owned = api.get("/api/v1/documents", PAT_OF_USER0);
        assertThat(owned.status()).as(owned.raw()).isEqualTo(200);
        assertThat(owned.body().get("total").asLong()).isEqualTo(count("SELECT count(*) FROM documents d "
                + "JOIN collections c ON c.id = d.collection_id JOIN users u ON u.id = c.user_id WHERE u.username = 'user0'"));
        Api.Response search = api.post("/api/v1/documents/search", PAT_OF_USER0, Map.of("query", "postgres vector index"));
        assertThat(search.body().get("results")).as(search.raw()).isNotEmpty();

        Api.Response throughCat = api.get("/api/v1/documents", CAT_0);
        assertThat(throughCat.status()).as(throughCat.raw()).isEqualTo(200);
        assertThat(throughCat.body().get("total").asLong()).isEqualTo(count("SELECT count(*) FROM documents "
                + "WHERE collection_id = (SELECT collection_id FROM cats WHERE label = 'cat 0')"));
        assertThat(api.get("/api/v1/documents", PAT_OF_USER1).status()).isEqualTo(401);
    }

    @Test
    void legacyTokensWorkOnMcp() {
        try (McpSyncClient personal = mcp(PAT_OF_USER0); McpSyncClient collection = mcp(CAT_0)) {
            assertThat(personal.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("list_collections_tool", "store_document_tool");
            assertThat(personal.callTool(new McpSchema.CallToolRequest("list_collections_tool", Map.of())).isError())
                    .isNotEqualTo(Boolean.TRUE);
            assertThat(collection.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("search_documents_tool", "get_document_tool", "list_documents_tool");
            McpSchema.CallToolResult documents = collection.callTool(new McpSchema.CallToolRequest("list_documents_tool", Map.of()));
            assertThat(documents.isError()).isNotEqualTo(Boolean.TRUE);
        }
    }

    private static McpSyncClient mcp(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.uri().toString())
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

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database);
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String passwordHash(String username) throws Exception {
        try (Connection connection = DriverManager.getConnection(database);
             PreparedStatement select = connection.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
