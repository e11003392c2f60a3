package io.ainstruct.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Optional;

/** {@code ainstruct.qdrant.*}: a {@code url} ({@code QDRANT_URL}) selects Qdrant as the vector index. */
@ConfigurationProperties("ainstruct.qdrant")
public interface QdrantConfiguration {

    Optional<String> getUrl();

    Optional<String> getApiKey();

    /** Deadline of each call; short, so that indexing gives up quickly (and retries later) while Qdrant is away. */
    @Bindable(defaultValue = "5s")
    Duration getTimeout();

    @Bindable(defaultValue = "ainstruct")
    String getCollectionPrefix();
}
