package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionsApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static final Api api = new Api(server.uri());

    @Test
    void createListGetRenameDelete() {
        String token = server.users().register("owner").accessToken();
        var created = api.post("/api/v1/collections", token, Map.of("name", "Recettes 🍞"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("collection_id");
        assertThat(created.body().path("document_count").asLong()).isZero();

        var list = api.get("/api/v1/collections", token);
        assertThat(list.body().path("collections").findValuesAsText("name")).containsExactlyInAnyOrder("default", "Recettes 🍞");

        assertThat(api.get("/api/v1/collections/" + id, token).text("name")).isEqualTo("Recettes 🍞");
        var renamed = api.patch("/api/v1/collections/" + id, token, Map.of("name", "Bread"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Bread");

        assertThat(api.delete("/api/v1/collections/" + id, token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/collections/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void duplicateNamesConflict() {
        String token = server.users().register("dup").accessToken();
        api.post("/api/v1/collections", token, Map.of("name", "notes"));
        var again = api.post("/api/v1/collections", token, Map.of("name", "notes"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("COLLECTION_EXISTS");
    }

    @Test
    void anotherUsersCollectionDoesNotExistForYou() {
        String alice = server.users().register("alice").accessToken();
        String bob = server.users().register("bob").accessToken();
        String aliceCollection = api.defaultCollection(alice);
        for (var response : new Api.Response[]{
                api.get("/api/v1/collections/" + aliceCollection, bob),
                api.patch("/api/v1/collections/" + aliceCollection, bob, Map.of("name", "mine now")),
                api.delete("/api/v1/collections/" + aliceCollection, bob)}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("COLLECTION_NOT_FOUND");
        }
        assertThat(api.get("/api/v1/collections/" + aliceCollection, alice).text("name")).isEqualTo("default");
    }

    @Test
    void badIdsAndNamesAreClientErrors() {
        String token = server.users().register("typo").accessToken();
        var badId = api.get("/api/v1/collections/not-a-uuid", token);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errorCode()).isEqualTo("INVALID_ID");
        assertThat(api.get("/api/v1/collections/" + UUID.randomUUID(), token).status()).isEqualTo(404);

        for (String name : new String[]{"", "   ", "x".repeat(101)}) {
            var response = api.post("/api/v1/collections", token, Map.of("name", name));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        }
        var unknownField = api.post("/api/v1/collections", token, Map.of("name", "ok", "colour", "blue"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(unknownField.body().path("detail").path("message").asText()).contains("colour");
    }
}
