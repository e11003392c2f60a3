package io.ainstruct.domain.search;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;

import java.util.Map;

/** A chunk's vector with the payload searches filter on. Its id is the chunk's, so writing it twice is harmless. */
public record VectorPoint(ChunkId chunkId, DocumentId documentId, CollectionId collectionId, DocumentType type,
                          Map<String, Object> metadata, float[] vector) {
}
