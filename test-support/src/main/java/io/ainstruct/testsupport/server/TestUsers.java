package io.ainstruct.testsupport.server;

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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Users, tokens and collections of a {@link TestServer}, made through its application use cases. Every server's test
 * class path has them, whichever entry adapters it carries (adapter-mcp's has no REST controllers, and cannot have
 * them), and a test's set-up then never depends on the entry point under test.
 */
public final class TestUsers {
    public static final String PASSWORD = "correct horse battery";
    private static final String CLIENT_ADDRESS = "127.0.0.1";

    private final TestServer server;

    TestUsers(TestServer server) {
        this.server = server;
    }

    /** Registers {@code name}-xxxxxxxx (which gives them a 'default' collection) and logs them in. */
    public TestUser register(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        server.bean(AccountService.class).register(new Registration(username, username + "@example.org", PASSWORD),
                CLIENT_ADDRESS);
        return login(username, PASSWORD);
    }

    /** The superuser of {@link TestServerProperties#superuser()} (as {@link TestServer#shared()} has). */
    public TestUser admin() {
        return login(TestServerProperties.ADMIN_USERNAME, TestServerProperties.ADMIN_PASSWORD);
    }

    /** A new session of an existing user: their rights as they are now. */
    public TestUser login(String username, String password) {
        Session session = server.bean(AccountService.class).login(username, password, CLIENT_ADDRESS);
        Caller caller = server.bean(Authenticator.class).authenticate(session.accessToken(), EntryPoint.REST);
        return new TestUser(caller.userId().toString(), username, password, caller, session.accessToken(),
                session.refreshToken());
    }

    /**
     * A personal access token of {@code user} with {@code scopes} (read and write when none are given). Like every
     * method here it acts with the rights {@code user} had at their login: after a promotion, {@link #login} again.
     */
    public Issued pat(TestUser user, Scope... scopes) {
        var issued = server.bean(PersonalTokenService.class).create(user.caller(), TokenRequest.of(label("pat"), null),
                scopes.length == 0 ? EnumSet.of(Scope.READ, Scope.WRITE) : EnumSet.copyOf(List.of(scopes)));
        return new Issued(issued.token().id().toString(), issued.secret());
    }

    /** A collection access token on one of {@code user}'s collections. */
    public Issued cat(TestUser user, String collectionId, Permission permission) {
        var issued = server.bean(CollectionTokenService.class).create(user.caller(), collection(collectionId),
                TokenRequest.of(label("cat"), null), permission);
        return new Issued(issued.token().token().id().toString(), issued.secret());
    }

    public void revokePat(TestUser user, String patId) {
        server.bean(PersonalTokenService.class).revoke(user.caller(), UUID.fromString(patId));
    }

    public void revokeCat(TestUser user, String catId) {
        server.bean(CollectionTokenService.class).revoke(user.caller(), UUID.fromString(catId));
    }

    public String defaultCollection(TestUser user) {
        return server.bean(CollectionService.class).list(user.caller()).stream().map(s -> s.collection())
                .filter(c -> c.name().equals(Collection.DEFAULT_NAME)).findFirst().orElseThrow().id().toString();
    }

    public String createCollection(TestUser user, String name) {
        return server.bean(CollectionService.class).create(user.caller(), name).collection().id().toString();
    }

    /** Moves a token's expiry into the past, as time would; {@code table} is {@code pat_tokens} or {@code cats}. */
    public void expire(String table, String tokenId) {
        if (!table.equals("pat_tokens") && !table.equals("cats")) {
            throw new IllegalArgumentException(table);
        }
        String sql = "UPDATE " + table + " SET expires_at = now() - interval '1 minute' WHERE id = ?";
        try (Connection connection = DriverManager.getConnection(server.databaseUrl(), TestDatabase.username(),
                TestDatabase.password());
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, UUID.fromString(tokenId));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no token " + tokenId + " in " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("expiring a token failed: " + e.getMessage(), e);
        }
    }

    private static String label(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CollectionId collection(String id) {
        return new CollectionId(UUID.fromString(id));
    }
}
