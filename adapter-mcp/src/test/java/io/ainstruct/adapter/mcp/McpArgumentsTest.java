package io.ainstruct.adapter.mcp;

import io.ainstruct.domain.access.Scope;
import io.ainstruct.testsupport.OversizedMetadata;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static io.ainstruct.adapter.mcp.Mcp.args;
import static io.ainstruct.adapter.mcp.Mcp.call;
import static io.ainstruct.adapter.mcp.Mcp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Malformed calls: a missing, mistyped, unknown or invalid argument is a tool error that names the argument, so the
 * agent can correct itself; an unknown tool is a JSON-RPC error. The session goes on working after each.
 */
class McpArgumentsTest {
    @RegisterExtension
    static final TestServer server = TestServer.shared();

    private McpSyncClient client;
    private String documentId;
    private String collectionId;

    @BeforeEach
    void connect() {
        TestUser person = server.users().register("args");
        collectionId = server.users().defaultCollection(person);
        client = Mcp.connect(server, server.users().pat(person).secret());
        documentId = (String) ok(client, "store_document_tool", args("title", "Target", "content", "Something to point at.")).get("id");
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aMissingRequiredArgumentIsNamed() {
        call(client, "get_document_tool", args()).failsWith("VALIDATION_ERROR", "document_id", "required");
        call(client, "store_document_tool", args("title", "Only a title")).failsWith("VALIDATION_ERROR", "content", "required");
        call(client, "search_documents_tool", args()).failsWith("VALIDATION_ERROR", "query");
        call(client, "move_document_tool", args("document_id", documentId)).failsWith("VALIDATION_ERROR", "target_collection_id");
        call(client, "rename_collection_tool", args("collection_id", collectionId)).failsWith("VALIDATION_ERROR", "name");
        assertSessionSurvives();
    }

    @Test
    void anArgumentOfTheWrongTypeIsNamed() {
        call(client, "store_document_tool", args("title", 42, "content", "x")).failsWith("VALIDATION_ERROR", "title", "string");
        call(client, "store_document_tool", args("title", "t", "content", List.of("a", "b"))).failsWith("VALIDATION_ERROR", "content");
        call(client, "store_document_tool", args("title", "t", "content", "x", "doc_metadata", "not an object"))
                .failsWith("VALIDATION_ERROR", "doc_metadata", "JSON object");
        call(client, "search_documents_tool", args("query", "x", "max_results", "five"))
                .failsWith("VALIDATION_ERROR", "max_results", "whole number");
        call(client, "search_documents_tool", args("query", "x", "max_results", 2.5)).failsWith("VALIDATION_ERROR", "max_results");
        call(client, "search_documents_tool", args("query", "x", "score_threshold", "high"))
                .failsWith("VALIDATION_ERROR", "score_threshold");
        call(client, "search_documents_tool", args("query", "x", "metadata", Map.of("k", Map.of("nested", 1))))
                .failsWith("VALIDATION_ERROR", "metadata.k");
        call(client, "get_document_tool", args("document_id", 12345)).failsWith("VALIDATION_ERROR", "document_id");
        call(client, "list_documents_tool", args("limit", true)).failsWith("VALIDATION_ERROR", "limit");
        assertSessionSurvives();
    }

    @Test
    void anUnknownArgumentIsNamed() {
        call(client, "get_document_tool", args("document_id", documentId, "bogus", 1))
                .failsWith("VALIDATION_ERROR", "bogus", "not an argument");
        // store takes doc_metadata, not metadata (search's filter)
        call(client, "store_document_tool", args("title", "t", "content", "c", "metadata", Map.of("a", "b")))
                .failsWith("VALIDATION_ERROR", "metadata");
        call(client, "list_collections_tool", args("collection_id", collectionId)).failsWith("VALIDATION_ERROR", "collection_id");
        assertSessionSurvives();
    }

    @Test
    void anInvalidIdIsNamed() {
        call(client, "get_document_tool", args("document_id", "not-a-uuid")).failsWith("INVALID_ID", "document_id", "UUID");
        call(client, "delete_document_tool", args("document_id", "1234")).failsWith("INVALID_ID", "document_id");
        call(client, "move_document_tool", args("document_id", documentId, "target_collection_id", "nope"))
                .failsWith("INVALID_ID", "target_collection_id");
        call(client, "list_documents_tool", args("collection_id", "")).failsWith("VALIDATION_ERROR", "collection_id");
        call(client, "get_collection_tool", args("collection_id", collectionId + "x")).failsWith("INVALID_ID", "collection_id");
        call(client, "revoke_collection_access_token_tool", args("token_id", "cat_live_secret"))
                .failsWith("INVALID_ID", "token_id");
        assertSessionSurvives();
    }

    @Test
    void aValueOutsideItsRulesIsNamed() {
        SoftAssertions soft = new SoftAssertions();
        expectNamed(soft, "store_document_tool", args("title", "", "content", "x"), "title");
        expectNamed(soft, "store_document_tool", args("title", "t".repeat(501), "content", "x"), "title");
        expectNamed(soft, "store_document_tool", args("title", "t", "content", "x", "document_type", "exe"), "document_type");
        expectNamed(soft, "search_documents_tool", args("query", "x", "max_results", 1000), "max_results");
        expectNamed(soft, "search_documents_tool", args("query", "x", "max_tokens", 0), "max_tokens");
        expectNamed(soft, "search_documents_tool", args("query", "x", "score_threshold", 2), "score_threshold");
        expectNamed(soft, "search_documents_tool", args("query", "   "), "query");
        expectNamed(soft, "list_documents_tool", args("limit", 0), "limit");
        expectNamed(soft, "list_documents_tool", args("offset", -1), "offset");
        expectNamed(soft, "create_collection_tool", args("name", ""), "name");
        expectNamed(soft, "create_collection_tool", args("name", "n".repeat(101)), "name");
        expectNamed(soft, "create_collection_access_token_tool", args("collection_id", collectionId, "label", "l",
                "permission", "admin"), "permission");
        expectNamed(soft, "create_collection_access_token_tool", args("collection_id", collectionId, "label", "l",
                "expires_in_days", 0), "expires_in_days");
        expectNamed(soft, "create_collection_access_token_tool", args("collection_id", collectionId, "label", "l",
                "expires_in_days", 1000), "expires_in_days");
        expectNamed(soft, "create_collection_access_token_tool", args("collection_id", collectionId, "label", ""), "label");
        expectNamed(soft, "update_document_tool", args("document_id", documentId, "title", ""), "title");
        soft.assertAll();
        assertSessionSurvives();
    }

    @Test
    void aDocumentOverTheSizeLimitIsAToolError() {
        String content = "x".repeat(10 * 1024 * 1024 + 1);
        call(client, "store_document_tool", args("title", "Too big", "content", content)).failsWith("DOCUMENT_TOO_LARGE");
        call(client, "update_document_tool", args("document_id", documentId, "content", content)).failsWith("DOCUMENT_TOO_LARGE");
        assertSessionSurvives();
    }

    /** The JSON-RPC envelope holds the arguments three levels down: 997 levels of metadata make 1,000 in all. */
    @Test
    void oversizedMetadataIsAToolErrorOnStoreAndUpdate() {
        for (Map<String, Object> metadata : List.of(OversizedMetadata.sixtyFourKilobytes(), OversizedMetadata.tenThousandKeys(),
                OversizedMetadata.nested(9), OversizedMetadata.nested(997))) {
            call(client, "store_document_tool", args("title", "Hoard", "content", "x", "doc_metadata", metadata))
                    .failsWith("METADATA_TOO_LARGE");
            call(client, "update_document_tool", args("document_id", documentId, "doc_metadata", metadata))
                    .failsWith("METADATA_TOO_LARGE");
        }
        assertThat(ok(client, "get_document_tool", args("document_id", documentId)).get("metadata")).isEqualTo(Map.of());
        assertSessionSurvives();
    }

    @Test
    void anUnknownToolIsAnErrorAndTheSessionSurvives() {
        Throwable thrown = catchThrowable(() -> client.callTool(new McpSchema.CallToolRequest("no_such_tool", Map.of())));
        assertThat(thrown).as("a JSON-RPC error").isInstanceOf(McpError.class);
        assertThat(((McpError) thrown).getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
        assertThat(thrown.getMessage()).contains("no_such_tool");
        assertSessionSurvives();
    }

    @Test
    void callingAToolWithoutArgumentsIsLikeCallingItWithNone() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("list_collections_tool", null));
        assertThat(result.isError()).isFalse();
        new Mcp.Result("get_document_tool", client.callTool(new McpSchema.CallToolRequest("get_document_tool", null)))
                .failsWith("VALIDATION_ERROR", "document_id");
        assertSessionSurvives();
    }

