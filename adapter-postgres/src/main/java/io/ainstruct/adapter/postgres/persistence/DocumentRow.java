package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A documents row as read; {@code metadata} is the jsonb column's text, written only by {@link DocumentRows}' queries. */
@MappedEntity("documents")
record DocumentRow(@Id UUID id, UUID collectionId, String title, String content, String contentHash,
                   String documentType, String metadata, int chunkCount, int tokenCount,
                   Instant createdAt, Instant updatedAt) {
}
