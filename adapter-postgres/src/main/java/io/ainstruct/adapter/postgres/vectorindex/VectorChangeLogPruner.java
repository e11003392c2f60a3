package io.ainstruct.adapter.postgres.vectorindex;

import jakarta.inject.Singleton;

/**
 * Prunes the vector change log for deployments where no in-process index does it: with Qdrant as the index, the
 * log is still written (next to each outbox event) but nobody reads it, and it must not grow without end.
 */
@Singleton
public class VectorChangeLogPruner {
    private final VectorChanges changes;

    VectorChangeLogPruner(VectorChanges changes) {
        this.changes = changes;
    }

    /** Deletes the rows past the log's retention; returns how many. */
    public int pruneExpired() {
        return changes.prune(VectorChanges.RETENTION);
    }
}
