package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.user.UserId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("collections")
record CollectionRow(@Id UUID id, UUID userId, String name, Instant createdAt, Instant updatedAt) {

    static CollectionRow of(Collection collection) {
        return new CollectionRow(collection.id().value(), collection.ownerId().value(), collection.name(),
                collection.createdAt(), collection.updatedAt());
    }

    Collection toDomain() {
        return new Collection(new CollectionId(id), new UserId(userId), name, createdAt, updatedAt);
    }
}
