package io.ainstruct.adapter.web;

import io.ainstruct.adapter.web.session.WebSessions;
import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another site posts a form to the dashboard in the victim's browser. Even in the worst case, a browser that sends
 * the victim's cookie along, the post is refused before any page runs: nothing changes, and no session is opened
 * or replaced (the victim stays logged in).
 */
class CrossSiteFormTest {
    private static final Map<String, String> FROM_ANOTHER_SITE = Map.of("Sec-Fetch-Site", "cross-site");

    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void aCrossSitePostWithTheVictimsCookieIsRefusedAndTheSessionStays() {
        WebClient victim = new WebClient(server.uri());
        victim.registerAndLogIn("victim");
        String csrf = WebClient.csrf(victim.get("/app/documents/new").body());
        int sessionsBefore = sessions().count();

        HttpResponse<String> posted = victim.postWith("/app/documents",
                Map.of("_csrf", csrf, "title", "Planted", "content", "by another site"), FROM_ANOTHER_SITE);

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("came from another site");
        assertThat(posted.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(sessions().count()).isEqualTo(sessionsBefore);
        assertThat(victim.get("/app").statusCode()).as("still logged in").isEqualTo(200);
        assertThat(victim.get("/app/documents").body()).doesNotContain("Planted");
    }

    @Test
    void aCrossSiteLoginOrLogoutChangesNoSession() {
        WebClient victim = new WebClient(server.uri());
        victim.registerAndLogIn("victim");
        WebClient attacker = new WebClient(server.uri());
        String attackersAccount = attacker.registerAndLogIn("attacker");

        HttpResponse<String> login = victim.postWith("/app/login",
                Map.of("username", attackersAccount, "password", WebClient.PASSWORD), FROM_ANOTHER_SITE);
        HttpResponse<String> logout = victim.postWith("/app/logout", Map.of(), FROM_ANOTHER_SITE);

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(logout.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(victim.get("/app").body()).doesNotContain(attackersAccount);
        assertThat(victim.get("/app").statusCode()).isEqualTo(200);
    }

    @Test
    void formsOfTheDashboardsOwnPagesStillWork() {
        WebClient person = new WebClient(server.uri());
        person.registerAndLogIn("person");
        String csrf = WebClient.csrf(person.get("/app/documents/new").body());

        HttpResponse<String> stored = person.postWith("/app/documents",
                Map.of("_csrf", csrf, "title", "Mine", "content", "typed here"), Map.of("Sec-Fetch-Site", "same-origin"));

        assertThat(stored.statusCode()).isEqualTo(303);
        assertThat(person.get("/app/documents").body()).contains("Mine");
    }

    private static WebSessions sessions() {
        return server.context().getBean(WebSessions.class);
    }
}
