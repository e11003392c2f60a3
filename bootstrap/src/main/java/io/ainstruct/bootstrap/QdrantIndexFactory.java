package io.ainstruct.bootstrap;

import io.ainstruct.adapter.postgres.InProcessVectorIndex;
import io.ainstruct.adapter.qdrant.QdrantSettings;
import io.ainstruct.adapter.qdrant.QdrantVectorIndex;
import io.ainstruct.domain.port.Embedder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * Qdrant as the vector index when {@code QDRANT_URL} is set: it then replaces the in-process index, which is
 * neither built nor kept up to date. The Qdrant collection is named after the embedding model and dimension.
 */
@Factory
@Requires(property = "ainstruct.qdrant.url", pattern = QdrantIndexFactory.CONFIGURED)
class QdrantIndexFactory {
    /** The URL is set and not blank (the configuration file defaults it to an empty {@code QDRANT_URL}). */
    static final String CONFIGURED = ".*\\S.*";

    @Singleton
    @Replaces(InProcessVectorIndex.class)
    @Bean(preDestroy = "close")
    QdrantVectorIndex qdrantVectorIndex(QdrantConfiguration configuration, Embedder embedder) {
        QdrantVectorIndex index = QdrantVectorIndex.connect(settings(configuration), embedder.modelName(), embedder.dimension());
        index.prepare();
        return index;
    }

    private static QdrantSettings settings(QdrantConfiguration configuration) {
        try {
            return new QdrantSettings(URI.create(configuration.getUrl().orElseThrow().trim()), configuration.getApiKey(),
                    configuration.getTimeout(), configuration.getCollectionPrefix());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
