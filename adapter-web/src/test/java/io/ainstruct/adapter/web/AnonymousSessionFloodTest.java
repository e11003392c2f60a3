package io.ainstruct.adapter.web;

import io.ainstruct.adapter.web.session.WebSessions;
import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who never logs in floods the dashboard with huge form posts, each without a cookie, so each would once
 * have opened a session of its own holding the form as a draft. Its own server: the login flood of
 * {@link AnonymousLoginFloodTest} fills the store, which would hide whether these posts open sessions.
 */
class AnonymousSessionFloodTest {
    private static final int MAX_ANONYMOUS = 500;

    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("ainstruct.web.max-anonymous-sessions", MAX_ANONYMOUS,
            // The packaged server's body limits (bootstrap's application.yml).
            "micronaut.server.max-request-size", "32MB", "micronaut.server.max-request-buffer-size", "32MB"));

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void fiftyAnonymousThirtyMegabyteFormPostsLeaveNoDraftsBehind() throws Exception {
        for (int i = 0; i < 50; i++) {
            // Micronaut reads at most 1 MB of a form: the whole 30 MB is refused before any page runs.
            assertThat(postAnonymously(form(30 * 1024 * 1024)).statusCode()).isEqualTo(413);
            // The largest form that is read: it once became a 30-minute draft of a session opened for nobody.
            HttpResponse<Void> readInFull = postAnonymously(form(900 * 1024));
            assertThat(readInFull.statusCode()).isEqualTo(303);
            assertThat(readInFull.headers().firstValue("Location").orElseThrow()).isEqualTo("/app/login?next=%2Fapp%2Fdocuments%2Fnew");
            assertThat(readInFull.headers().firstValue("Set-Cookie")).isEmpty();
        }

        assertThat(store().retainedDraftChars()).isZero();
        assertThat(store().count()).isZero();
    }

    private static WebSessions store() {
        return server.context().getBean(WebSessions.class);
    }

    private HttpResponse<Void> postAnonymously(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve("/app/documents")).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static byte[] form(int bytes) {
        byte[] prefix = "title=flood&content=".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        return body;
    }
}
