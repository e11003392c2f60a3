package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.UUID;

/** A documents row without its content, which listings never need and may be megabytes long. */
@Introspected
record DocumentListingRow(UUID id, UUID collectionId, String title, String documentType, String metadata,
                          int chunkCount, int tokenCount, Instant createdAt, Instant updatedAt) {
}
