package io.ainstruct.adapter.rest;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.ainstruct.testsupport.server.TestServer;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool of 2 connections with a 500 ms wait: while slow queries hold both, requests wait their 500 ms and then get
 * a clean 503 DATABASE_BUSY; once the slow queries end the server serves again by itself, and the pool's own
 * figures show every connection back and no thread left waiting.
 */
class PoolExhaustionTest {
    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("datasources.default.maximum-pool-size", 2,
            "datasources.default.minimum-idle", 2, "datasources.default.connection-timeout", 500));
    private static final Api api = new Api(server.uri());
    private static HikariPoolMXBean pool;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void start() {
        dataSource = (HikariDataSource) DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class));
        pool = dataSource.getHikariPoolMXBean();
    }

    @Test
    void requestsBeyondABusyPoolFailFastWith503AndTheServerRecoversByItself() throws Exception {
        String token = server.users().register("patient").accessToken();
        String document = Accounts.document(api, token, api.defaultCollection(token), "Queues");
        assertThat(api.get("/api/v1/documents/" + document, token).status()).isEqualTo(200);

        List<CompletableFuture<Void>> slowQueries = holdEveryConnection(5);
        List<Api.Response> during = Concurrently.run(16, i -> api.get("/api/v1/documents/" + document, token));
        assertThat(during).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
            assertThat(answer.errorCode()).isEqualTo("DATABASE_BUSY");
            assertThat(answer.http().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("Hikari");
        });
        CompletableFuture.allOf(slowQueries.toArray(CompletableFuture[]::new)).get();

        List<Api.Response> after = Concurrently.run(16, i -> api.get("/api/v1/documents/" + document, token));
        assertThat(after).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(200));
        Concurrently.await("every connection back in the pool, no thread waiting for one", Duration.ofSeconds(10),
                () -> pool.getActiveConnections() == 0 && pool.getThreadsAwaitingConnection() == 0);
        assertThat(pool.getTotalConnections()).isLessThanOrEqualTo(2);
    }

    /** Takes every connection of the server's pool and keeps each busy with a query of {@code seconds}. */
    private static List<CompletableFuture<Void>> holdEveryConnection(int seconds) throws SQLException {
        List<CompletableFuture<Void>> queries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Connection connection = dataSource.getConnection();
            queries.add(CompletableFuture.runAsync(() -> {
                try (connection) {
                    connection.createStatement().execute("SELECT pg_sleep(" + seconds + ")");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        assertThat(pool.getActiveConnections()).isEqualTo(2);
        return queries;
    }
}
