package io.ainstruct.domain.chunking;

/** A passage cut from a document, with its size in tokens. */
public record TextChunk(String content, int tokenCount) {
}
