package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.search.Passage;
import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

@Introspected
record PassageRow(UUID chunkId, UUID documentId, String title, UUID collectionId, String collectionName,
                  int chunkIndex, String content, int tokenCount) {

    Passage toDomain() {
        return new Passage(new ChunkId(chunkId), new DocumentId(documentId), title, new CollectionId(collectionId),
                collectionName, chunkIndex, content, tokenCount);
    }
}
