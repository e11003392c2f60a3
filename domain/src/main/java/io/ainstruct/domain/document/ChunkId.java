package io.ainstruct.domain.document;

import java.util.Objects;
import java.util.UUID;

public record ChunkId(UUID value) {
    public ChunkId {
        Objects.requireNonNull(value, "ChunkId");
    }

    public static ChunkId random() {
        return new ChunkId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
