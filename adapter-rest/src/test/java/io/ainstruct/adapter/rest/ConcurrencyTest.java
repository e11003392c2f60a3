package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once on one server and one database (pool of 5): unique names stay unique, parallel stores lose
 * nothing and duplicate nothing, and identical content stored at the same instant becomes one document.
 */
class ConcurrencyTest {
    private static final String[] WORDS = ("harbour lantern quartz meadow falcon copper glacier orchard velvet summit "
            + "thunder willow saffron canyon ember lagoon marble prairie comet tundra").split(" ");

    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static final Api api = new Api(server.uri());
    private static final Sql sql = Sql.of(server);

    @Test
    void twentySimultaneousCreationsOfOneNameMakeOneCollectionAndNineteenConflicts() {
        String token = server.users().register("racer").accessToken();
        List<Api.Response> answers = Concurrently.run(20, i -> api.post("/api/v1/collections", token, Map.of("name", "inbox")));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 201)
                .hasSize(19)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.errorCode()).isEqualTo("COLLECTION_EXISTS");
                });
        assertThat(names(token)).containsOnlyOnce("inbox");
    }

    @Test
    void twentySimultaneousCreationsOfDifferentNamesAllSucceed() {
        String token = server.users().register("builder").accessToken();
        List<Api.Response> answers = Concurrently.run(20, i -> api.post("/api/v1/collections", token, Map.of("name", "shelf-" + i)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.raw()).isEqualTo(201));
        assertThat(names(token)).filteredOn(n -> n.startsWith("shelf-")).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void aThousandDocumentsFromSixteenClientsAreAllStoredOnceWithTheirChunksAndBecomeSearchable() {
        String token = server.users().register("ingester").accessToken();
        String collection = api.post("/api/v1/collections", token, Map.of("name", "bulk")).text("collection_id");
        int clients = 16;
        int perClient = 64;
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        Concurrently.run(clients, client -> {
            for (int n = 0; n < perClient; n++) {
                String content = note(client * perClient + n);
                Api.Response stored = api.post("/api/v1/documents", token,
                        Map.of("collection_id", collection, "title", "note " + client + "/" + n, "content", content));
                if (stored.status() == 201) {
                    acknowledged.put(stored.text("document_id"), content);
                } else {
                    refused.incrementAndGet();
                }
            }
            return null;
        });

        assertThat(refused).hasValue(0);
        assertThat(acknowledged).hasSize(clients * perClient);
        List<List<Object>> rows = sql.rows("SELECT d.id::text, d.chunk_count, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) "
                + "FROM documents d WHERE d.collection_id = ?::uuid", collection);
        assertThat(rows).hasSize(acknowledged.size());
        assertThat(rows.stream().map(r -> (String) r.get(0)).collect(Collectors.toSet())).isEqualTo(acknowledged.keySet());
        assertThat(rows).allSatisfy(r -> {
            assertThat(((Number) r.get(1)).longValue()).isPositive();
            assertThat(((Number) r.get(2)).longValue()).isEqualTo(((Number) r.get(1)).longValue());
        });

        long chunks = sql.count("SELECT count(*) FROM chunks");
        Concurrently.await("the outbox to drain and the index to hold every chunk", Duration.ofSeconds(60), () -> {
            JsonNode index = api.get("/health/ready", null).body().path("vector_index").path("figures");
            return index.path("backlog").asLong() == 0 && index.path("points").asLong() == chunks;
        });
        assertThat(sql.count("SELECT count(*) FROM indexing_outbox")).isZero();
        Random random = new Random(7);
        List<String> ids = List.copyOf(acknowledged.keySet());
        for (int i = 0; i < 20; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            JsonNode results = api.post("/api/v1/documents/search", token,
                    Map.of("query", acknowledged.get(id), "collection_id", collection, "max_results", 3)).body().path("results");
            assertThat(results.get(0).path("document_id").asText()).as("search for the content of " + id).isEqualTo(id);
        }
    }

    @Test
    void theSameContentSentConcurrentlyBecomesOneDocument() {
        String token = server.users().register("twin").accessToken();
        String collection = api.defaultCollection(token);
        String content = "# Twins\n\nThe same words, sent by eight clients at once: " + UUID.randomUUID();
        List<Api.Response> answers = Concurrently.run(8, i -> api.post("/api/v1/documents", token,
                Map.of("collection_id", collection, "title", "twin " + i, "content", content)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.raw()).isIn(200, 201));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        Set<String> ids = new HashSet<>();
        answers.forEach(a -> ids.add(a.text("document_id")));
        assertThat(ids).hasSize(1);
        assertThat(sql.count("SELECT count(*) FROM documents WHERE collection_id = ?::uuid", collection)).isEqualTo(1);
        assertThat(sql.count("SELECT count(*) FROM chunks WHERE document_id = ?::uuid", ids.iterator().next())).isPositive();
    }

    /** Short, distinct notes (one chunk each), so a thousand of them embed in seconds. */
    private static String note(int n) {
        Random random = new Random(n);
        StringBuilder text = new StringBuilder("Note ").append(n).append(':');
        for (int i = 0; i < 12; i++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private static List<String> names(String token) {
        return api.get("/api/v1/collections", token).body().path("collections").findValuesAsText("name");
    }
}
