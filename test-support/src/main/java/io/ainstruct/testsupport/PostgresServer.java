package io.ainstruct.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A running PostgreSQL server: where to reach it, and how to stop it if we started it. A {@code shared} server
 * outlives the tests, so the databases they create on it must be dropped.
 */
record PostgresServer(String description, String jdbcUrl, String username, String password, boolean shared,
                      Runnable stop) {

    static PostgresServer external(String jdbcUrl) {
        return new PostgresServer("external PostgreSQL at " + JdbcUrls.withoutCredentials(jdbcUrl), jdbcUrl,
                JdbcUrls.parameter(jdbcUrl, "user"), JdbcUrls.parameter(jdbcUrl, "password"), true, () -> {
        });
    }

    static PostgresServer testcontainers() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:18-alpine");
        container.start();
        return new PostgresServer("Testcontainers postgres:18-alpine", container.getJdbcUrl(),
                container.getUsername(), container.getPassword(), false, container::stop);
    }

    static PostgresServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // Durability is worthless for a throw-away test server; speed is not.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new PostgresServer("embedded PostgreSQL 17 (no TEST_DATABASE_URL, no Docker)",
                    postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, false, () -> closeQuietly(postgres));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[test-db] embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
