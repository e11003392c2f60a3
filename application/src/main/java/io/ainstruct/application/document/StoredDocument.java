package io.ainstruct.application.document;

import io.ainstruct.domain.document.Document;

/** A document as the service holds it; {@code created} is false when storing found an identical twin. */
public record StoredDocument(Document document, int chunkCount, int tokenCount, boolean created) {
}
