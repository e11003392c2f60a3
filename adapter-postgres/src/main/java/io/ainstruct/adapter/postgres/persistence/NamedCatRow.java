package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TokenColumns;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.user.UserId;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A cats row with the name of its collection, as token listings show it. */
@Introspected
record NamedCatRow(UUID id, UUID collectionId, UUID createdBy, String label, String tokenHash, String permission,
                   @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, boolean active, Instant createdAt,
                   String collectionName) {

    NamedCollectionToken toDomain() {
        return new NamedCollectionToken(new CollectionAccessToken(id, new CollectionId(collectionId),
                new UserId(createdBy), label, tokenHash, TokenColumns.permission(permission), expiresAt, lastUsedAt, active,
                createdAt), collectionName);
    }
}
