package io.ainstruct.bootstrap;

import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.EmbeddingModelLedger;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Refuses to start when the configured embedding model differs from the one that made the stored vectors: mixing the
 * two would return nonsense rankings. Re-embedding every chunk with the new model (reindex) resolves it; the reindex
 * command starts with {@code ainstruct.reindexing=true}, which skips this guard, and records the new model when done.
 */
@Context
@Requires(property = "ainstruct.reindexing", notEquals = "true")
class EmbeddingModelGuard {

    EmbeddingModelGuard(Embedder embedder, EmbeddingModelLedger ledger) {
        String configured = embedder.modelName() + "/" + embedder.dimension();
        ledger.recorded().ifPresentOrElse(recorded -> {
            if (!recorded.equals(configured)) {
                throw new ConfigurationException("The stored vectors were made by embedding model '" + recorded
                        + "' but '" + configured + "' is configured. Switch back, or re-embed every chunk with the new "
                        + "model (reindex) before serving.");
            }
        }, () -> ledger.record(configured));
    }
}
