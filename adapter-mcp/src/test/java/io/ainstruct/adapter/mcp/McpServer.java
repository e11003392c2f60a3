package io.ainstruct.adapter.mcp;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.account.Registration;
import io.ainstruct.application.account.Session;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.token.CollectionTokenService;
import io.ainstruct.application.token.PersonalTokenService;
import io.ainstruct.application.token.TokenRequest;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real server (Netty, {@code POST /mcp}) on a random port and its own fresh PostgreSQL database, with a superuser
 * from {@code ainstruct.admin.*}. Users, tokens and collections are made through the application services of its
 * context, as the REST API would make them; the tests then only speak MCP.
 */
final class McpServer implements AutoCloseable {
    static final String JWT_SECRET = "mcp-test-secret-that-is-long-enough-for-hs256!";
    static final String PASSWORD = "correct horse battery";
    static final String ADMIN_USERNAME = "mcp-admin";
    static final String ADMIN_PASSWORD = "admin horse battery";
    private static final String CLIENT_ADDRESS = "127.0.0.1";

    /** A user with a session: their id, name, the {@link Caller} the services take, and the session JWT. */
    record Person(String id, String username, Caller caller, String jwt) {
    }

    /** A token's id and its secret. */
    record Token(String id, String secret) {
    }

    private final EmbeddedServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    final String databaseUrl;

    private McpServer(String databaseUrl) {
        this.databaseUrl = databaseUrl;
        Map<String, Object> properties = new HashMap<>(TestDatabase.micronautProperties(databaseUrl));
        properties.put("micronaut.server.port", -1);
        properties.put("ainstruct.jwt-secret", JWT_SECRET);
        properties.put("ainstruct.bcrypt-cost", 4);
        properties.put("ainstruct.registrations-per-hour", 100_000);
        properties.put("ainstruct.login-attempts-per-minute", 100_000);
        properties.put("ainstruct.admin.username", ADMIN_USERNAME);
        properties.put("ainstruct.admin.email", ADMIN_USERNAME + "@example.org");
        properties.put("ainstruct.admin.password", ADMIN_PASSWORD);
        this.server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    static McpServer start() {
        return new McpServer(TestDatabase.freshDatabase());
    }

    String baseUrl() {
        return "http://localhost:" + server.getPort();
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** Registers {@code name}-xxxxxxxx (which gives them a 'default' collection) and logs them in. */
    Person register(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        bean(AccountService.class).register(new Registration(username, username + "@example.org", PASSWORD),
                CLIENT_ADDRESS);
        return login(username, PASSWORD);
    }

    /** The superuser of {@code ainstruct.admin.*}. */
    Person admin() {
        return login(ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    /** A new session of an existing user: their rights as they are now. */
    Person login(String username, String password) {
        Session session = bean(AccountService.class).login(username, password, CLIENT_ADDRESS);
        Caller caller = bean(Authenticator.class).authenticate(session.accessToken(), EntryPoint.REST);
        return new Person(caller.userId().toString(), username, caller, session.accessToken());
    }

    /** A personal access token of {@code person} with {@code scopes} (read and write when none are given). */
    Token pat(Person person, Scope... scopes) {
        var issued = bean(PersonalTokenService.class).create(person.caller(),
                TokenRequest.of("pat-" + UUID.randomUUID().toString().substring(0, 8), null),
                scopes.length == 0 ? EnumSet.of(Scope.READ, Scope.WRITE) : EnumSet.copyOf(List.of(scopes)));
        return new Token(issued.token().id().toString(), issued.secret());
    }

    /** A collection access token on one of {@code person}'s collections. */
    Token cat(Person person, String collectionId, Permission permission) {
        var issued = bean(CollectionTokenService.class).create(person.caller(), collection(collectionId),
                TokenRequest.of("cat-" + UUID.randomUUID().toString().substring(0, 8), null), permission);
        return new Token(issued.token().token().id().toString(), issued.secret());
    }

    void revokePat(Person person, String patId) {
        bean(PersonalTokenService.class).revoke(person.caller(), UUID.fromString(patId));
    }

    void revokeCat(Person person, String catId) {
        bean(CollectionTokenService.class).revoke(person.caller(), UUID.fromString(catId));
    }

    String defaultCollection(Person person) {
        return bean(CollectionService.class).list(person.caller()).stream().map(s -> s.collection())
                .filter(c -> c.name().equals(Collection.DEFAULT_NAME)).findFirst().orElseThrow().id().toString();
    }

    String createCollection(Person person, String name) {
        return bean(CollectionService.class).create(person.caller(), name).collection().id().toString();
    }

    /** Moves a token's expiry into the past, as time would. */
    void expire(String table, String tokenId) {
        if (!table.equals("pat_tokens") && !table.equals("cats")) {
            throw new IllegalArgumentException(table);
        }
        String sql = "UPDATE " + table + " SET expires_at = now() - interval '1 minute' WHERE id = ?";
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.username(), TestDatabase.password());
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, UUID.fromString(tokenId));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no token " + tokenId + " in " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("expiring a token failed: " + e.getMessage(), e);
        }
    }

    private static CollectionId collection(String id) {
        return new CollectionId(UUID.fromString(id));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.getApplicationContext().close();
        }
    }
}
