package io.ainstruct.adapter.mcp;

import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import io.modelcontextprotocol.client.McpSyncClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.ainstruct.adapter.mcp.Mcp.args;
import static io.ainstruct.adapter.mcp.Mcp.call;
import static io.ainstruct.adapter.mcp.Mcp.finds;
import static io.ainstruct.adapter.mcp.Mcp.ok;
import static io.ainstruct.adapter.mcp.Mcp.searchUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused calls: each is an MCP tool error ({@code isError}) carrying the contract's error code, and the client's
 * session goes on working afterwards. Someone else's objects are "not found", never "forbidden".
 */
class McpPermissionTest {
    private static final String NOTE = "# Private note\n\nThe safe's combination is written under the blue vase.";

    @RegisterExtension
    static final TestServer server = TestServer.shared();

    @Test
    void aReadCollectionTokenCannotWrite() {
        TestUser owner = server.users().register("perm-cat-read");
        String collection = server.users().defaultCollection(owner);
        String documentId = storeAs(owner, collection);
        try (McpSyncClient client = Mcp.connect(server, server.users().cat(owner, collection, Permission.READ).secret())) {
            call(client, "store_document_tool", args("title", "Nope", "content", "Should not be stored."))
                    .failsWith("FORBIDDEN", "read-only");
            assertThat(ok(client, "list_documents_tool", args())).as("the session survives").containsEntry("total", 1);

            call(client, "update_document_tool", args("document_id", documentId, "title", "Changed")).failsWith("FORBIDDEN");
            call(client, "delete_document_tool", args("document_id", documentId)).failsWith("FORBIDDEN");
            assertThat(ok(client, "get_document_tool", args("document_id", documentId)))
                    .containsEntry("title", "Private note").containsEntry("content", NOTE);
        }
    }

    @Test
    void aCollectionTokenReachesNothingOutsideItsCollection() {
        TestUser owner = server.users().register("perm-cat-scope");
        String a = server.users().defaultCollection(owner);
        String b = server.users().createCollection(owner, "b");
        String inB = storeAs(owner, b);
        try (McpSyncClient ownerClient = Mcp.connect(server, server.users().pat(owner).secret())) {
            searchUntil(ownerClient, args("query", "where is the combination of the safe"), answer -> finds(answer, inB), 30);
        }
        try (McpSyncClient client = Mcp.connect(server, server.users().cat(owner, a, Permission.READ_WRITE).secret())) {
            call(client, "get_document_tool", args("document_id", inB)).failsWith("DOCUMENT_NOT_FOUND");
            assertThat(ok(client, "list_documents_tool", args())).as("the session survives").containsEntry("total", 0);

            call(client, "update_document_tool", args("document_id", inB, "title", "Mine now")).failsWith("DOCUMENT_NOT_FOUND");
            call(client, "delete_document_tool", args("document_id", inB)).failsWith("DOCUMENT_NOT_FOUND");
            call(client, "list_documents_tool", args("collection_id", b)).failsWith("COLLECTION_NOT_FOUND");
            call(client, "search_documents_tool", args("query", "safe", "collection_id", b)).failsWith("COLLECTION_NOT_FOUND");
            call(client, "store_document_tool", args("title", "x", "content", "y", "collection_id", b))
                    .failsWith("COLLECTION_NOT_FOUND");
            assertThat(finds(ok(client, "search_documents_tool", args("query", "where is the combination of the safe")), inB))
                    .as("search with the collection token sees only its collection").isFalse();
        }
        try (McpSyncClient ownerClient = Mcp.connect(server, server.users().pat(owner).secret())) {
            assertThat(ok(ownerClient, "get_document_tool", args("document_id", inB)))
                    .containsEntry("title", "Private note").containsEntry("collection_id", b);
        }
    }

