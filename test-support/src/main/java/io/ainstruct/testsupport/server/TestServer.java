package io.ainstruct.testsupport.server;

import io.ainstruct.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real server on a random port in this JVM, with {@link TestServerProperties}. Which entry points it serves (REST,
 * MCP, the dashboard) is whatever the test class path of the module using it carries: this module only starts it.
 *
 * <p>A test class holds it as {@code @RegisterExtension static final TestServer server = TestServer.start();}: a
 * server of the class's own stops after the class's last test, the {@link #shared()} one when the whole run ends.
 * Started any other way (in a {@code try}), it is the caller's to close.
 */
public final class TestServer implements AutoCloseable, AfterAllCallback {
    private static TestServer shared;

    private final EmbeddedServer server;
    private final String databaseUrl;
    private final boolean isShared;
    private final TestUsers users = new TestUsers(this);
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestServer(String databaseUrl, Map<String, Object> extra, boolean isShared) {
        this.databaseUrl = databaseUrl;
        this.isShared = isShared;
        this.server = ApplicationContext.run(EmbeddedServer.class, TestServerProperties.on(databaseUrl, extra));
    }

    /** A server on a fresh database of its own. */
    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, Object> extra) {
        return on(TestDatabase.freshDatabase(), extra);
    }

    /** A server on a database prepared beforehand (by an import, an earlier server life, a PostgreSQL of its own). */
    public static TestServer on(String databaseUrl, Map<String, Object> extra) {
        return new TestServer(databaseUrl, extra, false);
    }

    /**
     * One server, with the {@link TestServerProperties#superuser()}, for every test class of the run that asks for it.
     * Starting one (database schema, embedding model) costs seconds; classes whose tests each make users of their own
     * can share it.
     */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = new TestServer(TestDatabase.freshDatabase(), TestServerProperties.superuser(), true);
        }
        return shared;
    }

    public URI uri() {
        return server.getURI();
    }

    public String url(String path) {
        return uri().resolve(path).toString();
    }

    public String baseUrl() {
        return "http://localhost:" + server.getPort();
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public TestUsers users() {
        return users;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (isShared) {
            // JUnit closes what the root store holds when the whole run ends.
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(TestServer.class, type -> this, TestServer.class);
        } else {
            close();
        }
    }

    /** Stops the server; a second call (a test that stopped it, then the fixture's clean-up) does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.getApplicationContext().close();
        }
    }
}
