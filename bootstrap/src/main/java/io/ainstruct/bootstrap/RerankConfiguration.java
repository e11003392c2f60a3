package io.ainstruct.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Optional;

/** {@code ainstruct.rerank.*}: a {@code base-url} ({@code RERANK_BASE_URL}) makes search rerank its candidates. */
@ConfigurationProperties("ainstruct.rerank")
public interface RerankConfiguration {

    Optional<String> getBaseUrl();

    Optional<String> getModel();

    Optional<String> getApiKey();

    /** {@code standard} (Cohere, Jina, vLLM, Infinity) or {@code tei}. */
    @Bindable(defaultValue = "standard")
    String getApi();

    /** Short: past it, search answers in vector order rather than keep the caller waiting. */
    @Bindable(defaultValue = "2s")
    Duration getTimeout();

    /** How many of the closest passages the reranker reorders. */
    @Bindable(defaultValue = "30")
    int getTopN();
}
