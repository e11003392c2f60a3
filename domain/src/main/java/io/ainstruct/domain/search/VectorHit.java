package io.ainstruct.domain.search;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;

/** A point found by a search; {@code score} is cosine similarity, higher is closer. */
public record VectorHit(ChunkId chunkId, DocumentId documentId, CollectionId collectionId, double score) {
}
