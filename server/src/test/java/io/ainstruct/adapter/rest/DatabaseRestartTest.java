package io.ainstruct.adapter.rest;

import io.ainstruct.domain.access.Scope;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops and starts again under load. This test runs its own embedded PostgreSQL (io.zonky), whatever
 * database the rest of the suite uses, because it must stop and restart the server on the same port and data
 * directory. While the database is down requests fail cleanly (503, never 500; MCP too), requests sent after it is back
 * succeed within seconds without restarting the application, and every write the server acknowledged is there
 * afterwards: same ids, same content (compared by count and by a checksum over ids and content hashes).
 */
class DatabaseRestartTest {
    @TempDir
    static Path dataDir;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        port = freePort();
        postgres = startPostgres();
        System.out.println("[DatabaseRestartTest] own embedded PostgreSQL on port " + port + " in " + dataDir);
        // Its own PostgreSQL: the suite's datasource properties but for the URL, and the embedded server's superuser.
        server = TestServer.on(jdbcUrl(), Map.of("datasources.default.username", "postgres",
                "datasources.default.connection-timeout", 1000));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        postgres.close();
    }

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsDownAndNoAcknowledgedWriteIsLost() throws Exception {
        Api api = new Api(server.uri());
        TestUser steadfast = server.users().register("steadfast");
        String token = steadfast.accessToken();
        String collection = api.defaultCollection(token);
        String pat = server.users().pat(steadfast, Scope.READ, Scope.WRITE).secret();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Api.Response> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();

        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            writers[w] = new Thread(() -> {
                while (running.get()) {
                    String content = "Entry " + sequence.incrementAndGet() + " of the ledger, written under a restarting database.";
                    try {
                        Api.Response answer = api.post("/api/v1/documents", token,
                                Map.of("collection_id", collection, "title", "ledger", "content", content));
                        if (answer.status() == 201) {
                            acknowledged.put(answer.text("document_id"), content);
                        } else {
                            failures.add(answer);
                        }
                    } catch (RuntimeException connectionTrouble) {
                        throw new AssertionError("the server itself must stay reachable", connectionTrouble);
                    }
                }
            }, "writer-" + w);
            writers[w].start();
        }
        Concurrently.await("some acknowledged writes before the stop", Duration.ofSeconds(60), () -> acknowledged.size() >= 20);

        postgres.close();
        Concurrently.await("requests failing while the database is down", Duration.ofSeconds(30), () -> failures.size() >= 8);
        Api.Response whileDown = api.get("/api/v1/documents?collection_id=" + collection, token);
        Api.Response mcpWhileDown = api.post("/mcp", pat, Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list"));
        // Its answer is reused for two seconds: wait for the first one that saw the outage.
        Concurrently.await("readiness seeing the outage", Duration.ofSeconds(30),
                () -> api.get("/health/ready", null).status() == 503);
        Api.Response readyWhileDown = api.get("/health/ready", null);
        postgres = startPostgres();
        int acknowledgedAtRestart = acknowledged.size();

        Concurrently.await("a read succeeding again after the restart", Duration.ofSeconds(30),
                () -> api.get("/api/v1/documents?collection_id=" + collection, token).status() == 200);
        Concurrently.await("writes acknowledged again after the restart", Duration.ofSeconds(60),
                () -> acknowledged.size() >= acknowledgedAtRestart + 20);
        running.set(false);
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(whileDown.status()).isEqualTo(503);
        assertThat(whileDown.errorCode()).isIn("DATABASE_UNAVAILABLE", "DATABASE_BUSY");
        assertThat(mcpWhileDown.status()).as("an MCP call whose token cannot be checked").isEqualTo(503);
        assertThat(mcpWhileDown.raw()).contains("DATABASE_").doesNotContain("Exception");
        assertThat(readyWhileDown.body().path("database").path("problem").asText()).isIn("database_unavailable", "database_busy");
        assertThat(readyWhileDown.raw()).as("a public page names no host, driver or exception")
                .doesNotContain("Exception").doesNotContain("jdbc").doesNotContain("127.0.0.1").doesNotContain("Connection");
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.status()).as(failure.raw()).isEqualTo(503);
            assertThat(failure.errorCode()).isIn("DATABASE_UNAVAILABLE", "DATABASE_BUSY");
            assertThat(failure.raw()).doesNotContain("Exception").doesNotContain("at io.");
        });
        Sql sql = new Sql(jdbcUrl(), "postgres", null);
        List<String> ids = List.copyOf(acknowledged.keySet());
        Map<String, String> stored = new TreeMap<>(sql.rows("SELECT id::text, content_hash FROM documents WHERE id = ANY(?::uuid[])",
                (Object) ids.toArray(String[]::new)).stream().collect(Collectors.toMap(r -> (String) r.get(0), r -> (String) r.get(1))));
        Map<String, String> expected = new TreeMap<>(acknowledged.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> sha256(e.getValue()))));
        assertThat(stored).hasSameSizeAs(expected);
        assertThat(checksum(stored)).isEqualTo(checksum(expected));
        System.out.println("[DatabaseRestartTest] acknowledged " + acknowledged.size() + " writes ("
                + acknowledgedAtRestart + " before the restart), " + failures.size() + " clean 503s while down, "
                + sql.count("SELECT count(*) FROM documents") + " documents stored; checksum " + checksum(expected));
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .start();
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String checksum(Map<String, String> idsToHashes) {
        return sha256(idsToHashes.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining("\n")));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
