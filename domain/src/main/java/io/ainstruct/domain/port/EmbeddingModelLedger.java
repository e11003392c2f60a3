package io.ainstruct.domain.port;

import java.util.Optional;

/**
 * Remembers which embedding model made the stored vectors (e.g. {@code all-minilm-l6-v2-q/384}), so the server
 * can refuse to mix vectors of two models.
 */
public interface EmbeddingModelLedger {

    Optional<String> recorded();

    void record(String modelKey);
}
