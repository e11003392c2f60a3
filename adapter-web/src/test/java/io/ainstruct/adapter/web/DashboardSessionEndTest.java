package io.ainstruct.adapter.web;

import io.ainstruct.application.account.AccountService;
import io.ainstruct.testsupport.TestDatabase;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A dashboard session ends with the login behind it: at logout, and when the password changes elsewhere. */
class DashboardSessionEndTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void aPasswordChangedThroughTheApiEndsTheDashboardSession() throws Exception {
        WebClient browser = new WebClient(server.uri());
        String username = browser.registerAndLogIn("changing");
        assertThat(browser.get("/app").statusCode()).isEqualTo(200);

        // Elsewhere (the REST API, another browser): the same use case.
        TestUser elsewhere = server.users().login(username, WebClient.PASSWORD);
        server.context().getBean(AccountService.class).changePassword(elsewhere.caller(), WebClient.PASSWORD, "an entirely new one");

        HttpResponse<String> page = browser.get("/app");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("/app/login");
    }

    @Test
    void loggingOutOfTheDashboardRevokesTheRefreshTokenItHeld() throws Exception {
        WebClient browser = new WebClient(server.uri());
        String username = browser.registerAndLogIn("leaving");
        assertThat(liveRefreshTokens(username)).isEqualTo(1);

        HttpResponse<String> loggedOut = browser.submit("/app", "/app/logout", Map.of());

        assertThat(loggedOut.statusCode()).isEqualTo(303);
        assertThat(liveRefreshTokens(username)).isZero();
    }

    private static int liveRefreshTokens(String username) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.databaseUrl(), TestDatabase.username(), TestDatabase.password());
             PreparedStatement count = connection.prepareStatement("""
                     SELECT count(*) FROM refresh_tokens r JOIN users u ON u.id = r.user_id
                     WHERE u.username = ? AND r.revoked_at IS NULL AND r.used_at IS NULL""")) {
            count.setString(1, username);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
