package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login and registration limits per client address (the TCP peer; every request of this test comes from 127.0.0.1).
 * The limits are counted in memory by each instance, in fixed windows.
 */
class RateLimitApiTest {
    // The account that logs in is the configured first superuser, so that no registration is spent on it.
    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("ainstruct.login-attempts-per-minute", 3,
            "ainstruct.registrations-per-hour", 2, "ainstruct.admin.username", "limited-login",
            "ainstruct.admin.email", "limited-login@example.org", "ainstruct.admin.password", "the right password"));
    private static final Api api = new Api(server.uri());

    @Test
    void theFourthLoginInAMinuteIsRefusedEvenWithTheRightPassword() {
        Map<String, String> right = Map.of("username", "limited-login", "password", "the right password");
        // Failed attempts count: that is the point of the limit.
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "limited-login", "password", "wrong guess 1")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "limited-login", "password", "wrong guess 2")).status()).isEqualTo(401);
        var third = api.post("/api/v1/auth/login", null, right);
        assertThat(third.status()).isEqualTo(200);

        var fourth = api.post("/api/v1/auth/login", null, right);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(fourth.raw()).doesNotContain("access_token");
        long retryAfter = Long.parseLong(fourth.http().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(fourth.body().path("detail").path("details").path("retry_after_seconds").asLong()).isBetween(0L, 60L);

        // Unknown users are limited alike (the limit is per address, not per account), and so are e-mail logins.
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "nobody-at-all", "password", "whatever1")).status()).isEqualTo(429);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("email", "limited-login@example.org", "password", "the right password"))
                .status()).isEqualTo(429);

        // The session obtained before the limit keeps working: only logins are limited.
        assertThat(api.get("/api/v1/auth/profile", third.text("access_token")).status()).isEqualTo(200);
    }

    private static Api.Response register(String username) {
        return api.post("/api/v1/auth/register", null,
                Map.of("username", username, "email", username + "@example.org", "password", "long enough pw"));
    }

    @Test
    void theThirdRegistrationInAnHourIsRefused() {
        for (int i = 1; i <= 2; i++) {
            assertThat(register("limited-reg-" + i).status()).as("registration %d", i).isEqualTo(201);
        }
        var third = register("limited-reg-3");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorCode()).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(third.http().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3500L, 3600L);
        // and stays refused for the rest of the window
        assertThat(register("limited-reg-3").status()).isEqualTo(429);
    }

    @Test
    void aClientCannotEscapeTheLimitBySayingItIsSomeoneElse() {
        // Forwarded headers are not trusted by default: any client can set them.
        try (TestServer own = TestServer.start(Map.of("ainstruct.login-attempts-per-minute", 3))) {
            Api direct = new Api(own.uri());
            for (int i = 1; i <= 3; i++) {
                assertThat(login(direct, "203.0.113." + i).status()).isEqualTo(401);
            }
            var spoofed = login(direct, "203.0.113.99");
            assertThat(spoofed.status()).isEqualTo(429);
            assertThat(spoofed.errorCode()).isEqualTo("RATE_LIMITED");
        }
    }

    /**
     * Behind a reverse proxy every request comes from the proxy's address. {@code ClientAddress} says to configure
     * {@code micronaut.server.client-address-header} then; with it set, the header must name the client, so that one
     * client's failed logins do not lock every other client out.
     */
    @Test
    void behindAProxyTheConfiguredClientAddressHeaderNamesTheClient() {
        try (TestServer proxied = TestServer.start(Map.of("ainstruct.login-attempts-per-minute", 3,
                "micronaut.server.client-address-header", "X-Forwarded-For"))) {
            Api viaProxy = new Api(proxied.uri());
            for (int i = 1; i <= 3; i++) {
                assertThat(login(viaProxy, "198.51.100.1").status()).isEqualTo(401);
            }
            assertThat(login(viaProxy, "198.51.100.1").status()).as("the same client, a 4th time").isEqualTo(429);
            var otherClient = login(viaProxy, "198.51.100.2");
            assertThat(otherClient.status()).as("another client behind the same proxy: " + otherClient.raw()).isEqualTo(401);
        }
    }

    /** A client that sends an X-Forwarded-For line of its own before the proxy's cannot pass for someone new each time. */
    @Test
    void twoForwardedForLinesStillRateLimitTheClient() throws Exception {
        try (TestServer proxied = TestServer.start(Map.of("ainstruct.login-attempts-per-minute", 3,
                "micronaut.server.client-address-header", "X-Forwarded-For"))) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            int[] statuses = new int[5];
            for (int i = 0; i < statuses.length; i++) {
                // Two header lines, as a proxy that appends its own line after the client's sends them.
                java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(proxied.uri().resolve("/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "10.0.0." + i)
                        .header("X-Forwarded-For", "198.51.100.9")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"nobody-here\",\"password\":\"wrong password\"}"))
                        .build();
                statuses[i] = http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            assertThat(statuses).containsExactly(401, 401, 401, 429, 429);
        }
    }

    private static Api.Response login(Api api, String forwardedFor) {
        return api.post("/api/v1/auth/login", null, Map.of("username", "nobody-here", "password", "wrong password"),
                Map.of("X-Forwarded-For", forwardedFor));
    }
}
