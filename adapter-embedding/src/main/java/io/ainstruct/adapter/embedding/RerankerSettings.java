package io.ainstruct.adapter.embedding;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a rerank endpoint, {@code POST {baseUrl}/rerank}.
 *
 * @param baseUrl the API root, e.g. {@code http://tei:8080}, {@code http://infinity:7997}, {@code http://vllm:8000/v1},
 *                {@code https://api.cohere.com/v2}, {@code https://api.jina.ai/v1}
 * @param model   the reranking model the endpoint knows; null for servers that host one model (TEI)
 * @param apiKey  sent as a bearer token; null or blank for endpoints without authentication
 * @param timeout for connecting and for the whole request: a slower answer is given up on, and search goes on without it
 * @param api     which request body the endpoint takes
 */
public record RerankerSettings(URI baseUrl, String model, String apiKey, Duration timeout, Api api) {

    public enum Api {
        /** {@code {model, query, documents, top_n}}: Cohere, Jina, vLLM, Infinity. */
        STANDARD,
        /** {@code {query, texts}}: Hugging Face text-embeddings-inference. */
        TEI
    }

    public RerankerSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(api, "api");
        if (!("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        model = model == null || model.isBlank() ? null : model;
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        if (model == null && api == Api.STANDARD) {
            throw new IllegalArgumentException("model must be set for the standard rerank API");
        }
    }

    public URI rerankUri() {
        String root = baseUrl.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/rerank");
    }

    /** Never prints the API key: settings end up in logs. */
    @Override
    public String toString() {
        return "RerankerSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + ", api=" + api + "]";
    }
}
