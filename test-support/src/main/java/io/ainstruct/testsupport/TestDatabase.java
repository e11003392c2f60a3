package io.ainstruct.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One PostgreSQL server for all tests of a JVM, found or started on first use: the server named by
 * {@code TEST_DATABASE_URL}, else a Testcontainers {@code postgres:18-alpine} when Docker answers, else an embedded
 * PostgreSQL 17. Tests work in databases of their own ({@link #freshDatabase()}), so they can share a server
 * with other people's data: the databases they create are the only ones they drop.
 */
public final class TestDatabase {
    private static final String DRIVER = "org.postgresql.Driver";
    private static final List<String> CREATED_DATABASES = new CopyOnWriteArrayList<>();
    private static volatile PostgresServer server;

    private TestDatabase() {
    }

    /** The server's own database: for reading only; create tables in a {@link #freshDatabase()}. */
    public static String jdbcUrl() {
        return server().jdbcUrl();
    }

    public static String username() {
        return server().username();
    }

    /** Null when the server needs none (trust authentication). */
    public static String password() {
        return server().password();
    }

    /** Creates a new, empty database on the server and returns its JDBC URL; log in with {@link #username()}, {@link #password()}. */
    public static String freshDatabase() {
        String name = "ainstruct_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        // template0, not template1: another session connected to template1 would make CREATE DATABASE fail.
        execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        CREATED_DATABASES.add(name);
        return JdbcUrls.withDatabase(jdbcUrl(), name);
    }

    /** Properties for {@code ApplicationContext.run(...)} pointing the default datasource at {@code url}. */
    public static Map<String, Object> micronautProperties(String url) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.driver-class-name", DRIVER);
        properties.put("datasources.default.maximum-pool-size", 5);
        properties.put("datasources.default.minimum-idle", 1);
        if (username() != null) {
            properties.put("datasources.default.username", username());
        }
        if (password() != null) {
            properties.put("datasources.default.password", password());
        }
        return properties;
    }

    private static PostgresServer server() {
        PostgresServer running = server;
        if (running == null) {
            synchronized (TestDatabase.class) {
                running = server;
                if (running == null) {
                    running = start();
                    System.out.println("[test-db] " + running.description());
                    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::shutDown, "test-db-shutdown"));
                    server = running;
                }
            }
        }
        return running;
    }

    private static PostgresServer start() {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return PostgresServer.external(external.trim());
        }
        if (DockerProbe.dockerAnswers()) {
            return PostgresServer.testcontainers();
        }
        return PostgresServer.embedded();
    }

    private static void shutDown() {
        if (server.shared()) {
            dropCreatedDatabases();
        }
        server.stop().run();
    }

    private static void dropCreatedDatabases() {
        for (String name : CREATED_DATABASES) {
            try {
                // FORCE ends the connections a pool of the last test class may still hold.
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("[test-db] could not drop " + name + ": " + e.getMessage());
            }
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("[test-db] " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
