package io.ainstruct.application.document;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.field.FieldLimits;

import java.util.Map;
import java.util.Optional;

/** A partial update: an empty field stays as it is. */
public record DocumentChanges(Optional<String> title, Optional<String> content, Optional<DocumentType> type,
                              Optional<Map<String, Object>> metadata, Optional<CollectionId> collectionId) {

    public DocumentChanges {
        title.ifPresent(FieldLimits.DOCUMENT_TITLE::require);
        content.ifPresent(DocumentRules::requireContent);
        metadata.ifPresent(FieldLimits.METADATA::require);
    }
}
