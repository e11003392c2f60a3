package io.ainstruct.domain.document;

/** One embedded passage of a document; {@code embedding} is unit length. */
public record Chunk(ChunkId id, DocumentId documentId, int index, String content, int tokenCount, float[] embedding) {
}
