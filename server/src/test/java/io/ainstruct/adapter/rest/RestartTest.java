package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything stored survives a restart and is searchable again: the in-process index reloads from PostgreSQL. */
class RestartTest {

    @Test
    void documentsAndSessionsSurviveARestart() {
        String databaseUrl;
        String token;
        String id;
        try (TestServer first = TestServer.start()) {
            databaseUrl = first.databaseUrl();
            Api api = new Api(first.uri());
            token = first.users().register("durable").accessToken();
            id = api.post("/api/v1/documents", token, Map.of("collection_id", api.defaultCollection(token),
                    "title", "Lighthouses", "content", "A lighthouse warns ships of rocks with a rotating beam of light.")).text("document_id");
        }
        try (TestServer second = TestServer.on(databaseUrl, Map.of())) {
            Api api = new Api(second.uri());
            assertThat(api.get("/api/v1/documents/" + id, token).text("title")).isEqualTo("Lighthouses");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            Api.Response found;
            do {
                found = api.post("/api/v1/documents/search", token, Map.of("query", "tower that guides boats at night"));
            } while (found.body().path("results").isEmpty() && Instant.now().isBefore(deadline));
            assertThat(found.body().path("results").get(0).path("document_id").asText()).isEqualTo(id);
        }
    }
}
