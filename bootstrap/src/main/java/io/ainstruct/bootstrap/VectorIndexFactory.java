package io.ainstruct.bootstrap;

import io.ainstruct.adapter.postgres.vectorindex.InProcessVectorIndex;
import io.ainstruct.adapter.postgres.vectorindex.StoredVectorPoints;
import io.ainstruct.adapter.postgres.vectorindex.VectorChanges;
import io.ainstruct.adapter.qdrant.QdrantSettings;
import io.ainstruct.adapter.qdrant.QdrantVectorIndex;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.VectorIndex;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

/**
 * The one place that decides which vector index runs: Qdrant when {@code ainstruct.qdrant.url} ({@code QDRANT_URL})
 * is set, the in-process index otherwise. Only the chosen one is built, so with Qdrant no process loads every vector
 * into memory. The Qdrant collection is named after the embedding model and dimension.
 */
@Factory
class VectorIndexFactory {
    /** The URL is set and not blank (the configuration file defaults it to an empty {@code QDRANT_URL}). */
    static final String QDRANT_CONFIGURED = ".*\\S.*";

    /** Kept to be closed with the context: the bean's type, {@link VectorIndex}, has no close of its own. */
    private QdrantVectorIndex qdrant;

    @Singleton
    VectorIndex vectorIndex(QdrantConfiguration configuration, BeanProvider<Embedder> embedder,
                            BeanProvider<StoredVectorPoints> storedPoints, BeanProvider<VectorChanges> changes) {
        Optional<String> url = configuration.getUrl().filter(value -> value.matches(QDRANT_CONFIGURED));
        if (url.isEmpty()) {
            return new InProcessVectorIndex(storedPoints.get(), changes.get());
        }
        Embedder model = embedder.get();
        qdrant = QdrantVectorIndex.connect(settings(url.get(), configuration), model.modelName(), model.dimension());
        qdrant.prepare();
        return qdrant;
    }

    @PreDestroy
    void close() {
        if (qdrant != null) {
            qdrant.close();
        }
    }

    private static QdrantSettings settings(String url, QdrantConfiguration configuration) {
        try {
            return new QdrantSettings(URI.create(url.trim()), configuration.getApiKey(), configuration.getTimeout(),
                    configuration.getCollectionPrefix());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
