package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How logins end: a stolen refresh token used twice, logout, a password change, an administrator's reset. */
class SessionEndingApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.shared();
    private static final Api api = new Api(server.uri());

    @Test
    void aRefreshTokenUsedTwiceKillsItsWholeFamily() {
        TestUser victim = server.users().register("victim");
        TestUser otherDevice = server.users().login(victim.username(), victim.password());
        // The thief refreshes the stolen token first and carries on with the chain it starts.
        var thief = refresh(victim.refreshToken());
        assertThat(thief.status()).isEqualTo(200);

        var victimsTurn = refresh(victim.refreshToken());
        assertThat(victimsTurn.status()).isEqualTo(401);
        assertThat(victimsTurn.errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");

        assertThat(refresh(thief.text("refresh_token")).status()).as("the thief's chain").isEqualTo(401);
        assertThat(refresh(otherDevice.refreshToken()).status()).as("another login of the victim").isEqualTo(200);
    }

    @Test
    void logoutEndsTheLoginOfItsRefreshTokenOnly() {
        TestUser user = server.users().register("leaving");
        TestUser otherDevice = server.users().login(user.username(), user.password());
        String refreshed = refresh(user.refreshToken()).text("refresh_token");

        var logout = api.post("/api/v1/auth/logout", null, Map.of("refresh_token", user.refreshToken()));

        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.text("message")).isEqualTo("Logged out");
        assertThat(refresh(refreshed).status()).isEqualTo(401);
        assertThat(refresh(otherDevice.refreshToken()).status()).isEqualTo(200);
        var garbage = api.post("/api/v1/auth/logout", null, Map.of("refresh_token", "not one of ours"));
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/auth/logout", null, Map.of()).status()).isEqualTo(422);
    }

    @Test
    void aPasswordChangeEndsEveryLoginAndHandsBackTheOneThatCarriesOn() {
        TestUser user = server.users().register("changing");
        TestUser otherDevice = server.users().login(user.username(), user.password());

        var changed = api.post("/api/v1/auth/password", user.accessToken(),
                Map.of("current_password", user.password(), "new_password", "a brand new passphrase"));

        assertThat(changed.status()).isEqualTo(200);
        for (TestUser old : new TestUser[] {user, otherDevice}) {
            assertThat(api.get("/api/v1/auth/profile", old.accessToken()).status()).as("an access token of before").isEqualTo(401);
            assertThat(refresh(old.refreshToken()).status()).as("a refresh token of before").isEqualTo(401);
        }
        assertThat(api.get("/api/v1/auth/profile", changed.text("access_token")).text("user_id")).isEqualTo(user.id());
        assertThat(refresh(changed.text("refresh_token")).status()).isEqualTo(200);
        assertThat(login(user.username(), user.password()).status()).isEqualTo(401);
        assertThat(login(user.username(), "a brand new passphrase").status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordOrABadNewOneIsRefusedAndChangesNothing() {
        TestUser user = server.users().register("careful");

        var wrong = api.post("/api/v1/auth/password", user.accessToken(),
                Map.of("current_password", "not my password", "new_password", "a brand new passphrase"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        var tooShort = api.post("/api/v1/auth/password", user.accessToken(),
                Map.of("current_password", user.password(), "new_password", "short"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body().path("detail").path("details").path("field").asText()).isEqualTo("new_password");
        assertThat(api.post("/api/v1/auth/password", null, Map.of("current_password", user.password(),
                "new_password", "a brand new passphrase")).status()).isEqualTo(401);
        String catSecret = server.users().cat(user, api.defaultCollection(user.accessToken()),
                io.ainstruct.domain.access.Permission.READ_WRITE).secret();
        assertThat(api.post("/api/v1/auth/password", catSecret, Map.of("current_password", user.password(),
                "new_password", "a brand new passphrase")).status()).isEqualTo(403);

        assertThat(api.get("/api/v1/auth/profile", user.accessToken()).status()).isEqualTo(200);
        assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorsResetEndsTheUsersLoginsAndTheNewPasswordWorks() {
        TestUser user = server.users().register("forgetful");
        TestUser admin = server.users().admin();

        var reset = api.patch("/api/v1/admin/users/" + user.id(), admin.accessToken(), Map.of("password", "set by the admin"));

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.raw()).doesNotContain("set by the admin");
        assertThat(api.get("/api/v1/auth/profile", user.accessToken()).status()).isEqualTo(401);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
        assertThat(login(user.username(), "set by the admin").status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/admin/users/" + user.id(), admin.accessToken(), Map.of("password", "short")).status())
                .isEqualTo(422);
    }

    private static Api.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", refreshToken));
    }

    private static Api.Response login(String username, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
    }
}
