package io.ainstruct.adapter.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard whose sessions end after one idle second, behind a TLS proxy it trusts. An expired session sends the
 * person to the login page, and what they had typed into the editor comes back after they log in again.
 */
class SessionExpiryTest {
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = WebServer.start(Map.of("ainstruct.web.session-idle-timeout", "1s", "ainstruct.web.trust-forwarded-proto", true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anExpiredSessionLeadsToTheLoginAndTheDraftSurvivesIt() throws InterruptedException {
        WebClient alice = new WebClient(server.uri());
        String username = alice.registerAndLogIn("alice");
        String csrf = WebClient.csrf(alice.get("/app/documents/new").body());

        idleLongerThanTheSession();
        HttpResponse<String> page = alice.get("/app");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).isEqualTo("/app/login?next=%2Fapp&expired=1");

        HttpResponse<String> late = alice.post("/app/documents", Map.of("_csrf", csrf, "title", "Half-written thoughts",
                "content", "A paragraph I would hate to lose."));
        assertThat(late.statusCode()).isEqualTo(303);
        String login = late.headers().firstValue("Location").orElseThrow();
        assertThat(login).isEqualTo("/app/login?next=%2Fapp%2Fdocuments%2Fnew&expired=1");
        assertThat(alice.get(login).body()).contains("Your session expired");

        HttpResponse<String> again = alice.submit(login, "/app/login", Map.of("username", username,
                "password", WebClient.PASSWORD, "next", "/app/documents/new"));
        assertThat(again.headers().firstValue("Location").orElseThrow()).isEqualTo("/app/documents/new");
        String editor = alice.get("/app/documents/new").body();
        assertThat(editor).contains("value=\"Half-written thoughts\"").contains("A paragraph I would hate to lose.");
        assertThat(alice.get("/app/documents").body()).doesNotContain("Half-written thoughts");
    }

    @Test
    void theCookieIsSecureWhenTheTrustedProxySaysTheRequestCameOverTls() {
        HttpResponse<String> page = new WebClient(server.uri()).getWith("/app/login", "X-Forwarded-Proto", "https");

        assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("Secure")
                .containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
    }

    /** The only way to let a session expire is to wait; the timeout is one second and this waits two. */
    private static void idleLongerThanTheSession() throws InterruptedException {
        Thread.sleep(2_000);
    }
}
