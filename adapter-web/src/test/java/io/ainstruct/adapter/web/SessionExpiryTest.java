package io.ainstruct.adapter.web;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard behind a TLS proxy it trusts, on a clock the test moves past the session's idle timeout. An expired
 * session sends the person to the login page, and what they had typed into the editor comes back after they log in.
 */
class SessionExpiryTest {
    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("ainstruct.web.session-idle-timeout", "30m", "ainstruct.web.trust-forwarded-proto", true,
            "test.movable-clock", true));

    @Test
    void anExpiredSessionLeadsToTheLoginAndTheDraftSurvivesIt() {
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
    void aLivePreviewAfterExpirySendsTheWholeWindowToTheLoginAndKeepsTheEditorsText() {
        WebClient alice = new WebClient(server.uri());
        String username = alice.registerAndLogIn("alice");
        String documentId = alice.submit("/app/documents/new", "/app/documents", Map.of("title", "Recipe", "content", "Flour."))
                .headers().firstValue("Location").orElseThrow().substring("/app/documents/".length());
        String editPage = "/app/documents/" + documentId + "/edit";
        String csrf = WebClient.csrf(alice.get(editPage).body());

        idleLongerThanTheSession();
        HttpResponse<String> preview = alice.postWith("/app/documents/preview",
                Map.of("_csrf", csrf, "title", "Recipe", "content", "Flour, water and time."),
                Map.of("HX-Request", "true", "HX-Current-URL", server.url(editPage)));

        assertThat(preview.statusCode()).isEqualTo(200);
        String login = preview.headers().firstValue("HX-Redirect").orElseThrow();
        assertThat(login).isEqualTo("/app/login?next=%2Fapp%2Fdocuments%2F" + documentId + "%2Fedit&expired=1");
        alice.submit(login, "/app/login", Map.of("username", username, "password", WebClient.PASSWORD, "next", editPage));
        assertThat(alice.get(editPage).body()).contains("Flour, water and time.");
    }

    @Test
    void theCookieIsSecureWhenTheTrustedProxySaysTheRequestCameOverTls() {
        HttpResponse<String> page = new WebClient(server.uri()).getWith("/app/login", "X-Forwarded-Proto", "https");

        assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("Secure")
                .containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void strictTransportSecurityIsSentOverTlsOnly() {
        WebClient browser = new WebClient(server.uri());

        assertThat(browser.getWith("/app/login", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000");
        assertThat(browser.get("/app/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static void idleLongerThanTheSession() {
        server.context().getBean(MovableClock.class).advance(Duration.ofMinutes(31));
    }
}
