package io.ainstruct.adapter.web;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What needs no browser: cookie flags, CSRF, isolation between users, escaping, and forms that keep their input. */
class DashboardHttpTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndNotSecureOverPlainHttp() {
        HttpResponse<String> login = new WebClient(server.uri()).get("/app/login");

        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("ainstruct_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/app").doesNotContainIgnoringCase("Secure");
        // Without the proxy setting, anyone could claim TLS with this header; it changes nothing.
        assertThat(new WebClient(server.uri()).getWith("/app/login", "X-Forwarded-Proto", "https")
                .headers().firstValue("Set-Cookie").orElseThrow()).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void pagesAllowScriptsStylesAndFormsFromThisServerOnlyAndCannotBeFramed() {
        HttpResponse<String> login = new WebClient(server.uri()).get("/app/login");

        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("form-action 'self'").contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.body()).contains("<script src=\"/app/assets/htmx.min.js\"").doesNotContain("https://");
        assertThat(new WebClient(server.uri()).get("/app/assets/htmx.min.js").body()).contains("htmx");
    }

    @Test
    void pagesNeedALoginAndComeBackAfterIt() {
        WebClient anonymous = new WebClient(server.uri());
        HttpResponse<String> page = anonymous.get("/app/documents?page=2");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/app/login?next=%2Fapp%2Fdocuments%3Fpage%3D2");
    }

    @Test
    void theLoginPageSendsSomeoneLoggedInOnWithoutTouchingTheirSession() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");

        HttpResponse<String> login = alice.get("/app/login?next=%2Fapp%2Ftokens");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).contains("/app/tokens");
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(alice.get("/app").statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginNeverLeadsOffTheDashboard() {
        WebClient alice = new WebClient(server.uri());
        String username = alice.registerAndLogIn("alice");
        WebClient again = new WebClient(server.uri());

        HttpResponse<String> login = again.submit("/app/login?next=https%3A%2F%2Fevil.example", "/app/login",
                Map.of("username", username, "password", WebClient.PASSWORD, "next", "https://evil.example"));

        assertThat(login.headers().firstValue("Location")).contains("/app");
    }

    @Test
    void aFormWithoutOrWithAWrongCsrfTokenChangesNothing() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");

        HttpResponse<String> without = alice.post("/app/collections", Map.of("name", "forged-without"));
        HttpResponse<String> wrong = alice.post("/app/collections", Map.of("name", "forged-wrong", "_csrf", "not-the-token"));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("Nothing was changed");
        assertThat(alice.get("/app/collections").body()).doesNotContain("forged-without").doesNotContain("forged-wrong");
        HttpResponse<String> made = alice.submit("/app/collections", "/app/collections", Map.of("name", "made-properly"));
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(alice.get("/app/collections").body()).contains("made-properly");
    }

    @Test
    void aLoginFormFromAnotherSiteIsRefused() {
        WebClient victim = new WebClient(server.uri());
        HttpResponse<String> forged = victim.post("/app/login", Map.of("username", "attacker", "password", "whatever1"));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void anotherUsersDocumentsAreNotFoundEvenByTheirIds() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");
        String documentId = createDocument(alice, "Alice's private recipe", "Sourdough needs patience.");
        WebClient bob = new WebClient(server.uri());
        bob.registerAndLogIn("bob");

        assertThat(bob.get("/app/documents").body()).doesNotContain("Alice's private recipe");
        assertThat(bob.get("/app/documents/" + documentId).statusCode()).isEqualTo(404);
        assertThat(bob.get("/app/documents/" + documentId + "/edit").statusCode()).isEqualTo(404);
        HttpResponse<String> deletion = bob.submit("/app/documents", "/app/documents/" + documentId + "/delete", Map.of());
        assertThat(deletion.statusCode()).isEqualTo(404);
        assertThat(deletion.body()).contains("belongs to someone else");
        assertThat(alice.get("/app/documents/" + documentId).statusCode()).isEqualTo(200);
        assertThat(bob.get("/app/documents/not-a-uuid").statusCode()).isEqualTo(404);
    }

    @Test
    void userContentIsEscaped() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");
        String id = createDocument(alice, "<script>alert('title')</script>",
                "Text with <img src=x onerror=alert('content')> and [a link](javascript:alert('link')).");

        String list = alice.get("/app/documents").body();
        String page = alice.get("/app/documents/" + id).body();

        assertThat(list).contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("javascript:alert")
                .contains("&lt;img src=x onerror=alert");
    }

    @Test
    void aRejectedFormKeepsWhatWasTyped() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");
        String longTitle = "t".repeat(501);

        HttpResponse<String> rejected = alice.submit("/app/documents/new", "/app/documents",
                Map.of("title", longTitle, "content", "My carefully written notes"));

        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("Title must be between 1 and 500 characters.")
                .contains("value=\"" + longTitle + "\"").contains("My carefully written notes");
    }

    @Test
    void deletingACollectionThatATokenReachesIsRefusedWithTheReason() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");
        alice.submit("/app/collections", "/app/collections", Map.of("name", "shared-with-agent"));
        String collectionId = idOfCollection(alice.get("/app/collections").body(), "shared-with-agent");
        alice.submit("/app/tokens", "/app/tokens/cat", Map.of("label", "agent", "collection", collectionId,
                "permission", "read", "days", "30"));

        HttpResponse<String> refused = alice.submit("/app/collections/" + collectionId + "/delete",
                "/app/collections/" + collectionId + "/delete", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Revoke the collection&#39;s 1 active access token(s)");
        assertThat(alice.get("/app/collections").body()).contains("shared-with-agent");
    }

    @Test
    void theDocumentListPagesAndFiltersByCollection() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");
        alice.submit("/app/collections", "/app/collections", Map.of("name", "bulk"));
        String bulk = idOfCollection(alice.get("/app/collections").body(), "bulk");
        for (int i = 1; i <= 26; i++) {
            alice.submit("/app/documents/new", "/app/documents", Map.of("collection", bulk, "title", "Bulk note " + i,
                    "content", "Note number " + i + " of the bulk collection."));
        }
        createDocument(alice, "Lonely note", "In the default collection.");

        String first = alice.get("/app/documents?collection=" + bulk).body();
        String second = alice.get("/app/documents?collection=" + bulk + "&page=2").body();

        assertThat(first).contains("26 document(s), page 1 of 2").doesNotContain("Lonely note")
                .contains("href=\"/app/documents?collection=" + bulk + "&amp;page=2\"");
        assertThat(rows(first)).isEqualTo(25);
        assertThat(rows(second)).isEqualTo(1);
        assertThat(alice.get("/app/documents").body()).contains("27 document(s), page 1 of 2");
    }

    private static long rows(String html) {
        return Pattern.compile("<td><a href=\"/app/documents/[0-9a-f-]{36}\">").matcher(html).results().count();
    }

    @Test
    void aDocumentIsEditedThenDeletedAfterAConfirmation() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");
        String id = createDocument(alice, "First draft", "Old words.");

        HttpResponse<String> edited = alice.submit("/app/documents/" + id + "/edit", "/app/documents/" + id,
                Map.of("title", "Second draft", "content", "New *words*."));
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(alice.get("/app/documents/" + id).body()).contains("Second draft").contains("<em>words</em>");

        String confirmation = alice.get("/app/documents/" + id + "/delete").body();
        assertThat(confirmation).contains("Delete Second draft?").contains("cannot be undone");
        assertThat(alice.submit("/app/documents/" + id + "/delete", "/app/documents/" + id + "/delete", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(alice.get("/app/documents/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void thePreviewRendersMarkdownSafelyAndOnlyForTheSessionsOwnForms() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");

        HttpResponse<String> preview = alice.submit("/app/documents/new", "/app/documents/preview",
                Map.of("content", "# Heading\n\n<script>alert(1)</script>"));
        HttpResponse<String> forged = alice.post("/app/documents/preview", Map.of("content", "# Heading"));

        assertThat(preview.body()).contains("<h1>Heading</h1>").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aCollectionIsRenamedAndAnEmptyNameIsRefusedInPlace() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");
        alice.submit("/app/collections", "/app/collections", Map.of("name", "drafts"));
        String id = idOfCollection(alice.get("/app/collections").body(), "drafts");

        HttpResponse<String> blank = alice.submit("/app/collections", "/app/collections/" + id + "/rename", Map.of("name", "  "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("Name must not be blank.");

        alice.submit("/app/collections", "/app/collections/" + id + "/rename", Map.of("name", "final"));
        assertThat(idOfCollection(alice.get("/app/collections").body(), "final")).isEqualTo(id);
        assertThat(alice.submit("/app/collections", "/app/collections/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(alice.get("/app/collections").body()).doesNotContain(">final<");
    }

    @Test
    void aPersonalTokensSecretIsShownOnceAndRotationShowsTheNewOne() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");

        HttpResponse<String> created = alice.submit("/app/tokens", "/app/tokens/pat",
                Map.of("label", "laptop", "days", "7", "scope_read", "on"));
        assertThat(created.statusCode()).isEqualTo(303);
        String shown = alice.get("/app/tokens").body();
        String secret = secretIn(shown);
        assertThat(secret).startsWith("pat_live_");
        assertThat(shown).contains("/mcp").contains("Bearer " + secret);
        assertThat(alice.get("/app/tokens").body()).doesNotContain(secret).doesNotContain("secret-dialog").contains("laptop");

        String id = idOfToken(alice.get("/app/tokens").body(), "pat", "laptop");
        alice.submit("/app/tokens", "/app/tokens/pat/" + id + "/rotate", Map.of());
        String rotated = secretIn(alice.get("/app/tokens").body());
        assertThat(rotated).startsWith("pat_live_").isNotEqualTo(secret);

        HttpResponse<String> escalation = alice.submit("/app/tokens", "/app/tokens/pat",
                Map.of("label", "root please", "scope_admin", "on"));
        assertThat(escalation.statusCode()).isEqualTo(422);
        assertThat(escalation.body()).contains("cannot carry more rights").contains("value=\"root please\"");
    }

    @Test
    void aPersonWhoIsNotASuperuserIsRefusedTheUserList() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");

        HttpResponse<String> page = alice.get("/app/admin/users");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").doesNotContain("@example.org");
    }

    private static String secretIn(String html) {
        Matcher matcher = Pattern.compile("id=\"secret-value\" readonly value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a secret dialog").isTrue();
        return matcher.group(1);
    }

    private static String idOfToken(String html, String kind, String label) {
        Matcher matcher = Pattern.compile("/app/tokens/" + kind + "/([0-9a-f-]{36})/revoke\"><input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"><button type=\"submit\" class=\"danger\" aria-label=\"Revoke " + Pattern.quote(label) + "\"").matcher(html);
        assertThat(matcher.find()).as("token " + label + " listed").isTrue();
        return matcher.group(1);
    }

    static String createDocument(WebClient client, String title, String content) {
        HttpResponse<String> created = client.submit("/app/documents/new", "/app/documents",
                Map.of("title", title, "content", content));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        return created.headers().firstValue("Location").orElseThrow().substring("/app/documents/".length());
    }

    static String idOfCollection(String html, String name) {
        Matcher matcher = Pattern.compile("collection=([0-9a-f-]{36})\">" + Pattern.quote(name) + "<").matcher(html);
        assertThat(matcher.find()).as("collection " + name + " listed").isTrue();
        return matcher.group(1);
    }
}
