package io.ainstruct.domain.document;

import io.ainstruct.domain.collection.CollectionId;

import java.time.Instant;
import java.util.Map;

/**
 * A stored document. {@code metadata} is a JSON object given as plain Java values
 * (String, Number, Boolean, null, List, Map) so the domain stays free of any JSON library.
 */
public record Document(DocumentId id, CollectionId collectionId, String title, String content, String contentHash,
                       DocumentType type, Map<String, Object> metadata, Instant createdAt, Instant updatedAt) {

    public Document {
        metadata = metadata == null ? Map.of() : metadata;
    }

    /** What a caller who may write but not read is told: where the document is and what it holds by digest only. */
    public Document receipt() {
        return new Document(id, collectionId, null, null, contentHash, type, Map.of(), createdAt, updatedAt);
    }
}
