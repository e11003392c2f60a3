package io.ainstruct.adapter.embedding;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible {@code /embeddings} endpoint.
 *
 * @param baseUrl        the API root, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param model          the model name the endpoint knows
 * @param dimension      the length of the vectors the model returns; checked on every response
 * @param apiKey         sent as a bearer token; null or blank for endpoints without authentication
 * @param batchSize      how many texts go into one request
 * @param timeout        for connecting and for each request
 * @param sendDimensions whether to ask for {@code dimension} in the request; only models that can
 *                       shorten their vectors (OpenAI text-embedding-3-*) accept the parameter
 */
public record OpenAiEmbedderSettings(URI baseUrl, String model, int dimension, String apiKey, int batchSize,
                                     Duration timeout, boolean sendDimensions) {

    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public OpenAiEmbedderSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (!("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** Settings that do not send the {@code dimensions} parameter, which most endpoints do not know. */
    public OpenAiEmbedderSettings(URI baseUrl, String model, int dimension, String apiKey, int batchSize, Duration timeout) {
        this(baseUrl, model, dimension, apiKey, batchSize, timeout, false);
    }

    /** The endpoint that embeddings are posted to. */
    public URI embeddingsUri() {
        String root = baseUrl.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/embeddings");
    }

    /** Never prints the API key: settings end up in logs. */
    @Override
    public String toString() {
        return "OpenAiEmbedderSettings[baseUrl=" + baseUrl + ", model=" + model + ", dimension=" + dimension
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", batchSize=" + batchSize
                + ", timeout=" + timeout + ", sendDimensions=" + sendDimensions + "]";
    }
}
