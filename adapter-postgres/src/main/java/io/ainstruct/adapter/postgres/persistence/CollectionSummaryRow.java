package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.user.UserId;
import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.UUID;

/** A collection with the counts its listing shows. */
@Introspected
record CollectionSummaryRow(UUID id, UUID userId, String name, Instant createdAt, Instant updatedAt,
                            long documentCount, long activeTokenCount) {

    CollectionSummary toDomain() {
        return new CollectionSummary(
                new Collection(new CollectionId(id), new UserId(userId), name, createdAt, updatedAt),
                documentCount, activeTokenCount);
    }
}
