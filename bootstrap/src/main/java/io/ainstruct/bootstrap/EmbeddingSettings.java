package io.ainstruct.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@code ainstruct.embedding.*}: the local ONNX model by default, or any OpenAI-compatible endpoint. */
@ConfigurationProperties("ainstruct.embedding")
public interface EmbeddingSettings {

    /** {@code local} or {@code openai}. */
    @Bindable(defaultValue = "local")
    String getProvider();

    /**
     * For {@code local}: {@code all-minilm-l6-v2-q} or {@code bge-small-en-v15-q}. Unset: the local model that made
     * the stored vectors, else {@code bge-small-en-v15-q}.
     */
    Optional<String> getLocalModel();

    /** For {@code local}: how long a store waits for concurrent stores to share its batch. */
    @Bindable(defaultValue = "5ms")
    Duration getBatchWindow();

    @Bindable(defaultValue = "https://api.openai.com/v1")
    URI getBaseUrl();

    @Bindable(defaultValue = "text-embedding-3-small")
    String getModel();

    @Bindable(defaultValue = "1536")
    int getDimension();

    Optional<String> getApiKey();

    @Bindable(defaultValue = "32")
    int getBatchSize();

    @Bindable(defaultValue = "60s")
    Duration getTimeout();
}
