package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.search.OutboxEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("indexing_outbox")
record OutboxRow(@Id @GeneratedValue Long id, String kind, UUID subject, int attempts, Instant availableAt,
                 @Nullable String lastError, Instant createdAt) {

    OutboxEvent toDomain() {
        return new OutboxEvent(id, OutboxEvent.Kind.valueOf(kind), subject, attempts);
    }
}
