package io.ainstruct.adapter.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ainstruct.domain.port.Reranker;
import io.ainstruct.domain.search.RankedPassage;
import io.ainstruct.domain.search.RerankingFailed;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reranks through the rerank HTTP API that TEI, Infinity, vLLM, Jina and Cohere share. Answers come as
 * {@code {"results": [{"index", "relevance_score"}]}} or, from TEI, as {@code [{"index", "score"}]}; both are read,
 * in whatever order they list the documents.
 *
 * <p>Every way the endpoint can let search down — too slow, unreachable, an error status, an answer that is not the
 * contract (not JSON, an index out of range or repeated, a score that is not a number) — is a {@link RerankingFailed}
 * that names it, so search can go on in its own order and say why. No message ever contains the API key.
 *
 * <p>Thread-safe: the HTTP client and the object mapper are.
 */
public final class HttpReranker implements Reranker {

    private final RerankerSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Excerpts excerpts;

    public HttpReranker(RerankerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Excerpts.httpClient(settings.timeout());
        this.excerpts = new Excerpts(settings.apiKey());
    }

    @Override
    public List<RankedPassage> rerank(String query, List<String> passages, int keep) {
        if (passages.isEmpty()) {
            return List.of();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.rerankUri())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(query, passages, keep)));
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw failed("answered HTTP " + response.statusCode() + ": " + excerpts.of(response.body()));
        }
        return ranked(response.body(), passages.size(), keep);
    }

    private String requestBody(String query, List<String> passages, int keep) {
        ObjectNode body = json.createObjectNode();
        body.put("query", query);
        if (settings.api() == RerankerSettings.Api.TEI) {
            passages.forEach(body.putArray("texts")::add);
        } else {
            body.put("model", settings.model());
            passages.forEach(body.putArray("documents")::add);
            body.put("top_n", keep);
        }
        return body.toString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw failed("did not answer within " + settings.timeout());
        } catch (IOException e) {
            throw failed("could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + excerpts.redact(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("was given up on: the search was interrupted");
        }
    }

    /** The answer's passages, best first, at most {@code keep}. */
    private List<RankedPassage> ranked(String responseBody, int documents, int keep) {
        JsonNode answer = parse(responseBody);
        JsonNode results = answer.isArray() ? answer : answer.path("results");
        if (!results.isArray() || results.isEmpty()) {
            throw failed("answered without results: " + excerpts.of(responseBody));
        }
        boolean[] seen = new boolean[documents];
        List<RankedPassage> ranked = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            JsonNode index = result.path("index");
            JsonNode score = result.has("relevance_score") ? result.path("relevance_score") : result.path("score");
            if (!index.canConvertToExactIntegral() || index.asInt() < 0 || index.asInt() >= documents || seen[index.asInt()]) {
                throw failed("answered an invalid or repeated index " + index + " for " + documents + " documents");
            }
            if (!score.isNumber() || !Double.isFinite(score.asDouble())) {
                throw failed("answered a score that is not a number for index " + index);
            }
            seen[index.asInt()] = true;
            ranked.add(new RankedPassage(index.asInt(), score.asDouble()));
        }
        ranked.sort(Comparator.comparingDouble(RankedPassage::relevance).reversed());
        return List.copyOf(ranked.subList(0, Math.min(keep, ranked.size())));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw failed("answered a body that is not JSON: " + excerpts.of(body));
        }
    }

    private RerankingFailed failed(String what) {
        return new RerankingFailed("Reranker " + settings.rerankUri() + " " + what);
    }
}
