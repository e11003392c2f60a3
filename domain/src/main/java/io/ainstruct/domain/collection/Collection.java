package io.ainstruct.domain.collection;

import io.ainstruct.domain.user.UserId;

import java.time.Instant;

public record Collection(CollectionId id, UserId ownerId, String name, Instant createdAt, Instant updatedAt) {

    /** Every user gets one at registration; PAT-driven tools default to it. */
    public static final String DEFAULT_NAME = "default";

    public Collection renamed(String newName, Instant now) {
        return new Collection(id, ownerId, newName, createdAt, now);
    }
}
