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
