package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.ainstruct.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as a process of its own, stopped the two ways an operating system stops it: SIGKILL in the middle of
 * an ingest (nothing acknowledged may be missing, and the outbox picks up where it stopped without indexing anything
 * twice), and SIGTERM with requests in flight (they finish; new connections are refused).
 */
class ProcessSignalsTest {

    @Test
    void afterSigkillDuringIngestTheRestartedServerHasEveryAcknowledgedDocumentIndexedOnce() throws Exception {
        String databaseUrl = TestDatabase.freshDatabase();
        Sql sql = new Sql(databaseUrl, TestDatabase.username(), TestDatabase.password());
        String token;
        String collection;
        Map<String, String> acknowledged;
        try (ServerProcess first = ServerProcess.start("sigkill-first", databaseUrl)) {
            Api api = first.api();
            token = api.newUser("crashy");
            collection = api.defaultCollection(token);
            acknowledged = ingestUntilKilled(first, api, token, collection);
        }
        long pendingAtKill = sql.count("SELECT count(*) FROM indexing_outbox");

        try (ServerProcess second = ServerProcess.start("sigkill-second", databaseUrl)) {
            Api api = second.api();
            long chunks = sql.count("SELECT count(*) FROM chunks");
            Concurrently.await("the outbox to drain after the restart", Duration.ofSeconds(60), () -> {
                JsonNode index = api.get("/health/ready", null).body().path("vector_index").path("figures");
                return index.path("backlog").asLong() == 0 && index.path("points").asLong() == chunks;
            });

            assertThat(sql.count("SELECT count(*) FROM indexing_outbox")).isZero();
            List<List<Object>> stored = sql.rows("SELECT d.id::text, d.chunk_count, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) "
                    + "FROM documents d WHERE d.id = ANY(?::uuid[])", (Object) acknowledged.keySet().toArray(String[]::new));
            assertThat(stored).hasSize(acknowledged.size()).allSatisfy(row ->
                    assertThat(((Number) row.get(2)).longValue()).isEqualTo(((Number) row.get(1)).longValue()).isPositive());
            for (Map.Entry<String, String> document : List.copyOf(acknowledged.entrySet()).subList(0, 10)) {
                JsonNode results = api.post("/api/v1/documents/search", token, Map.of("query", document.getValue(),
                        "collection_id", collection, "max_results", 10)).body().path("results");
                assertThat(results.get(0).path("document_id").asText()).isEqualTo(document.getKey());
                Set<String> hits = new HashSet<>();
                results.forEach(hit -> assertThat(hits.add(hit.path("document_id").asText() + "#" + hit.path("chunk_index").asInt()))
                        .as("a chunk found twice").isTrue());
            }
            System.out.println("[ProcessSignalsTest] SIGKILL after " + acknowledged.size() + " acknowledged stores, "
                    + pendingAtKill + " outbox events pending at the kill; after the restart " + chunks
                    + " chunks in PostgreSQL and as many points in the index, outbox empty");
        }
    }

    /** Four clients store documents until 40 are acknowledged; then the server is killed under them. */
    private static Map<String, String> ingestUntilKilled(ServerProcess server, Api api, String token, String collection)
            throws InterruptedException {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Thread writer = new Thread(() -> {
                while (!killed.get()) {
                    int n = sequence.incrementAndGet();
                    String content = "# Record " + n + "\n\nLogged during an ingest that ends with a SIGKILL, number " + n + ".";
                    try {
                        Api.Response answer = api.post("/api/v1/documents", token,
                                Map.of("collection_id", collection, "title", "record " + n, "content", content));
                        if (answer.status() == 201) {
                            acknowledged.put(answer.text("document_id"), content);
                        }
                    } catch (UncheckedIOException connectionLost) {
                        return;
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        Concurrently.await("40 acknowledged stores", Duration.ofSeconds(120), () -> acknowledged.size() >= 40);
        server.kill();
        killed.set(true);
        for (Thread writer : writers) {
            writer.join();
        }
        return acknowledged;
    }

    @Test
    void sigtermLetsRequestsInFlightFinishAndRefusesNewOnes() throws Exception {
        String databaseUrl = TestDatabase.freshDatabase();
        Sql sql = new Sql(databaseUrl, TestDatabase.username(), TestDatabase.password());
        try (ServerProcess server = ServerProcess.start("sigterm", databaseUrl)) {
            sigtermWithStoresInFlight(server, sql);
        }
    }

    private static void sigtermWithStoresInFlight(ServerProcess server, Sql sql) throws InterruptedException {
        Api api = server.api();
        String token = api.newUser("graceful");
        String collection = api.defaultCollection(token);
        List<CompletableFuture<Api.Response>> inFlight = new ArrayList<>();
        // A thread per store: the common pool has a single thread on two cores, which would send them one after another.
        ExecutorService senders = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            // About 280 chunks to embed: seconds of work, so the stores are surely under way when the signal comes.
            String content = ("# Long read " + i + "\n\n" + "Sentences about rivers, bridges and the towns along them. ".repeat(8000));
            inFlight.add(CompletableFuture.supplyAsync(() -> api.post("/api/v1/documents", token,
                    Map.of("collection_id", collection, "title", "long read", "content", content)), senders));
        }
        senders.shutdown();
        Thread.sleep(2_000); // lets the three requests reach the server; their embedding takes far longer
        assertThat(inFlight).noneMatch(CompletableFuture::isDone);

        server.terminate();
        Concurrently.await("new connections refused after SIGTERM", Duration.ofSeconds(20), () -> !server.answers());
        assertThat(inFlight).as("stores still running when new connections are refused").anyMatch(store -> !store.isDone());
        List<Api.Response> answers = inFlight.stream().map(CompletableFuture::join).toList();
        int exit = server.awaitExit();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(201));
        assertThat(sql.count("SELECT count(*) FROM documents WHERE title = 'long read'")).isEqualTo(3);
        assertThat(sql.count("SELECT count(*) FROM documents d WHERE title = 'long read' "
                + "AND chunk_count = (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)")).isEqualTo(3);
        System.out.println("[ProcessSignalsTest] SIGTERM with 3 stores in flight: all 3 answered 201, the process exited with " + exit);
    }
}
