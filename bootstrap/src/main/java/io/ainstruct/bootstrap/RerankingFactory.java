package io.ainstruct.bootstrap;

import io.ainstruct.adapter.embedding.HttpReranker;
import io.ainstruct.adapter.embedding.RerankerSettings;
import io.ainstruct.application.search.Reranking;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Locale;

/** A reranker for search when {@code RERANK_BASE_URL} is set; without one, search keeps the vector order. */
@Factory
// Set and not blank: the configuration file defaults it to an empty RERANK_BASE_URL.
@Requires(property = "ainstruct.rerank.base-url", pattern = ".*\\S.*")
class RerankingFactory {

    @Singleton
    Reranking reranking(RerankConfiguration configuration) {
        try {
            RerankerSettings settings = new RerankerSettings(URI.create(configuration.getBaseUrl().orElseThrow().trim()),
                    configuration.getModel().orElse(null), configuration.getApiKey().orElse(null),
                    configuration.getTimeout(), api(configuration.getApi()));
            return new Reranking(new HttpReranker(settings), configuration.getTopN());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ainstruct.rerank: " + e.getMessage(), e);
        }
    }

    private static RerankerSettings.Api api(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "standard" -> RerankerSettings.Api.STANDARD;
            case "tei" -> RerankerSettings.Api.TEI;
            default -> throw new IllegalArgumentException("api must be 'standard' or 'tei', not '" + name + "'");
        };
    }
}
