package io.ainstruct.adapter.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ainstruct.domain.search.RankedPassage;
import io.ainstruct.domain.search.RerankingFailed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real HTTP server that answers as the rerank servers do, or breaks as they can. */
class HttpRerankerTest {

    private static final String API_KEY = "rk-test-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOCUMENTS = List.of("about cats", "about rerankers", "about boats");

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private volatile Response response = new Response(200, """
            {"results": [{"index": 1, "relevance_score": 0.9}, {"index": 2, "relevance_score": 0.2},
                         {"index": 0, "relevance_score": 0.5}]}""");

    private record Response(int status, String body) {
    }

    private record Recorded(String path, String authorization, JsonNode body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Recorded(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    JSON.readTree(exchange.getRequestBody().readAllBytes())));
            Response answer = response;
            if (answer == null) {
                released.await();
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI baseUrl(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpReranker reranker(RerankerSettings.Api api, String apiKey, Duration timeout) {
        return new HttpReranker(new RerankerSettings(baseUrl("/v1"), "rerank-test", apiKey, timeout, api));
    }

    private HttpReranker standard() {
        return reranker(RerankerSettings.Api.STANDARD, API_KEY, Duration.ofSeconds(5));
    }

    @Test
    void postsModelQueryDocumentsAndTopNAndReadsTheResultsBestFirst() {
        List<RankedPassage> ranked = standard().rerank("what reorders passages?", DOCUMENTS, 3);

        assertThat(ranked).containsExactly(new RankedPassage(1, 0.9), new RankedPassage(0, 0.5), new RankedPassage(2, 0.2));
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/rerank");
            assertThat(request.authorization()).isEqualTo("Bearer " + API_KEY);
            assertThat(request.body().get("model").asText()).isEqualTo("rerank-test");
            assertThat(request.body().get("query").asText()).isEqualTo("what reorders passages?");
            assertThat(request.body().get("documents")).extracting(JsonNode::asText).containsExactlyElementsOf(DOCUMENTS);
            assertThat(request.body().get("top_n").asInt()).isEqualTo(3);
            assertThat(request.body().has("texts")).isFalse();
        });
    }

    @Test
    void teiGetsQueryAndTextsAndItsBareArrayAnswerIsRead() {
        response = new Response(200, "[{\"index\": 2, \"score\": 0.7}, {\"index\": 0, \"score\": 0.1}, {\"index\": 1, \"score\": 0.4}]");

        List<RankedPassage> ranked = reranker(RerankerSettings.Api.TEI, null, Duration.ofSeconds(5))
                .rerank("boats?", DOCUMENTS, 2);

        assertThat(ranked).containsExactly(new RankedPassage(2, 0.7), new RankedPassage(1, 0.4));
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.authorization()).isNull();
            assertThat(request.body().get("texts")).extracting(JsonNode::asText).containsExactlyElementsOf(DOCUMENTS);
            assertThat(request.body().has("documents")).isFalse();
            assertThat(request.body().has("model")).isFalse();
        });
    }

    @Test
    void fewerResultsThanDocumentsAreTheRerankersTop() {
        response = new Response(200, "{\"results\": [{\"index\": 1, \"relevance_score\": 0.9}]}");

        assertThat(standard().rerank("q", DOCUMENTS, 3)).containsExactly(new RankedPassage(1, 0.9));
    }

    @Test
    void aSlowRerankerIsGivenUpOnAtTheTimeout() {
        response = null; // the handler never answers

        assertThatThrownBy(() -> reranker(RerankerSettings.Api.STANDARD, API_KEY, Duration.ofMillis(200))
                .rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class)
                .hasMessage("Reranker " + baseUrl("/v1/rerank") + " did not answer within PT0.2S");
    }

    @Test
    void anErrorStatusIsAFailureThatQuotesTheAnswerWithoutTheKey() {
        response = new Response(500, "{\"error\": \"model crashed; key " + API_KEY + " was fine\"}");

        assertThatThrownBy(() -> standard().rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class)
                .hasMessageContaining("answered HTTP 500: {\"error\": \"model crashed; key *** was fine\"}")
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void anAnswerThatIsNotJsonIsAFailure() {
        response = new Response(200, "<html>gateway</html>");

        assertThatThrownBy(() -> standard().rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class).hasMessageContaining("answered a body that is not JSON: <html>gateway</html>");
    }

    @Test
    void jsonWithoutResultsIsAFailure() {
        response = new Response(200, "{\"data\": []}");

        assertThatThrownBy(() -> standard().rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class).hasMessageContaining("answered without results");
    }

    @Test
    void anIndexOutOfRangeIsAFailure() {
        response = new Response(200, "{\"results\": [{\"index\": 3, \"relevance_score\": 0.9}]}");

        assertThatThrownBy(() -> standard().rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class).hasMessageContaining("invalid or repeated index 3 for 3 documents");
    }

    @Test
    void aRepeatedOrNonIntegralIndexIsAFailure() {
        response = new Response(200, "{\"results\": [{\"index\": 1, \"relevance_score\": 0.9}, {\"index\": 1, \"relevance_score\": 0.8}]}");
        assertThatThrownBy(() -> standard().rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class).hasMessageContaining("invalid or repeated index 1");

        response = new Response(200, "{\"results\": [{\"index\": \"first\", \"relevance_score\": 0.9}]}");
        assertThatThrownBy(() -> standard().rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class).hasMessageContaining("invalid or repeated index \"first\"");
    }

    @Test
    void aScoreThatIsNotANumberIsAFailure() {
        response = new Response(200, "{\"results\": [{\"index\": 0, \"relevance_score\": \"high\"}]}");

        assertThatThrownBy(() -> standard().rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class).hasMessageContaining("score that is not a number for index 0");
    }

    @Test
    void anUnreachableRerankerIsAFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var settings = new RerankerSettings(URI.create("http://127.0.0.1:" + closedPort), "m", API_KEY,
                Duration.ofSeconds(2), RerankerSettings.Api.STANDARD);

        assertThatThrownBy(() -> new HttpReranker(settings).rerank("q", DOCUMENTS, 3))
                .isInstanceOf(RerankingFailed.class).hasMessageContaining("could not be reached: ConnectException");
    }

    @Test
    void noCandidatesSendNoRequest() {
        assertThat(standard().rerank("q", List.of(), 3)).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void theStandardApiNeedsAModelAndSettingsNeverPrintTheKey() {
        assertThatThrownBy(() -> new RerankerSettings(baseUrl(""), " ", null, Duration.ofSeconds(1), RerankerSettings.Api.STANDARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("model must be set for the standard rerank API");
        assertThat(new RerankerSettings(baseUrl(""), "m", API_KEY, Duration.ofSeconds(1), RerankerSettings.Api.STANDARD))
                .hasToString("RerankerSettings[baseUrl=" + baseUrl("") + ", model=m, apiKey=***, timeout=PT1S, api=STANDARD]");
    }
}
