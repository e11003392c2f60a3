package io.ainstruct.adapter.mcp;

import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** initialize and tools/list: what each kind of token is shown, and how each tool describes its arguments. */
class McpToolListTest {
    static final List<String> CAT_READ_TOOLS = List.of("search_documents_tool", "get_document_tool", "list_documents_tool");
    static final List<String> CAT_WRITE_TOOLS = concat(CAT_READ_TOOLS,
            List.of("store_document_tool", "update_document_tool", "delete_document_tool"));
    /** What a read+write personal token sees: everything but the tools that make, rotate or revoke tokens. */
    static final List<String> READ_WRITE_PAT_TOOLS = concat(CAT_WRITE_TOOLS, List.of("move_document_tool",
            "create_collection_tool", "list_collections_tool", "get_collection_tool", "rename_collection_tool",
            "delete_collection_tool", "list_collection_access_tokens_tool"));
    static final List<String> PAT_TOOLS = concat(READ_WRITE_PAT_TOOLS, List.of("create_collection_access_token_tool",
            "revoke_collection_access_token_tool", "rotate_collection_access_token_tool"));
    static final List<String> ADMIN_TOOLS = concat(PAT_TOOLS, List.of("list_users_tool", "search_users_tool",
            "get_user_tool", "update_user_tool", "delete_user_tool"));

