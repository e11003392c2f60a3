package io.ainstruct.domain.search;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;

/** The text behind a hit, with what a reader needs to cite it. */
public record Passage(ChunkId chunkId, DocumentId documentId, String title, CollectionId collectionId,
                      String collectionName, int chunkIndex, String content, int tokenCount) {
}