    @Test
    void aCollectionTokenCannotUseThePersonalTools() {
        TestUser owner = server.users().register("perm-cat-personal");
        String collection = server.users().defaultCollection(owner);
        String other = server.users().createCollection(owner, "other");
        String documentId = storeAs(owner, collection);
        String catId = server.users().cat(owner, other, Permission.READ).id();
        try (McpSyncClient client = Mcp.connect(server, server.users().cat(owner, collection, Permission.READ_WRITE).secret())) {
            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            calls.put("create_collection_tool", args("name", "new"));
            calls.put("list_collections_tool", args());
            calls.put("get_collection_tool", args("collection_id", collection));
            calls.put("rename_collection_tool", args("collection_id", collection, "name", "renamed"));
            calls.put("delete_collection_tool", args("collection_id", other));
            calls.put("create_collection_access_token_tool", args("collection_id", collection, "label", "more"));
            calls.put("list_collection_access_tokens_tool", args());
            calls.put("revoke_collection_access_token_tool", args("token_id", catId));
            calls.put("rotate_collection_access_token_tool", args("token_id", catId));
            calls.put("list_users_tool", args());
            calls.put("get_user_tool", args("user_id", owner.id()));
            SoftAssertions soft = new SoftAssertions();
            calls.forEach((tool, arguments) -> soft.assertThat(call(client, tool, arguments).errorCode())
                    .as("%s with a collection token", tool).isEqualTo("FORBIDDEN"));
            soft.assertThat(call(client, "move_document_tool", args("document_id", documentId, "target_collection_id", other))
                    .errorCode()).as("move_document_tool with a collection token").isIn("FORBIDDEN", "COLLECTION_NOT_FOUND");
            soft.assertAll();

            assertThat(ok(client, "get_document_tool", args("document_id", documentId))).containsEntry("collection_id", collection);
        }
    }

