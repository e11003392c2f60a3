package io.ainstruct.adapter.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.port.Embedder;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Embeds through any OpenAI-compatible {@code POST /embeddings} endpoint: OpenAI, OpenRouter,
 * Ollama, vLLM, LM Studio...
 *
 * <p>Failures to reach the endpoint, and error statuses, surface as {@link Unavailable}: the
 * caller's request was fine, the embedding service was not. A response that breaks the contract
 * (wrong dimension, missing vectors) is a configuration error and surfaces as
 * {@link IllegalStateException}. No message ever contains the API key.
 *
 * <p>Thread-safe: the HTTP client and the object mapper are.
 */
public final class OpenAiCompatibleEmbedder implements Embedder {

    private final OpenAiEmbedderSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Excerpts excerpts;

    public OpenAiCompatibleEmbedder(OpenAiEmbedderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Excerpts.httpClient(settings.timeout());
        this.excerpts = new Excerpts(settings.apiKey());
    }

    @Override
    public String modelName() {
        return settings.model();
    }

    @Override
    public int dimension() {
        return settings.dimension();
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        Vectors.requireNoBlank(passages);
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (int start = 0; start < passages.size(); start += settings.batchSize()) {
            vectors.addAll(embedBatch(passages.subList(start, Math.min(start + settings.batchSize(), passages.size()))));
        }
        return vectors;
    }

    /** Sent as is: the endpoint's model decides how it reads a query, and the API has no separate query call. */
    @Override
    public float[] embedQuery(String query) {
        Vectors.requireNoBlank(List.of(query));
        return embedBatch(List.of(query)).get(0);
    }

    private List<float[]> embedBatch(List<String> batch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.embeddingsUri())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(batch)));
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "Embedding endpoint " + settings.embeddingsUri()
                    + " answered HTTP " + response.statusCode() + ": " + excerpts.of(response.body()));
        }
        return vectors(response.body(), batch.size());
    }

    private String requestBody(List<String> batch) {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        ArrayNode input = body.putArray("input");
        batch.forEach(input::add);
        if (settings.sendDimensions()) {
            body.put("dimensions", settings.dimension());
        }
        return body.toString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // Exceptions of the HTTP client name the URL, never the headers, so the key stays out.
            throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "Embedding endpoint " + settings.embeddingsUri()
                    + " could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + excerpts.redact(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for the embedding endpoint");
        }
    }

    /** The vectors of a response, put back in input order by their {@code index}. */
    private List<float[]> vectors(String responseBody, int expected) {
        JsonNode data = parse(responseBody).path("data");
        if (!data.isArray() || data.size() != expected) {
            throw new IllegalStateException("Embedding endpoint returned " + (data.isArray() ? data.size() : "no")
                    + " vectors for " + expected + " texts: " + excerpts.of(responseBody));
        }
        float[][] ordered = new float[expected][];
        for (int position = 0; position < expected; position++) {
            JsonNode item = data.get(position);
            // Some compatible servers leave out the index; their data is then in input order.
            int index = item.has("index") ? item.path("index").asInt(-1) : position;
            if (index < 0 || index >= expected || ordered[index] != null) {
                throw new IllegalStateException("Embedding endpoint returned an invalid or repeated index "
                        + item.path("index") + " for a batch of " + expected);
            }
            ordered[index] = Vectors.normalize(vector(item.path("embedding")));
        }
        return Arrays.asList(ordered);
    }

    private float[] vector(JsonNode embedding) {
        if (!embedding.isArray()) {
            throw new IllegalStateException("Embedding endpoint returned an embedding that is not an array of numbers");
        }
        if (embedding.size() != settings.dimension()) {
            throw new IllegalStateException("Embedding model '" + settings.model() + "' returned vectors of dimension "
                    + embedding.size() + ", but " + settings.dimension() + " is configured; configure dimension "
                    + embedding.size() + " (a change of model or dimension requires a reindex)");
        }
        float[] vector = new float[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode component = embedding.get(i);
            if (!component.isNumber()) {
                throw new IllegalStateException("Embedding endpoint returned a non-numeric vector component");
            }
            vector[i] = component.floatValue();
        }
        return vector;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Embedding endpoint returned a body that is not JSON: " + excerpts.of(body));
        }
    }
}
