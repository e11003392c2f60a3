package io.ainstruct.adapter.web;

import io.ainstruct.adapter.web.session.WebSessions;
import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who never logs in requests login pages without end, each without a cookie, so each would once have opened
 * a session of its own. The store must stay bounded and the newest visitor must still be served.
 */
class AnonymousLoginFloodTest {
    private static final int MAX_ANONYMOUS = 500;

    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("ainstruct.web.max-anonymous-sessions", MAX_ANONYMOUS));

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aHundredThousandAnonymousLoginPagesKeepTheSessionCountBounded() throws Exception {
        Semaphore inFlight = new Semaphore(8);
        CompletableFuture<?>[] pages = new CompletableFuture<?>[100_000];
        for (int i = 0; i < pages.length; i++) {
            inFlight.acquire();
            pages[i] = http.sendAsync(HttpRequest.newBuilder(server.uri().resolve("/app/login")).timeout(Duration.ofMinutes(1)).GET().build(),
                            HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> assertThat(response.statusCode()).isEqualTo(200))
                    .whenComplete((ok, failed) -> inFlight.release());
        }
        CompletableFuture.allOf(pages).join();

        assertThat(store().count()).isLessThanOrEqualTo(MAX_ANONYMOUS);
        // The newest visitor's form still works: the bound evicts the oldest, not the one who just arrived.
        WebClient latest = new WebClient(server.uri());
        latest.registerAndLogIn("latest");
        assertThat(latest.get("/app").statusCode()).isEqualTo(200);
    }

    private static WebSessions store() {
        return server.context().getBean(WebSessions.class);
    }
}