    @Test
    void anAdminToolsArgumentsAreCheckedToo() {
        TestUser admin = server.users().admin();
        try (McpSyncClient adminClient = Mcp.connect(server, server.users().pat(admin, Scope.READ, Scope.WRITE, Scope.ADMIN).secret())) {
            call(adminClient, "get_user_tool", args("user_id", "admin")).failsWith("INVALID_ID", "user_id");
            call(adminClient, "update_user_tool", args("user_id", admin.id(), "is_active", "no"))
                    .failsWith("VALIDATION_ERROR", "is_active");
            call(adminClient, "update_user_tool", args("user_id", admin.id(), "email", "not-an-email"))
                    .failsWith("VALIDATION_ERROR", "email");
            call(adminClient, "list_users_tool", args("limit", "ten")).failsWith("VALIDATION_ERROR", "limit");
            call(adminClient, "search_users_tool", args()).failsWith("VALIDATION_ERROR", "query");
            assertThat(ok(adminClient, "get_user_tool", args("user_id", admin.id()))).containsEntry("is_active", true);
        }
    }

    private void expectNamed(SoftAssertions soft, String tool, Map<String, Object> arguments, String argument) {
        Mcp.Result result = call(client, tool, arguments);
        soft.assertThat(result.isError()).as("%s %s should fail", tool, argument).isTrue();
        soft.assertThat(result.text()).as("%s error names %s", tool, argument).contains(argument);
        soft.assertThat(result.isError() ? result.errorCode() : "").as("%s error code", tool)
                .isIn("VALIDATION_ERROR", "INVALID_ID");
    }

    private void assertSessionSurvives() {
        assertThat(ok(client, "get_document_tool", args("document_id", documentId))).containsEntry("title", "Target");
    }
}
