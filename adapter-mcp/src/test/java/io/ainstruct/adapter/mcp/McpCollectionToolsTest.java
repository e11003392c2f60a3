package io.ainstruct.adapter.mcp;

import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.ainstruct.adapter.mcp.Mcp.args;
import static io.ainstruct.adapter.mcp.Mcp.call;
import static io.ainstruct.adapter.mcp.Mcp.list;
import static io.ainstruct.adapter.mcp.Mcp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Collections and collection access tokens, managed over MCP with a personal access token. */
class McpCollectionToolsTest {
    @RegisterExtension
    static final TestServer server = TestServer.shared();

    @Test
    void createListGetRenameAndDeleteACollection() {
        TestUser person = server.users().register("collections");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            Map<String, Object> created = ok(client, "create_collection_tool", args("name", "research"));
            String id = (String) created.get("id");
            assertThat(created).containsEntry("name", "research").containsEntry("document_count", 0)
                    .containsEntry("cat_count", 0).containsKeys("created_at", "updated_at");

            call(client, "create_collection_tool", args("name", "research")).failsWith("COLLECTION_EXISTS");

            List<Map<String, Object>> collections = list(ok(client, "list_collections_tool", args()), "collections");
            assertThat(collections).extracting(c -> c.get("name")).containsExactlyInAnyOrder("default", "research");

            ok(client, "store_document_tool", args("title", "Paper", "content", "On the origin of species.", "collection_id", id));
            assertThat(ok(client, "get_collection_tool", args("collection_id", id)))
                    .containsEntry("id", id).containsEntry("name", "research").containsEntry("document_count", 1);

            assertThat(ok(client, "rename_collection_tool", args("collection_id", id, "name", "papers")))
                    .containsEntry("id", id).containsEntry("name", "papers");
            assertThat(ok(client, "get_collection_tool", args("collection_id", id))).containsEntry("name", "papers");

            assertThat(ok(client, "delete_collection_tool", args("collection_id", id)))
                    .containsEntry("deleted", true).containsEntry("id", id);
            call(client, "get_collection_tool", args("collection_id", id)).failsWith("COLLECTION_NOT_FOUND");
            assertThat(list(ok(client, "list_collections_tool", args()), "collections"))
                    .extracting(c -> c.get("name")).containsExactly("default");
            assertThat(ok(client, "list_documents_tool", args())).as("its documents went with it").containsEntry("total", 0);
        }
    }

    @Test
    void collectionAccessTokensAreCreatedListedRotatedAndRevoked() {
        TestUser person = server.users().register("cats");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person, Scope.READ, Scope.WRITE, Scope.TOKENS).secret())) {
            String collection = (String) ok(client, "create_collection_tool", args("name", "agent-memory")).get("id");

            var createdResult = call(client, "create_collection_access_token_tool", args("collection_id", collection,
                    "label", "research agent", "permission", "read_write", "expires_in_days", 7));
            Map<String, Object> created = createdResult.ok();
            String tokenId = (String) created.get("id");
            String secret = (String) created.get("token");
            assertThat(secret).startsWith("cat_live_").hasSizeGreaterThanOrEqualTo("cat_live_".length() + 32)
                    .matches("cat_live_[A-Za-z0-9_-]+");
            assertThat(createdResult.text()).as("the secret is in the text content too, once").contains(secret);
            assertThat(created).containsEntry("label", "research agent").containsEntry("collection_id", collection)
                    .containsEntry("collection_name", "agent-memory").containsEntry("permission", "read_write")
                    .containsEntry("is_active", true);
            assertThat(Instant.parse((String) created.get("expires_at")))
                    .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(5)));

            String readOnly = (String) ok(client, "create_collection_access_token_tool",
                    args("collection_id", collection, "label", "reader")).get("id");

            var listedResult = call(client, "list_collection_access_tokens_tool", args());
            List<Map<String, Object>> listed = list(listedResult.ok(), "tokens");
            assertThat(listed).extracting(t -> t.get("id")).containsExactlyInAnyOrder(tokenId, readOnly);
            assertThat(listed).allSatisfy(t -> assertThat(t).doesNotContainKey("token").doesNotContainKey("token_hash"));
            assertThat(listedResult.text()).doesNotContain(secret);
            assertThat(listed).filteredOn(t -> readOnly.equals(t.get("id"))).singleElement()
                    .satisfies(t -> assertThat(t).as("default permission").containsEntry("permission", "read"));
            assertThat(list(ok(client, "list_collection_access_tokens_tool", args("collection_id", collection)), "tokens"))
                    .hasSize(2);
            String defaultCollection = server.users().defaultCollection(person);
            assertThat(list(ok(client, "list_collection_access_tokens_tool", args("collection_id", defaultCollection)),
                    "tokens")).isEmpty();
            assertThat(ok(client, "get_collection_tool", args("collection_id", collection))).containsEntry("cat_count", 2);

            String newSecret;
            try (McpSyncClient agent = Mcp.connect(server, secret)) {
                assertThat(Mcp.toolNames(agent)).hasSize(6);
                assertThat(ok(agent, "store_document_tool", args("title", "Found", "content", "A note the agent kept.")))
                        .containsEntry("collection_id", collection);

                call(client, "delete_collection_tool", args("collection_id", collection))
                        .failsWith("COLLECTION_HAS_ACTIVE_CATS");

                Map<String, Object> rotated = ok(client, "rotate_collection_access_token_tool", args("token_id", tokenId));
                newSecret = (String) rotated.get("token");
                assertThat(rotated).containsEntry("id", tokenId).containsEntry("collection_name", "agent-memory");
                assertThat(newSecret).startsWith("cat_live_").isNotEqualTo(secret);
                Mcp.assertUnauthenticated(agent::listTools, "the old secret, mid-session", Mcp.INVALID_TOKEN);
            }
            try (McpSyncClient stale = Mcp.http(server.baseUrl(), secret)) {
                Mcp.assertUnauthenticated(stale::initialize, "a new client with the old secret", Mcp.INVALID_TOKEN);
            }
            try (McpSyncClient fresh = Mcp.connect(server, newSecret)) {
                assertThat(ok(fresh, "list_documents_tool", args())).containsEntry("total", 1);
            }

            assertThat(ok(client, "revoke_collection_access_token_tool", args("token_id", tokenId)))
                    .containsEntry("revoked", true).containsEntry("id", tokenId);
            try (McpSyncClient revoked = Mcp.http(server.baseUrl(), newSecret)) {
                Mcp.assertUnauthenticated(revoked::initialize, "a revoked token", Mcp.INVALID_TOKEN);
            }
            assertThat(list(ok(client, "list_collection_access_tokens_tool", args()), "tokens"))
                    .filteredOn(t -> tokenId.equals(t.get("id")))
                    .allSatisfy(t -> assertThat(t).containsEntry("is_active", false));
            call(client, "rotate_collection_access_token_tool", args("token_id", tokenId)).failsWith("TOKEN_REVOKED");

            ok(client, "revoke_collection_access_token_tool", args("token_id", readOnly));
            assertThat(ok(client, "delete_collection_tool", args("collection_id", collection))).containsEntry("deleted", true);
        }
    }

    @Test
    void tokensOfAnotherUserAreNotFound() {
        TestUser owner = server.users().register("cat-owner");
        TestUser stranger = server.users().register("cat-stranger");
        String catId = server.users().cat(owner, server.users().defaultCollection(owner), Permission.READ).id();
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(stranger, Scope.READ, Scope.WRITE, Scope.TOKENS).secret())) {
            call(client, "revoke_collection_access_token_tool", args("token_id", catId)).failsWith("CAT_NOT_FOUND");
            call(client, "rotate_collection_access_token_tool", args("token_id", catId)).failsWith("CAT_NOT_FOUND");
            assertThat(list(ok(client, "list_collection_access_tokens_tool", args()), "tokens")).isEmpty();
            call(client, "create_collection_access_token_tool", args("collection_id", server.users().defaultCollection(owner),
                    "label", "theft")).failsWith("COLLECTION_NOT_FOUND");
            call(client, "get_collection_tool", args("collection_id", server.users().defaultCollection(owner)))
                    .failsWith("COLLECTION_NOT_FOUND");
            call(client, "rename_collection_tool", args("collection_id", server.users().defaultCollection(owner), "name", "mine"))
                    .failsWith("COLLECTION_NOT_FOUND");
            call(client, "delete_collection_tool", args("collection_id", server.users().defaultCollection(owner)))
                    .failsWith("COLLECTION_NOT_FOUND");
        }
    }
}
