package io.ainstruct.library;

import io.ainstruct.bootstrap.EmbeddedDatabase;
import io.ainstruct.bootstrap.StartupRefused;
import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.session.Secrets;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root the server uses, started as a plain application context: the bootstrap module has no HTTP
 * server on its class path, so none starts, and wiring the use cases a second time by hand would be a second way of
 * doing the same thing. Its configuration comes from the settings alone (no environment variables).
 */
final class MemoryRuntime implements AutoCloseable {
    private final ApplicationContext context;
    private final Optional<EmbeddedDatabase> embedded;
    private boolean closed;

    private MemoryRuntime(ApplicationContext context, Optional<EmbeddedDatabase> embedded) {
        this.context = context;
        this.embedded = embedded;
    }

    static MemoryRuntime start(MemorySettings settings) {
        Map<String, Object> properties = new HashMap<>();
        Optional<EmbeddedDatabase> embedded = settings.dataDirectory().flatMap(directory -> database(directory, properties));
        settings.database().ifPresent(database -> {
            properties.put("datasources.default.url", database.jdbcUrl());
            if (database.username() != null) {
                properties.put("datasources.default.username", database.username());
            }
            if (database.password() != null) {
                properties.put("datasources.default.password", database.password());
            }
        });
        settings.embedding().ifPresent(model -> properties.put("ainstruct.embedding.local-model", model.modelName()));
        settings.qdrant().ifPresent(qdrant -> {
            properties.put("ainstruct.qdrant.url", qdrant.url().toString());
            qdrant.apiKey().ifPresent(key -> properties.put("ainstruct.qdrant.api-key", key));
        });
        // The memory signs no token anybody sees; account code needs a signer all the same. A random one per start
        // means nothing it could sign outlives this process.
        properties.put("ainstruct.jwt-secret", Secrets.generate(""));
        // No requests in flight to drain at close (the server's graceful shutdown waits for HTTP requests).
        properties.put("micronaut.lifecycle.graceful-shutdown.enabled", false);
        try {
            ApplicationContext context = ApplicationContext.builder()
                    .properties(properties)
                    .environmentPropertySource(false)
                    .deduceEnvironment(false)
                    .banner(false)
                    .start();
            return new MemoryRuntime(context, embedded);
        } catch (RuntimeException failure) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw translated(failure);
        }
    }

    /** The embedded PostgreSQL of the directory: attached to when another process already runs it, else started. */
    private static Optional<EmbeddedDatabase> database(Path directory, Map<String, Object> properties) {
        properties.put("ainstruct.data-dir", directory.toString());
        Optional<String> running = EmbeddedDatabase.runningIn(directory);
        if (running.isPresent()) {
            properties.put("datasources.default.url", running.get());
            return Optional.empty();
        }
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(directory);
        } catch (RuntimeException failure) {
            throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "The embedded PostgreSQL could not start in "
                    + directory.toAbsolutePath() + ": " + rootMessage(failure));
        }
        properties.put("datasources.default.url", database.jdbcUrl());
        return Optional.of(database);
    }

    /** A refusal of the settings is the caller's to fix; anything else is a start that may work when retried. */
    private static DomainException translated(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
            if (cause instanceof StartupRefused || cause instanceof ConfigurationException) {
                return new InvalidInput("settings", cause.getMessage());
            }
        }
        return new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "The memory could not start: " + rootMessage(failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    ApplicationContext context() {
        return context;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            context.close();
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }
}
