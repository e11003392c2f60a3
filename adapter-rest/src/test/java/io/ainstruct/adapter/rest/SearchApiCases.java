package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.domain.port.VectorIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search over REST, run once per vector index ({@link SearchApiTest}, {@link SearchApiOnQdrantTest}): the keyword side is PostgreSQL's in both, so every
 * mode, filter and isolation rule must hold the same whichever index answers the vector side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchApiCases {
    private TestServer server;
    private Api api;
    private String alice;
    private String recipes;
    private String networking;

    /** The server settings that choose the vector index under test. */
    abstract Map<String, Object> vectorIndexSettings();

    /** The simple name of the {@link VectorIndex} those settings must make the server use. */
    abstract String expectedVectorIndex();

    @BeforeAll
    void start() {
        server = TestServer.start(vectorIndexSettings());
        api = new Api(server.uri());
        assertThat(server.bean(VectorIndex.class).getClass().getSimpleName()).as("the vector index this run tests")
                .contains(expectedVectorIndex());
        alice = server.users().register("searcher").accessToken();
        recipes = api.post("/api/v1/collections", alice, Map.of("name", "recipes")).text("collection_id");
        networking = api.post("/api/v1/collections", alice, Map.of("name", "networking")).text("collection_id");
        store(recipes, "Sourdough", "# Sourdough\n\nFeed the starter with flour and water, let the dough rise overnight, "
                + "then bake it in a very hot Dutch oven until the crust is dark.", Map.of("kind", "bread"));
        store(recipes, "Risotto", "# Risotto\n\nToast arborio rice in butter, add warm stock one ladle at a time and stir "
                + "until creamy; finish with parmesan.", Map.of("kind", "rice"));
        store(networking, "TCP congestion control", "# Congestion control\n\nTCP shrinks its congestion window when packets "
                + "are lost and grows it slowly again, so senders share a bottleneck link fairly.", Map.of("kind", "protocol"));
        store(networking, "Runbook", "# Runbook\n\nWhen the service logs ERR_POOL_4471 the database pool is exhausted: "
                + "raise DATABASE_POOL_SIZE or find the slow query.", Map.of("kind", "runbook"));
        for (int i = 0; i < 6; i++) {
            store(networking, "Error catalogue " + i, "# Errors\n\nERR_DISK_" + (1000 + i) + " means a disk is full; "
                    + "ERR_NET_" + (2000 + i) + " means the network is down; the service restarts its workers.",
                    Map.of("kind", "catalogue"));
        }
        awaitIndexed(10);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void store(String collection, String title, String content, Map<String, Object> metadata) {
        Map<String, Object> body = new HashMap<>(Map.of("collection_id", collection, "title", title, "content", content));
        body.put("metadata", metadata);
        assertThat(api.post("/api/v1/documents", alice, body).status()).isEqualTo(201);
    }

    /** The outbox feeds the index asynchronously; readiness reports when it has caught up. */
    private void awaitIndexed(int documents) {
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

    private void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Api.Response search(Map<String, Object> body) {
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
        var inNetworking = search(Map.of("query", "bread", "collection_id", networking, "max_results", 20));
        assertThat(inNetworking.body().path("results").findValuesAsText("title")).contains("TCP congestion control")
                .doesNotContain("Sourdough", "Risotto");

        var rice = search(Map.of("query", "dinner", "metadata", Map.of("kind", "rice")));
        assertThat(rice.body().path("results").findValuesAsText("title")).containsExactly("Risotto");

        var strict = search(Map.of("query", "sourdough starter", "score_threshold", 0.99, "search_mode", "semantic"));
        assertThat(strict.body().path("results").size()).isZero();
    }

    @Test
    void neverSearchesAnotherUsersDocuments() {
        String bob = server.users().register("snoop").accessToken();
        var everything = api.post("/api/v1/documents/search", bob, Map.of("query", "sourdough bread"));
        assertThat(everything.status()).isEqualTo(200);
        assertThat(everything.body().path("results").size()).isZero();
        var theirs = api.post("/api/v1/documents/search", bob, Map.of("query", "sourdough", "collection_id", recipes));
        assertThat(theirs.status()).isEqualTo(404);
    }

    private java.util.List<String> titles(Api.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.body().path("results").findValuesAsText("title");
    }

    @Test
    void hybridAndKeywordFindAnExactIdentifierAmongLookAlikes() {
        Map<String, Object> query = Map.of("query", "ERR_POOL_4471", "max_results", 1);

        var hybrid = search(query);
        assertThat(hybrid.text("search_mode")).isEqualTo("hybrid");
        assertThat(titles(hybrid)).containsExactly("Runbook");
        assertThat(titles(search(Map.of("query", "ERR_POOL_4471", "max_results", 1, "search_mode", "keyword"))))
                .containsExactly("Runbook");
    }

    @Test
    void hybridFindsAParaphraseThatKeywordSearchMisses() {
        String paraphrase = "how do I make bread with a natural leaven?";

        assertThat(titles(search(Map.of("query", paraphrase, "max_results", 1)))).containsExactly("Sourdough");
        assertThat(titles(search(Map.of("query", paraphrase, "max_results", 1, "search_mode", "keyword"))))
                .doesNotContain("Sourdough");
    }

    @Test
    void everyModeKeepsToTheCallersCollectionsAndFilters() {
        String bob = server.users().register("mode-snoop").accessToken();
        for (String mode : java.util.List.of("hybrid", "semantic", "keyword")) {
            var theirs = api.post("/api/v1/documents/search", bob, Map.of("query", "ERR_POOL_4471 sourdough", "search_mode", mode));
            assertThat(titles(theirs)).as(mode).isEmpty();
            assertThat(titles(search(Map.of("query", "ERR_POOL_4471", "search_mode", mode, "collection_id", recipes))))
                    .as(mode).doesNotContain("Runbook");
            assertThat(titles(search(Map.of("query", "ERR_POOL_4471 pool", "search_mode", mode,
                    "metadata", Map.of("kind", "catalogue"))))).as(mode).doesNotContain("Runbook");
        }
    }

    @Test
    void anUnknownSearchModeIs400InTheEnvelope() {
        var response = search(Map.of("query", "bread", "search_mode", "fuzzy"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").path("code").asText()).isEqualTo("UNKNOWN_SEARCH_MODE");
        assertThat(response.body().path("detail").path("message").asText()).contains("hybrid, semantic, keyword");
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
