package io.ainstruct.application.health;

import java.util.Optional;

/** Whether the service can do its work, part by part. The vector index may lag behind: {@code backlog} says how far. */
public record Readiness(boolean databaseUp, Optional<String> databaseProblem, long backlog, long indexedPoints,
                        String embeddingModel, int embeddingDimension) {

    public boolean ready() {
        return databaseUp;
    }
}
