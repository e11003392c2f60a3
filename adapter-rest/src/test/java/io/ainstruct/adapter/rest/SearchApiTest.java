package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SearchApiTest {
    private static RunningServer server;
    private static Api api;
    private static String alice;
    private static String recipes;
    private static String networking;

    @BeforeAll
    static void start() {
        server = RunningServer.start(Map.of());
        api = server.api();
        alice = api.newUser("searcher");
        recipes = api.post("/api/v1/collections", alice, Map.of("name", "recipes")).text("id");
        networking = api.post("/api/v1/collections", alice, Map.of("name", "networking")).text("id");
        store(recipes, "Sourdough", "# Sourdough\n\nFeed the starter with flour and water, let the dough rise overnight, "
                + "then bake it in a very hot Dutch oven until the crust is dark.", Map.of("kind", "bread"));
        store(recipes, "Risotto", "# Risotto\n\nToast arborio rice in butter, add warm stock one ladle at a time and stir "
                + "until creamy; finish with parmesan.", Map.of("kind", "rice"));
        store(networking, "TCP congestion control", "# Congestion control\n\nTCP shrinks its congestion window when packets "
                + "are lost and grows it slowly again, so senders share a bottleneck link fairly.", Map.of("kind", "protocol"));
        awaitIndexed(3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void store(String collection, String title, String content, Map<String, Object> metadata) {
        Map<String, Object> body = new HashMap<>(Map.of("collection_id", collection, "title", title, "content", content));
        body.put("metadata", metadata);
        assertThat(api.post("/api/v1/documents", alice, body).status()).isEqualTo(201);
    }

    /** The outbox feeds the index asynchronously; readiness reports when it has caught up. */
    private static void awaitIndexed(int documents) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode index = api.get("/health/ready", null).body().path("vector_index").path("figures");
            if (index.path("backlog").asLong() == 0 && index.path("points").asLong() >= documents) {
                return;
            }
            sleep();
        }
        throw new AssertionError("index did not catch up");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Api.Response search(Map<String, Object> body) {
        return api.post("/api/v1/documents/search", alice, body);
    }

    @Test
    void findsTheRightDocumentByMeaning() {
        var response = search(Map.of("query", "how do I make bread with a natural leaven?"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode first = response.body().path("results").get(0);
        assertThat(first.path("title").asText()).isEqualTo("Sourdough");
        assertThat(first.path("collection").asText()).isEqualTo("recipes");
        assertThat(first.path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(response.text("formatted_context")).startsWith("## Sourdough\n\n# Sourdough");

        var network = search(Map.of("query", "why does a sender slow down after packet loss"));
        assertThat(network.body().path("results").get(0).path("title").asText()).isEqualTo("TCP congestion control");
    }

    @Test
    void honoursMaxResultsAndTheTokenBudget() {
        var two = search(Map.of("query", "cooking", "max_results", 2));
        assertThat(two.body().path("results").size()).isEqualTo(2);
        assertThat(two.body().path("total_results").asInt()).isEqualTo(2);

        var tight = search(Map.of("query", "cooking", "max_tokens", 10));
        assertThat(tight.body().path("tokens_used").asInt()).isBetween(1, 10);
        assertThat(tight.body().path("results").size()).isEqualTo(1);
    }

    @Test
    void filtersByCollectionMetadataAndScore() {
        var inNetworking = search(Map.of("query", "bread", "collection_id", networking));
        assertThat(inNetworking.body().path("results").findValuesAsText("title")).containsOnly("TCP congestion control");

        var rice = search(Map.of("query", "dinner", "metadata", Map.of("kind", "rice")));
        assertThat(rice.body().path("results").findValuesAsText("title")).containsExactly("Risotto");

        var strict = search(Map.of("query", "sourdough starter", "score_threshold", 0.99));
        assertThat(strict.body().path("results").size()).isZero();
    }

    @Test
    void neverSearchesAnotherUsersDocuments() {
        String bob = api.newUser("snoop");
        var everything = api.post("/api/v1/documents/search", bob, Map.of("query", "sourdough bread"));
        assertThat(everything.status()).isEqualTo(200);
        assertThat(everything.body().path("results").size()).isZero();
        var theirs = api.post("/api/v1/documents/search", bob, Map.of("query", "sourdough", "collection_id", recipes));
        assertThat(theirs.status()).isEqualTo(404);
    }

    @Test
    void emptyQueriesAndBadLimitsAreRefused() {
        assertThat(search(Map.of("query", "")).status()).isEqualTo(422);
        assertThat(search(Map.of("query", "   ")).status()).isEqualTo(422);
        assertThat(search(Map.of()).status()).isEqualTo(422);
        assertThat(search(Map.of("query", "x", "max_results", 0)).status()).isEqualTo(422);
        assertThat(search(Map.of("query", "x", "score_threshold", 2)).status()).isEqualTo(422);
        assertThat(search(Map.of("query", "x", "metadata", Map.of("nested", Map.of("a", 1)))).status()).isEqualTo(422);
    }
}
