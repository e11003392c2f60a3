package io.ainstruct.application.document;

import io.ainstruct.application.validation.Require;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentType;

import java.util.Map;
import java.util.Optional;

/** A partial update: an empty field stays as it is. */
public record DocumentChanges(Optional<String> title, Optional<String> content, Optional<DocumentType> type,
                              Optional<Map<String, Object>> metadata, Optional<CollectionId> collectionId) {

    public DocumentChanges {
        title.ifPresent(t -> Require.text("title", t, 1, 500));
        content.ifPresent(DocumentRules::requireContent);
    }
}
