package io.ainstruct.domain.document;

/** A document with the number of its chunks and their tokens: what a reader of the whole document is shown. */
public record CountedDocument(Document document, int chunkCount, int tokenCount) {
}