    /** The arguments each tool must be given. */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("store_document_tool", List.of("title", "content")),
            Map.entry("search_documents_tool", List.of("query")),
            Map.entry("get_document_tool", List.of("document_id")),
            Map.entry("list_documents_tool", List.of()),
            Map.entry("update_document_tool", List.of("document_id")),
            Map.entry("delete_document_tool", List.of("document_id")),
            Map.entry("move_document_tool", List.of("document_id", "target_collection_id")),
            Map.entry("create_collection_tool", List.of("name")),
            Map.entry("list_collections_tool", List.of()),
            Map.entry("get_collection_tool", List.of("collection_id")),
            Map.entry("rename_collection_tool", List.of("collection_id", "name")),
            Map.entry("delete_collection_tool", List.of("collection_id")),
            Map.entry("create_collection_access_token_tool", List.of("collection_id", "label")),
            Map.entry("list_collection_access_tokens_tool", List.of()),
            Map.entry("revoke_collection_access_token_tool", List.of("token_id")),
            Map.entry("rotate_collection_access_token_tool", List.of("token_id")),
            Map.entry("list_users_tool", List.of()),
            Map.entry("search_users_tool", List.of("query")),
            Map.entry("get_user_tool", List.of("user_id")),
            Map.entry("update_user_tool", List.of("user_id")),
            Map.entry("delete_user_tool", List.of("user_id")));

    @RegisterExtension
    static final TestServer server = TestServer.shared();

    @Test
    void initializeNamesTheServerAndAgreesOnTheClientsProtocolVersion() {
        TestUser person = server.users().register("init");
        try (McpSyncClient client = Mcp.http(server.baseUrl(), server.users().pat(person).secret())) {
            McpSchema.InitializeResult init = client.initialize();

            assertThat(init.serverInfo().name()).isEqualTo("ainstruct");
            assertThat(init.serverInfo().version()).isNotBlank();
            assertThat(init.protocolVersion()).isEqualTo(ProtocolVersions.MCP_2025_06_18);
            assertThat(init.capabilities().tools()).as("tools capability").isNotNull();
            assertThat(init.instructions()).contains("search_documents_tool");
            assertThat(client.ping()).isNotNull();
        }
    }

    @Test
    void anOlderClientGetsTheProtocolVersionItAskedFor() {
        TestUser person = server.users().register("init-old");
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.baseUrl())
                .endpoint("/mcp")
                .supportedProtocolVersions(List.of(ProtocolVersions.MCP_2025_03_26))
                .customizeRequest(request -> request.header("Authorization", "Bearer " + server.users().pat(person).secret()))
                .build();
        try (McpSyncClient client = Mcp.sync(transport)) {
            assertThat(client.initialize().protocolVersion()).isEqualTo(ProtocolVersions.MCP_2025_03_26);
            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrderElementsOf(READ_WRITE_PAT_TOOLS);
        }
    }

    @Test
    void aReadCollectionTokenSeesTheThreeReadingTools() {
        TestUser owner = server.users().register("list-cat-read");
        String cat = server.users().cat(owner, server.users().defaultCollection(owner), Permission.READ).secret();
        try (McpSyncClient client = Mcp.connect(server, cat)) {
            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrderElementsOf(CAT_READ_TOOLS);
        }
    }

    @Test
    void aReadWriteCollectionTokenAlsoSeesTheWritingDocumentTools() {
        TestUser owner = server.users().register("list-cat-rw");
        String cat = server.users().cat(owner, server.users().defaultCollection(owner), Permission.READ_WRITE).secret();
        try (McpSyncClient client = Mcp.connect(server, cat)) {
            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrderElementsOf(CAT_WRITE_TOOLS);
        }
    }

    @Test
    void aPersonalTokenWithTheTokensScopeSeesTheSixteenToolsOfTheContract() {
        TestUser person = server.users().register("list-pat");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person, Scope.READ, Scope.WRITE, Scope.TOKENS).secret())) {
            assertThat(PAT_TOOLS).hasSize(16);
            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrderElementsOf(PAT_TOOLS);
        }
    }

    /** A token that may mint tokens outlives its own leak, so the token tools take the tokens scope by name. */
    @Test
    void aReadWritePersonalTokenDoesNotSeeTheToolsThatMakeTokens() {
        TestUser person = server.users().register("list-pat-rw");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person, Scope.READ, Scope.WRITE).secret())) {
            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrderElementsOf(READ_WRITE_PAT_TOOLS);
        }
    }

    @Test
    void aSuperusersTokenWithTheAdminScopeAlsoSeesTheUserTools() {
        TestUser admin = server.users().admin();
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(admin, Scope.all().toArray(Scope[]::new)).secret())) {
            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrderElementsOf(ADMIN_TOOLS);
        }
    }

    @Test
    void aSuperusersTokenWithoutTheAdminScopeDoesNotSeeTheUserTools() {
        TestUser admin = server.users().admin();
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(admin, Scope.READ, Scope.WRITE, Scope.TOKENS).secret())) {
            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrderElementsOf(PAT_TOOLS);
        }
    }

    @Test
    void aReadOnlyPersonalTokenSeesOnlyTheToolsItCanUse() {
        TestUser person = server.users().register("list-pat-read");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person, Scope.READ).secret())) {
            assertThat(Mcp.toolNames(client)).containsExactlyInAnyOrder("search_documents_tool", "get_document_tool",
                    "list_documents_tool", "list_collections_tool", "get_collection_tool",
                    "list_collection_access_tokens_tool");
        }
    }

    @Test
    void everyToolDeclaresADescribedJsonInputSchema() {
        TestUser admin = server.users().admin();
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(admin, Scope.all().toArray(Scope[]::new)).secret())) {
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).hasSize(ADMIN_TOOLS.size());
            SoftAssertions soft = new SoftAssertions();
            for (McpSchema.Tool tool : tools) {
                String name = tool.name();
                soft.assertThat(tool.description()).as("%s description", name).isNotBlank();
                McpSchema.JsonSchema schema = tool.inputSchema();
                soft.assertThat(schema).as("%s inputSchema", name).isNotNull();
                if (schema == null) {
                    continue;
                }
                soft.assertThat(schema.type()).as("%s schema type", name).isEqualTo("object");
                Map<String, Object> properties = schema.properties() == null ? Map.of() : schema.properties();
                properties.forEach((property, definition) -> {
                    soft.assertThat(definition).as("%s.%s", name, property).isInstanceOf(Map.class);
                    if (definition instanceof Map<?, ?> map) {
                        soft.assertThat(map.get("description")).as("%s.%s description", name, property)
                                .isInstanceOf(String.class);
                        soft.assertThat(String.valueOf(map.get("description"))).as("%s.%s description", name, property)
                                .isNotBlank();
                        soft.assertThat(map.get("type")).as("%s.%s type", name, property)
                                .isIn("string", "integer", "number", "boolean", "object", "array");
                    }
                });
                List<String> required = schema.required() == null ? List.of() : schema.required();
                soft.assertThat(required).as("%s required", name).containsExactlyInAnyOrderElementsOf(REQUIRED.get(name));
                soft.assertThat(properties.keySet()).as("%s properties", name).containsAll(required);
                soft.assertThat(schema.additionalProperties()).as("%s additionalProperties", name).isFalse();
            }
            soft.assertAll();

            Map<String, McpSchema.Tool> byName = tools.stream()
                    .collect(java.util.stream.Collectors.toMap(McpSchema.Tool::name, t -> t));
            assertThat(byName.get("store_document_tool").inputSchema().properties())
                    .containsKeys("title", "content", "document_type", "doc_metadata", "collection_id");
            assertThat(byName.get("search_documents_tool").inputSchema().properties())
                    .containsKeys("query", "max_results", "max_tokens", "collection_id");
            assertThat(byName.get("move_document_tool").inputSchema().properties())
                    .containsOnlyKeys("document_id", "target_collection_id");
            assertThat(byName.get("get_document_tool").inputSchema().properties().get("document_id"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("format", "uuid");
            assertThat(byName.get("create_collection_access_token_tool").inputSchema().properties().get("permission"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("enum", List.of("read", "read_write"));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
