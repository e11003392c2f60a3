package io.ainstruct.domain.collection;

import java.util.Objects;
import java.util.UUID;

public record CollectionId(UUID value) {
    public CollectionId {
        Objects.requireNonNull(value, "CollectionId");
    }

    public static CollectionId random() {
        return new CollectionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
