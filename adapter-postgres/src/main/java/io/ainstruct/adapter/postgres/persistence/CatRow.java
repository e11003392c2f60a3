package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TokenColumns;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/** A cats row; {@code permission} is written as {@link TokenColumns#permissionName} says. */
@MappedEntity("cats")
record CatRow(@Id UUID id, UUID collectionId, UUID createdBy, String label, String tokenHash, String permission,
              @Nullable Instant expiresAt, @Nullable Instant lastUsedAt,
              @MappedProperty("is_active") boolean active, Instant createdAt) {

    static CatRow of(CollectionAccessToken token) {
        return new CatRow(token.id(), token.collectionId().value(), token.createdBy().value(), token.label(),
                token.tokenHash(), TokenColumns.permissionName(token.permission()), token.expiresAt(),
                token.lastUsedAt(), token.active(), token.createdAt());
    }

    CollectionAccessToken toDomain() {
        return new CollectionAccessToken(id, new CollectionId(collectionId), new UserId(createdBy), label, tokenHash,
                TokenColumns.permission(permission), expiresAt, lastUsedAt, active, createdAt);
    }
}
