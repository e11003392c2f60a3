package io.ainstruct.application.health;

import java.util.Optional;

/**
 * Whether the service can do its work, part by part. The vector index may lag behind ({@code backlog} says how far)
 * or be unreachable ({@code indexProblem}): the service still stores and updates documents then, so it stays ready
 * and reports the index as degraded.
 */
public record Readiness(boolean databaseUp, Optional<String> databaseProblem, long backlog, long indexedPoints,
                        Optional<String> indexProblem, String embeddingModel, int embeddingDimension) {

    public boolean ready() {
        return databaseUp;
    }
}
