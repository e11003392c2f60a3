package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.ainstruct.adapter.postgres.vectorindex.StoredVectorPoints;
import io.ainstruct.adapter.qdrant.QdrantVectorIndex;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.testsupport.TestDatabase;
import io.ainstruct.testsupport.qdrant.QdrantEmulator;
import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST server on Qdrant (the emulator: it can be stopped and started on the same port, which a container run
 * here cannot) while Qdrant goes away mid-ingest: every store still succeeds, readiness reports the index degraded
 * with the backlog, and once Qdrant is back every document is in it exactly once.
 */
class QdrantOutageTest {
    private static final int DOCUMENTS_DURING_OUTAGE = 500;

    @Test
    void documentsStoredWhileQdrantIsDownAreIndexedExactlyOnceWhenItReturns() throws SQLException {
        try (QdrantEmulator qdrant = QdrantEmulator.start();
             TestServer server = TestServer.start(Map.of(
                     "ainstruct.qdrant.url", qdrant.url(),
                     "ainstruct.qdrant.timeout", "500ms",
                     "ainstruct.qdrant.collection-prefix", "outage_" + UUID.randomUUID().toString().substring(0, 8),
                     "ainstruct.indexing.max-backoff", "1s"))) {
            VectorIndex index = server.context().getBean(VectorIndex.class);
            assertThat(index).isInstanceOf(QdrantVectorIndex.class);
            assertThat(server.context().getActiveBeanRegistrations(StoredVectorPoints.class)).as("the in-process index is not built").isEmpty();
            assertThat(server.context().getBeansOfType(VectorIndex.class)).hasSize(1);
            String qdrantCollection = ((QdrantVectorIndex) index).collectionName();
            Api api = new Api(server.uri());
            String alice = server.users().register("outage").accessToken();
            String notes = api.post("/api/v1/collections", alice, Map.of("name", "notes")).text("collection_id");
            List<String> stored = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                stored.add(store(api, alice, notes, "before " + i));
            }
            awaitReadiness(api, ready -> ready.path("vector_index").path("figures").path("backlog").asLong() == 0
                    && ready.path("vector_index").path("status").asText().equals("up"));
            assertThat(qdrant.pointCount(qdrantCollection)).isEqualTo(5);

            qdrant.stop();
            for (int i = 0; i < DOCUMENTS_DURING_OUTAGE; i++) {
                stored.add(store(api, alice, notes, "during " + i));
            }
            // The readiness answer is reused for two seconds: wait for the first one after the outage.
            awaitReadiness(api, ready -> ready.path("vector_index").path("status").asText().equals("degraded"));
            Api.Response degraded = api.get("/health/ready", null);
            assertThat(degraded.status()).as("still serving").isEqualTo(200);
            assertThat(degraded.body().path("status").asText()).isEqualTo("ready");
            assertThat(degraded.body().path("vector_index").path("status").asText()).isEqualTo("degraded");
            // The public answer names the failure by its code; Qdrant's address and the gRPC error stay in the log.
            assertThat(degraded.body().path("vector_index").path("problem").asText()).isEqualTo("service_unavailable");
            assertThat(degraded.raw()).doesNotContain(qdrant.url()).doesNotContain("Exception").doesNotContain("grpc");
            assertThat(degraded.body().path("vector_index").path("figures").path("backlog").asLong()).isPositive();
            Api.Response search = api.post("/api/v1/documents/search", alice, Map.of("query", "during"));
            assertThat(search.status()).isEqualTo(503);
            assertThat(search.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");

            qdrant.restart();
            awaitReadiness(api, ready -> ready.path("vector_index").path("figures").path("backlog").asLong() == 0
                    && ready.path("vector_index").path("status").asText().equals("up"));

            long chunks = chunkCount(server.databaseUrl());
            assertThat(chunks).isGreaterThanOrEqualTo(stored.size());
            assertThat(qdrant.pointCount(qdrantCollection)).isEqualTo(chunks);
            List<VectorHit> all = index.search(queryVector(), VectorFilter.collections(
                    Set.of(new CollectionId(UUID.fromString(notes)))), 10_000);
            Map<DocumentId, Long> pointsPerDocument = new HashMap<>();
            all.forEach(hit -> pointsPerDocument.merge(hit.documentId(), 1L, Long::sum));
            assertThat(pointsPerDocument.keySet()).extracting(id -> id.value().toString()).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(pointsPerDocument.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(chunks);
            assertThat(api.post("/api/v1/documents/search", alice, Map.of("query", "during 250")).status()).isEqualTo(200);
        }
    }

    /** Any direction will do: with no score threshold a search returns every point of the collection, up to its limit. */
    private static float[] queryVector() {
        float[] vector = new float[384];
        vector[0] = 1;
        return vector;
    }

    private static String store(Api api, String token, String collection, String title) {
        Api.Response response = api.post("/api/v1/documents", token, Map.of("collection_id", collection, "title", title,
                "content", "A short note called " + title + "."));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("document_id");
    }

    private static void awaitReadiness(Api api, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/health/ready", null).body();
            if (condition.test(last)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("readiness never reached the expected state; last: " + last);
    }

    private static long chunkCount(String databaseUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.username(), TestDatabase.password());
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM chunks")) {
            count.next();
            return count.getLong(1);
        }
    }
}
