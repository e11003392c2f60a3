package io.ainstruct.adapter.web;

import io.ainstruct.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The real server (REST, MCP and the dashboard) on a random port, on its own fresh PostgreSQL database. */
final class WebServer implements AutoCloseable {
    private final EmbeddedServer server;

    private WebServer(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.micronautProperties(TestDatabase.freshDatabase()));
        properties.put("micronaut.server.port", -1);
        properties.put("ainstruct.jwt-secret", "test-secret-that-is-long-enough-for-hs256!");
        properties.put("ainstruct.bcrypt-cost", 4);
        properties.put("ainstruct.registrations-per-hour", 100_000);
        properties.put("ainstruct.login-attempts-per-minute", 100_000);
        properties.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    static WebServer start() {
        return new WebServer(Map.of());
    }

    static WebServer start(Map<String, Object> extra) {
        return new WebServer(extra);
    }

    URI uri() {
        return server.getURI();
    }

    String url(String path) {
        return server.getURI().resolve(path).toString();
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