    @Test
    void anotherUsersDocumentsAndCollectionsAreNotFound() {
        TestUser alice = server.users().register("perm-alice");
        TestUser bob = server.users().register("perm-bob");
        String aliceCollection = server.users().defaultCollection(alice);
        String aliceDocument = storeAs(alice, aliceCollection);
        try (McpSyncClient aliceClient = Mcp.connect(server, server.users().pat(alice).secret())) {
            searchUntil(aliceClient, args("query", "combination of the safe"), answer -> finds(answer, aliceDocument), 30);
        }
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(bob).secret())) {
            call(client, "get_document_tool", args("document_id", aliceDocument)).failsWith("DOCUMENT_NOT_FOUND");
            assertThat(ok(client, "list_documents_tool", args())).as("the session survives").containsEntry("total", 0);

            String bobCollection = server.users().defaultCollection(bob);
            String bobDocument = (String) ok(client, "store_document_tool", args("title", "Bob", "content", "Bob's own.")).get("id");
            call(client, "update_document_tool", args("document_id", aliceDocument, "title", "Bob's")).failsWith("DOCUMENT_NOT_FOUND");
            call(client, "delete_document_tool", args("document_id", aliceDocument)).failsWith("DOCUMENT_NOT_FOUND");
            call(client, "move_document_tool", args("document_id", aliceDocument, "target_collection_id", bobCollection))
                    .failsWith("DOCUMENT_NOT_FOUND");
            call(client, "move_document_tool", args("document_id", bobDocument, "target_collection_id", aliceCollection))
                    .failsWith("COLLECTION_NOT_FOUND");
            call(client, "list_documents_tool", args("collection_id", aliceCollection)).failsWith("COLLECTION_NOT_FOUND");
            call(client, "search_documents_tool", args("query", "safe", "collection_id", aliceCollection))
                    .failsWith("COLLECTION_NOT_FOUND");
            call(client, "store_document_tool", args("title", "x", "content", "y", "collection_id", aliceCollection))
                    .failsWith("COLLECTION_NOT_FOUND");
            assertThat(finds(ok(client, "search_documents_tool", args("query", "combination of the safe", "max_results", 100)),
                    aliceDocument)).as("Bob's search never shows Alice's passages").isFalse();
            call(client, "get_document_tool", args("document_id", UUID.randomUUID().toString())).failsWith("DOCUMENT_NOT_FOUND");
        }
        try (McpSyncClient aliceClient = Mcp.connect(server, server.users().pat(alice).secret())) {
            assertThat(ok(aliceClient, "get_document_tool", args("document_id", aliceDocument)))
                    .containsEntry("title", "Private note").containsEntry("collection_id", aliceCollection);
        }
    }

    @Test
    void onlyASuperusersAdminScopedTokenMayUseTheUserTools() {
        TestUser person = server.users().register("perm-not-admin");
        TestUser admin = server.users().admin();
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put("list_users_tool", args());
        calls.put("search_users_tool", args("query", "a"));
        calls.put("get_user_tool", args("user_id", admin.id()));
        calls.put("update_user_tool", args("user_id", admin.id(), "is_superuser", false));
        calls.put("delete_user_tool", args("user_id", admin.id()));

        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            call(client, "list_users_tool", args()).failsWith("FORBIDDEN");
            assertThat(ok(client, "list_collections_tool", args())).as("the session survives").containsKey("collections");
            SoftAssertions soft = new SoftAssertions();
            calls.forEach((tool, arguments) -> soft.assertThat(call(client, tool, arguments).errorCode())
                    .as("%s with an ordinary user's token", tool).isEqualTo("FORBIDDEN"));
            soft.assertAll();
        }
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(admin, Scope.READ, Scope.WRITE).secret())) {
            SoftAssertions soft = new SoftAssertions();
            calls.forEach((tool, arguments) -> soft.assertThat(call(client, tool, arguments).errorCode())
                    .as("%s with a superuser's token that lacks the admin scope", tool).isEqualTo("INSUFFICIENT_SCOPE"));
            soft.assertAll();
            assertThat(ok(client, "list_collections_tool", args())).containsKey("collections");
        }
        assertThat(server.users().admin().caller().userId().toString()).as("the admin is still there").isEqualTo(admin.id());
    }

    @Test
    void aReadOnlyPersonalTokenCannotWrite() {
        TestUser person = server.users().register("perm-read-only");
        String collection = server.users().defaultCollection(person);
        String other = server.users().createCollection(person, "other");
        String documentId = storeAs(person, collection);
        String catId = server.users().cat(person, other, Permission.READ).id();
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person, Scope.READ).secret())) {
            call(client, "store_document_tool", args("title", "Nope", "content", "Should not be stored."))
                    .failsWith("INSUFFICIENT_SCOPE", "write");
            assertThat(ok(client, "list_documents_tool", args())).as("the session survives").containsEntry("total", 1);

            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            calls.put("store_document_tool", args("title", "Nope", "content", "Nope.", "collection_id", collection));
            calls.put("update_document_tool", args("document_id", documentId, "title", "Changed"));
            calls.put("delete_document_tool", args("document_id", documentId));
            calls.put("move_document_tool", args("document_id", documentId, "target_collection_id", other));
            calls.put("create_collection_tool", args("name", "new"));
            calls.put("rename_collection_tool", args("collection_id", other, "name", "renamed"));
            calls.put("delete_collection_tool", args("collection_id", other));
            calls.put("create_collection_access_token_tool", args("collection_id", collection, "label", "more"));
            calls.put("revoke_collection_access_token_tool", args("token_id", catId));
            calls.put("rotate_collection_access_token_tool", args("token_id", catId));
            SoftAssertions soft = new SoftAssertions();
            calls.forEach((tool, arguments) -> soft.assertThat(call(client, tool, arguments).errorCode())
                    .as("%s with a read-only token", tool).isEqualTo("INSUFFICIENT_SCOPE"));
            soft.assertAll();

            assertThat(ok(client, "get_document_tool", args("document_id", documentId)))
                    .containsEntry("title", "Private note").containsEntry("collection_id", collection);
            assertThat(Mcp.list(ok(client, "list_collection_access_tokens_tool", args()), "tokens"))
                    .singleElement().satisfies(t -> assertThat(t).containsEntry("is_active", true));
        }
    }

    @Test
    void aWriteOnlyPersonalTokenCanStoreIntoTheDefaultCollection() {
        TestUser person = server.users().register("perm-write-only");
        String collection = server.users().defaultCollection(person);
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person, Scope.WRITE).secret())) {
            assertThat(ok(client, "store_document_tool", args("title", "Explicit", "content", "With collection_id.",
                    "collection_id", collection))).containsEntry("collection_id", collection);
            assertThat(ok(client, "store_document_tool", args("title", "Implicit", "content", "Without collection_id.")))
                    .as("store_document_tool's schema promises the 'default' collection when collection_id is left out")
                    .containsEntry("collection_id", collection);
        }
    }

    /** Stores the note into {@code collection} with a fresh read-write token of {@code owner}; returns its id. */
    private static String storeAs(TestUser owner, String collection) {
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(owner).secret())) {
            return (String) ok(client, "store_document_tool", args("title", "Private note", "content", NOTE,
                    "collection_id", collection)).get("id");
        }
    }
}
