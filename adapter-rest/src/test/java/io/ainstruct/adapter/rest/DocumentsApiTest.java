package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.OversizedMetadata;
import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsApiTest {
    private static final int MAX_DOCUMENT_BYTES = 200_000;
    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("ainstruct.max-document-bytes", MAX_DOCUMENT_BYTES,
            "micronaut.server.max-request-size", "1MB"));
    private static final Api api = new Api(server.uri());

    private static Map<String, Object> document(String collectionId, String title, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("collection_id", collectionId);
        body.put("title", title);
        body.put("content", content);
        return body;
    }

    @Test
    void storeGetListUpdateDelete() {
        String token = server.users().register("writer").accessToken();
        String collection = api.defaultCollection(token);
        Map<String, Object> body = document(collection, "Kafka notes", "# Kafka\n\nPartitions order messages.\n\n## Consumers\n\nGroups share partitions.");
        body.put("metadata", Map.of("topic", "streaming", "year", 2024));
        var stored = api.post("/api/v1/documents", token, body);
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.body().path("chunk_count").asInt()).isPositive();
        assertThat(stored.body().path("token_count").asInt()).isPositive();
        String id = stored.text("document_id");

        var fetched = api.get("/api/v1/documents/" + id, token);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.text("content")).startsWith("# Kafka");
        assertThat(fetched.text("document_type")).isEqualTo("markdown");
        assertThat(fetched.body().path("metadata").path("year").asInt()).isEqualTo(2024);

        var list = api.get("/api/v1/documents?collection_id=" + collection, token);
        assertThat(list.body().path("total").asLong()).isEqualTo(1);
        assertThat(list.body().path("documents").get(0).has("content")).isFalse();
        assertThat(list.body().path("limit").asInt()).isEqualTo(50);

        var patched = api.patch("/api/v1/documents/" + id, token, Map.of("content", "Entirely new text about Raft consensus."));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("title")).isEqualTo("Kafka notes");
        assertThat(patched.text("content")).contains("Raft");
        assertThat(patched.text("content_hash")).isNotEqualTo(fetched.text("content_hash"));

        assertThat(api.delete("/api/v1/documents/" + id, token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void identicalContentInOneCollectionIsStoredOnce() {
        String token = server.users().register("dedup").accessToken();
        String collection = api.defaultCollection(token);
        var first = api.post("/api/v1/documents", token, document(collection, "A", "Same words, same hash."));
        var second = api.post("/api/v1/documents", token, document(collection, "B", "Same words, same hash."));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("document_id")).isEqualTo(first.text("document_id"));
        assertThat(api.get("/api/v1/documents", token).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void documentsMoveBetweenOwnCollectionsOnly() {
        String alice = server.users().register("mover").accessToken();
        String bob = server.users().register("bystander").accessToken();
        String from = api.defaultCollection(alice);
        String to = api.post("/api/v1/collections", alice, Map.of("name", "archive")).text("collection_id");
        String id = api.post("/api/v1/documents", alice, document(from, "Movable", "Boxes and tape.")).text("document_id");

        var intoBobs = api.patch("/api/v1/documents/" + id, alice, Map.of("collection_id", api.defaultCollection(bob)));
        assertThat(intoBobs.status()).isEqualTo(404);
        assertThat(intoBobs.errorCode()).isEqualTo("COLLECTION_NOT_FOUND");
        assertThat(api.get("/api/v1/documents/" + id, alice).text("collection_id")).isEqualTo(from);

        var moved = api.patch("/api/v1/documents/" + id, alice, Map.of("collection_id", to));
        assertThat(moved.text("collection_id")).isEqualTo(to);
    }

    @Test
    void anotherUsersDocumentsAreInvisible() {
        String alice = server.users().register("private").accessToken();
        String bob = server.users().register("curious").accessToken();
        String aliceCollection = api.defaultCollection(alice);
        String id = api.post("/api/v1/documents", alice, document(aliceCollection, "Diary", "Dear diary.")).text("document_id");

        for (var response : new Api.Response[]{
                api.get("/api/v1/documents/" + id, bob),
                api.patch("/api/v1/documents/" + id, bob, Map.of("title", "pwned")),
                api.delete("/api/v1/documents/" + id, bob)}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("DOCUMENT_NOT_FOUND");
        }
        var storeInto = api.post("/api/v1/documents", bob, document(aliceCollection, "Spam", "Unwanted."));
        assertThat(storeInto.status()).isEqualTo(404);
        var listOf = api.get("/api/v1/documents?collection_id=" + aliceCollection, bob);
        assertThat(listOf.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/documents", bob).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/documents/" + id, alice).text("title")).isEqualTo("Diary");
    }

    @Test
    void badInputIsRefusedWithAClearCode() {
        String token = server.users().register("careless").accessToken();
        String collection = api.defaultCollection(token);

        assertThat(api.postRaw("/api/v1/documents", token, "{not json").errorCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.postRaw("/api/v1/documents", token, "[1,2,3]").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/documents", token, document("nope", "t", "c")).errorCode()).isEqualTo("INVALID_ID");
        assertThat(api.post("/api/v1/documents", token, document(collection, "", "content")).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/documents", token, document(collection, "title", "  ")).status()).isEqualTo(422);
        var wrongType = document(collection, "t", "c");
        wrongType.put("document_type", "spreadsheet");
        assertThat(api.post("/api/v1/documents", token, wrongType).errorCode()).isEqualTo("VALIDATION_ERROR");
        var notAnObject = document(collection, "t", "c");
        notAnObject.put("metadata", "just a string");
        var malformed = api.post("/api/v1/documents", token, notAnObject);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("MALFORMED_REQUEST");

        assertThat(api.get("/api/v1/documents/" + UUID.randomUUID(), token).errorCode()).isEqualTo("DOCUMENT_NOT_FOUND");
        assertThat(api.get("/api/v1/documents/12345", token).errorCode()).isEqualTo("INVALID_ID");
        assertThat(api.get("/api/v1/documents?limit=501", token).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/documents?limit=0", token).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/documents?offset=-1", token).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/documents?limit=lots", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/documents", token).body().path("total").asLong()).isZero();
    }

    @Test
    void oversizedDocumentsAndBodiesAre413() {
        String token = server.users().register("hoarder").accessToken();
        String collection = api.defaultCollection(token);
        var overLimit = api.post("/api/v1/documents", token, document(collection, "Big", "é".repeat(MAX_DOCUMENT_BYTES / 2 + 1)));
        assertThat(overLimit.status()).isEqualTo(413);
        assertThat(overLimit.errorCode()).isEqualTo("DOCUMENT_TOO_LARGE");

        var hugeBody = api.post("/api/v1/documents", token, document(collection, "Huge", "x".repeat(2_000_000)));
        assertThat(hugeBody.status()).isEqualTo(413);
        assertThat(hugeBody.errorCode()).isEqualTo("REQUEST_TOO_LARGE");

        var atLimit = api.post("/api/v1/documents", token, document(collection, "Fits", "ü".repeat(MAX_DOCUMENT_BYTES / 2)));
        assertThat(atLimit.status()).isEqualTo(201);
    }

    /**
     * 64 KB, 10,000 keys, and objects nested as deep as the JSON parser goes (1,000 levels with the body itself) are
     * refused on store and update; nothing is stored or changed.
     */
    @Test
    void oversizedMetadataIs413OnStoreAndUpdate() {
        String token = server.users().register("metadata-hoarder").accessToken();
        String collection = api.defaultCollection(token);
        Map<String, Object> fits = document(collection, "Fits", "Small metadata.");
        fits.put("metadata", OversizedMetadata.nested(8));
        String id = api.post("/api/v1/documents", token, fits).text("document_id");

        Map<String, Map<String, Object>> attacks = Map.of("64 KB", OversizedMetadata.sixtyFourKilobytes(),
                "10,000 keys", OversizedMetadata.tenThousandKeys(), "9 levels", OversizedMetadata.nested(9),
                "999 levels in a body of 1,000", OversizedMetadata.nested(999));
        attacks.forEach((attack, metadata) -> {
            Map<String, Object> body = document(collection, attack, "Content of " + attack);
            body.put("metadata", metadata);
            var stored = api.post("/api/v1/documents", token, body);
            assertThat(stored.status()).as(attack).isEqualTo(413);
            assertThat(stored.errorCode()).as(attack).isEqualTo("METADATA_TOO_LARGE");
            var updated = api.patch("/api/v1/documents/" + id, token, Map.of("metadata", metadata));
            assertThat(updated.status()).as(attack).isEqualTo(413);
            assertThat(updated.errorCode()).as(attack).isEqualTo("METADATA_TOO_LARGE");
        });

        assertThat(api.get("/api/v1/documents?collection_id=" + collection, token).body().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/documents/" + id, token).body().path("metadata").path("a").path("a").isObject()).isTrue();
    }

    /** {@code GET} answers 403, and neither an empty PATCH nor storing the same content again reads for the caller. */
    @Test
    void aWriteOnlyPatGetsNoContentFromPatchOrADuplicateStore() {
        var owner = server.users().register("write-only-owner");
        String collection = api.defaultCollection(owner.accessToken());
        String secret = "The launch code is 0000.";
        Map<String, Object> original = document(collection, "Secret plan", secret);
        original.put("metadata", Map.of("classified", true));
        String id = api.post("/api/v1/documents", owner.accessToken(), original).text("document_id");
        String writeOnly = server.users().pat(owner, io.ainstruct.domain.access.Scope.WRITE).secret();
        assertThat(api.get("/api/v1/documents/" + id, writeOnly).status()).isEqualTo(403);

        var patched = api.patch("/api/v1/documents/" + id, writeOnly, Map.of());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("document_id")).isEqualTo(id);
        assertThat(patched.body().path("content").isNull()).isTrue();
        assertThat(patched.raw()).doesNotContain(secret).doesNotContain("Secret plan").doesNotContain("classified");

        var duplicate = api.post("/api/v1/documents", writeOnly, document(collection, "Guess", secret));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.text("document_id")).isEqualTo(id);
        assertThat(duplicate.raw()).doesNotContain("Secret plan").doesNotContain(secret);

        assertThat(api.patch("/api/v1/documents/" + id, owner.accessToken(), Map.of()).text("content")).isEqualTo(secret);
    }
}
