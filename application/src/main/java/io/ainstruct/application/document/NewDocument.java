package io.ainstruct.application.document;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.field.FieldLimits;

import java.util.Map;
import java.util.Objects;

/** A document to store; checks its own fields (the size limit is the service's, as it is configurable). */
public record NewDocument(CollectionId collectionId, String title, String content, DocumentType type,
                          Map<String, Object> metadata) {

    public NewDocument {
        Objects.requireNonNull(collectionId, "collectionId");
        FieldLimits.DOCUMENT_TITLE.require(title);
        DocumentRules.requireContent(content);
        type = type == null ? DocumentType.MARKDOWN : type;
        metadata = FieldLimits.METADATA.require(metadata == null ? Map.of() : metadata);
    }
}
