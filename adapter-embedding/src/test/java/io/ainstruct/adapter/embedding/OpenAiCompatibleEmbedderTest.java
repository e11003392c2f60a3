package io.ainstruct.adapter.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ainstruct.domain.error.Unavailable;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.ainstruct.adapter.embedding.TestVectors.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OpenAiCompatibleEmbedderTest {

    private static final String API_KEY = "sk-test-0123456789abcdef";
    private static final int DIMENSION = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;
    private volatile Responder responder = OpenAiCompatibleEmbedderTest::reversedVectors;

    /** What the fake server answers: a status and a body, given the request body. */
    private interface Responder {
        Response answer(JsonNode request) throws Exception;
    }

    private record Response(int status, String body) {
    }

    private record Recorded(String method, String path, String authorization, String contentType, JsonNode body) {
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
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Response response;
            try {
                response = responder.answer(body);
            } catch (Exception e) {
                response = new Response(599, e.toString());
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Answers like OpenAI, but with the data in reverse order and vectors that are not unit length:
     * text "t{n}" gets (n + 1, 1, 0, 0), so the order and the normalization can both be checked.
     */
    private static Response reversedVectors(JsonNode request) {
        return new Response(200, embeddingsResponse(request.get("input"), DIMENSION));
    }

    private static String embeddingsResponse(JsonNode input, int dimension) {
        ObjectNode response = JSON.createObjectNode().put("object", "list");
        ArrayNode data = response.putArray("data");
        for (int index = input.size() - 1; index >= 0; index--) {
            int n = Integer.parseInt(input.get(index).asText().substring(1));
            ArrayNode embedding = data.addObject().put("object", "embedding").put("index", index).putArray("embedding");
            embedding.add(n + 1.0).add(1.0);
            for (int i = 2; i < dimension; i++) {
                embedding.add(0.0);
            }
        }
        response.put("model", "fake-model");
        return response.toString();
    }

    private OpenAiCompatibleEmbedder embedder(String apiKey, int batchSize, boolean sendDimensions) {
        return new OpenAiCompatibleEmbedder(new OpenAiEmbedderSettings(baseUrl(), "text-embedding-test", DIMENSION,
                apiKey, batchSize, Duration.ofSeconds(5), sendDimensions));
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private static List<String> texts(int count) {
        return IntStream.range(0, count).mapToObj(n -> "t" + n).toList();
    }

    @Test
    void postsModelAndInputAsJson() {
        embedder(API_KEY, 32, false).embedPassages(List.of("t0", "t1"));

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/embeddings");
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.body().get("model").asText()).isEqualTo("text-embedding-test");
            assertThat(request.body().get("input")).extracting(JsonNode::asText).containsExactly("t0", "t1");
            assertThat(request.body().has("dimensions")).isFalse();
        });
    }

    @Test
    void sendsAQueryAsItIsWithoutAnyInstruction() {
        float[] vector = embedder(API_KEY, 32, false).embedQuery("t3");

        assertThat(requests).singleElement().satisfies(request -> assertThat(request.body().get("input"))
                .extracting(JsonNode::asText).containsExactly("t3"));
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void sendsDimensionsOnlyWhenConfigured() {
        embedder(null, 32, true).embedPassages(List.of("t0"));

        assertThat(requests.get(0).body().get("dimensions").asInt()).isEqualTo(DIMENSION);
    }

    @Test
    void acceptsABaseUrlWithATrailingSlash() {
        var settings = new OpenAiEmbedderSettings(URI.create(baseUrl() + "/"), "m", DIMENSION, null, 8, Duration.ofSeconds(5));

        new OpenAiCompatibleEmbedder(settings).embedPassages(List.of("t0"));

        assertThat(requests.get(0).path()).isEqualTo("/v1/embeddings");
    }

    @Test
    void sendsTheApiKeyAsBearerToken() {
        embedder(API_KEY, 32, false).embedPassages(List.of("t0"));

        assertThat(requests.get(0).authorization()).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void sendsNoAuthorizationWithoutApiKey() {
        embedder(null, 32, false).embedPassages(List.of("t0"));
        embedder("  ", 32, false).embedPassages(List.of("t0"));

        assertThat(requests).extracting(Recorded::authorization).containsOnlyNulls();
    }

    @Test
    void ordersVectorsByIndexAndNormalizesThem() {
        List<float[]> vectors = embedder(API_KEY, 32, false).embedPassages(texts(5));

        assertThat(vectors).hasSize(5);
        for (int n = 0; n < 5; n++) {
            float[] vector = vectors.get(n);
            assertThat(norm(vector)).isCloseTo(1.0, within(1e-6));
            assertThat(vector[0] / vector[1]).as("vector %d", n).isCloseTo(n + 1f, within(1e-4f));
        }
    }

    @Test
    void splitsInputIntoBatches() {
        List<float[]> vectors = embedder(API_KEY, 32, false).embedPassages(texts(70));

        assertThat(requests).extracting(request -> request.body().get("input").size()).containsExactly(32, 32, 6);
        assertThat(requests.get(1).body().get("input").get(0).asText()).isEqualTo("t32");
        assertThat(vectors).hasSize(70);
        for (int n = 0; n < 70; n++) {
            assertThat(vectors.get(n)[0] / vectors.get(n)[1]).isCloseTo(n + 1f, within(1e-3f));
        }
    }

    @Test
    void emptyInputSendsNoRequest() {
        assertThat(embedder(API_KEY, 32, false).embedPassages(List.of())).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void rejectsVectorsOfTheWrongDimension() {
        responder = request -> new Response(200, embeddingsResponse(request.get("input"), 3));

        assertThatThrownBy(() -> embedder(API_KEY, 32, false).embedPassages(List.of("t0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dimension 3")
                .hasMessageContaining("4 is configured")
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void rejectsAResponseWithMissingVectors() {
        responder = request -> new Response(200, embeddingsResponse(JSON.createArrayNode().add("t0"), DIMENSION));

        assertThatThrownBy(() -> embedder(API_KEY, 32, false).embedPassages(List.of("t0", "t1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 vectors for 2 texts");
    }

    @Test
    void reportsServerErrorsWithStatusAndBodyExcerpt() {
        responder = request -> new Response(500, "{\"error\":{\"message\":\"model overloaded, try again\"}}");

        assertThatThrownBy(() -> embedder(API_KEY, 32, false).embedPassages(List.of("t0")))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("model overloaded, try again")
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void cutsLongErrorBodies() {
        responder = request -> new Response(502, "x".repeat(10_000));

        assertThatThrownBy(() -> embedder(API_KEY, 32, false).embedPassages(List.of("t0")))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("HTTP 502")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
    }

    @Test
    void neverRevealsTheApiKeyEvenWhenTheServerEchoesIt() {
        responder = request -> new Response(401, "{\"error\":\"Incorrect API key provided: " + API_KEY + "\"}");

        assertThatThrownBy(() -> embedder(API_KEY, 32, false).embedPassages(List.of("t0")))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Incorrect API key provided")
                .hasMessageNotContaining(API_KEY);
        assertThat(new OpenAiEmbedderSettings(baseUrl(), "m", 4, API_KEY, 1, Duration.ofSeconds(1)).toString())
                .doesNotContain(API_KEY);
    }

    @Test
    void reportsAnUnreachableEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var settings = new OpenAiEmbedderSettings(URI.create("http://127.0.0.1:" + closedPort + "/v1"), "m",
                DIMENSION, API_KEY, 8, Duration.ofSeconds(2));

        assertThatThrownBy(() -> new OpenAiCompatibleEmbedder(settings).embedPassages(List.of("t0")))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("could not be reached")
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void timesOutOnASlowEndpoint() {
        responder = request -> {
            Thread.sleep(3_000);
            return reversedVectors(request);
        };
        var settings = new OpenAiEmbedderSettings(baseUrl(), "m", DIMENSION, API_KEY, 8, Duration.ofMillis(300));

        assertThatThrownBy(() -> new OpenAiCompatibleEmbedder(settings).embedPassages(List.of("t0")))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("HttpTimeoutException");
    }

    @Test
    void rejectsBlankTextBeforeSendingAnything() {
        assertThatThrownBy(() -> embedder(API_KEY, 32, false).embedPassages(List.of("t0", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void reportsTheConfiguredModel() {
        OpenAiCompatibleEmbedder embedder = embedder(null, 8, false);

        assertThat(embedder.modelName()).isEqualTo("text-embedding-test");
        assertThat(embedder.dimension()).isEqualTo(DIMENSION);
    }
}
