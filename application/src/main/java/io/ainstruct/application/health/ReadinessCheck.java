package io.ainstruct.application.health;

import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.VectorIndex;

import java.util.Optional;

/** Looks at the database, the vector index and the embedder without changing anything. */
public final class ReadinessCheck {
    private final IndexingOutbox outbox;
    private final VectorIndex index;
    private final Embedder embedder;

    public ReadinessCheck(IndexingOutbox outbox, VectorIndex index, Embedder embedder) {
        this.outbox = outbox;
        this.index = index;
        this.embedder = embedder;
    }

    public Readiness check() {
        long backlog = -1;
        long points = -1;
        Optional<String> databaseProblem = Optional.empty();
        Optional<String> indexProblem = Optional.empty();
        try {
            backlog = outbox.backlog();
        } catch (RuntimeException e) {
            databaseProblem = Optional.of(String.valueOf(e.getMessage()));
        }
        try {
            points = index.size();
        } catch (RuntimeException e) {
            indexProblem = Optional.of(String.valueOf(e.getMessage()));
        }
        return new Readiness(databaseProblem.isEmpty(), databaseProblem, backlog, points, indexProblem,
                embedder.modelName(), embedder.dimension());
    }
}
