package io.ainstruct.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts an entry point (REST, MCP, CLI) on the configured database: {@code DATABASE_URL} or
 * {@code datasources.default.url} when given, otherwise the embedded PostgreSQL of the data directory — attaching to
 * it when another process (the REST server, say) already runs it, so every entry point sees the same data.
 */
public final class AinstructApplication {
    private static final Logger LOG = LoggerFactory.getLogger(AinstructApplication.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private AinstructApplication() {
    }

    /** Starts the HTTP server too. */
    public static ApplicationContext run(Class<?> mainClass, String... args) {
        Map<String, Object> properties = new HashMap<>();
        Optional<EmbeddedDatabase> embedded = chooseDatabase(properties);
        ApplicationContext context = new Launcher().args(args).mainClass(mainClass).properties(properties).start();
        stopGracefullyOn("TERM", context);
        stopGracefullyOn("INT", context);
        // Micronaut's own shutdown hook stops this context; closing it here as well would deadlock with that hook.
        embedded.ifPresent(database -> stopAfter(database, () -> awaitStopped(context)));
        return context;
    }

    /** Starts the application without an HTTP server: for stdio and command-line entry points. */
    public static ApplicationContext startWithoutServer(Class<?> mainClass, String... args) {
        Map<String, Object> properties = new HashMap<>();
        Optional<EmbeddedDatabase> embedded = chooseDatabase(properties);
        // A command has no requests in flight to drain; draining would build the server's beans on the way out, the
        // token signer among them, and refuse a command that never signs a token for lack of a JWT secret.
        properties.put("micronaut.lifecycle.graceful-shutdown.enabled", false);
        ApplicationContext context = ApplicationContext.builder().args(args).mainClass(mainClass).properties(properties)
                .start();
        embedded.ifPresent(database -> stopAfter(database, context::close));
        return context;
    }

    /**
     * Stops the application (graceful shutdown: requests in flight finish) before the JVM's shutdown hooks start.
     * Those hooks run all at once, and ONNX Runtime's frees the local model's native memory: an embedding still in
     * flight would then crash the whole JVM instead of finishing its request.
     */
    private static void stopGracefullyOn(String signal, ApplicationContext context) {
        Signal.handle(new Signal(signal), received -> new Thread(() -> {
            LOG.info("SIG{}: finishing the requests in flight, then stopping", received.getName());
            context.stop();
            System.exit(128 + received.getNumber());
        }, "graceful-stop").start());
    }

    /** Stops the embedded PostgreSQL at JVM exit, once the application no longer uses it. */
    private static void stopAfter(EmbeddedDatabase database, Runnable applicationStopped) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            applicationStopped.run();
            database.close();
        }, "embedded-postgres-stop"));
    }

    private static void awaitStopped(ApplicationContext context) {
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        while (context.isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<EmbeddedDatabase> chooseDatabase(Map<String, Object> properties) {
        Optional<String> databaseUrl = setting("DATABASE_URL", "database.url");
        if (databaseUrl.isPresent()) {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl.get());
            properties.put("datasources.default.url", url.jdbcUrl());
            url.username().ifPresent(user -> properties.put("datasources.default.username", user));
            url.password().ifPresent(password -> properties.put("datasources.default.password", password));
            return Optional.empty();
        }
        if (setting("DATASOURCES_DEFAULT_URL", "datasources.default.url").isPresent()) {
            return Optional.empty();
        }
        Path dataDir = Path.of(setting("AINSTRUCT_DATA_DIR", "ainstruct.data-dir").orElse("data"));
        properties.put("ainstruct.data-dir", dataDir.toString());
        if (setting("AINSTRUCT_DEV_MODE", "ainstruct.dev-mode").isEmpty()) {
            properties.put("ainstruct.dev-mode", true);
        }
        Optional<String> running = EmbeddedDatabase.runningIn(dataDir);
        if (running.isPresent()) {
            LOG.info("Attaching to the embedded PostgreSQL already running in {}", dataDir.toAbsolutePath());
            properties.put("datasources.default.url", running.get());
            return Optional.empty();
        }
        LOG.info("No DATABASE_URL: starting the embedded PostgreSQL in {}", dataDir.toAbsolutePath());
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        properties.put("datasources.default.url", database.jdbcUrl());
        return Optional.of(database);
    }

    /** Micronaut's launcher, which prints a refusal of ours as its one line instead of a stack trace. */
    private static final class Launcher extends Micronaut {
        /** EX_CONFIG of sysexits.h: the configuration is what is wrong. */
        private static final int CONFIGURATION_ERROR = 78;

        @Override
        protected void handleStartupException(Environment environment, Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof StartupRefused refused) {
                    System.err.println("ainstruct refuses to start: " + refused.getMessage());
                    System.exit(CONFIGURATION_ERROR);
                }
            }
            super.handleStartupException(environment, failure);
        }
    }

    private static Optional<String> setting(String environmentVariable, String systemProperty) {
        return Optional.ofNullable(System.getProperty(systemProperty))
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
                .filter(value -> !value.isBlank());
    }
}
