package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The real REST server on a random port, on its own fresh PostgreSQL database. */
final class RunningServer implements AutoCloseable {
    static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256!";

    private final EmbeddedServer server;
    final String databaseUrl;

    private RunningServer(String databaseUrl, Map<String, Object> extra) {
        this(databaseUrl, TestDatabase.micronautProperties(databaseUrl), extra);
    }

    private RunningServer(String databaseUrl, Map<String, Object> datasource, Map<String, Object> extra) {
        this.databaseUrl = databaseUrl;
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("micronaut.server.port", -1);
        properties.put("ainstruct.jwt-secret", JWT_SECRET);
        properties.put("ainstruct.bcrypt-cost", 4);
        // Tests register many users from one address; the rate-limit tests set their own limits.
        properties.put("ainstruct.registrations-per-hour", 100_000);
        properties.put("ainstruct.login-attempts-per-minute", 100_000);
        properties.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    static RunningServer start(Map<String, Object> extra) {
        return new RunningServer(TestDatabase.freshDatabase(), extra);
    }

    /** A server on a PostgreSQL of the test's own (one it stops and starts), logging in as {@code postgres}. */
    static RunningServer startOn(String databaseUrl, Map<String, Object> extra) {
        return new RunningServer(databaseUrl, Map.of("datasources.default.url", databaseUrl,
                "datasources.default.username", "postgres", "datasources.default.maximum-pool-size", 5), extra);
    }

    /** A server on a database prepared beforehand (by an import, say). */
    static RunningServer on(String databaseUrl, Map<String, Object> extra) {
        return new RunningServer(databaseUrl, extra);
    }

    /** A second server life on the same database, as after a restart. */
    static RunningServer restart(String databaseUrl) {
        return new RunningServer(databaseUrl, Map.of());
    }

    URI uri() {
        return server.getURI();
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    Api api() {
        return new Api(uri());
    }

    /** The server's database, read directly (a server of {@link #start}: on the suite's PostgreSQL). */
    Sql sql() {
        return new Sql(databaseUrl, TestDatabase.username(), TestDatabase.password());
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
