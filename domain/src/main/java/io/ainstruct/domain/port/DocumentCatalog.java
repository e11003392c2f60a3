package io.ainstruct.domain.port;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;

import java.util.List;
import java.util.Optional;

/** Walks every stored document in id order, in pages, for whole-store work such as rebuilding the vector index. */
public interface DocumentCatalog {

    /** Documents of {@code collection} (or of every collection) in total. */
    long count(Optional<CollectionId> collection);

    /** Up to {@code limit} ids greater than {@code after} (from the first when empty), ascending. */
    List<DocumentId> idsAfter(Optional<DocumentId> after, Optional<CollectionId> collection, int limit);
}
