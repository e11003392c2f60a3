package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static final Api api = new Api(server.uri());

    @Test
    void registerLoginProfileAndRefresh() {
        var registered = api.post("/api/v1/auth/register", null,
                Map.of("username", "Ada_1815", "email", "Ada@Example.org", "password", "analytical engine"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo("ada@example.org");
        assertThat(registered.body().has("password_hash")).isFalse();

        var login = api.post("/api/v1/auth/login", null, Map.of("username", "ada@example.org", "password", "analytical engine"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("token_type")).isEqualTo("bearer");
        assertThat(login.body().path("expires_in").asLong()).isBetween(1790L, 1800L);

        var profile = api.get("/api/v1/auth/profile", login.text("access_token"));
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.text("username")).isEqualTo("Ada_1815");

        String refreshToken = login.text("refresh_token");
        var refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", refreshToken));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("refresh_token")).isNotEqualTo(refreshToken);
        assertThat(api.get("/api/v1/auth/profile", refreshed.text("access_token")).status()).isEqualTo(200);

        var reused = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", refreshToken));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void registrationGivesADefaultCollection() {
        String token = server.users().register("fresh").accessToken();
        assertThat(api.defaultCollection(token)).isNotBlank();
    }

    @Test
    void duplicateUsernameOrEmailAnswers400AsThePythonServiceDoes() {
        api.post("/api/v1/auth/register", null, Map.of("username", "grace", "email", "grace@example.org", "password", "cobol-rules"));
        var sameName = api.post("/api/v1/auth/register", null,
                Map.of("username", "GRACE", "email", "other@example.org", "password", "cobol-rules"));
        assertThat(sameName.status()).isEqualTo(400);
        assertThat(sameName.errorCode()).isEqualTo("USERNAME_EXISTS");
        var sameEmail = api.post("/api/v1/auth/register", null,
                Map.of("username", "grace2", "email", "Grace@example.org", "password", "cobol-rules"));
        assertThat(sameEmail.status()).isEqualTo(400);
        assertThat(sameEmail.errorCode()).isEqualTo("EMAIL_EXISTS");
    }

    @Test
    void invalidRegistrationNamesTheField() {
        var shortPassword = api.post("/api/v1/auth/register", null, Map.of("username", "bob", "email", "bob@example.org", "password", "short"));
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(shortPassword.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(shortPassword.body().path("detail").path("details").path("field").asText()).isEqualTo("password");

        var missing = api.post("/api/v1/auth/register", null, Map.of("username", "bob"));
        assertThat(missing.status()).isEqualTo(422);
        var badEmail = api.post("/api/v1/auth/register", null, Map.of("username", "bob", "email", "not-an-email", "password", "long enough"));
        assertThat(badEmail.body().path("detail").path("details").path("field").asText()).isEqualTo("email");
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        server.users().register("carol").accessToken();
        var wrongPassword = api.post("/api/v1/auth/login", null, Map.of("username", "nobody-here", "password", "whatever1"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.errorCode()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void protectedEndpointsRefuseMissingAndForgedTokens() {
        var missing = api.get("/api/v1/auth/profile", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.errorCode()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(missing.http().headers().firstValue("WWW-Authenticate")).contains("Bearer");

        for (String forged : new String[]{"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "x".repeat(4_000)}) {
            var response = api.get("/api/v1/auth/profile", forged);
            assertThat(response.status()).as(forged.substring(0, Math.min(20, forged.length()))).isEqualTo(401);
            assertThat(response.errorCode()).isEqualTo("INVALID_TOKEN");
        }
    }

    @Test
    void malformedJsonIsA400WithTheEnvelope() {
        var response = api.postRaw("/api/v1/auth/login", null, "{\"username\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void unknownRoutesAndMethodsUseTheEnvelope() {
        var unknown = api.get("/api/v1/nothing-here", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");

        var health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("healthy");
    }
}
