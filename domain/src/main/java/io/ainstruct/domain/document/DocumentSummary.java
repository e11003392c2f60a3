package io.ainstruct.domain.document;

import io.ainstruct.domain.collection.CollectionId;

import java.time.Instant;
import java.util.Map;

/** A document as listed: everything but its content. */
public record DocumentSummary(DocumentId id, CollectionId collectionId, String title, DocumentType type,
                              Map<String, Object> metadata, int chunkCount, int tokenCount,
                              Instant createdAt, Instant updatedAt) {
}
